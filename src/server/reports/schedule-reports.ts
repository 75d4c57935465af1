import { currentCentreStatuses } from "@/domain/centre-status";
import { toIsoDate } from "@/domain/dates";
import { termReports, unopenedReportStates } from "@/domain/term-reports";
import type { Prisma } from "@/generated/prisma/client";

type Tx = Prisma.TransactionClient;

export type TermToSchedule = {
  designationId: number;
  centreId: number;
  termStart: Date;
  termEnd: Date;
};

/**
 * Creates the annual reports of a term in the caller's transaction. Idempotent:
 * a report is one per (designation, year), so running it again (a re-import,
 * a retried command) adds only what is missing and changes nothing that exists.
 * Returns how many were created.
 */
export async function scheduleTermReports(
  tx: Tx,
  terms: readonly TermToSchedule[],
  now: Date,
  options: { dueFrom?: Date } = {},
): Promise<number> {
  const today = toIsoDate(now);
  const dueFrom = options.dueFrom ? toIsoDate(options.dueFrom) : undefined;
  const rows = terms.flatMap((term) =>
    termReports(toIsoDate(term.termStart), toIsoDate(term.termEnd), today, { dueFrom }).map((report) => ({
      centreId: term.centreId,
      designationId: term.designationId,
      yearNumber: report.yearNumber,
      periodStart: report.periodStart,
      periodEnd: report.periodEnd,
      opensOn: report.opensOn,
      dueOn: report.dueOn,
      state: report.state,
      stateChangedAt: now,
    })),
  );
  let created = 0;
  for (let start = 0; start < rows.length; start += 1000) {
    const result = await tx.annualReport.createMany({
      data: rows.slice(start, start + 1000),
      skipDuplicates: true,
    });
    created += result.count;
  }
  return created;
}

/**
 * The reports of the centre's terms that nobody has started, cancelled
 * because the term ended early. Returns the cancelled reports' ids.
 */
export async function cancelUnopenedReports(tx: Tx, centreId: number, now: Date): Promise<number[]> {
  const reports = await tx.annualReport.findMany({
    where: { centreId, state: { in: [...unopenedReportStates] } },
    select: { id: true },
  });
  if (reports.length === 0) return [];
  await tx.annualReport.updateMany({
    where: { id: { in: reports.map((report) => report.id) }, state: { in: [...unopenedReportStates] } },
    data: { state: "CANCELLED", stateChangedAt: now, version: { increment: 1 } },
  });
  return reports.map((report) => report.id);
}

/**
 * The imported centres' current terms get their reports from the term's dates
 * (issue 6 item 1): only reports due on or after the import day, since the
 * export carries no history of earlier reports. Runs on every import, so data
 * imported before this existed gets its reports on the next import.
 */
export async function scheduleImportedReports(tx: Tx, now: Date): Promise<number> {
  const designations = await tx.designation.findMany({
    where: {
      state: "DESIGNATED",
      frozenVersion: 1,
      termStart: { not: null },
      termEnd: { gt: now },
      centre: { importedAt: { not: null }, status: { in: [...currentCentreStatuses] } },
    },
    select: { id: true, centreId: true, termStart: true, termEnd: true },
  });
  if (designations.length === 0) return 0;
  // Only a centre's latest term: a later decided term supersedes the imported one.
  const superseded = new Set(
    (
      await tx.designation.findMany({
        where: {
          state: "DESIGNATED",
          frozenVersion: { gt: 1 },
          centreId: { in: designations.map((designation) => designation.centreId) },
        },
        select: { centreId: true },
      })
    ).map((row) => row.centreId),
  );
  return scheduleTermReports(
    tx,
    designations
      .filter((designation) => !superseded.has(designation.centreId))
      .map((designation) => ({
        designationId: designation.id,
        centreId: designation.centreId,
        termStart: designation.termStart!,
        termEnd: designation.termEnd!,
      })),
    now,
    { dueFrom: now },
  );
}
