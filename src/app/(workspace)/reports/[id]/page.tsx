import { randomUUID } from "node:crypto";

import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";

import { MyWorkHeading } from "@/components/my-work-heading";
import { isReportOverdue } from "@/domain/annual-report-schedule";
import { flattenReportContent, REPORT_LIMITS } from "@/domain/annual-report";
import { toIsoDate } from "@/domain/dates";
import { intlLocale, localeFormat } from "@/i18n/format";
import { getLocaleHref, getReferenceLabels } from "@/i18n/server";
import { loadPageRecord } from "@/server/policy/page-record";
import { annualReportPage } from "@/server/queries/annual-report-page";

import { ClearLocalDraft } from "./clear-local-draft";
import { HistorySection } from "./history-section";
import { ReportForm, type ReportFormWords } from "./report-form";
import { ReportView } from "./report-view";
import { ReviewForms } from "./review-forms";
import { utcDateTime } from "@/domain/dates";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ReportPage");
  return { title: t("title") };
}

export default async function AnnualReportPageRoute({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const compare = query.compare === "previous";
  const { record: page } = await loadPageRecord({ id, path: `/reports/${id}` }, (viewer, reportId) =>
    annualReportPage(viewer, reportId, { compare }),
  );
  const { report, offered } = page;
  const [t, tWords, tForm, tField, labels, locale, href] = await Promise.all([
    getTranslations("ReportPage"),
    getTranslations("ReportWords"),
    getTranslations("ReportForm"),
    getTranslations("WorkspaceForm"),
    getReferenceLabels(),
    getLocale(),
    getLocaleHref(),
  ]);
  const day = (date: Date) => localeFormat(locale).day(toIsoDate(date));
  const regionName = labels.region(report.centre.region.code, report.centre.region.name);
  const today = new Date();
  const overdue = isReportOverdue(report, today);
  const editable = offered.includes("report.save-draft");
  const reviewing = offered.includes("report.accept");
  const idempotencyKey = randomUUID();
  const returnNotes = report.comments.filter((comment) => comment.visibility === "CENTRE");
  const latestNote = report.state === "RETURNED" || report.state === "DRAFT" ? returnNotes.at(-1) : undefined;
  const activities = page.activities.map((activity, index) => ({
    id: activity.id,
    title: activity.title,
    description: activity.description,
    torLabel: tWords("tor", { position: activity.torItem.position, text: activity.torItem.text }),
    index,
  }));
  const base = `/reports/${report.id}`;

  const current = editable ? (
    <ReportForm
      reportId={report.id}
      version={report.version}
      idempotencyKey={idempotencyKey}
      activities={activities}
      stored={flattenReportContent(page.content)}
      words={reportFormWords(t("title"), tField("errorLabel"), tWords, tForm)}
      dateLocale={intlLocale(locale)}
    />
  ) : (
    <>
      <ClearLocalDraft reportId={report.id} />
      {report.state === "SCHEDULED" ? (
        <p className="rounded-md border-s-4 border-slate-400 bg-slate-50 p-4">
          {t("opensOn", { date: day(report.opensOn) })}
        </p>
      ) : (
        <ReportView activities={page.activities} content={page.content} idPrefix="current" />
      )}
    </>
  );

  return (
    <div className="space-y-10">
      <header className="space-y-3">
        <MyWorkHeading trail={t("title")}>
          {t("heading", { reference: report.centre.reference, year: report.yearNumber })}
        </MyWorkHeading>
        <p className="text-lg">{report.centre.title}</p>
        <p>
          <span
            className="rounded-full bg-brand-100 px-3 py-1 font-medium text-brand-800"
            data-testid="report-state"
          >
            {tWords(`state.${report.state}`)}
          </span>
          {/* A real space, not only a margin: screen readers and copied text
              read "Open Overdue", not "OpenOverdue". */}
          {overdue && (
            <>
              {" "}
              <span className="ms-1 rounded-full bg-red-50 px-3 py-1 font-medium text-red-800">
                {t("overdue")}
              </span>
            </>
          )}
        </p>
        <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[12rem_1fr]">
          <dt className="text-muted">{t("period")}</dt>
          <dd>{t("periodValue", { start: day(report.periodStart), end: day(report.periodEnd) })}</dd>
          <dt className="text-muted">{t("due")}</dt>
          <dd>{day(report.dueOn)}</dd>
          <dt className="text-muted">{t("region")}</dt>
          <dd>{regionName}</dd>
          <dt className="text-muted">{t("officer")}</dt>
          <dd>{report.centre.responsibleOfficer?.name ?? "—"}</dd>
          {report.submittedAt && (
            <>
              <dt className="text-muted">{t("lastSubmitted")}</dt>
              <dd>
                {report.submittedBy
                  ? t("submittedBy", { when: utcDateTime(report.submittedAt), name: report.submittedBy.name })
                  : utcDateTime(report.submittedAt)}
              </dd>
            </>
          )}
        </dl>
        {report.state === "SUBMITTED" && !reviewing && (
          <p role="status" className="rounded-md border-s-4 border-green-700 bg-green-50 p-3 text-green-900">
            {t("locked")}
          </p>
        )}
      </header>

      {latestNote && (
        <section
          aria-labelledby="return-note"
          className="space-y-2 rounded-lg border-s-4 border-amber-600 bg-amber-50 p-5 text-amber-950"
          data-testid="return-note"
        >
          <h2 id="return-note" className="text-lg font-semibold">
            {t("returnHeading")}
          </h2>
          <p className="whitespace-pre-line">{latestNote.body}</p>
          <p className="text-sm">
            {latestNote.author.name} · {utcDateTime(latestNote.createdAt)}
          </p>
        </section>
      )}

      {reviewing && (
        <ReviewForms reportId={report.id} version={report.version} idempotencyKey={idempotencyKey} />
      )}

      {page.previousId && (
        <p>
          {compare ? (
            <Link href={href(base)}>{t("closeCompare")}</Link>
          ) : (
            <Link href={href(`${base}?compare=previous`)}>{t("openCompare")}</Link>
          )}
        </p>
      )}

      {compare && page.previous ? (
        <div className="grid gap-8 lg:grid-cols-2">
          <div className="min-w-0 space-y-4">
            <p className="text-sm font-semibold tracking-wide text-muted uppercase">{t("thisYear")}</p>
            {current}
          </div>
          <section
            aria-labelledby="previous-report"
            className="min-w-0 space-y-4 lg:border-s lg:border-slate-200 lg:ps-8"
            data-testid="previous-report"
          >
            <h2 id="previous-report" className="text-sm font-semibold tracking-wide text-muted uppercase">
              {t("lastYear", {
                year: page.previous.yearNumber,
                start: day(page.previous.periodStart),
                end: day(page.previous.periodEnd),
                state: tWords(`state.${page.previous.state}`).toLocaleLowerCase(locale),
              })}
            </h2>
            <ReportView
              activities={page.previous.body.activities}
              content={page.previous.body.content}
              headingLevel={3}
              idPrefix="previous"
            />
          </section>
        </div>
      ) : (
        current
      )}

      {page.otherNotes.length > 0 && (
        <section aria-labelledby="notes" className="space-y-3">
          <h2 id="notes" className="text-xl font-semibold">
            {t("notesHeading")}
          </h2>
          <ul className="space-y-3">
            {page.otherNotes.map((comment) => (
              <li key={comment.id} className="rounded-lg border border-slate-200 bg-white p-4">
                <p className="text-sm text-muted">
                  {comment.author.name} · {utcDateTime(comment.createdAt)}
                  {comment.visibility === "INTERNAL" ? t("internal") : ""}
                </p>
                <p className="mt-1 whitespace-pre-line">{comment.body}</p>
              </li>
            ))}
          </ul>
        </section>
      )}

      <HistorySection history={page.history} />
    </div>
  );
}

type Translator<N extends "ReportWords" | "ReportForm"> = Awaited<ReturnType<typeof getTranslations<N>>>;

/**
 * The form's words in the page's language: the client component gets them as
 * props (no catalogue in the browser). `{number}`, `{row}`, `{when}`,
 * `{time}` and `{message}` stay as placeholders the form fills in.
 */
function reportFormWords(
  formLabel: string,
  errorLabel: string,
  tWords: Translator<"ReportWords">,
  t: Translator<"ReportForm">,
): ReportFormWords {
  const number = "{number}";
  const row = "{row}";
  return {
    formLabel,
    errorLabel,
    progressHeading: tWords("progressHeading"),
    closingHeading: tWords("closingHeading"),
    activity: tWords("activity", { number, title: "{title}" }),
    progress: tWords("progress"),
    narrative: tWords("narrative"),
    outputs: tWords("outputs"),
    progressStatus: {
      NOT_STARTED: tWords("progressStatus.NOT_STARTED"),
      ONGOING: tWords("progressStatus.ONGOING"),
      COMPLETED: tWords("progressStatus.COMPLETED"),
      CANCELLED: tWords("progressStatus.CANCELLED"),
    },
    outputKind: {
      PUBLICATION: tWords("outputKind.PUBLICATION"),
      EVENT: tWords("outputKind.EVENT"),
      TRAINING: tWords("outputKind.TRAINING"),
    },
    section: {
      resourcesUsed: tWords("section.resourcesUsed"),
      collaboration: tWords("section.collaboration"),
      difficulties: tWords("section.difficulties"),
      suggestions: tWords("section.suggestions"),
      useOfWhoName: tWords("section.useOfWhoName"),
    },
    draftSaved: t("draftSaved"),
    notSavedYet: t("notSavedYet"),
    restorePrompt: t("restorePrompt", { when: "{when}" }),
    restore: t("restore"),
    discard: t("discard"),
    progressIntro: t("progressIntro"),
    sectionHint: t("sectionHint", { count: REPORT_LIMITS.section }),
    saveDraft: t("saveDraft"),
    submit: t("submit"),
    pleaseWait: t("pleaseWait"),
    statusIdle: t("statusIdle"),
    statusSaving: t("statusSaving"),
    statusSaved: t("statusSaved", { time: "{time}" }),
    statusRetry: t("statusRetry"),
    statusFailed: t("statusFailed", { message: "{message}" }),
    errorProgress: t("errorProgress", { number }),
    errorNarrative: t("errorNarrative", { number }),
    errorOutputType: t("errorOutputType", { number, row }),
    errorOutputTitle: t("errorOutputTitle", { number, row }),
    errorOutputLink: t("errorOutputLink", { number, row }),
    choose: t("choose"),
    narrativeHint: t("narrativeHint", { count: REPORT_LIMITS.narrative }),
    outputsHint: t("outputsHint"),
    outputType: t("outputType", { row }),
    outputTitle: t("outputTitle", { row }),
    outputLink: t("outputLink", { row }),
    remove: t("remove"),
    removeWhich: t("removeWhich", { row, number }),
    add: t("add"),
    addWhere: t("addWhere", { number }),
  };
}
