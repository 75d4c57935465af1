import { getTranslations } from "next-intl/server";

import { statusMeaningId } from "@/components/status-badge";
import { centreStatuses, type CentreStatus } from "@/domain/centre-status";

/**
 * What each status shown on the page means, in plain words, once per page;
 * every badge points here with aria-describedby (StatusBadge's describedBy).
 * Pending comes with the reason most centres are Pending (WHO's 2022 list).
 */
export async function StatusMeanings({
  statuses,
  className = "",
}: {
  statuses: readonly CentreStatus[];
  className?: string;
}) {
  const shown = centreStatuses.filter((status) => statuses.includes(status));
  if (shown.length === 0) return null;
  const t = await getTranslations("Status");
  return (
    <div className={`text-sm text-muted ${className}`} data-testid="status-meanings">
      {shown.map((status) => (
        <p key={status} id={statusMeaningId(status)}>
          {t(`meaning.${status}`)}
          {status === "PENDING" && ` ${t("sourceNote")}`}
        </p>
      ))}
    </div>
  );
}
