import "server-only";

import { z } from "zod";

import { tokenStatus } from "@/domain/auth-tokens";
import { checkPassword, PASSWORD_MAX_LENGTH, passwordProblemMessage } from "@/domain/password-policy";
import { problem } from "@/domain/problem";
import { recordAudit } from "@/server/audit/record-audit";
import { hashPassword } from "@/server/auth/password";
import { passwordKey, recordSuccess } from "@/server/auth/throttle";
import { hashToken } from "@/server/auth/tokens";
import { prisma } from "@/server/db/client";
import { redirectInLanguage } from "@/server/http/locale-cookie";

import { CommandError, type PublicCommand } from "./command";

const schema = z
  .object({
    token: z.string().min(20).max(200),
    // Checked by the password policy below; never trimmed or truncated.
    password: z.string().max(PASSWORD_MAX_LENGTH * 4, problem("tooLong", { max: PASSWORD_MAX_LENGTH })),
    confirm: z.string().max(PASSWORD_MAX_LENGTH * 4),
  })
  .strict();

const expiredMessage = problem("linkExpiredOrUsed");

/** Sets a password from an invitation or reset link: the token is spent in the same transaction. */
export const setPasswordCommand: PublicCommand<z.infer<typeof schema>> = {
  public: true,
  name: "set-password",
  permission: "account.set-password",
  schema,
  secretFields: ["password", "confirm", "token"],
  async handle({ input, meta }) {
    const now = new Date();
    const token = await prisma.authToken.findUnique({
      where: { tokenHash: hashToken(input.token) },
      select: {
        id: true,
        purpose: true,
        expiresAt: true,
        usedAt: true,
        user: { select: { id: true, email: true, disabledAt: true, locale: true } },
      },
    });
    if (tokenStatus(token, now) !== "valid" || !token || token.user.disabledAt)
      throw new CommandError(expiredMessage);
    const weakness = checkPassword(input.password, { email: token.user.email });
    if (weakness)
      throw new CommandError(problem("choosePassword"), { password: [passwordProblemMessage(weakness)] });
    if (input.password !== input.confirm) {
      throw new CommandError(problem("passwordsDiffer"), { confirm: [problem("typeSamePassword")] });
    }
    const passwordHash = await hashPassword(input.password);
    await prisma.$transaction(async (tx) => {
      // Compare-and-set: of two parallel uses of one link, only one succeeds.
      const spent = await tx.authToken.updateMany({
        where: { id: token.id, usedAt: null },
        data: { usedAt: now },
      });
      if (spent.count === 0) throw new CommandError(expiredMessage);
      await tx.user.update({
        where: { id: token.user.id },
        data: { passwordHash, sessionVersion: { increment: 1 }, version: { increment: 1 } },
      });
      // Whoever holds the link holds the mailbox: this address becomes a known one, so the
      // account-wide throttle (src/domain/sign-in-throttle.ts) cannot keep them from signing in.
      await recordSuccess(tx, passwordKey(token.user.email), meta.ip, now);
      await recordAudit(tx, {
        actor: { id: token.user.id, role: null },
        action: token.purpose === "INVITATION" ? "auth.invitation.accepted" : "auth.password.reset",
        entity: { type: "User", id: token.user.id },
        meta,
      });
    });
    // The sign-in page in the person's language, as signing in does (their
    // invitation's link was in it already).
    const signInPath = `/sign-in?password=set&email=${encodeURIComponent(token.user.email)}`;
    const locale = token.user.locale;
    await redirectInLanguage(locale, signInPath);
  },
};
