import "server-only";

import type { Role } from "@/domain/permissions";
import type { PrismaClient } from "@/generated/prisma/client";
import { recordAudit } from "@/server/audit/record-audit";

import { sessionClaims } from "./config";
import { loadViewer } from "./load-viewer";
import type { RequestMeta } from "./request-meta";

/**
 * Ends every session of a person: a JWT cannot be revoked one by one, so the
 * session version moves on and every cookie carrying the old one (a copied
 * cookie too) stops counting (load-viewer.ts). With `fromVersion` it is a
 * compare-and-set on the version the ending session carries, so a sign-out
 * that was already done (our command, then the Auth.js event it triggers)
 * changes nothing and writes no second audit row.
 */
export async function endSessions(
  db: PrismaClient,
  person: { id: number; role: Role | null; fromVersion?: number },
  meta: RequestMeta | null,
  details?: { via: string },
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const moved = await tx.user.updateMany({
      where: {
        id: person.id,
        ...(person.fromVersion === undefined ? {} : { sessionVersion: person.fromVersion }),
      },
      data: { sessionVersion: { increment: 1 } },
    });
    if (moved.count === 0) return false;
    await recordAudit(tx, {
      actor: { id: person.id, role: person.role },
      action: "auth.sign-out",
      entity: { type: "User", id: person.id },
      meta,
      details,
    });
    return true;
  });
}

/**
 * Auth.js's signOut event, which it emits after checking the CSRF token of
 * `POST /api/auth/signout` (and for our own sign-out command): the decoded
 * session token's person signs out everywhere, as with the registry's button.
 */
export async function endSessionsOnSignOut(
  db: PrismaClient,
  message: { token?: unknown } | { session?: unknown },
  meta: RequestMeta | null,
): Promise<void> {
  const claims = sessionClaims.safeParse("token" in message ? message.token : null);
  if (!claims.success) return;
  // Only a session that still counts: an ended one has nothing left to end.
  const viewer = await loadViewer(db, claims.data);
  if (!viewer) return;
  await endSessions(db, { id: viewer.id, role: viewer.role, fromVersion: claims.data.sv }, meta, {
    via: "auth.js",
  });
}
