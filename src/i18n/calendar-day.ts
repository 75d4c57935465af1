import type { Locale } from "./locales";

// A calendar day of the domain ("YYYY-MM-DD", no time zone) in a page's
// language. The registry's English is British, so English shows the day
// first ("5 January 2026"), as formatIsoDate (src/domain/dates.ts) does.
const formats = new Map<Locale, Intl.DateTimeFormat>();

export function formatCalendarDay(locale: Locale, isoDate: string): string {
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : locale, {
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    });
    formats.set(locale, format);
  }
  return format.format(new Date(`${isoDate}T00:00:00Z`));
}
