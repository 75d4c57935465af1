import { addYears as addIsoYears } from "./term";

// Dates of the domain are calendar days without a time zone; they travel as
// "YYYY-MM-DD" strings and are shown in English with the day first.
const displayFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

export function toIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function formatIsoDate(isoDate: string): string {
  return displayFormat.format(new Date(`${isoDate}T00:00:00Z`));
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
