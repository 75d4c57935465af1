import "server-only";

import { z } from "zod";

import { problem } from "@/domain/problem";
import { confirmEnrolment, startEnrolment } from "@/server/auth/two-factor/two-factor";
import { prisma } from "@/server/db/client";

import { CommandError, type Command } from "../command";
import { secondFactorField } from "./sign-in-errors";

/** Starts setting up two-factor sign-in: a new secret to scan, not in force until confirmed. */
export const startTwoFactorCommand: Command<Record<string, never>> = {
  name: "two-factor-start",
  permission: "account.two-factor",
  schema: z.object({}).strict(),
  async handle({ viewer }) {
    const outcome = await startEnrolment(prisma, viewer.id);
    if (outcome === "already-on") throw new CommandError(problem("twoFactorAlreadyOn"));
  },
};

const confirmSchema = z
  .object({
    code: secondFactorField.refine((value) => value !== undefined && value.trim() !== "", {
      message: problem("enrolCodeMissing"),
    }),
  })
  .strict();

/** Puts it in force with a code from the app; answers the ten recovery codes, shown this once. */
export const confirmTwoFactorCommand: Command<z.infer<typeof confirmSchema>> = {
  name: "two-factor-confirm",
  permission: "account.two-factor",
  schema: confirmSchema,
  secretFields: ["code"],
  async handle({ viewer, input, meta, role }) {
    const result = await confirmEnrolment(prisma, { id: viewer.id, role }, input.code ?? "", meta);
    if (result.ok) {
      return {
        message: problem("twoFactorTurnedOn"),
        data: { recoveryCodes: result.recoveryCodes.join("\n") },
      };
    }
    const field = (message: string) => ({ code: [message] });
    switch (result.reason) {
      case "malformed":
      case "recovery-used":
      case "required":
        throw new CommandError(problem("codeCheck"), field(problem("enrolCodeNow")));
      case "invalid":
      case "reused":
        throw new CommandError(problem("codeWrong"), field(problem("enrolCodeWrongHint")));
      case "throttled":
        throw new CommandError(problem("enrolThrottled"));
      case "not-pending":
      case "not-enrolled":
        throw new CommandError(problem("enrolmentStale"));
    }
  },
};
