import type { Locale } from "./locales";

/**
 * A calendar day of the domain ("YYYY-MM-DD" or a Date at midnight UTC) in
 * the page's language: English keeps the registry's day-first dates
 * ("5 December 2026", src/domain/dates.ts), other languages their own order.
 */
export function formatCalendarDay(locale: Locale, day: string | Date): string {
  const date = typeof day === "string" ? new Date(`${day}T00:00:00Z`) : day;
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : locale, {
    dateStyle: "long",
    timeZone: "UTC",
  }).format(date);
}
