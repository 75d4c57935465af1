import "server-only";

import { getLocale } from "next-intl/server";

import { localePath } from "./locales";

/**
 * Links to our pages in the language being read: `href("/centres?q=x")` is
 * `/fr/centres?q=x` on a French page and unchanged on an English one. For
 * plain <a>, next/link and form actions alike.
 */
export async function getLocaleHref(): Promise<(href: string) => string> {
  const locale = await getLocale();
  return (href) => localePath(locale, href);
}
