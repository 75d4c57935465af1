import { isReportOverdue } from "./annual-report-schedule";
import { addYears, daysBetween, toIsoDate } from "./dates";
import { csvRow } from "./directory/csv";
import { renewalWindowOpensOn } from "./evaluation";

// What the deadline dashboard lists (issue 6 item 5, docs/domain.md §5-7), as pure
// rules over facts the server loads, with `today` injected: overdue annual
// reports, terms expiring within 12 months, centres Pending too long (and
// imported ones left Pending for review), and terms in their last 6 months
// without a completed final evaluation. The server decides which centres the
// viewer may see; these functions decide what is late and by how much.

export const dashboardLists = [
  "overdue-reports",
  "expiring-terms",
  "pending-centres",
  "missing-evaluations",
] as const;
export type DashboardListId = (typeof dashboardLists)[number];

export function isDashboardList(value: string): value is DashboardListId {
  return (dashboardLists as readonly string[]).includes(value);
}

/** Terms ending within this many years are "expiring". */
export const EXPIRY_HORIZON_YEARS = 1;
/** A centre Pending for longer than this is listed for the focal point's review. */
export const PENDING_REVIEW_AFTER_DAYS = 90;

export type CentreRef = { reference: string; title: string; regionCode: string };

export type ReportFact = {
  id: number;
  centre: CentreRef;
  yearNumber: number;
  dueOn: Date;
  state: string;
};

/** A centre with its current term (the latest DESIGNATED designation). */
export type TermFact = {
  centre: CentreRef & { status: string; statusChangedAt: Date };
  designationId: number;
  termEnd: Date | null;
  /** The term came from a legacy import (it never went through the registry's review). */
  termImported: boolean;
  evaluationState: "DRAFT" | "COMPLETED" | null;
  redesignationUnderWay: boolean;
};

export type DashboardRow = {
  key: string;
  centre: CentreRef;
  /** What the row is about: "Annual report, year 2", "Term", "Final evaluation", "Centre". */
  item: string;
  /** Where the person deals with it. */
  href: string;
  /** The date that matters (due date, term end, Pending since), YYYY-MM-DD. */
  date: string;
  /** Days past that date (positive) or left before it (negative). */
  daysLate: number;
  /** How late, in words: "42 days overdue", "expires in 30 days". */
  lateness: string;
  note: string;
  /** The same in codes, for a page in another language: what the row is about… */
  subject: { kind: "report"; yearNumber: number } | { kind: "term" | "centre" | "evaluation" };
  /** …and what its note says. */
  noteCode: DashboardNote;
};

/** What a row's note says, as a code (the English is `note`). */
export type DashboardNote =
  | "report-scheduled"
  | "report-open"
  | "report-draft"
  | "report-returned"
  | "report-other"
  | "redesignation-under-way"
  | "ended-no-redesignation"
  | "no-redesignation-started"
  | "imported-pending"
  | "no-redesignation-under-way"
  | "evaluation-draft"
  | "evaluation-not-started";

const reportStateNoteCode: Record<string, DashboardNote> = {
  SCHEDULED: "report-scheduled",
  OPEN: "report-open",
  DRAFT: "report-draft",
  RETURNED: "report-returned",
};

function days(count: number): string {
  return `${count} ${count === 1 ? "day" : "days"}`;
}

const reportStateNote: Record<string, string> = {
  SCHEDULED: "Not open yet",
  OPEN: "Not started",
  DRAFT: "Draft in progress",
  RETURNED: "Returned for changes",
};

/** Reports past their due date and not submitted, most overdue first. */
export function overdueReports(reports: readonly ReportFact[], today: Date): DashboardRow[] {
  return reports
    .filter((report) => isReportOverdue(report, today))
    .map((report): DashboardRow => {
      const late = daysBetween(report.dueOn, today);
      return {
        key: `report-${report.id}`,
        centre: report.centre,
        item: `Annual report, year ${report.yearNumber}`,
        href: `/reports/${report.id}`,
        date: toIsoDate(report.dueOn),
        daysLate: late,
        lateness: `${days(late)} overdue`,
        note: reportStateNote[report.state] ?? report.state,
        subject: { kind: "report", yearNumber: report.yearNumber },
        noteCode: reportStateNoteCode[report.state] ?? "report-other",
      };
    })
    .sort(byLatenessThenReference);
}

/**
 * Active centres whose term ends within 12 months, soonest first. A term that
 * has already ended while the centre is still Active (the daily expiry job
 * has not moved it yet) is listed too, as ended: it needs a decision first.
 */
export function expiringTerms(terms: readonly TermFact[], today: Date): DashboardRow[] {
  const horizon = addYears(today, EXPIRY_HORIZON_YEARS);
  return terms
    .filter((term) => term.centre.status === "ACTIVE" && term.termEnd !== null && term.termEnd <= horizon)
    .map((term): DashboardRow => {
      const end = term.termEnd as Date;
      const late = daysBetween(end, today);
      return {
        key: `term-${term.designationId}`,
        centre: term.centre,
        item: "Term of designation",
        href: `/evaluations/${term.designationId}`,
        date: toIsoDate(end),
        daysLate: late,
        lateness: late >= 0 ? `ended ${days(late)} ago` : `expires in ${days(-late)}`,
        note: term.redesignationUnderWay
          ? "Redesignation under way"
          : late >= 0
            ? "Ended, still Active: no redesignation started"
            : "No redesignation started",
        subject: { kind: "term" },
        noteCode: term.redesignationUnderWay
          ? "redesignation-under-way"
          : late >= 0
            ? "ended-no-redesignation"
            : "no-redesignation-started",
      };
    })
    .sort(byLatenessThenReference);
}

