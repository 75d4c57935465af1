import "server-only";

import { primaryRole, type RoleGrant, type Subject } from "@/domain/permissions";
import { sessionExpired } from "@/domain/session-timeouts";
import type { PrismaClient } from "@/generated/prisma/client";

import type { SessionClaims } from "./config";

export type Viewer = Subject & {
  email: string;
  name: string;
  roles: RoleGrant[];
  /** The first role in the permission table's order, recorded on audit rows. */
  role: RoleGrant["role"] | null;
  /** Two-factor sign-in is on (decision 0014); with REQUIRE_TWO_FACTOR some roles must have it. */
  twoFactorEnrolled?: boolean;
  /** The session version this session carries: signing out moves it on only from there (end-sessions.ts). */
  sessionVersion: number;
};

/** The viewer a session's claims stand for, or null when the session no longer counts. */
export async function loadViewer(
  db: PrismaClient,
  claims: SessionClaims,
  now = new Date(),
): Promise<Viewer | null> {
  if (sessionExpired(claims.sat, Math.floor(now.getTime() / 1000))) return null;
  const user = await db.user.findUnique({
    where: { id: claims.uid },
    select: {
      id: true,
      email: true,
      name: true,
      sessionVersion: true,
      disabledAt: true,
      roles: { select: { role: true, regionId: true, centreId: true, unitId: true } },
      twoFactor: { select: { confirmedAt: true } },
    },
  });
  if (!user || user.disabledAt || user.sessionVersion !== claims.sv) return null;
  const subject = { id: user.id, roles: user.roles };
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    roles: user.roles,
    role: primaryRole(subject),
    twoFactorEnrolled: user.twoFactor?.confirmedAt != null,
    sessionVersion: user.sessionVersion,
  };
}
