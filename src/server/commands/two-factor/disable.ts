import "server-only";

import { z } from "zod";

import { problem } from "@/domain/problem";
import { disableTwoFactor } from "@/server/auth/two-factor/two-factor";
import { prisma } from "@/server/db/client";

import { CommandError, type Command } from "../command";
import { secondFactorField, secondFactorSignInError } from "./sign-in-errors";

const schema = z
  .object({
    code: secondFactorField.refine((value) => value !== undefined && value.trim() !== "", {
      message: problem("disableCodeMissing"),
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
    if (result.ok) return { message: problem("twoFactorTurnedOff") };
    if (result.reason === "not-enrolled") throw new CommandError(problem("twoFactorAlreadyOff"));
    const error = secondFactorSignInError(`two-factor-${result.reason}`);
    // The sign-in wording asks for the password again; here only the code counts.
    throw new CommandError(error?.message ?? problem("codeWrong"), {
      code: [
        result.reason === "recovery-used"
          ? problem("disableRecoveryUsedHint")
          : result.reason === "reused"
            ? problem("disableCodeReusedHint")
            : result.reason === "throttled"
              ? problem("waitFifteenMinutes")
              : problem("disableCodeWrongHint"),
      ],
    });
  },
};