/**
 * When a Pending centre became Pending: the end of its term when that is
 * earlier than the recorded status change (an import records the day of the
 * import, but the centre has been waiting since its term ended).
 */
export function pendingSince(term: Pick<TermFact, "termEnd" | "centre">): Date {
  const changed = term.centre.statusChangedAt;
  return term.termEnd && term.termEnd < changed ? term.termEnd : changed;
}

/**
 * Pending centres for the focal point's review: Pending for more than 90
 * days, and imported terms left Pending with no redesignation under way
 * (docs/domain.md §5: their later history is unknown, so someone must record a
 * redesignation or close them), however long ago that was.
 */
export function pendingCentres(terms: readonly TermFact[], today: Date): DashboardRow[] {
  return terms
    .filter((term) => term.centre.status === "PENDING")
    .flatMap((term): DashboardRow[] => {
      const since = pendingSince(term);
      const waited = daysBetween(since, today);
      const tooLong = waited > PENDING_REVIEW_AFTER_DAYS;
      const importedForReview = term.termImported && !term.redesignationUnderWay;
      if (!tooLong && !importedForReview) return [];
      return [
        {
          key: `pending-${term.designationId}`,
          centre: term.centre,
          item: "Centre",
          href: `/centres/${encodeURIComponent(term.centre.reference)}`,
          date: toIsoDate(since),
          daysLate: waited,
          lateness: `Pending for ${days(waited)}`,
          note: term.redesignationUnderWay
            ? "Redesignation under way"
            : term.termImported
              ? "Imported as Pending: record a redesignation or close it"
              : "No redesignation under way",
          subject: { kind: "centre" },
          noteCode: term.redesignationUnderWay
            ? "redesignation-under-way"
            : term.termImported
              ? "imported-pending"
              : "no-redesignation-under-way",
        },
      ];
    })
    .sort(byLatenessThenReference);
}

/**
 * Terms in their last 6 months (or already ended, still Active or Pending)
 * without a completed final evaluation: the evaluation is required before
 * any redesignation (docs/domain.md §7), so it stays missing until it is done.
 */
export function missingEvaluations(terms: readonly TermFact[], today: Date): DashboardRow[] {
  return terms
    .filter(
      (term) =>
        (term.centre.status === "ACTIVE" || term.centre.status === "PENDING") &&
        term.termEnd !== null &&
        term.evaluationState !== "COMPLETED" &&
        toIsoDate(today) >= renewalWindowOpensOn(toIsoDate(term.termEnd)),
    )
    .map((term): DashboardRow => {
      const end = term.termEnd as Date;
      const late = daysBetween(end, today);
      return {
        key: `evaluation-${term.designationId}`,
        centre: term.centre,
        item: "Final evaluation",
        href: `/evaluations/${term.designationId}`,
        date: toIsoDate(end),
        daysLate: late,
        lateness: late >= 0 ? `term ended ${days(late)} ago` : `term ends in ${days(-late)}`,
        note: term.evaluationState === "DRAFT" ? "Draft in progress" : "Not started",
        subject: { kind: "evaluation" },
        noteCode: term.evaluationState === "DRAFT" ? "evaluation-draft" : "evaluation-not-started",
      };
    })
    .sort(byLatenessThenReference);
}

/** The most urgent first; ties in reference order, so the order is stable. */
function byLatenessThenReference(a: DashboardRow, b: DashboardRow): number {
  return b.daysLate - a.daysLate || a.centre.reference.localeCompare(b.centre.reference);
}

export type DashboardFacts = { reports: readonly ReportFact[]; terms: readonly TermFact[] };

export function dashboardList(id: DashboardListId, facts: DashboardFacts, today: Date): DashboardRow[] {
  switch (id) {
    case "overdue-reports":
      return overdueReports(facts.reports, today);
    case "expiring-terms":
      return expiringTerms(facts.terms, today);
    case "pending-centres":
      return pendingCentres(facts.terms, today);
    case "missing-evaluations":
      return missingEvaluations(facts.terms, today);
  }
}

const csvHeader = [
  "reference",
  "title",
  "region",
  "item",
  "date",
  "days_late",
  "lateness",
  "note",
  "url",
] as const;

/** A row's item, lateness and note in the reader's language (the page's rowWords). */
export type DashboardRowWords = (row: DashboardRow) => { item: string; lateness: string; note: string };

/**
 * One list as CSV (RFC 4180, spreadsheet-safe cells through the directory's
 * csvRow). The header is the stable machine one; `item`, `lateness` and
 * `note` are in the reader's language when `words` says them (else
 * English). `days_late` is negative for days left; `date` is the list's date
 * column (due date, term end or Pending since).
 */
export function dashboardCsv(
  rows: readonly DashboardRow[],
  origin: string,
  words: DashboardRowWords = (row) => row,
): string {
  return [
    csvRow(csvHeader),
    ...rows.map((row) => {
      const said = words(row);
      return csvRow([
        row.centre.reference,
        row.centre.title,
        row.centre.regionCode,
        said.item,
        row.date,
        row.daysLate,
        said.lateness,
        said.note,
        `${origin}${row.href}`,
      ]);
    }),
  ].join("");
}
