import { isReportOverdue, reportStatesAwaitingSubmission } from "./annual-report-schedule";
import { addDays, daysBetween, fromIsoDate, toIsoDate } from "./dates";
import { EVALUATION_WINDOW_MONTHS, renewalWindowOpensOn } from "./evaluation";
import type { IsoDate } from "./term";

// Which reminders are due on a given day (docs/domain.md §6, issue 6 items 4 and 7).
// Pure: the job reads the database, asks this module, and writes one outbox
// row per reminder and recipient. Every reminder has a stable key; the outbox
// refuses a second row with the same key, so running the job twice (or in two
// app instances at once) sends each reminder once.
//
// Rules (docs/decisions/0007-scheduled-jobs.md):
// - A due date is the anniversary of the term's start and is never moved for
//   a weekend or holiday; reminders fall on calendar days.
// - Each reminder has a window from its own day until the next reminder's day.
//   A job that did not run on the day catches up later inside the window, once;
//   past the window the later reminder replaces it (a "due in 30 days" mail on
//   the due date would be wrong).

export const STAFF_REMINDER_OFFSETS = { "due-minus-30": -30, "due-date": 0, "due-plus-14": 14 } as const;
export type StaffReminderKind = keyof typeof STAFF_REMINDER_OFFSETS;
export const REVIEW_WAIT_DAYS = 14;
export const REDESIGNATION_INVITATION_MONTHS = EVALUATION_WINDOW_MONTHS;

export type ReportForReminder = {
  id: number;
  centreId: number;
  reference: string;
  title: string;
  yearNumber: number;
  dueOn: IsoDate;
  state: string;
  /** When the current submission was made (SUBMITTED reports). */
  submittedAt: Date | null;
};

export type Reminder =
  | { kind: StaffReminderKind; audience: "staff"; key: string; report: ReportForReminder; daysToDue: number }
  | {
      kind: "review-waiting";
      audience: "officer";
      key: string;
      report: ReportForReminder;
      waitedDays: number;
    };

function plusDays(day: IsoDate, days: number): IsoDate {
  return toIsoDate(addDays(fromIsoDate(day), days));
}

/** The staff reminder whose window contains `today`, if the report is still not submitted. */
export function staffReminderFor(report: ReportForReminder, today: IsoDate): Reminder | null {
  if (!(reportStatesAwaitingSubmission as readonly string[]).includes(report.state)) return null;
  const kinds = Object.keys(STAFF_REMINDER_OFFSETS) as StaffReminderKind[];
  // The latest reminder whose day has come is the one to send (earlier ones are superseded).
  for (const kind of [...kinds].reverse()) {
    const from = plusDays(report.dueOn, STAFF_REMINDER_OFFSETS[kind]);
    if (today >= from) {
      return {
        kind,
        audience: "staff",
        key: `report:${report.id}:${kind}`,
        report,
        daysToDue: daysBetween(fromIsoDate(today), fromIsoDate(report.dueOn)),
      };
    }
  }
  return null;
}

/**
 * The officer's reminder for a report SUBMITTED at least 14 days ago and not
 * yet reviewed. Keyed by the submission, so a resubmission after a return
 * gets its own reminder, and one submission never more than one.
 */
export function reviewReminderFor(report: ReportForReminder, now: Date): Reminder | null {
  if (report.state !== "SUBMITTED" || !report.submittedAt) return null;
  const waitedDays = daysBetween(report.submittedAt, now);
  if (waitedDays < REVIEW_WAIT_DAYS) return null;
  return {
    kind: "review-waiting",
    audience: "officer",
    key: `report:${report.id}:review-waiting:${report.submittedAt.toISOString()}`,
    report,
    waitedDays,
  };
}

export function remindersDue(reports: readonly ReportForReminder[], now: Date): Reminder[] {
  const today = toIsoDate(now);
  return reports.flatMap((report) => {
    const reminder = staffReminderFor(report, today) ?? reviewReminderFor(report, now);
    return reminder ? [reminder] : [];
  });
}

/** The outbox key of one reminder for one person: each recipient gets it once. */
export function recipientKey(key: string, userId: number): string {
  return `${key}:to:${userId}`;
}

// ───────────────────────── redesignation invitation ─────────────────────────

export type TermForInvitation = {
  /** The designation that produced the current term. */
  designationId: number;
  centreStatus: string;
  termEnd: IsoDate;
  hasOpenRedesignation: boolean;
  hasOfficer: boolean;
};

/**
 * The day the officer is invited to start a redesignation: the day the
 * renewal window (evaluation and redesignation) opens, 6 months before the term ends.
 */
export function invitationDay(termEnd: IsoDate): IsoDate {
  return renewalWindowOpensOn(termEnd);
}

/**
 * Whether the officer should be invited today: an Active centre in the last
 * 6 months of its term (the term covers [start, end)), no redesignation under
 * way, and an officer to invite. Keyed by the term, so each term invites once.
 */
export function redesignationInvitation(term: TermForInvitation, today: IsoDate): { key: string } | null {
  if (term.centreStatus !== "ACTIVE" || term.hasOpenRedesignation || !term.hasOfficer) return null;
  if (today < invitationDay(term.termEnd) || today >= term.termEnd) return null;
  return { key: `designation:${term.designationId}:redesignation-invitation` };
}

// ───────────────────────── focal point digest ─────────────────────────

export type DigestReport = ReportForReminder & { regionId: number };
export type FocalPoint = { userId: number; regionIds: readonly number[] };
export type Digest = { userId: number; key: string; reports: DigestReport[] };

/** The ISO 8601 week of a day, "2026-W48": one digest per person per week. */
export function isoWeek(day: IsoDate): string {
  const date = fromIsoDate(day);
  const weekday = (date.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const thursday = addDays(date, 3 - weekday); // the week belongs to its Thursday's year
  const year = thursday.getUTCFullYear();
  const week = Math.floor(daysBetween(new Date(Date.UTC(year, 0, 1)), thursday) / 7) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/**
 * One digest per focal point with the overdue reports of their regions, most
 * overdue first; nobody gets an empty digest. Keyed by ISO week, so a missed
 * run is caught up later in the week and a second run sends nothing.
 */
export function focalDigests(
  reports: readonly DigestReport[],
  focalPoints: readonly FocalPoint[],
  now: Date,
): Digest[] {
  const today = toIsoDate(now);
  const overdue = reports
    // Compared as days: at 06:00 on the due date a report is not yet overdue.
    .filter((report) =>
      isReportOverdue({ dueOn: fromIsoDate(report.dueOn), state: report.state }, fromIsoDate(today)),
    )
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.reference.localeCompare(b.reference));
  const week = isoWeek(today);
  return focalPoints.flatMap((focal) => {
    const mine = overdue.filter((report) => focal.regionIds.includes(report.regionId));
    return mine.length
      ? [{ userId: focal.userId, key: `digest:${week}:to:${focal.userId}`, reports: mine }]
      : [];
  });
}
