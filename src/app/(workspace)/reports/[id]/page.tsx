import { randomUUID } from "node:crypto";

import type { Metadata } from "next";
import Link from "next/link";

import { MyWorkHeading } from "@/components/my-work-heading";
import { isReportOverdue } from "@/domain/annual-report-schedule";
import { flattenReportContent, reportStateLabels } from "@/domain/annual-report";
import { formatIsoDate, toIsoDate } from "@/domain/dates";
import { loadPageRecord } from "@/server/policy/page-record";
import { annualReportPage } from "@/server/queries/annual-report-page";

import { ClearLocalDraft } from "./clear-local-draft";
import { HistorySection } from "./history-section";
import { ReportForm } from "./report-form";
import { ReportView } from "./report-view";
import { ReviewForms } from "./review-forms";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Annual report" };

const day = (date: Date) => formatIsoDate(toIsoDate(date));
const dateTime = (date: Date) => `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;

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
  const today = new Date();
  const overdue = isReportOverdue(report, today);
  const editable = offered.includes("report.save-draft");
  const idempotencyKey = randomUUID();
  const returnNotes = report.comments.filter((comment) => comment.visibility === "CENTRE");
  const latestNote = report.state === "RETURNED" || report.state === "DRAFT" ? returnNotes.at(-1) : undefined;
  const activities = page.activities.map((activity, index) => ({
    id: activity.id,
    title: activity.title,
    description: activity.description,
    torLabel: `ToR ${activity.torItem.position}: ${activity.torItem.text}`,
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
    />
  ) : (
    <>
      <ClearLocalDraft reportId={report.id} />
      {report.state === "SCHEDULED" ? (
        <p className="rounded-md border-l-4 border-slate-400 bg-slate-50 p-4">
          This report opens on {day(report.opensOn)}.
        </p>
      ) : (
        <ReportView activities={page.activities} content={page.content} idPrefix="current" />
      )}
    </>
  );

  return (
    <div className="space-y-10">
      <header className="space-y-3">
        <MyWorkHeading trail="Annual report">
          {report.centre.reference} · Annual report, year {report.yearNumber}
        </MyWorkHeading>
        <p className="text-lg">{report.centre.title}</p>
        <p>
          <span
            className="rounded-full bg-brand-100 px-3 py-1 font-medium text-brand-800"
            data-testid="report-state"
          >
            {reportStateLabels[report.state]}
          </span>
          {/* A real space, not only a margin: screen readers and copied text
              read "Open Overdue", not "OpenOverdue". */}
          {overdue && (
            <>
              {" "}
              <span className="ml-1 rounded-full bg-red-50 px-3 py-1 font-medium text-red-800">Overdue</span>
            </>
          )}
        </p>
        <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[12rem_1fr]">
          <dt className="text-muted">Period</dt>
          <dd>
            {day(report.periodStart)} to {day(report.periodEnd)}
          </dd>
          <dt className="text-muted">Due</dt>
          <dd>{day(report.dueOn)}</dd>
          <dt className="text-muted">Region</dt>
          <dd>{report.centre.region.name}</dd>
          <dt className="text-muted">Responsible officer</dt>
          <dd>{report.centre.responsibleOfficer?.name ?? "—"}</dd>
          {report.submittedAt && (
            <>
              <dt className="text-muted">Last submitted</dt>
              <dd>
                {dateTime(report.submittedAt)}
                {report.submittedBy ? ` by ${report.submittedBy.name}` : ""}
              </dd>
            </>
          )}
        </dl>
        {report.state === "SUBMITTED" && !offered.includes("report.accept") && (
          <p role="status" className="rounded-md border-l-4 border-green-700 bg-green-50 p-3 text-green-900">
            Submitted. The report is locked while WHO reviews it.
          </p>
        )}
      </header>

      {latestNote && (
        <section
          aria-labelledby="return-note"
          className="space-y-2 rounded-lg border-l-4 border-amber-600 bg-amber-50 p-5 text-amber-950"
          data-testid="return-note"
        >
          <h2 id="return-note" className="text-lg font-semibold">
            Returned by WHO: what to change
          </h2>
          <p className="whitespace-pre-line">{latestNote.body}</p>
          <p className="text-sm">
            {latestNote.author.name} · {dateTime(latestNote.createdAt)}
          </p>
        </section>
      )}

      {offered.includes("report.accept") && (
        <ReviewForms reportId={report.id} version={report.version} idempotencyKey={idempotencyKey} />
      )}

      {page.previousId && (
        <p>
          {compare ? (
            <Link href={base}>Close last year&apos;s report</Link>
          ) : (
            <Link href={`${base}?compare=previous`}>Open last year&apos;s report side by side</Link>
          )}
        </p>
      )}

      {compare && page.previous ? (
        <div className="grid gap-8 lg:grid-cols-2">
          <div className="min-w-0 space-y-4">
            <p className="text-sm font-semibold tracking-wide text-muted uppercase">This year</p>
            {current}
          </div>
          <section
            aria-labelledby="previous-report"
            className="min-w-0 space-y-4 lg:border-l lg:border-slate-200 lg:pl-8"
            data-testid="previous-report"
          >
            <h2 id="previous-report" className="text-sm font-semibold tracking-wide text-muted uppercase">
              Last year: year {page.previous.yearNumber} ({day(page.previous.periodStart)} to{" "}
              {day(page.previous.periodEnd)}), {reportStateLabels[page.previous.state].toLowerCase()}
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
            Notes from WHO
          </h2>
          <ul className="space-y-3">
            {page.otherNotes.map((comment) => (
              <li key={comment.id} className="rounded-lg border border-slate-200 bg-white p-4">
                <p className="text-sm text-muted">
                  {comment.author.name} · {dateTime(comment.createdAt)}
                  {comment.visibility === "INTERNAL" ? " · Internal (WHO only)" : ""}
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
