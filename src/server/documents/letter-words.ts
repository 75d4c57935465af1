import "server-only";

import { createTranslator } from "next-intl";

import type { LetterWords } from "@/domain/designation-letter";
import type { Locale } from "@/i18n/locales";

import type english from "../../../messages/en.json";

// The designation letter's language (decision 0031): its words from the
// catalogue (`Letter.*`), its dates and numbers through Intl, the region's
// name from `Regions.*` and the country's from Intl.DisplayNames (English
// letters keep the registry's, WHO's official names), all in the language
// the officer chose for the letter, whatever the reader's own.

type Messages = typeof english;

const catalogues: Record<Locale, () => Promise<{ default: Messages }>> = {
  ar: () => import("../../../messages/ar.json"),
  zh: () => import("../../../messages/zh.json"),
  en: () => import("../../../messages/en.json"),
  fr: () => import("../../../messages/fr.json"),
  ru: () => import("../../../messages/ru.json"),
  es: () => import("../../../messages/es.json"),
};

/** Intl's locale for a letter's dates: English letters write the day first, as the registry does everywhere. */
const dateLocale = (locale: Locale) => (locale === "en" ? "en-GB" : locale);

export async function letterWords(locale: Locale): Promise<LetterWords> {
  const messages = (await catalogues[locale]()).default;
  const t = createTranslator({ locale, messages, namespace: "Letter", timeZone: "UTC" });
  const regions = messages.Regions as Record<string, { name: string } | undefined>;
  const days = new Intl.DateTimeFormat(dateLocale(locale), {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
  const countries = new Intl.DisplayNames(locale, { type: "region", fallback: "none" });
  return {
    locale,
    t: (key, values) => t(key, values),
    date: (day) => days.format(new Date(`${day}T00:00:00Z`)),
    regionName: (code) => (Object.hasOwn(regions, code) ? (regions[code]?.name ?? null) : null),
    // The registry's own names are WHO's official English ones ("Republic of
    // Korea", "Viet Nam"): an English letter keeps them; other languages get
    // Intl's (CLDR) name for the code.
    countryName: (isoCode) => {
      if (locale === "en" || !/^[A-Za-z]{2}$/.test(isoCode)) return null;
      return countries.of(isoCode.toUpperCase()) ?? null;
    },
  };
}
