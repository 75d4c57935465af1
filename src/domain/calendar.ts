import { addDays, toIsoDate } from "./dates";
import { renewalWindowOpensOn } from "./evaluation";
import { REVIEW_WAIT_DAYS } from "./reminders";

// A person's deadlines as calendar events (issue 6 item 9): pure functions
// from the facts the server loads for the person's roles to all-day events.
// The feed's address carries a secret token; only its SHA-256 is stored.
// The events' words come from the catalogues (Calendar.*) in the feed's
// language, through `words`.

/** 32 random bytes, base64url: 43 characters of [A-Za-z0-9_-]. */
export const CALENDAR_TOKEN_BYTES = 32;
const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

/** The token of a feed file name "<token>.ics", or null when it cannot be one. */
export function calendarTokenFromFile(file: string): string | null {
  if (!file.endsWith(".ics")) return null;
  const token = file.slice(0, -".ics".length);
  return tokenPattern.test(token) ? token : null;
}

export type CalendarEvent = {
  /** Stable across fetches, so a calendar updates an event instead of adding a copy. */
  uid: string;
  /** All-day, YYYY-MM-DD. */
  date: string;
  summary: string;
  description: string;
  /** Where to deal with it, relative to the site. */
  path: string;
};

type CentreRef = { reference: string; title: string };

/** The keys of the catalogues' Calendar namespace that events are written with. */
export type CalendarTextKey =
  | "reportDueSummary"
  | "reportDueDescription"
  | "reportReviewSummary"
  | "reportReviewDescription"
  | "overdueSummary"
  | "overdueDescription"
  | "evaluationSummary"
  | "evaluationDescription"
  | "termEndSummary"
  | "termEndDescription";

/** An event's words in one language: a message of Calendar.*, and calendar days as the language writes them. */
export type CalendarWords = {
  text(key: CalendarTextKey, values: Record<string, string | number>): string;
  day(isoDate: string): string;
};
export type ReportDeadline = {
  id: number;
  centre: CentreRef;
  yearNumber: number;
  dueOn: Date;
  state: string;
  submittedAt: Date | null;
};
export type TermDeadline = {
  designationId: number;
  centre: CentreRef;
  termEnd: Date;
  evaluationCompleted: boolean;
};

/** Centre staff: each report still to be written or fixed, on its due date. */
export function reportDueEvent(report: ReportDeadline, words: CalendarWords): CalendarEvent {
  const values = { reference: report.centre.reference, title: report.centre.title, year: report.yearNumber };
  return {
    uid: `report-due-${report.id}`,
    date: toIsoDate(report.dueOn),
    summary: words.text("reportDueSummary", values),
    description: words.text("reportDueDescription", values),
    path: `/reports/${report.id}`,
  };
}

/** Officer: a submitted report, on the day its review is expected (14 days after submission). */
export function reportReviewEvent(report: ReportDeadline, words: CalendarWords): CalendarEvent {
  const submitted = report.submittedAt ?? report.dueOn;
  return {
    uid: `report-review-${report.id}`,
    date: toIsoDate(addDays(submitted, REVIEW_WAIT_DAYS)),
    summary: words.text("reportReviewSummary", {
      reference: report.centre.reference,
      year: report.yearNumber,
    }),
    description: words.text("reportReviewDescription", { date: words.day(toIsoDate(submitted)) }),
    path: `/reports/${report.id}`,
  };
}

/** Focal point: a report of the region that is overdue, on the day it was due. */
export function overdueReportEvent(report: ReportDeadline, words: CalendarWords): CalendarEvent {
  const values = { reference: report.centre.reference, title: report.centre.title, year: report.yearNumber };
  return {
    uid: `report-overdue-${report.id}`,
    date: toIsoDate(report.dueOn),
    summary: words.text("overdueSummary", values),
    description: words.text("overdueDescription", values),
    path: `/reports/${report.id}`,
  };
}

/** Officer: the day the final evaluation can be written (6 months before the end), while not completed. */
export function evaluationEvent(term: TermDeadline, words: CalendarWords): CalendarEvent | null {
  if (term.evaluationCompleted) return null;
  return {
    uid: `evaluation-${term.designationId}`,
    date: renewalWindowOpensOn(toIsoDate(term.termEnd)),
    summary: words.text("evaluationSummary", { reference: term.centre.reference }),
    description: words.text("evaluationDescription", {
      title: term.centre.title,
      date: words.day(toIsoDate(term.termEnd)),
    }),
    path: `/evaluations/${term.designationId}`,
  };
}

/** Officer and focal point: the day a term of designation ends (the first day without it). */
export function termEndEvent(term: TermDeadline, words: CalendarWords): CalendarEvent {
  return {
    uid: `term-end-${term.designationId}`,
    date: toIsoDate(term.termEnd),
    summary: words.text("termEndSummary", { reference: term.centre.reference }),
    description: words.text("termEndDescription", { title: term.centre.title }),
    path: `/evaluations/${term.designationId}`,
  };
}

/** One event per uid (a person with two roles may reach one deadline twice), by date. */
export function mergeEvents(events: readonly (CalendarEvent | null)[]): CalendarEvent[] {
  const byUid = new Map<string, CalendarEvent>();
  for (const event of events) if (event && !byUid.has(event.uid)) byUid.set(event.uid, event);
  return [...byUid.values()].sort((a, b) => a.date.localeCompare(b.date) || a.uid.localeCompare(b.uid));
}
