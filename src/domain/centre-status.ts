// The public status of a centre (docs/domain.md §5).
export const centreStatuses = [
  "PROPOSED",
  "ACTIVE",
  "PENDING",
  "CLOSED",
  "NOT_DESIGNATED",
  "TERMINATED",
] as const;
export type CentreStatus = (typeof centreStatuses)[number];

export const centreStatusLabels: Record<CentreStatus, string> = {
  PROPOSED: "Proposed",
  ACTIVE: "Active",
  PENDING: "Pending",
  CLOSED: "Closed",
  NOT_DESIGNATED: "Not designated",
  TERMINATED: "Terminated",
};

/**
 * Each status in plain words, for wherever a status badge appears (issue #12):
 * a visitor should not have to guess what "Pending" means.
 */
export const centreStatusMeanings: Record<CentreStatus, string> = {
  PROPOSED: "Proposed means a first designation is being prepared: it is not a collaborating centre yet.",
  ACTIVE: "Active means WHO designated the centre and its current term has not ended.",
  PENDING:
    "Pending means the centre's last recorded term has ended and no renewal (redesignation) is recorded here yet; WHO may have renewed it since.",
  CLOSED: "Closed means the centre's term ended without a renewal: it is no longer a collaborating centre.",
  NOT_DESIGNATED: "Not designated means the proposal was withdrawn or rejected.",
  TERMINATED: "Terminated means WHO ended the designation before its term was over.",
};

/**
 * Why most centres are Pending: the directory starts from WHO's public list of
 * 2022, and the terms recorded there have mostly ended since.
 */
export const directorySourceNote =
  "The directory's data is WHO's public list of collaborating centres of 2022; most terms recorded there have ended since, so most of those centres show as Pending until a renewal is recorded.";

/** Statuses a public visitor may ever see; the rest exist only inside WHO. */
export const publicCentreStatuses: readonly CentreStatus[] = ["ACTIVE", "PENDING", "CLOSED", "TERMINATED"];

/** What the directory shows unless "include former centres" is chosen. */
export const currentCentreStatuses: readonly CentreStatus[] = ["ACTIVE", "PENDING"];

export function isPublicStatus(status: CentreStatus): boolean {
  return publicCentreStatuses.includes(status);
}
