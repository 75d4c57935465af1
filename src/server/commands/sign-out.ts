import "server-only";

import { redirect } from "next/navigation";
import { z } from "zod";

import { recordAudit } from "@/server/audit/record-audit";
import { signOut } from "@/server/auth/next-auth";
import { prisma } from "@/server/db/client";

import type { Command } from "./run-command";

/**
 * Signing out ends every session of the person, not only this browser's: a
 * copied cookie must stop working too (security.md scenario 10), and a JWT
 * can only be revoked by moving the session version on.
 */
export const signOutCommand: Command<Record<string, never>> = {
  name: "sign-out",
  permission: "workspace.my-work",
  schema: z.object({}).strict(),
  async handle({ viewer, meta, role }) {
    if (viewer) {
      await prisma.$transaction(async (tx) => {
        await tx.user.update({ where: { id: viewer.id }, data: { sessionVersion: { increment: 1 } } });
        await recordAudit(tx, {
          actor: { id: viewer.id, role },
          action: "auth.sign-out",
          entity: { type: "User", id: viewer.id },
          meta,
        });
      });
    }
    await signOut({ redirect: false });
    redirect("/");
  },
};
