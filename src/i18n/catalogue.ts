import type messages from "../../messages/en.json";

import type { Locale } from "./locales";

export type Messages = typeof messages;

/** A language's catalogue (messages/<locale>.json); only the six can load. */
export async function loadMessages(locale: Locale): Promise<Messages> {
  return (await import(`../../messages/${locale}.json`)).default as Messages;
}
