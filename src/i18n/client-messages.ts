import "server-only";

import { getMessages } from "next-intl/server";

/**
 * The catalogue namespaces client components use (useTranslations in a "use
 * client" file). Only these travel to the browser, in every page's payload,
 * so add a namespace here when a client component needs it and keep the
 * list short: server components read the whole catalogue at no cost to the
 * page (decision 0026).
 */
const clientNamespaces = [] as const satisfies readonly (keyof Awaited<ReturnType<typeof getMessages>>)[];

export async function clientMessages(): Promise<Record<string, unknown>> {
  const messages = await getMessages();
  return Object.fromEntries(clientNamespaces.map((namespace) => [namespace, messages[namespace]]));
}
