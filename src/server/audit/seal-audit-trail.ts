import "server-only";

import { SEAL_MARGIN_MS, planSeal, type ChainHead } from "@/domain/audit-chain";
import type { PrismaClient } from "@/generated/prisma/client";

// Seals the audit trail (decision 0029): the `audit-seal` job every minute,
// and callable directly (tests, `npm run jobs:run -- audit-seal`). Writers
// never wait for it nor for each other: recordAudit() inserts rows unsealed,
// as before; this pass gives them their place in the chain afterwards.

/** pg_try_advisory_xact_lock key of the sealer: one sealing pass at a time, across instances. */
export const AUDIT_SEAL_LOCK = 290_029;

/** The columns a row's hash covers (src/domain/audit-chain.ts). */
export const auditContentSelect = {
  id: true,
  occurredAt: true,
  actorId: true,
  actorRole: true,
  action: true,
  entityType: true,
  entityId: true,
  fromState: true,
  toState: true,
  ip: true,
  userAgent: true,
  details: true,
} as const;

export type SealOptions = {
  /** The sealer's clock: rows younger than the margin wait for the next pass. */
  now?: Date;
  marginMs?: number;
  /** Rows per transaction (PGlite runs one transaction at a time: keep them short). */
  batchSize?: number;
};

export type SealResult = {
  sealed: number;
  /** Of those, rows whose transaction committed after larger ids were sealed. */
  late: number;
  /** Rows still unsealed after the pass (younger than the margin, or committed meanwhile). */
  waiting: number;
  /** 1 when another pass held the lock, so this one sealed nothing. */
  busy: number;
};

/**
 * One sealing pass: batches of unsealed rows in id order, each batch in one
 * transaction that first takes the sealer's advisory lock (a second sealer,
 * on this instance or another, gets `busy` and stops at once; writers take
 * no lock and never wait for it), reads the head of the chain, and seals the
 * rows planSeal() allows. The UPDATE is the one the append-only trigger lets
 * through: an unsealed row's four seal columns, once.
 */
export async function sealAuditTrail(db: PrismaClient, options: SealOptions = {}): Promise<SealResult> {
  const now = options.now ?? new Date();
  const marginMs = options.marginMs ?? SEAL_MARGIN_MS;
  const batchSize = options.batchSize ?? 500;
  const result: SealResult = { sealed: 0, late: 0, waiting: 0, busy: 0 };

  for (;;) {
    const batch = await db.$transaction(
      async (tx) => {
        const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`
          SELECT pg_try_advisory_xact_lock(${AUDIT_SEAL_LOCK}::bigint) AS locked`;
        if (!lock?.locked) return null;

        const head = await tx.auditEvent.findFirst({
          where: { seq: { not: null } },
          orderBy: { seq: "desc" },
          select: { seq: true, hash: true },
        });
        let chainHead: ChainHead | null = null;
        if (head) {
          // Only a change by hand can leave a sealed row without a hash (the trigger refuses it).
          if (head.seq === null || head.hash === null)
            throw new Error(
              `The audit chain's last row (seq ${head.seq}) has no hash: run npm run audit:verify.`,
            );
          chainHead = { seq: head.seq, hash: head.hash };
        }
        const highestSealed = await tx.auditEvent.findFirst({
          where: { seq: { not: null } },
          orderBy: { id: "desc" },
          select: { id: true },
        });
        const unsealed = await tx.auditEvent.findMany({
          where: { seq: null },
          orderBy: { id: "asc" },
          take: batchSize,
          select: auditContentSelect,
        });
        const plan = planSeal(chainHead, unsealed, {
          highestSealedId: highestSealed?.id ?? null,
          now,
          marginMs,
        });
        const { seals } = plan;
        if (seals.length > 0) {
          const sealedAt = new Date();
          const updated = await tx.$executeRaw`
            UPDATE "AuditEvent" AS a
            SET seq = v.seq, "prevHash" = v.prev, hash = v.hash, "sealedAt" = ${sealedAt}::timestamp
            FROM unnest(${seals.map((seal) => seal.id.toString())}::text[]::bigint[],
                        ${seals.map((seal) => seal.seq.toString())}::text[]::bigint[],
                        ${seals.map((seal) => seal.prevHash)}::text[],
                        ${seals.map((seal) => seal.hash)}::text[]) AS v(id, seq, prev, hash)
            WHERE a.id = v.id AND a.seq IS NULL`;
          // Under the lock nobody else seals; a difference means the table changed under us.
          if (updated !== seals.length) throw new Error(`Sealed ${updated} audit rows of ${seals.length}.`);
        }
        return {
          sealed: seals.length,
          late: seals.filter((seal) => seal.late).length,
          more: plan.waitingFrom === null && unsealed.length === batchSize,
        };
      },
      { maxWait: 10_000, timeout: 60_000 },
    );
    if (batch === null) {
      result.busy = 1;
      break;
    }
    result.sealed += batch.sealed;
    result.late += batch.late;
    if (!batch.more) break;
  }
  result.waiting = await db.auditEvent.count({ where: { seq: null } });
  return result;
}
