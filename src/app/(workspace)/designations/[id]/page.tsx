import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";

import { MyWorkHeading } from "@/components/my-work-heading";
import type { CentreStatus } from "@/domain/centre-status";
import { daysBetween, toIsoDate } from "@/domain/dates";
import { finalDesignationStates } from "@/domain/designation";
import { languageNames, locales } from "@/i18n/locales";
import { getLocaleHref, getReferenceLabels } from "@/i18n/server";
import { sayProblem } from "@/server/commands/say-problems";
import { loadPageRecord } from "@/server/policy/page-record";
import { designationPage } from "@/server/queries/designation-page";

import { CommentsSection } from "./comments-section";
import { EligibilitySection } from "./eligibility-section";
import { InstitutionStaffSection } from "./institution-staff-section";
import { ReturnNote } from "./return-note";
import { DetailsSection, WorkPlanSection } from "./form-sections";
import { SubjectsSection } from "./subjects-section";
import { TimelineSection } from "./timeline-section";
import { TransitionForms } from "./transition-forms";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("DesignationPage");
  return { title: t("title") };
}

export default async function DesignationPageRoute({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const { record: page } = await loadPageRecord({ id, path: `/designations/${id}` }, designationPage);
  const { designation } = page;
  const [t, tState, tStatus, tLetter, locale, href, labels] = await Promise.all([
    getTranslations("DesignationPage"),
    getTranslations("DesignationStates"),
    getTranslations("Status"),
    getTranslations("Letter"),
    getLocale(),
    getLocaleHref(),
    getReferenceLabels(),
  ]);
  const now = new Date();
  const final = finalDesignationStates.includes(designation.state);
  const waiting = daysBetween(designation.stateChangedAt, now);
  return (
    <div className="space-y-10">
      <header className="space-y-3">
        <MyWorkHeading trail={t("title")}>
          {designation.centre.reference} · {designation.centre.title}
        </MyWorkHeading>
        <p className="text-lg">
          <span
            className="rounded-full bg-brand-100 px-3 py-1 font-medium text-brand-800"
            data-testid="designation-state"
          >
            {page.returned !== null ? tState("returned") : tState(designation.state)}
          </span>{" "}
          <span className="text-muted">
            {designation.kind === "REDESIGNATION" ? t("redesignation") : t("firstDesignation")}
            {final ? "" : ` · ${t("waiting", { count: waiting })}`}
          </span>
        </p>
        <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[12rem_1fr]">
          <dt className="text-muted">{t("countryAndRegion")}</dt>
          <dd>
            {labels.country({
              code: designation.centre.country.whoCode,
              isoCode: designation.centre.country.isoCode,
              name: designation.centre.country.name,
            })}{" "}
            · {labels.region(designation.centre.region.code, designation.centre.region.name)}
          </dd>
          <dt className="text-muted">{t("technicalUnit")}</dt>
          <dd>{designation.centre.unit?.name ?? "—"}</dd>
          <dt className="text-muted">{t("responsibleOfficer")}</dt>
          <dd>{designation.centre.responsibleOfficer?.name ?? "—"}</dd>
          {designation.kind === "REDESIGNATION" && page.permissions["evaluation.read"] && (
            <>
              {/* Regional review waits for this evaluation (docs/domain.md §7). */}
              <dt className="text-muted">{t("currentTerm")}</dt>
              <dd>
                <Link
                  href={href(`/centres/${designation.centre.reference}/evaluation`)}
                  className="underline"
                >
                  {t("finalEvaluation")}
                </Link>
              </dd>
            </>
          )}
          <dt className="text-muted">{t("proposedBy")}</dt>
          <dd>
            {designation.proposedBy?.name ?? "—"}
            {page.permissions["designation.edit-proposal"] && (
              <>
                {" · "}
                <Link href={href(`/designations/${designation.id}/edit`)} className="underline">
                  {t("editProposal")}
                </Link>
              </>
            )}
          </dd>
          {designation.termStart && designation.termEnd && (
            <>
              <dt className="text-muted">{t("term")}</dt>
              <dd>
                {t("termFacts", {
                  start: toIsoDate(designation.termStart),
                  end: toIsoDate(designation.termEnd),
                  years: designation.termYears ?? 0,
                  approver: designation.approverName ?? "",
                })}{" "}
                {/* The letter in the language the officer chooses (decision 0031); a plain GET form, no script. */}
                <form
                  action={href(`/designations/${designation.id}/letter`)}
                  method="get"
                  className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-2"
                >
                  <label className="flex items-center gap-2">
                    {tLetter("languageLabel")}
                    <select
                      name="lang"
                      defaultValue={locale}
                      className="rounded-md border border-slate-400 bg-white px-2 py-1"
                    >
                      {locales.map((code) => (
                        <option key={code} value={code} lang={code}>
                          {languageNames[code]}
                        </option>
                      ))}
                    </select>
                  </label>
                  <button type="submit" className="underline">
                    {tLetter("open")}
                  </button>
                  <button
                    type="submit"
                    formAction={href(`/designations/${designation.id}/letter.pdf`)}
                    className="underline"
                  >
                    {tLetter("download")}
                  </button>
                </form>
              </dd>
            </>
          )}
          {designation.closedReason && (
            <>
              <dt className="text-muted">{t("reason")}</dt>
              <dd>{sayProblem(designation.closedReason, locale)}</dd>
            </>
          )}
        </dl>
      </header>
      {page.returned && <ReturnNote note={page.returned.note} />}
      {page.similar.length > 0 && (
        <section
          aria-labelledby="similar"
          className="space-y-2 rounded-lg border-s-4 border-amber-600 bg-amber-50 p-5 text-amber-950"
        >
          <h2 id="similar" className="text-lg font-semibold">
            {t("duplicatesTitle")}
          </h2>
          <p>{t("duplicatesIntro")}</p>
          <ul className="list-disc ps-6" data-testid="similar-centres">
            {page.similar.map((centre) => (
              <li key={centre.reference}>
                <Link href={href(`/centres/${centre.reference}`)} className="underline">
                  {centre.reference} · {centre.title}
                </Link>{" "}
                ({tStatus(`label.${centre.status as CentreStatus}`).toLowerCase()})
              </li>
            ))}
          </ul>
        </section>
      )}
      <TransitionForms page={page} today={toIsoDate(now)} />
      <InstitutionStaffSection page={page} invited={query.invited === "1"} />
      <EligibilitySection page={page} />
      <DetailsSection page={page} editable={page.permissions["designation.edit-form"]} />
      <SubjectsSection page={page} />
      <WorkPlanSection page={page} editable={page.permissions["designation.edit-form"]} />
      <CommentsSection page={page} />
      <TimelineSection page={page} />
    </div>
  );
}
