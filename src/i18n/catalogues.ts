import "server-only";

import { createTranslator } from "next-intl";

import ar from "../../messages/ar.json";
import en from "../../messages/en.json";
import es from "../../messages/es.json";
import fr from "../../messages/fr.json";
import ru from "../../messages/ru.json";
import zh from "../../messages/zh.json";

import type { Locale } from "./locales";

// The six catalogues for words written outside a page request: e-mails (the
// outbox is written by commands and scheduled jobs, in the recipient's
// language, not the request's) and calendar feeds. Pages get theirs from
// request.ts, one language per request.

/** English's shape: every catalogue has the same keys (tests/unit/catalogues.test.ts). */
type Messages = typeof en;

const catalogues: Record<Locale, Messages> = { ar, zh, en, fr, ru, es } as Record<Locale, Messages>;

/** A translator of `namespace` in `locale`, as next-intl's getTranslations gives pages, without a request. */
export function translatorFor<const N extends "Mail" | "Status" | "LanguagePreference">(
  locale: Locale,
  namespace: N,
) {
  return createTranslator({ locale, messages: catalogues[locale], namespace, timeZone: "UTC" });
}
