import "server-only";

import { z } from "zod";

import { problem } from "@/domain/problem";
import { recordAudit } from "@/server/audit/record-audit";
import { prisma } from "@/server/db/client";

import { resolveScope, roleFields } from "./role-scope";
import { CommandError, ConflictError, type Command } from "./command";

const id = z.coerce.number().int().positive();

/** Moves the user's version on (compare-and-set): a stale admin page cannot undo a newer change. */
async function bumpUser(
  tx: Parameters<Parameters<typeof prisma.$transaction>[0]>[0],
  userId: number,
  version: number,
) {
  const updated = await tx.user.updateMany({
    where: { id: userId, version },
    data: { version: { increment: 1 } },
  });
  if (updated.count === 0) throw new ConflictError();
}

const addSchema = z.object({ userId: id, version: id, ...roleFields }).strict();

export const addRoleCommand: Command<z.infer<typeof addSchema>> = {
  name: "add-role",
  permission: "user.change-roles",
  schema: addSchema,
  async handle({ viewer, input, meta, role }) {
    const scope = await resolveScope(input);
    await prisma.$transaction(async (tx) => {
      await bumpUser(tx, input.userId, input.version);
      const duplicate = await tx.roleAssignment.findFirst({
        where: { userId: input.userId, ...scope },
        select: { id: true },
      });
      if (duplicate)
        throw new CommandError(problem("roleAlreadyHeld"), { role: [problem("alreadyAssigned")] });
      const assignment = await tx.roleAssignment.create({
        data: { userId: input.userId, ...scope },
        select: { id: true },
      });
      await recordAudit(tx, {
        actor: { id: viewer.id, role },
        action: "user.role.added",
        entity: { type: "User", id: input.userId },
        meta,
        details: { assignmentId: assignment.id, ...scope },
      });
    });
    return { message: problem("roleAdded") };
  },
};

const removeSchema = z.object({ userId: id, version: id, assignmentId: id }).strict();

export const removeRoleCommand: Command<z.infer<typeof removeSchema>> = {
  name: "remove-role",
  permission: "user.change-roles",
  schema: removeSchema,
  async handle({ viewer, input, meta, role }) {
    const assignment = await prisma.roleAssignment.findFirst({
      where: { id: input.assignmentId, userId: input.userId },
      select: { role: true, regionId: true, unitId: true, centreId: true },
    });
    if (!assignment) throw new CommandError(problem("roleAlreadyRemoved"));
    if (viewer.id === input.userId && assignment.role === "ADMIN") {
      throw new CommandError(problem("ownAdminRole"));
    }
    await prisma.$transaction(async (tx) => {
      await bumpUser(tx, input.userId, input.version);
      await tx.roleAssignment.delete({ where: { id: input.assignmentId } });
      await recordAudit(tx, {
        actor: { id: viewer.id, role },
        action: "user.role.removed",
        entity: { type: "User", id: input.userId },
        meta,
        details: { assignmentId: input.assignmentId, ...assignment },
      });
    });
    return { message: problem("roleRemoved") };
  },
};
