import "server-only";

import {
  ChainWalk,
  classifyUnlinked,
  describeBreak,
  describeIntact,
  type ChainBreak,
  type ChainSummary,
  type SealedAuditRow,
} from "@/domain/audit-chain";
import type { PrismaClient } from "@/generated/prisma/client";

import { auditContentSelect } from "./seal-audit-trail";

export type AuditVerification =
  | { ok: true; summary: ChainSummary; awaiting: number; lines: string[] }
  | { ok: false; break: ChainBreak; lines: string[] };

/**
 * `npm run audit:verify`: walks every sealed row in `seq` order, a batch at a
 * time (keyset on the unique `seq`, each batch its own statement, so nothing
 * is held open and PGlite keeps serving), and answers the first row changed
 * or removed, or that the chain is intact with its head. It only reads.
 */
export async function verifyAuditTrail(
  db: PrismaClient,
  options: { expectHead?: string; batchSize?: number } = {},
): Promise<AuditVerification> {
  const batchSize = options.batchSize ?? 1000;
  const walk = new ChainWalk(options.expectHead);
  let after: bigint | null = null;
  for (;;) {
    const rows = await sealedRows(db, after, batchSize);
    for (const row of rows) {
      if (row.seq === null) continue; // never: the query asks for sealed rows
      const found = walk.push({ ...row, seq: row.seq } satisfies SealedAuditRow);
      if (found === null) continue;
      if (found.reason !== "unlinked") return broken(found);
      // Is the row this one was sealed after still somewhere in the chain?
      const target = await db.auditEvent.findFirst({
        where: { hash: found.prevHash, seq: { not: null } },
        select: { seq: true },
      });
      return broken(classifyUnlinked(found, target?.seq ?? null));
    }
    if (rows.length < batchSize) break;
    after = rows[rows.length - 1]?.seq ?? null;
  }
  const end = walk.finish();
  if (!end.ok) return broken(end.break);
  const awaiting = await db.auditEvent.count({ where: { seq: null } });
  return { ok: true, summary: end.summary, awaiting, lines: describeIntact(end.summary, awaiting) };
}

/** The next `take` sealed rows after place `after` (from the start when null). */
function sealedRows(db: PrismaClient, after: bigint | null, take: number) {
  return db.auditEvent.findMany({
    where: { seq: after === null ? { not: null } : { gt: after } },
    orderBy: { seq: "asc" },
    take,
    select: { ...auditContentSelect, seq: true, prevHash: true, hash: true },
  });
}

function broken(found: ChainBreak): AuditVerification {
  return { ok: false, break: found, lines: describeBreak(found) };
}
