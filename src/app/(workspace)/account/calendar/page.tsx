import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { requirePage } from "@/server/policy/page-guard";
import { calendarLinkStatus } from "@/server/queries/calendar-link";

import { CalendarForms } from "./calendar-forms";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("CalendarPage");
  return { title: t("title") };
}

export default async function CalendarPage() {
  const viewer = await requirePage("calendar.manage", null, "/account/calendar");
  const status = await calendarLinkStatus(viewer);
  const t = await getTranslations("CalendarPage");
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-3xl font-semibold tracking-tight text-brand-800">{t("title")}</h1>
      <p className="text-muted">{t("intro")}</p>
      <p data-testid="calendar-status">{status.active ? t("active") : t("inactive")}</p>
      <CalendarForms
        active={status.active}
        version={status.version}
        words={{
          addressLabel: t("addressLabel"),
          addressHint: t("addressHint"),
          replace: t("replace"),
          create: t("create"),
          creating: t("creating"),
          replaceNote: t("replaceNote"),
          stopHeading: t("stopHeading"),
          stopText: t("stopText"),
          revoke: t("revoke"),
          revoking: t("revoking"),
        }}
      />
    </div>
  );
}
