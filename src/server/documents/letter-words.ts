import "server-only";

import type { LetterWords } from "@/domain/designation-letter";
import { catalogueFor, translatorFor } from "@/i18n/catalogues";
import type { Locale } from "@/i18n/locales";

// The designation letter's language (decision 0031): its words from the
// catalogue (`Letter.*`), its dates and numbers through Intl, the region's
// name from `Regions.*` and the country's from Intl.DisplayNames (English
// letters keep the registry's, WHO's official names), all in the language
// the officer chose for the letter, whatever the reader's own.

/** Intl's locale for a letter's dates: English letters write the day first, as the registry does everywhere. */
const dateLocale = (locale: Locale) => (locale === "en" ? "en-GB" : locale);

export async function letterWords(locale: Locale): Promise<LetterWords> {
  const t = translatorFor(locale, "Letter");
  const regions = catalogueFor(locale).Regions as Record<string, { name: string } | undefined>;
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
