import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { getFormat } from "@/i18n/server";
import { requirePage } from "@/server/policy/page-guard";
import { twoFactorPage } from "@/server/queries/two-factor";

import { TwoFactorForms } from "./two-factor-forms";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("TwoFactor");
  return { title: t("title") };
}

export default async function TwoFactorPage() {
  const viewer = await requirePage("account.two-factor", null, "/account/two-factor");
  const page = await twoFactorPage(viewer);
  const t = await getTranslations("TwoFactor");
  const tField = await getTranslations("WorkspaceForm");
  const format = await getFormat();
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-3xl font-semibold tracking-tight text-brand-800">{t("title")}</h1>
      {page.required && page.status !== "on" && (
        <p role="alert" className="rounded-md border-s-4 border-amber-600 bg-amber-50 p-4 text-amber-900">
          {t("requiredAlert")}
        </p>
      )}
      <p className="text-muted">{t("intro")}</p>
      <TwoFactorForms
        page={page}
        words={{
          recoveryTitle: t("recoveryTitle"),
          recoveryText: t("recoveryText"),
          statusOff: t("statusOff"),
          statusOn:
            page.status === "on"
              ? t("statusOn", { since: format.day(page.since), left: page.recoveryCodesLeft })
              : "",
          start: t("start"),
          starting: t("starting"),
          scan: t("scan"),
          qrAlt: t("qrAlt"),
          typeSecret: t("typeSecret"),
          typeCode: t("typeCode"),
          appCode: t("appCode"),
          turnOn: t("turnOn"),
          checking: t("checking"),
          restart: t("restart"),
          turnOffHeading: t("turnOffHeading"),
          requiredOff: t("requiredOff"),
          codeShort: t("codeShort"),
          disableCode: t("disableCode"),
          turnOff: t("turnOff"),
          turningOff: t("turningOff"),
          errorLabel: tField("errorLabel"),
        }}
      />
    </div>
  );
}
