import { initialReportState, scheduleAnnualReports, type ScheduledReport } from "./annual-report-schedule";
import { fromIsoDate } from "./dates";
import { addYears, type IsoDate } from "./term";

// Which annual reports a term has (docs/domain.md §6), for any term the registry
// holds: decided ones (a whole number of years) and imported ones, whose end
// is not always an anniversary of their start.

/** How many anniversaries of `start` fall on or before `end`: one report is due on each. */
export function reportYears(start: IsoDate, end: IsoDate): number {
  let years = 0;
  while (addYears(start, years + 1) <= end) years += 1;
  return years;
}

export type TermReport = ScheduledReport & { state: "SCHEDULED" | "OPEN" };

/**
 * The reports of the term [start, end) in the state they have on `today`.
 * `dueFrom` leaves out reports due before it: an imported centre's history
 * before the import is not in the export, and inventing overdue reports for
 * years the legacy registry already handled would flood every worklist.
 */
export function termReports(
  start: IsoDate,
  end: IsoDate,
  today: IsoDate,
  options: { dueFrom?: IsoDate } = {},
): TermReport[] {
  const years = reportYears(start, end);
  if (years === 0) return [];
  const day = fromIsoDate(today);
  const dueFrom = options.dueFrom ? fromIsoDate(options.dueFrom) : null;
  return scheduleAnnualReports(fromIsoDate(start), years)
    .filter((report) => !dueFrom || report.dueOn.getTime() >= dueFrom.getTime())
    .map((report) => ({ ...report, state: initialReportState(report, day) }));
}

/**
 * The reports a term that ends early cancels: those nobody has started
 * (SCHEDULED, or OPEN without a saved draft). A draft, a submitted, returned
 * or accepted report is the centre's work and stays as it is.
 */
export const unopenedReportStates = ["SCHEDULED", "OPEN"] as const;

export function isUnopenedReport(state: string): boolean {
  return (unopenedReportStates as readonly string[]).includes(state);
}
