import "server-only";

import { staffAccountState, type StaffAccountState } from "@/domain/institution-staff";
import { prisma } from "@/server/db/client";

export type InstitutionStaffAccount = { name: string; email: string; state: StaffAccountState };

/**
 * The centre's staff accounts, for someone who may invite staff for it (the
 * caller checks "user.invite" on the centre): names, e-mail addresses and
 * whether each can act yet. Never a password, a token or a sign-in time.
 */
export async function institutionStaff(centreId: number): Promise<InstitutionStaffAccount[]> {
  const rows = await prisma.roleAssignment.findMany({
    where: { centreId, role: "CENTRE_STAFF" },
    orderBy: [{ user: { name: "asc" } }, { userId: "asc" }],
    select: { user: { select: { name: true, email: true, passwordHash: true, disabledAt: true } } },
  });
  return rows.map(({ user }) => ({
    name: user.name,
    email: user.email,
    state: staffAccountState({ hasPassword: user.passwordHash !== null, disabled: user.disabledAt !== null }),
  }));
}
