import "server-only";

import { z } from "zod";

import { disableTwoFactor } from "@/server/auth/two-factor/two-factor";
import { prisma } from "@/server/db/client";

import { CommandError, type Command } from "../command";
import { secondFactorField, secondFactorSignInError } from "./sign-in-errors";

const schema = z
  .object({
    code: secondFactorField.refine((value) => value !== undefined && value.trim() !== "", {
      message: "Enter a code from your app, or a recovery code.",
    }),
  })
  .strict();

/** The person turns their own two-factor sign-in off, proving it with a code or a recovery code. */
export const disableTwoFactorCommand: Command<z.infer<typeof schema>> = {
  name: "two-factor-disable",
  permission: "account.two-factor",
  schema,
  secretFields: ["code"],
  async handle({ viewer, input, meta, role }) {
    const result = await disableTwoFactor(prisma, { id: viewer.id, role }, input.code ?? "", meta);
    if (result.ok) return { message: "Two-factor sign-in is off." };
    if (result.reason === "not-enrolled") throw new CommandError("Two-factor sign-in is already off.");
    const error = secondFactorSignInError(`two-factor-${result.reason}`);
    // The sign-in wording asks for the password again; here only the code counts.
    throw new CommandError(error?.message ?? "That code is not right.", {
      code: [
        result.reason === "recovery-used"
          ? "Each recovery code works once: use the code from your app or another recovery code."
          : result.reason === "reused"
            ? "Wait for your app to show the next code."
            : result.reason === "throttled"
              ? "Wait 15 minutes, then try again."
              : "Type the code your app shows now, or a recovery code.",
      ],
    });
  },
};
