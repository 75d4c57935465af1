import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";

import { MyWorkHeading } from "@/components/my-work-heading";
import { localeFormat } from "@/i18n/format";
import { getLocaleHref } from "@/i18n/server";
import { TERMINATION_REASON_MAX } from "@/domain/evaluation";
import { sayProblem } from "@/server/commands/say-problems";
import { requirePage } from "@/server/policy/page-guard";
import { loadCentrePage } from "@/server/policy/page-record";
import { centreForTermination } from "@/server/queries/evaluation-page";

import { TerminateForm } from "./terminate-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("TerminatePage");
  return { title: t("title") };
}

/** The focal point (or an administrator) ends an Active or Pending designation early, with a reason. */
export default async function TerminatePage({ params }: { params: Promise<{ reference: string }> }) {
  const { reference, facts, path } = await loadCentrePage(
    (await params).reference,
    "centre.read-internal",
    "terminate",
  );
  const centre = await centreForTermination(reference);
  if (!centre) notFound();
  const locale = await getLocale();
  const [t, tStatus, tForm, tField, href] = await Promise.all([
    getTranslations("TerminatePage"),
    getTranslations("Status"),
    getTranslations("TerminateForm"),
    getTranslations("WorkspaceForm"),
    getLocaleHref(),
  ]);
  // After the termination (the success re-renders this page) the outcome is
  // shown; before it, only to whoever may terminate (others: not-found).
  if (centre.status === "TERMINATED") {
    return (
      <div className="max-w-3xl space-y-6">
        <h1 className="text-3xl font-semibold tracking-tight text-brand-800">
          {centre.reference} · {centre.title}
        </h1>
        <p role="status" className="rounded-md border-s-4 border-green-700 bg-green-50 p-4 text-green-900">
          {centre.statusReason
            ? t("terminatedWithReason", {
                reference: centre.reference,
                status: tStatus("label.TERMINATED"),
                reason: sayProblem(centre.statusReason, locale),
              })
            : t("terminated", { reference: centre.reference, status: tStatus("label.TERMINATED") })}
        </p>
        <p>
          <Link href={href(`/centres/${centre.reference}`)}>{t("publicPage")}</Link>
        </p>
      </div>
    );
  }
  await requirePage("centre.terminate", facts, path);
  return (
    <div className="max-w-3xl space-y-6">
      <MyWorkHeading trail={t("title")}>
        {t("heading", { reference: centre.reference, title: centre.title })}
      </MyWorkHeading>
      <p>
        {t(centre.termEnd ? (centre.termEnded ? "statusEnded" : "statusRuns") : "status", {
          status: tStatus(`label.${centre.status}`),
          date: centre.termEnd ? localeFormat(locale).day(centre.termEnd) : "",
        })}{" "}
        {t("consequences", { terminated: tStatus("label.TERMINATED") })}
      </p>
      <TerminateForm
        centreId={centre.id}
        version={centre.version}
        words={{
          form: tForm("form"),
          reason: tForm("reason"),
          label: tForm("label"),
          hint: tForm("hint", { max: TERMINATION_REASON_MAX }),
          submit: tForm("submit"),
          errorLabel: tField("errorLabel"),
          pleaseWait: tField("pleaseWait"),
        }}
      />
    </div>
  );
}
