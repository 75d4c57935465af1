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

// What each status means, in words, is in the catalogues (Status.meaning in
// messages/<locale>.json), with the note on WHO's 2022 list (Status.sourceNote).

/** Statuses a public visitor may ever see; the rest exist only inside WHO. */
export const publicCentreStatuses: readonly CentreStatus[] = ["ACTIVE", "PENDING", "CLOSED", "TERMINATED"];

/** What the directory shows unless "include former centres" is chosen. */
export const currentCentreStatuses: readonly CentreStatus[] = ["ACTIVE", "PENDING"];

export function isPublicStatus(status: CentreStatus): boolean {
  return publicCentreStatuses.includes(status);
}
