import "server-only";

import type { PrismaClient } from "@/generated/prisma/client";
import { recipientSelect, toRecipient, type Recipient } from "@/server/mail/recipient";

// Who receives a job's mail: active (not disabled) people by role and scope,
// the same rule as the designation's notifications (notify-next.ts), each
// with the language their mail is written in.

export type { Recipient } from "@/server/mail/recipient";

/** Centre staff by centre id. */
export async function staffByCentre(
  db: PrismaClient,
  centreIds: number[],
): Promise<Map<number, Recipient[]>> {
  const roles = await db.roleAssignment.findMany({
    where: { role: "CENTRE_STAFF", centreId: { in: centreIds }, user: { disabledAt: null } },
    select: { centreId: true, user: { select: recipientSelect } },
    orderBy: { userId: "asc" },
  });
  const byCentre = new Map<number, Recipient[]>();
  for (const role of roles) {
    if (role.centreId === null) continue;
    const list = byCentre.get(role.centreId) ?? [];
    if (!list.some((user) => user.id === role.user.id)) list.push(toRecipient(role.user));
    byCentre.set(role.centreId, list);
  }
  return byCentre;
}

/** Active people by id (responsible officers). */
export async function activeUsers(db: PrismaClient, ids: number[]): Promise<Map<number, Recipient>> {
  const users = await db.user.findMany({
    where: { id: { in: ids }, disabledAt: null },
    select: recipientSelect,
  });
  return new Map(users.map((user) => [user.id, toRecipient(user)]));
}

/** Every active focal point with the regions they hold. */
export async function focalPoints(db: PrismaClient): Promise<(Recipient & { regionIds: number[] })[]> {
  const roles = await db.roleAssignment.findMany({
    where: { role: "FOCAL_POINT", regionId: { not: null }, user: { disabledAt: null } },
    select: { regionId: true, user: { select: recipientSelect } },
    orderBy: { userId: "asc" },
  });
  const byUser = new Map<number, Recipient & { regionIds: number[] }>();
  for (const role of roles) {
    const entry = byUser.get(role.user.id) ?? { ...toRecipient(role.user), regionIds: [] };
    if (role.regionId !== null && !entry.regionIds.includes(role.regionId))
      entry.regionIds.push(role.regionId);
    byUser.set(role.user.id, entry);
  }
  return [...byUser.values()];
}
