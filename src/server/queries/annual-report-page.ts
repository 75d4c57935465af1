import "server-only";

import { reportLifeCycle, type ReportState } from "@/domain/annual-report";
import { can, offeredActions } from "@/domain/permissions";
import type { Viewer } from "@/server/auth/viewer";
import { loadReport } from "@/server/commands/report/load-report";
import { prisma } from "@/server/db/client";
import { authorize, authorizeRecord } from "@/server/policy/authorize";
import { reportFacts } from "@/server/policy/resource-facts";

const historyActions = ["report.submit", "report.return", "report.accept"] as const;
export type HistoryEntry = {
  key: string;
  at: Date;
  action: (typeof historyActions)[number];
  actor: string | null;
  note: string | null;
};

/**
 * The previous report to compare with: the year before in the same term, or
 * for a first year the last report of the centre's previous term.
 */
async function previousReportId(report: {
  centreId: number;
  designationId: number;
  yearNumber: number;
  periodStart: Date;
}): Promise<number | null> {
  if (report.yearNumber > 1) {
    const previous = await prisma.annualReport.findUnique({
      where: {
        designationId_yearNumber: { designationId: report.designationId, yearNumber: report.yearNumber - 1 },
      },
      select: { id: true },
    });
    if (previous) return previous.id;
  }
  const earlier = await prisma.annualReport.findFirst({
    where: {
      centreId: report.centreId,
      designationId: { not: report.designationId },
      periodStart: { lt: report.periodStart },
    },
    orderBy: { periodStart: "desc" },
    select: { id: true },
  });
  return earlier?.id ?? null;
}

/** A report's content with its work plan's titles, for reading (this year's or last year's). */
async function reportContent(reportId: number) {
  const report = await loadReport(prisma, reportId);
  if (!report) return null;
  const activities = await prisma.workPlanActivity.findMany({
    where: { id: { in: report.workPlan.map((activity) => activity.id) } },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: {
      id: true,
      title: true,
      description: true,
      timeframe: true,
      torItem: { select: { position: true, text: true } },
    },
  });
  return { content: report.content, activities };
}

/**
 * Everything the report page shows, for a viewer who may read the report
 * (otherwise AccessDenied, which the page turns into not-found): the report,
 * its work plan and content, the notes the viewer may see, the history of
 * submissions, returns and acceptances, what the viewer may do, and, when
 * asked, the previous report (read with the same permission).
 */
export async function annualReportPage(
  viewer: Viewer,
  reportId: number,
  options: { compare?: boolean } = {},
) {
  const facts = await reportFacts(reportId);
  await authorizeRecord(viewer, "report.read", facts);
  // The steps of the life cycle the viewer may take now: the forms the page shows.
  const offered = offeredActions(reportLifeCycle, viewer, facts);
  const readInternal = can(viewer, "comment.read-internal", facts);
  const report = await prisma.annualReport.findUniqueOrThrow({
    where: { id: reportId },
    select: {
      id: true,
      version: true,
      state: true,
      stateChangedAt: true,
      yearNumber: true,
      periodStart: true,
      periodEnd: true,
      opensOn: true,
      dueOn: true,
      submittedAt: true,
      reviewedAt: true,
      updatedAt: true,
      centreId: true,
      designationId: true,
      submittedBy: { select: { name: true } },
      reviewedBy: { select: { name: true } },
      centre: {
        select: {
          reference: true,
          title: true,
          region: { select: { name: true, code: true } },
          responsibleOfficer: { select: { name: true } },
        },
      },
      designation: { select: { termYears: true, termStart: true, termEnd: true } },
      comments: {
        where: readInternal ? {} : { visibility: "CENTRE" },
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          body: true,
          anchor: true,
          visibility: true,
          createdAt: true,
          author: { select: { name: true } },
        },
      },
    },
  });
  const body = await reportContent(reportId);
  if (!body) throw new Error(`report ${reportId} vanished`);

  const events = await prisma.auditEvent.findMany({
    where: { entityType: "AnnualReport", entityId: String(reportId), action: { in: [...historyActions] } },
    orderBy: { occurredAt: "asc" },
    select: { id: true, occurredAt: true, action: true, details: true, actor: { select: { name: true } } },
  });
  const notes = new Map(report.comments.map((comment) => [comment.id, comment.body]));
  const notesInHistory = new Set<number>();
  const history: HistoryEntry[] = events.map((event) => {
    const commentId = (event.details as { commentId?: unknown } | null)?.commentId;
    if (typeof commentId === "number") notesInHistory.add(commentId);
    return {
      key: `event-${event.id}`,
      at: event.occurredAt,
      action: event.action as HistoryEntry["action"],
      actor: event.actor?.name ?? null,
      note: typeof commentId === "number" ? (notes.get(commentId) ?? null) : null,
    };
  });
  // Reports recorded before this history existed (imports, the demo seed) keep their dates.
  if (report.submittedAt && !history.some((entry) => entry.action === "report.submit")) {
    history.unshift({
      key: "recorded-submit",
      at: report.submittedAt,
      action: "report.submit",
      actor: report.submittedBy?.name ?? null,
      note: null,
    });
  }
  if (report.reviewedAt && (report.state === "ACCEPTED" || report.state === "RETURNED")) {
    const action = report.state === "ACCEPTED" ? "report.accept" : "report.return";
    if (!history.some((entry) => entry.action === action))
      history.push({
        key: "recorded-review",
        at: report.reviewedAt,
        action,
        actor: report.reviewedBy?.name ?? null,
        note: null,
      });
  }

  const previousId = await previousReportId(report);
  let previous: {
    id: number;
    yearNumber: number;
    state: ReportState;
    periodStart: Date;
    periodEnd: Date;
    body: NonNullable<Awaited<ReturnType<typeof reportContent>>>;
  } | null = null;
  if (options.compare && previousId) {
    await authorize(viewer, "report.read", await reportFacts(previousId));
    const row = await prisma.annualReport.findUniqueOrThrow({
      where: { id: previousId },
      select: { id: true, yearNumber: true, state: true, periodStart: true, periodEnd: true },
    });
    const previousBody = await reportContent(previousId);
    if (previousBody) previous = { ...row, state: row.state as ReportState, body: previousBody };
  }

  return {
    report: { ...report, state: report.state as ReportState },
    activities: body.activities,
    content: body.content,
    history,
    // A return's note is shown with the return in the history (and the latest
    // at the top): listed again under "Notes from WHO" it was read three times.
    otherNotes: report.comments.filter((comment) => !notesInHistory.has(comment.id)),
    offered,
    previousId,
    previous,
  };
}

export type AnnualReportPage = Awaited<ReturnType<typeof annualReportPage>>;
