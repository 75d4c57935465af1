import "server-only";

import {
  sectionFields,
  type ActivityProgressInput,
  type ReportContent,
  type ReportState,
} from "@/domain/annual-report";
import type { Prisma } from "@/generated/prisma/client";
import type { Viewer } from "@/server/auth/viewer";
import { prisma } from "@/server/db/client";
import { authorize } from "@/server/policy/authorize";
import { reportFacts } from "@/server/policy/resource-facts";

import { compareAndSetState, type LifeCycleRecord } from "../change-record";

type Db = Prisma.TransactionClient | typeof prisma;

/**
 * A report as the commands need it, read from the database (never from the
 * form): state, version, its centre (for mail) and its work plan, and its
 * content as stored.
 */
export async function loadReport(db: Db, reportId: number) {
  const row = await db.annualReport.findUnique({
    where: { id: reportId },
    select: {
      id: true,
      version: true,
      state: true,
      yearNumber: true,
      dueOn: true,
      resourcesUsed: true,
      collaboration: true,
      difficulties: true,
      suggestions: true,
      useOfWhoName: true,
      centre: { select: { id: true, reference: true, title: true, responsibleOfficerId: true } },
      designation: {
        select: {
          activities: {
            orderBy: [{ position: "asc" }, { id: "asc" }],
            select: { id: true, title: true },
          },
        },
      },
      progress: {
        select: {
          activityId: true,
          status: true,
          narrative: true,
          outputs: {
            orderBy: [{ position: "asc" }, { id: "asc" }],
            select: { kind: true, title: true, url: true },
          },
        },
      },
    },
  });
  if (!row) return null;
  const activities: Record<number, ActivityProgressInput> = {};
  for (const progress of row.progress) {
    activities[progress.activityId] = {
      status: progress.status,
      narrative: progress.narrative,
      outputs: progress.outputs,
    };
  }
  const sections = Object.fromEntries(
    sectionFields.map((field) => [field, row[field]]),
  ) as ReportContent["sections"];
  return {
    id: row.id,
    version: row.version,
    state: row.state as ReportState,
    yearNumber: row.yearNumber,
    dueOn: row.dueOn,
    centre: row.centre,
    workPlan: row.designation.activities,
    content: { activities, sections } satisfies ReportContent,
  };
}

export type LoadedReport = NonNullable<Awaited<ReturnType<typeof loadReport>>>;

/**
 * The permission facts of a report the viewer may read. A report of another
 * centre answers not-found before the action's own permission is asked
 * (which would answer "not at this stage" and so reveal that it exists).
 */
export async function readableReportFacts(reportId: number, viewer: Viewer | null) {
  const facts = await reportFacts(reportId);
  await authorize(viewer, "report.read", facts);
  return facts;
}

/** Annual reports as the write path (changeRecord) reads and compare-and-sets them. */
export const reportRecords: LifeCycleRecord<
  LoadedReport,
  ReportState,
  Prisma.AnnualReportUncheckedUpdateManyInput
> = {
  entity: "AnnualReport",
  noun: "report",
  load: (id) => loadReport(prisma, id),
  version: (report) => report.version,
  state: (report) => report.state,
  compareAndSet: (tx, report, to, data) =>
    compareAndSetState((args) => tx.annualReport.updateMany(args), report, to, data),
  // An autosave may queue behind other work for the embedded database's one
  // connection (jobs, another save): it waits up to 10 s instead of Prisma's 2 s.
  transaction: { maxWait: 10_000, timeout: 20_000 },
};
