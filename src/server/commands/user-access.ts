import "server-only";

import { z } from "zod";

import { problem } from "@/domain/problem";
import { recordAudit } from "@/server/audit/record-audit";
import { prisma } from "@/server/db/client";

import { CommandError, ConflictError, type Command } from "./command";

const id = z.coerce.number().int().positive();
const schema = z
  .object({ userId: id, version: id, change: z.enum(["disable", "enable", "end-sessions"]) })
  .strict();

/**
 * Disable, re-enable, or end every session of a person. Disabling and ending
 * sessions move the session version on, so their cookies stop working at
 * their next request.
 */
export const setUserAccessCommand: Command<z.infer<typeof schema>> = {
  name: "set-user-access",
  permission: "user.disable",
  schema,
  async handle({ viewer, input, meta, role }) {
    if (viewer.id === input.userId && input.change === "disable") {
      throw new CommandError(problem("ownAccountDisable"));
    }
    const now = new Date();
    const data =
      input.change === "disable"
        ? { disabledAt: now, sessionVersion: { increment: 1 } }
        : input.change === "enable"
          ? { disabledAt: null }
          : { sessionVersion: { increment: 1 } };
    await prisma.$transaction(async (tx) => {
      const updated = await tx.user.updateMany({
        where: { id: input.userId, version: input.version },
        data: { ...data, version: { increment: 1 } },
      });
      if (updated.count === 0) throw new ConflictError();
      await recordAudit(tx, {
        actor: { id: viewer.id, role },
        action:
          input.change === "disable"
            ? "user.disabled"
            : input.change === "enable"
              ? "user.enabled"
              : "user.sessions-ended",
        entity: { type: "User", id: input.userId },
        meta,
      });
    });
    const messages = {
      disable: problem("accountDisabled"),
      enable: problem("accountEnabled"),
      "end-sessions": problem("sessionsEnded"),
    };
    return { message: messages[input.change] };
  },
};
