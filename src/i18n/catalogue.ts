import { createTranslator } from "next-intl";

import type messages from "../../messages/en.json";

import type { Locale } from "./locales";

export type Messages = typeof messages;

/** A language's catalogue (messages/<locale>.json); only the six can load. */
export async function loadMessages(locale: Locale): Promise<Messages> {
  return (await import(`../../messages/${locale}.json`)).default as Messages;
}

/**
 * A translator in a language chosen by the request itself (a `lang`
 * parameter), for what is not a page: the CSV export, the feed, the calendar.
 * Pages use next-intl's getTranslations(), which knows the page's language.
 */
export async function translatorFor(locale: Locale) {
  return createTranslator({ locale, messages: await loadMessages(locale) });
}
