import "server-only";

import { reportStateLabels, type ReportDraft, type ReportState } from "@/domain/annual-report";
import type { Prisma } from "@/generated/prisma/client";
import type { Viewer } from "@/server/auth/viewer";
import { prisma } from "@/server/db/client";

import { storedResult, type KeyedRequest } from "../idempotency";
import { CommandError } from "../command";
import { readableReportFacts } from "./load-report";

/**
 * Transaction options of the report commands: an autosave may queue behind
 * other work for the embedded database's one connection (jobs, another
 * save), so it waits up to 10 s for it instead of Prisma's 2 s and failing.
 */
export const REPORT_TRANSACTION = { maxWait: 10_000, timeout: 20_000 } as const;

/** The other person's (or tab's) change, named: the loser of a race learns what happened. */
export class ReportConflict extends CommandError {
  constructor(state: ReportState | null) {
    super(
      state
        ? `Someone else changed this report in the meantime; it is now “${reportStateLabels[state]}”. Reload the page to see their change.`
        : "Someone else changed this report in the meantime. Reload the page to see their change.",
    );
  }
}

/** Rethrows a conflict with the state the other change left the report in. */
export async function explainConflict(reportId: number): Promise<never> {
  const current = await prisma.annualReport.findUnique({ where: { id: reportId }, select: { state: true } });
  throw new ReportConflict((current?.state as ReportState | undefined) ?? null);
}

/**
 * Writes the activities a draft names: each one's status and narrative, and
 * its outputs replaced as a whole (their order is the form's). Runs inside
 * the caller's transaction, after the report's compare-and-set succeeded.
 */
export async function writeActivities(
  tx: Prisma.TransactionClient,
  reportId: number,
  activities: ReportDraft["activities"],
): Promise<void> {
  for (const [id, progress] of Object.entries(activities)) {
    const activityId = Number(id);
    const row = await tx.activityProgress.upsert({
      where: { reportId_activityId: { reportId, activityId } },
      create: { reportId, activityId, status: progress.status, narrative: progress.narrative },
      update: { status: progress.status, narrative: progress.narrative, version: { increment: 1 } },
      select: { id: true },
    });
    await tx.reportOutput.deleteMany({ where: { progressId: row.id } });
    if (progress.outputs.length) {
      await tx.reportOutput.createMany({
        data: progress.outputs.map((output, position) => ({
          progressId: row.id,
          kind: output.kind,
          title: output.title,
          url: output.url,
          position,
        })),
      });
    }
  }
}

export type IdempotentAction = "report.submit" | "report.accept" | "report.return";
export type Replay = { message: string; from: string };

/** The keyed request of a report command (src/server/commands/idempotency.ts). */
export function keyedReport(key: string | undefined, userId: number, action: IdempotentAction): KeyedRequest {
  return { key, userId, action };
}

/**
 * The stored answer, when it belongs to this report: `from` is the state the
 * first request was authorized in, so a replay is checked as the original
 * was; a replay changes nothing. What each report command stores with
 * claimKey is `{ message, from, reportId }`.
 */
export function reportReplay(reportId: number) {
  return (stored: Prisma.JsonObject): Replay | null =>
    stored.reportId === reportId && typeof stored.message === "string" && typeof stored.from === "string"
      ? { message: stored.message, from: stored.from }
      : null;
}

/** A request already handled under this key by this person for this report (security.md scenario 8). */
export async function replayed(
  key: string | undefined,
  userId: number,
  action: IdempotentAction,
  reportId: number,
): Promise<Replay | null> {
  const stored = await storedResult(keyedReport(key, userId, action));
  return stored ? reportReplay(reportId)(stored) : null;
}

/**
 * The facts of a report the viewer may read (others: not-found). For a
 * replayed request, the state it was first authorized in; and when `locked`
 * is given, a report already locked is refused with that clear message
 * before the edit permission is asked (which would only say "not at this stage").
 */
export async function reportFactsFor(
  input: { reportId: number; idempotencyKey?: string },
  viewer: Viewer | null,
  action: IdempotentAction | null,
  locked?: { states: readonly string[]; message: string },
) {
  const facts = await readableReportFacts(input.reportId, viewer);
  if (!facts || !viewer) return facts;
  const replay = action ? await replayed(input.idempotencyKey, viewer.id, action, input.reportId) : null;
  if (replay) return { ...facts, state: replay.from };
  if (locked && facts.state && locked.states.includes(facts.state)) throw new CommandError(locked.message);
  return facts;
}
