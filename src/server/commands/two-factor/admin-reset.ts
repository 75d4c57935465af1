import "server-only";

import { z } from "zod";

import { problem } from "@/domain/problem";
import { resetTwoFactor } from "@/server/auth/two-factor/two-factor";
import { prisma } from "@/server/db/client";

import { CommandError, ConflictError, type Command } from "../command";

const id = z.coerce.number().int().positive();
const schema = z.object({ userId: id, version: id }).strict();

/** An administrator removes someone's two-factor sign-in (lost phone and recovery codes). */
export const resetTwoFactorCommand: Command<z.infer<typeof schema>> = {
  name: "two-factor-reset",
  permission: "user.reset-two-factor",
  schema,
  async handle({ viewer, input, meta, role }) {
    const outcome = await resetTwoFactor(prisma, { id: viewer.id, role }, input, meta);
    if (outcome === "conflict") throw new ConflictError();
    if (outcome === "not-enrolled") throw new CommandError(problem("twoFactorNotUsed"));
    return {
      message: problem("twoFactorReset"),
    };
  },
};
