import { addDays, toIsoDate } from "./dates";
import { renewalWindowOpensOn } from "./evaluation";
import { REVIEW_WAIT_DAYS } from "./reminders";

// A person's deadlines as calendar events (issue 6 item 9): pure functions
// from the facts the server loads for the person's roles to all-day events.
// No words here: each event has a kind and the facts its words name, and the
// feed writes them in the calendar owner's language (src/server/calendar).
// The feed's address carries a secret token; only its SHA-256 is stored.

/** 32 random bytes, base64url: 43 characters of [A-Za-z0-9_-]. */
export const CALENDAR_TOKEN_BYTES = 32;
const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

/** The token of a feed file name "<token>.ics", or null when it cannot be one. */
export function calendarTokenFromFile(file: string): string | null {
  if (!file.endsWith(".ics")) return null;
  const token = file.slice(0, -".ics".length);
  return tokenPattern.test(token) ? token : null;
}

/** What an event says, by kind; the server writes it in the calendar owner's language. */
export type CalendarEventKind = "reportDue" | "reportReview" | "overdueReport" | "evaluation" | "termEnd";

export type CalendarEvent = {
  /** Stable across fetches, so a calendar updates an event instead of adding a copy. */
  uid: string;
  /** All-day, YYYY-MM-DD. */
  date: string;
  kind: CalendarEventKind;
  /** What its words name: the centre, the report's year, a date the description mentions. */
  facts: { reference: string; title: string; year?: number; date?: string };
  /** Where to deal with it, relative to the site. */
  path: string;
};

type CentreRef = { reference: string; title: string };
const named = ({ reference, title }: CentreRef): CentreRef => ({ reference, title });
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
export function reportDueEvent(report: ReportDeadline): CalendarEvent {
  return {
    uid: `report-due-${report.id}`,
    date: toIsoDate(report.dueOn),
    kind: "reportDue",
    facts: { ...named(report.centre), year: report.yearNumber },
    path: `/reports/${report.id}`,
  };
}

/** Officer: a submitted report, on the day its review is expected (14 days after submission). */
export function reportReviewEvent(report: ReportDeadline): CalendarEvent {
  const submitted = report.submittedAt ?? report.dueOn;
  return {
    uid: `report-review-${report.id}`,
    date: toIsoDate(addDays(submitted, REVIEW_WAIT_DAYS)),
    kind: "reportReview",
    facts: { ...named(report.centre), year: report.yearNumber, date: toIsoDate(submitted) },
    path: `/reports/${report.id}`,
  };
}

/** Focal point: a report of the region that is overdue, on the day it was due. */
export function overdueReportEvent(report: ReportDeadline): CalendarEvent {
  return {
    uid: `report-overdue-${report.id}`,
    date: toIsoDate(report.dueOn),
    kind: "overdueReport",
    facts: { ...named(report.centre), year: report.yearNumber },
    path: `/reports/${report.id}`,
  };
}

/** Officer: the day the final evaluation can be written (6 months before the end), while not completed. */
export function evaluationEvent(term: TermDeadline): CalendarEvent | null {
  if (term.evaluationCompleted) return null;
  return {
    uid: `evaluation-${term.designationId}`,
    date: renewalWindowOpensOn(toIsoDate(term.termEnd)),
    kind: "evaluation",
    facts: { ...named(term.centre), date: toIsoDate(term.termEnd) },
    path: `/evaluations/${term.designationId}`,
  };
}

/** Officer and focal point: the day a term of designation ends (the first day without it). */
export function termEndEvent(term: TermDeadline): CalendarEvent {
  return {
    uid: `term-end-${term.designationId}`,
    date: toIsoDate(term.termEnd),
    kind: "termEnd",
    facts: named(term.centre),
    path: `/evaluations/${term.designationId}`,
  };
}

/** One event per uid (a person with two roles may reach one deadline twice), by date. */
export function mergeEvents(events: readonly (CalendarEvent | null)[]): CalendarEvent[] {
  const byUid = new Map<string, CalendarEvent>();
  for (const event of events) if (event && !byUid.has(event.uid)) byUid.set(event.uid, event);
  return [...byUid.values()].sort((a, b) => a.date.localeCompare(b.date) || a.uid.localeCompare(b.uid));
}
