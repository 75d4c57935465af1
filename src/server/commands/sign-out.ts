import "server-only";

import { redirect } from "next/navigation";
import { z } from "zod";

import { endSessions } from "@/server/auth/end-sessions";
import { signOut } from "@/server/auth/next-auth";
import { prisma } from "@/server/db/client";

import type { Command } from "./command";

/**
 * Signing out ends every session of the person, not only this browser's: a
 * copied cookie must stop working too (docs/security.md scenario 10), and a JWT
 * can only be revoked by moving the session version on. Auth.js's own
 * `POST /api/auth/signout` does the same (src/server/auth/end-sessions.ts).
 */
export const signOutCommand: Command<Record<string, never>> = {
  name: "sign-out",
  permission: "workspace.my-work",
  schema: z.object({}).strict(),
  async handle({ viewer, meta, role }) {
    // Compare-and-set on this session's version: of a double click, exactly one ends the sessions.
    await endSessions(prisma, { id: viewer.id, role, fromVersion: viewer.sessionVersion }, meta);
    // Clears this browser's cookie; Auth.js's signOut event then finds the session already ended.
    await signOut({ redirect: false });
    redirect("/");
  },
};
