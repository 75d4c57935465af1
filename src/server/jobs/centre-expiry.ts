import "server-only";

import { expiryDecision, isImportedTerm, type ExpiryDecision } from "@/domain/centre-expiry";
import { startOfUtcDay, toIsoDate } from "@/domain/dates";
import { openDesignationStates } from "@/domain/designation";
import { problem, type ProblemKey } from "@/domain/problem";
import type { PrismaClient } from "@/generated/prisma/client";
import { recordAudit } from "@/server/audit/record-audit";
import { centreExpiredMail } from "@/server/mail/compose";
import { enqueueMail } from "@/server/mail/enqueue-mail";

import { forEachBatch } from "./batches";
import { activeUsers, staffByCentre } from "./recipients";

export type ExpiryRun = { pending: number; closed: number; skipped: number };

// The public reason, stored as a problem (src/domain/problem.ts) with the
// term's last day: the centre page says it in its reader's language.
const publicReasons: Record<ExpiryDecision["reason"], ProblemKey> = {
  "redesignation-under-way": "termEndedRedesignationUnderWay",
  "imported-history-unknown": "termEndedUnderReview",
  "term-ended": "termEndedNoRedesignation",
};

/**
 * The daily `centre-expiry` job (docs/domain.md §5): every Active centre whose term
 * has ended becomes Pending or Closed (src/domain/centre-expiry.ts decides).
 * Each change is compare-and-set on the centre's version and status (a centre
 * someone changed meanwhile — or that another app instance moved first — is
 * skipped and looked at again tomorrow), with a "centre.status" audit row
 * (actor: none, the system), in one transaction. The public directory's
 * search row follows by trigger in that transaction, and the change feed
 * reads the audit row, so both show the change at once. The officer and the
 * centre's staff are told, except for imported terms: their review is the
 * focal point's, on the dashboard, not hundreds of mails.
 */
export async function runCentreExpiry(db: PrismaClient, now = new Date()): Promise<ExpiryRun> {
  const today = startOfUtcDay(now);
  const todayIso = toIsoDate(today);
  const centres = await db.centre.findMany({
    where: { status: "ACTIVE", termEnd: { lte: today } },
    select: {
      id: true,
      version: true,
      reference: true,
      title: true,
      termEnd: true,
      importedAt: true,
      responsibleOfficerId: true,
      designations: {
        where: {
          OR: [{ state: "DESIGNATED" }, { kind: "REDESIGNATION", state: { in: [...openDesignationStates] } }],
        },
        select: { state: true, proposedById: true },
        orderBy: [{ termStart: "desc" }, { id: "desc" }],
      },
    },
    orderBy: { id: "asc" },
  });
  const decided = centres.flatMap((centre) => {
    const current = centre.designations.find((designation) => designation.state === "DESIGNATED");
    const decision = expiryDecision(
      {
        status: "ACTIVE",
        termEnd: centre.termEnd ? toIsoDate(centre.termEnd) : null,
        hasOpenRedesignation: centre.designations.some((designation) => designation.state !== "DESIGNATED"),
        // The import records terms without a proposer; every designation made
        // in the registry has one (the officer who proposed or started it).
        termImported: isImportedTerm(centre, current),
      },
      todayIso,
    );
    return decision && centre.termEnd ? [{ centre, termEnd: centre.termEnd, decision }] : [];
  });

  const run: ExpiryRun = { pending: 0, closed: 0, skipped: 0 };
  const notified = decided.filter(({ decision }) => decision.reason !== "imported-history-unknown");
  const staff = await staffByCentre(
    db,
    notified.map(({ centre }) => centre.id),
  );
  const officers = await activeUsers(
    db,
    notified.flatMap(({ centre }) => centre.responsibleOfficerId ?? []),
  );
  await forEachBatch(decided, async (batch) => {
    await db.$transaction(
      async (tx) => {
        for (const { centre, termEnd, decision } of batch) {
          const updated = await tx.centre.updateMany({
            where: { id: centre.id, version: centre.version, status: "ACTIVE" },
            data: {
              status: decision.to,
              // The day the status took effect, as the import records it for Pending centres.
              statusChangedAt: termEnd,
              statusReason: problem(publicReasons[decision.reason], { end: toIsoDate(termEnd) }),
              version: { increment: 1 },
            },
          });
          if (updated.count === 0) {
            run.skipped += 1;
            continue;
          }
          run[decision.to === "PENDING" ? "pending" : "closed"] += 1;
          await recordAudit(tx, {
            actor: null,
            action: "centre.status",
            entity: { type: "Centre", id: centre.id },
            from: "ACTIVE",
            to: decision.to,
            details: { job: "centre-expiry", reason: decision.reason, termEnd: toIsoDate(termEnd) },
          });
          if (decision.reason === "imported-history-unknown") continue;
          const officer = centre.responsibleOfficerId ? officers.get(centre.responsibleOfficerId) : undefined;
          const people = [...(officer ? [officer] : []), ...(staff.get(centre.id) ?? [])];
          for (const person of people) {
            await enqueueMail(tx, {
              kind: "centre.expired",
              to: person.email,
              dedupeKey: `centre:${centre.id}:term-ended:${toIsoDate(termEnd)}:to:${person.id}`,
              ...centreExpiredMail(person.locale, {
                reference: centre.reference,
                title: centre.title,
                termEnd: toIsoDate(termEnd),
                to: decision.to,
              }),
            });
          }
        }
      },
      { timeout: 120_000 },
    );
  });
  return run;
}
