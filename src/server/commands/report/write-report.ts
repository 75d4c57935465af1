import "server-only";

import type { ReportDraft } from "@/domain/annual-report";
import type { Prisma } from "@/generated/prisma/client";
import type { Viewer } from "@/server/auth/viewer";

import { CommandError } from "../command";
import { factsAsFirstAuthorized } from "../idempotency";
import { readableReportFacts } from "./load-report";

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

/**
 * The facts of a report the viewer may read (others: not-found). For a copy
 * of a keyed request already handled (`action`: the command's name), the
 * state the first was authorized in; and when `locked` is given, a report
 * already locked is refused with that clear message before the edit
 * permission is asked (which would only say "not at this stage").
 */
export async function reportFactsFor(
  input: { reportId: number; idempotencyKey?: string },
  viewer: Viewer | null,
  action: string | null,
  locked?: { states: readonly string[]; message: string },
) {
  const facts = await readableReportFacts(input.reportId, viewer);
  if (!facts || !viewer) return facts;
  if (action) {
    const request = { key: input.idempotencyKey, userId: viewer.id, action, subject: input.reportId };
    const first = await factsAsFirstAuthorized(facts, request);
    if (first.repeat) return first.facts;
  }
  if (locked && facts.state && locked.states.includes(facts.state)) throw new CommandError(locked.message);
  return facts;
}
