import "server-only";

import type { Role } from "@/domain/permissions";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import type { RequestMeta } from "@/server/auth/request-meta";

type Db = Prisma.TransactionClient | PrismaClient;

export type AuditEntry = {
  /** Who acted; null for anonymous requests (a failed sign-in, a reset request). */
  actor: { id: number; role: Role | null } | null;
  action: string;
  entity?: { type: string; id: string | number };
  from?: string | null;
  to?: string | null;
  meta?: RequestMeta | null;
  /** Never a password, token or hash: callers pass only identifiers and reasons. */
  details?: Prisma.InputJsonObject;
};

/**
 * THE one audit writer. Pass the transaction client of the change being
 * audited so the row commits or rolls back with it (docs/security.md scenario 13);
 * the table is append-only, enforced by a trigger in the database.
 */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db.auditEvent.create({
    data: {
      actorId: entry.actor?.id ?? null,
      actorRole: entry.actor?.role ?? null,
      action: entry.action,
      entityType: entry.entity?.type ?? null,
      entityId: entry.entity ? String(entry.entity.id) : null,
      fromState: entry.from ?? null,
      toState: entry.to ?? null,
      ip: entry.meta?.ip ?? null,
      userAgent: entry.meta?.userAgent ?? null,
      details: entry.details,
    },
  });
}
