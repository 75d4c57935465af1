import type { getTranslations } from "next-intl/server";

import { localeFormat } from "@/i18n/format";
import type { Locale } from "@/i18n/locales";
import type { WorkDetail } from "@/server/queries/my-work";

import { rowWords } from "../dashboard/row-words";

type Translators = {
  t: Awaited<ReturnType<typeof getTranslations<"WorkspaceMyWork">>>;
  tReport: Awaited<ReturnType<typeof getTranslations<"ReportWords">>>;
  tDashboard: Awaited<ReturnType<typeof getTranslations<"Dashboard">>>;
  tState: Awaited<ReturnType<typeof getTranslations<"DesignationStates">>>;
};

/** An item's detail line in the page's language, from its codes. */
export function workDetailText(
  { t, tReport, tDashboard, tState }: Translators,
  locale: Locale,
  parts: WorkDetail,
): string {
  // Calendar days as the page's language writes them (5 juillet 2026), like every other page.
  const { day } = localeFormat(locale);
  switch (parts.type) {
    case "designation":
      return t(parts.redesignation ? "detail.redesignation" : "detail.designation", {
        state: tState(parts.returned ? "returned" : parts.state),
        days: parts.days,
      });
    case "report":
      return t(parts.overdue ? "detail.reportOverdue" : "detail.report", {
        year: parts.yearNumber,
        state: tReport(`state.${parts.state}`),
        date: day(parts.dueOn),
      });
    case "evaluation": {
      const words = rowWords(tDashboard, "missing-evaluations", parts.row);
      return t("detail.evaluation", {
        note: words.note.toLocaleLowerCase(locale),
        lateness: words.lateness,
        date: day(parts.row.date),
      });
    }
    case "redesignation-pending":
      return t("detail.redesignationPending");
    case "redesignation-open":
      return t("detail.redesignationOpen", { date: parts.termEnd ? day(parts.termEnd) : t("detail.noDate") });
    case "invitation-expired":
      return t("detail.invitationExpired");
    case "invitation-valid":
      return t("detail.invitationValid", { when: parts.until });
  }
}
