import { centreStatusLabels, type CentreStatus } from "@/domain/centre-status";

// Classes in globals.css: the badge appears on every search result.
const tones: Record<CentreStatus, string> = {
  ACTIVE: "status-active",
  PENDING: "status-pending",
  PROPOSED: "status-proposed",
  CLOSED: "status-closed",
  TERMINATED: "status-terminated",
  NOT_DESIGNATED: "status-closed",
};

export function StatusBadge({ status }: { status: CentreStatus }) {
  return <span className={`status-badge ${tones[status]}`}>{centreStatusLabels[status]}</span>;
}
