import "server-only";

import { redirect } from "next/navigation";
import { z } from "zod";

import { checkPassword, PASSWORD_MAX_LENGTH, passwordProblemMessage } from "@/domain/password-policy";
import { problem } from "@/domain/problem";
import { throttledMessage } from "@/domain/sign-in-throttle";
import { recordAudit } from "@/server/audit/record-audit";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import { claimAttempt, passwordKey, recordSuccess, releaseAttempt } from "@/server/auth/throttle";
import { prisma } from "@/server/db/client";

import { CommandError, type Command } from "./command";

const schema = z
  .object({
    current: z.string().max(1024),
    password: z.string().max(PASSWORD_MAX_LENGTH * 4, problem("tooLong", { max: PASSWORD_MAX_LENGTH })),
    confirm: z.string().max(PASSWORD_MAX_LENGTH * 4),
  })
  .strict();

/**
 * A signed-in person changes their password, proving the current one. Every
 * session ends (the session version moves on), this one included: they sign
 * in again with the new password. Wrong current passwords count under the
 * same throttle as sign-in (src/domain/sign-in-throttle.ts): a stolen session
 * is no way around it to guess the password.
 */
export const changePasswordCommand: Command<z.infer<typeof schema>> = {
  name: "change-password",
  permission: "workspace.my-work",
  schema,
  secretFields: ["current", "password", "confirm"],
  endsSession: true,
  async handle({ viewer, input, meta, role }) {
    const now = new Date();
    // Counted before argon2 runs, as at sign-in: parallel guesses meet the limit too.
    const gate = await claimAttempt(prisma, passwordKey(viewer.email), meta.ip, now);
    if (!gate.allowed) {
      await recordAudit(prisma, {
        actor: { id: viewer.id, role },
        action: "auth.password.change-throttled",
        entity: { type: "User", id: viewer.id },
        meta,
        details: { scope: gate.scope },
      });
      throw new CommandError(throttledMessage(gate));
    }
    const user = await prisma.user.findUniqueOrThrow({
      where: { id: viewer.id },
      select: { passwordHash: true, version: true },
    });
    if (!user.passwordHash || !(await verifyPassword(user.passwordHash, input.current))) {
      const { failures, accountFailures } = gate;
      await recordAudit(prisma, {
        actor: { id: viewer.id, role },
        action: "auth.password.change-failed",
        entity: { type: "User", id: viewer.id },
        meta,
        details: { failures, accountFailures },
      });
      throw new CommandError(problem("currentPasswordWrong"), { current: [problem("currentPasswordHint")] });
    }
    await releaseAttempt(prisma, passwordKey(viewer.email), meta.ip);
    const weakness = checkPassword(input.password, { email: viewer.email });
    if (weakness)
      throw new CommandError(problem("choosePassword"), { password: [passwordProblemMessage(weakness)] });
    if (input.password !== input.confirm) {
      throw new CommandError(problem("newPasswordsDiffer"), { confirm: [problem("typeSamePassword")] });
    }
    const passwordHash = await hashPassword(input.password);
    await prisma.$transaction(async (tx) => {
      await tx.user.update({
        where: { id: viewer.id },
        data: { passwordHash, sessionVersion: { increment: 1 }, version: { increment: 1 } },
      });
      await recordAudit(tx, {
        actor: { id: viewer.id, role },
        action: "auth.password.changed",
        entity: { type: "User", id: viewer.id },
        meta,
      });
      await recordSuccess(tx, passwordKey(viewer.email), meta.ip, now);
    });
    redirect(`/sign-in?password=set&email=${encodeURIComponent(viewer.email)}`);
  },
};
