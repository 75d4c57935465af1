import type { getTranslations } from "next-intl/server";

import type { DashboardListId, DashboardRow } from "@/domain/dashboard";

type DashboardTranslator = Awaited<ReturnType<typeof getTranslations<"Dashboard">>>;

/** A row's item, lateness and note in the page's language, from its codes. */
export function rowWords(t: DashboardTranslator, list: DashboardListId, row: DashboardRow) {
  const item =
    row.subject.kind === "report"
      ? t("row.item.report", { year: row.subject.yearNumber })
      : t(`row.item.${row.subject.kind}`);
  const late = row.daysLate;
  const lateness =
    list === "overdue-reports"
      ? t("row.late.overdue", { days: late })
      : list === "pending-centres"
        ? t("row.late.pendingFor", { days: late })
        : list === "expiring-terms"
          ? late >= 0
            ? t("row.late.ended", { days: late })
            : t("row.late.expiresIn", { days: -late })
          : late >= 0
            ? t("row.late.termEnded", { days: late })
            : t("row.late.termEndsIn", { days: -late });
  const note = row.noteCode === "report-other" ? row.note : t(`row.note.${row.noteCode}`);
  return { item, lateness, note };
}
