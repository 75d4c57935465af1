import { initialReportState } from "./annual-report-schedule";
import type { CentreStatus } from "./centre-status";
import { fromIsoDate } from "./dates";
import type { IsoDate } from "./term";

// The daily expiry rule (docs/domain.md §5) and the daily opening of reports
// (docs/domain.md §6), as pure decisions; src/server/jobs applies them.

export type CentreForExpiry = {
  status: CentreStatus;
  /** The end of the current term: the first day the centre is no longer designated. */
  termEnd: IsoDate | null;
  /** A redesignation of this centre is in an open (non-final) state. */
  hasOpenRedesignation: boolean;
  /** The current term came from a legacy import, so what happened after it is unknown. */
  termImported: boolean;
};

/**
 * A term came from the legacy import when the centre was imported and its
 * current term was never proposed in the registry (registry designations
 * always have a proposer; the import never sets one). One definition for the
 * expiry job and the dashboards.
 */
export function isImportedTerm(
  centre: { importedAt: Date | null },
  currentTerm: { proposedById: number | null } | undefined,
): boolean {
  return centre.importedAt !== null && (currentTerm === undefined || currentTerm.proposedById === null);
}

export type ExpiryDecision = {
  to: Extract<CentreStatus, "PENDING" | "CLOSED">;
  reason: "redesignation-under-way" | "imported-history-unknown" | "term-ended";
};

/**
 * An Active centre whose term has ended (today ≥ end: the term covers
 * [start, end), like term.ts) becomes Pending when a redesignation is under
 * way or when its term was imported (a renewal may have happened outside the
 * registry: a focal point reviews it), otherwise Closed. Anything else: null.
 */
export function expiryDecision(centre: CentreForExpiry, today: IsoDate): ExpiryDecision | null {
  if (centre.status !== "ACTIVE" || centre.termEnd === null || today < centre.termEnd) return null;
  if (centre.hasOpenRedesignation) return { to: "PENDING", reason: "redesignation-under-way" };
  if (centre.termImported) return { to: "PENDING", reason: "imported-history-unknown" };
  return { to: "CLOSED", reason: "term-ended" };
}

/** SCHEDULED → OPEN on the day the report opens (30 days before it is due); else null. */
export function reportOpening(report: { state: string; opensOn: IsoDate }, today: IsoDate): "OPEN" | null {
  if (report.state !== "SCHEDULED") return null;
  return initialReportState({ opensOn: fromIsoDate(report.opensOn) }, fromIsoDate(today)) === "OPEN"
    ? "OPEN"
    : null;
}
