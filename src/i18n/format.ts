import type { Locale } from "./locales";

// Dates, numbers, lists and sorting in the reader's language, through Intl
// (decision 0026). Plain functions, no I/O: pages get them bound to the
// request's language with getFormat() (src/i18n/server.ts); feeds, exports
// and tests call localeFormat() with the language they were asked for.

/**
 * The Intl locale of an interface language. English is the registry's
 * British English (centre, programme), so its dates put the day first
 * ("5 July 2002"), as they always have; the others are themselves.
 */
export function intlLocale(locale: Locale): string {
  return locale === "en" ? "en-GB" : locale;
}

export type LocaleFormat = {
  locale: Locale;
  /** A calendar day, "YYYY-MM-DD": 5 July 2002, 5 juillet 2002, 2002年7月5日. */
  day(isoDate: string): string;
  /** A month, "YYYY-MM", short: Mar 2026, mars 2026. */
  month(isoMonth: string): string;
  /** A month's short name without its year ("YYYY-MM"): Mar, mars, 3月. */
  monthName(isoMonth: string): string;
  /** The year of a month ("YYYY-MM") as the language writes it alone: 2026, 2026 г., 2026年. */
  year(isoMonth: string): string;
  /** A whole number with the language's grouping: 1,820; 1 820. */
  number(value: number): string;
  /** Items joined as the language joins them ("a, b and c"; "a، b وc"). */
  list(items: readonly string[]): string;
  /**
   * A list of `count` items that are not plain text (links, emphasis): the
   * item indexes in order with the language's words and punctuation between
   * them as strings, for the caller to fill in.
   */
  listParts(count: number): (number | string)[];
  /** For sort(): the language's alphabetical order. */
  compare(a: string, b: string): number;
};

const cache = new Map<Locale, LocaleFormat>();

export function localeFormat(locale: Locale): LocaleFormat {
  const known = cache.get(locale);
  if (known) return known;
  const tag = intlLocale(locale);
  // Domain dates are calendar days without a zone: read and shown in UTC.
  const day = new Intl.DateTimeFormat(tag, {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
  const month = new Intl.DateTimeFormat(tag, { month: "short", year: "numeric", timeZone: "UTC" });
  const monthName = new Intl.DateTimeFormat(tag, { month: "short", timeZone: "UTC" });
  const year = new Intl.DateTimeFormat(tag, { year: "numeric", timeZone: "UTC" });
  const firstOf = (isoMonth: string) => new Date(`${isoMonth}-01T00:00:00Z`);
  const number = new Intl.NumberFormat(tag);
  const list = new Intl.ListFormat(tag, { style: "long", type: "conjunction" });
  const collator = new Intl.Collator(tag);
  const format: LocaleFormat = {
    locale,
    day: (isoDate) => day.format(new Date(`${isoDate}T00:00:00Z`)),
    month: (isoMonth) => month.format(firstOf(isoMonth)),
    monthName: (isoMonth) => monthName.format(firstOf(isoMonth)),
    year: (isoMonth) => year.format(firstOf(isoMonth)),
    number: (value) => number.format(value),
    list: (items) => list.format(items),
    listParts: (count) =>
      list
        .formatToParts(Array.from({ length: count }, (_, index) => String(index)))
        .map((part) => (part.type === "element" ? Number(part.value) : part.value)),
    compare: (a, b) => collator.compare(a, b),
  };
  cache.set(locale, format);
  return format;
}
