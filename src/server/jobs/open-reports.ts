import "server-only";

import { centreStatusesOwingReports } from "@/domain/annual-report-schedule";
import { reportOpening } from "@/domain/centre-expiry";
import { startOfUtcDay, toIsoDate } from "@/domain/dates";
import type { PrismaClient } from "@/generated/prisma/client";
import { recordAudit } from "@/server/audit/record-audit";

import { forEachBatch } from "./batches";

/**
 * The daily `open-reports` job (docs/domain.md §6): a SCHEDULED annual report
 * opens (→ OPEN) 30 days before it is due. Compare-and-set on version and
 * state with a "report.open" audit row (actor: the system) in one
 * transaction. It sends no mail: the reminder "due in 30 days" of the
 * `reminders` job falls on the same day and says the report is open.
 */
export async function runOpenReports(db: PrismaClient, now = new Date()): Promise<{ opened: number }> {
  const today = startOfUtcDay(now);
  const reports = await db.annualReport.findMany({
    where: {
      state: "SCHEDULED",
      opensOn: { lte: today },
      centre: { status: { in: [...centreStatusesOwingReports] } },
    },
    select: { id: true, version: true, opensOn: true, state: true, centreId: true },
    orderBy: { id: "asc" },
  });
  const opening = reports.filter(
    (report) =>
      reportOpening({ state: report.state, opensOn: toIsoDate(report.opensOn) }, toIsoDate(today)) !== null,
  );
  let opened = 0;
  await forEachBatch(opening, async (batch) => {
    await db.$transaction(
      async (tx) => {
        for (const report of batch) {
          const updated = await tx.annualReport.updateMany({
            where: { id: report.id, version: report.version, state: "SCHEDULED" },
            data: { state: "OPEN", stateChangedAt: now, version: { increment: 1 } },
          });
          if (updated.count === 0) continue;
          opened += 1;
          await recordAudit(tx, {
            actor: null,
            action: "report.open",
            entity: { type: "AnnualReport", id: report.id },
            from: "SCHEDULED",
            to: "OPEN",
            details: { job: "open-reports", centreId: report.centreId },
          });
        }
      },
      { timeout: 120_000 },
    );
  });
  return { opened };
}
