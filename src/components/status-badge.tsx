import { getTranslations } from "next-intl/server";

import type { CentreStatus } from "@/domain/centre-status";

// Classes in globals.css: the badge appears on every search result.
const tones: Record<CentreStatus, string> = {
  ACTIVE: "status-active",
  PENDING: "status-pending",
  PROPOSED: "status-proposed",
  CLOSED: "status-closed",
  TERMINATED: "status-terminated",
  NOT_DESIGNATED: "status-closed",
};

/** The id of a status's plain-words meaning on the page (see StatusMeanings). */
export const statusMeaningId = (status: CentreStatus) => `status-meaning-${status.toLowerCase()}`;

/**
 * A status as a coloured badge, named in the page's language (Status.label).
 * `describedBy` names the element on the page that says what the status
 * means, so a screen reader reads the meaning with the badge (a title
 * tooltip would reach neither touch nor keyboard users).
 */
export async function StatusBadge({ status, describedBy }: { status: CentreStatus; describedBy?: string }) {
  const t = await getTranslations("Status");
  return (
    <span className={`status-badge ${tones[status]}`} aria-describedby={describedBy}>
      {t(`label.${status}`)}
    </span>
  );
}
