import { defaultLocale, type Locale } from "@/i18n/locales";

import { addYears as addIsoYears } from "./term";

// Dates of the domain are calendar days without a time zone; they travel as
// "YYYY-MM-DD" strings and are shown in the reader's language, the month in
// words: "3 March 2027", « 3 mars 2027 », «3 марта 2027 г.», "2027年3月3日".
// The registry's English writes the day first, as WHO does (en-GB).
const intlLocale: Record<Locale, string> = { en: "en-GB", fr: "fr", es: "es", ar: "ar", ru: "ru", zh: "zh" };
const displayFormats = new Map<Locale, Intl.DateTimeFormat>();

function displayFormat(locale: Locale): Intl.DateTimeFormat {
  let format = displayFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale[locale], {
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    });
    displayFormats.set(locale, format);
  }
  return format;
}

export function toIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A calendar day in words, in `locale` (English unless told). */
export function formatIsoDate(isoDate: string, locale: Locale = defaultLocale): string {
  return displayFormat(locale).format(new Date(`${isoDate}T00:00:00Z`));
}

const DAY_MS = 86_400_000;

/** Midnight UTC of the given instant's calendar day. */
export function startOfUtcDay(instant: Date): Date {
  return new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate()));
}

export function addDays(day: Date, days: number): Date {
  return new Date(startOfUtcDay(day).getTime() + days * DAY_MS);
}

/** The same calendar day `years` later; see term.ts for the 29 February rule. */
export function addYears(day: Date, years: number): Date {
  return fromIsoDate(addIsoYears(toIsoDate(day), years));
}

export function fromIsoDate(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: Date, to: Date): number {
  return Math.round((startOfUtcDay(to).getTime() - startOfUtcDay(from).getTime()) / DAY_MS);
}

/**
 * A moment as the workspace shows it, in UTC whatever the reader's zone
 * (the registry's one time zone): "2026-12-05 14:07 UTC", with seconds for
 * the audit trail.
 */
export function utcDateTime(date: Date, { seconds = false }: { seconds?: boolean } = {}): string {
  return `${date
    .toISOString()
    .slice(0, seconds ? 19 : 16)
    .replace("T", " ")} UTC`;
}
