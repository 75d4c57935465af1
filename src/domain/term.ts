// Terms of designation are calendar days without a time zone, so they travel
// as "YYYY-MM-DD" strings (like src/domain/dates.ts): no Date arithmetic, no
// daylight-saving or time-zone surprises, and ISO strings compare correctly as
// plain strings. Functions throw RangeError on a string that is not a real
// calendar date; use isIsoDate() to check untrusted input first.

/** A calendar date written "YYYY-MM-DD" (years 0001-9999). */
export type IsoDate = string;

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): value is IsoDate {
  const match = isoDatePattern.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * The same calendar day `years` later (or earlier). 29 February becomes
 * 28 February in a year without one: an anniversary never spills into March.
 */
export function addYears(date: IsoDate, years: number): IsoDate {
  if (!Number.isInteger(years)) throw new RangeError(`years must be a whole number, got ${years}`);
  const { year, month, day } = parts(date);
  const target = year + years;
  if (target < 1 || target > 9999) throw new RangeError(`${date} plus ${years} years is out of range`);
  return format(target, month, Math.min(day, daysInMonth(target, month)));
}

/**
 * The length of a term in whole years: n when `end` is the n-th anniversary of
 * `start`, otherwise null (a term that does not end on an anniversary has no
 * length in years, and guessing one would misstate the designation).
 */
export function termLengthYears(start: IsoDate, end: IsoDate): number | null {
  const years = parts(end).year - parts(start).year;
  if (end <= start) return null;
  return addYears(start, years) === end ? years : null;
}

/**
 * The 1-based year of the term that `today` falls in, or null outside the
 * term. The term covers [start, end): on the end date the designation has
 * expired (docs/domain.md §1). Year k starts on the (k-1)-th anniversary of start.
 */
export function termYear(termStart: IsoDate, termEnd: IsoDate, today: IsoDate): number | null {
  const startYear = parts(termStart).year;
  const todayYear = parts(today).year;
  parts(termEnd); // validates it: comparing an invalid string would silently answer
  if (today < termStart || today >= termEnd) return null;
  let years = todayYear - startYear;
  if (addYears(termStart, years) > today) years -= 1;
  return years + 1;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function parts(date: IsoDate): { year: number; month: number; day: number } {
  if (!isIsoDate(date)) throw new RangeError(`not a calendar date (YYYY-MM-DD): "${date}"`);
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

function format(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The same day `months` later (negative: earlier); a day the month lacks becomes its last day. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  if (!isIsoDate(date)) throw new RangeError(`not a calendar date (YYYY-MM-DD): "${date}"`);
  if (!Number.isInteger(months)) throw new RangeError(`months must be a whole number, got ${months}`);
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  return `${String(targetYear).padStart(4, "0")}-${String(targetMonth).padStart(2, "0")}-${String(Math.min(day, lastDay)).padStart(2, "0")}`;
}

/**
 * Whether the term a centre's record carries has begun on `today`. A
 * redesignation decided before the current term ends records the next term
 * at once; it begins on the day the current one ends (redesignationTermStart).
 */
export function termHasBegun(termStart: IsoDate, today: IsoDate): boolean {
  parts(termStart);
  parts(today);
  return termStart <= today;
}
