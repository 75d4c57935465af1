import "server-only";

// use-intl's core is the part of next-intl that works without React and
// without Next (scheduled jobs and `admin:create` run outside Next, with the
// react-server condition, where "next-intl" itself cannot load).
import { createTranslator } from "use-intl/core";

import ar from "../../messages/ar.json";
import en from "../../messages/en.json";
import es from "../../messages/es.json";
import fr from "../../messages/fr.json";
import ru from "../../messages/ru.json";
import zh from "../../messages/zh.json";

import type { Locale } from "./locales";

// The six catalogues for words written outside a page request: e-mails (the
// outbox is written by commands and scheduled jobs, in the recipient's
// language, not the request's), calendar feeds, the Atom feed and the CSV
// export (in the language their `?lang=` asks for) and the designation
// letter (in the language the officer chose); and each page request's
// catalogue (request.ts), one language per request.

/** English's shape: every catalogue has the same keys (tests/unit/catalogues.test.ts). */
type Messages = typeof en;

const catalogues: Record<Locale, Messages> = { ar, zh, en, fr, ru, es } as Record<Locale, Messages>;

type Namespace =
  "Mail" | "Status" | "LanguagePreference" | "Feed" | "Site" | "CsvColumns" | "Letter" | "Problems";
const translate = (locale: Locale, namespace: Namespace) =>
  createTranslator({ locale, messages: catalogues[locale], namespace, timeZone: "UTC" });

/** A language's whole catalogue (the letter reads its region names). */
export function catalogueFor(locale: Locale): Messages {
  return catalogues[locale];
}

/** One translator per language and namespace for the process: each keeps the messages it has parsed. */
const translators = new Map<string, ReturnType<typeof translate>>();

/** A translator of `namespace` in `locale`, as next-intl's getTranslations gives pages, without a request. */
export function translatorFor<const N extends Namespace>(locale: Locale, namespace: N) {
  const key = `${locale}:${namespace}`;
  let translator = translators.get(key);
  if (!translator) {
    translator = translate(locale, namespace);
    translators.set(key, translator);
  }
  return translator as ReturnType<typeof createTranslator<Messages, N>>;
}
