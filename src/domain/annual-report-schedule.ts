import { editableReportStates, type ReportState } from "./annual-report";
import { addDays, addYears, startOfUtcDay } from "./dates";

// docs/domain.md §6: one report per year of a term, due on each anniversary of the
// start date, opening 30 days before it.
export const REPORT_OPENS_DAYS_BEFORE_DUE = 30;

export type ScheduledReport = {
  yearNumber: number;
  periodStart: Date;
  periodEnd: Date;
  opensOn: Date;
  dueOn: Date;
};

export function scheduleAnnualReports(termStart: Date, termYears: number): ScheduledReport[] {
  if (!Number.isInteger(termYears) || termYears < 1)
    throw new RangeError("A term lasts a whole number of years ≥ 1");
  return Array.from({ length: termYears }, (_, index) => {
    const yearNumber = index + 1;
    const periodStart = addYears(termStart, index);
    const dueOn = addYears(termStart, yearNumber);
    return {
      yearNumber,
      periodStart,
      periodEnd: addDays(dueOn, -1),
      opensOn: addDays(dueOn, -REPORT_OPENS_DAYS_BEFORE_DUE),
      dueOn,
    };
  });
}

/** Whether a report that has not been started is still SCHEDULED or OPEN on `today`. */
export function initialReportState(
  report: Pick<ScheduledReport, "opensOn">,
  today: Date,
): "SCHEDULED" | "OPEN" {
  return today.getTime() >= report.opensOn.getTime() ? "OPEN" : "SCHEDULED";
}

/** Reports the centre still has to submit (not submitted, accepted or cancelled). */
export const reportStatesAwaitingSubmission: readonly ReportState[] = ["SCHEDULED", ...editableReportStates];

/**
 * Centres that still owe their reports: a closed term's last report is still
 * due, but a terminated (or never designated) centre owes nothing more.
 */
export const centreStatusesOwingReports = ["ACTIVE", "PENDING", "CLOSED"] as const;

/**
 * Overdue is derived, never stored: due date passed and not submitted. Whole
 * days: a report is not overdue on its due date, whatever the hour.
 */
export function isReportOverdue(report: { dueOn: Date; state: string }, today: Date): boolean {
  const awaiting = (reportStatesAwaitingSubmission as readonly string[]).includes(report.state);
  return awaiting && startOfUtcDay(today).getTime() > report.dueOn.getTime();
}
