import "server-only";

import { z } from "zod";

import {
  RESET_REQUEST_WINDOW_SECONDS,
  RESET_REQUESTS_PER_EMAIL,
  RESET_REQUESTS_PER_IP,
  retryInMinutes,
} from "@/domain/auth-tokens";
import { problem } from "@/domain/problem";
import { recipientLocale } from "@/i18n/locales";
import { recordAudit } from "@/server/audit/record-audit";
import { issueToken, setPasswordLink } from "@/server/auth/tokens";
import { prisma } from "@/server/db/client";
import { passwordResetMail } from "@/server/mail/compose";
import { enqueueMail } from "@/server/mail/enqueue-mail";
import { deliverOutbox, logMailFailure } from "@/server/mail/deliver-outbox";
import { takeFixedWindow } from "@/server/rate-limit/fixed-window";

import { CommandError, emailField, type PublicCommand } from "./command";

const schema = z.object({ email: emailField }).strict();

export const RESET_REQUESTED_MESSAGE = problem("resetRequested");

/**
 * The same answers whether or not the address has an account, so the form
 * cannot be used to find accounts: the limits count typed addresses and
 * client addresses, never accounts.
 */
export const requestPasswordResetCommand: PublicCommand<z.infer<typeof schema>> = {
  public: true,
  name: "request-password-reset",
  permission: "account.request-password-reset",
  schema,
  async handle({ input, meta }) {
    const now = new Date();
    // Per client address the answer may say "too many": it tells nothing about accounts.
    const fromClient = await takeFixedWindow(
      `reset-ip:${meta.ip}`,
      RESET_REQUESTS_PER_IP,
      RESET_REQUEST_WINDOW_SECONDS,
    );
    if (!fromClient.allowed) {
      // One row per window, not per refusal: a flood of refused requests must not grow the audit table.
      if (fromClient.firstRefusal)
        await recordAudit(prisma, {
          actor: null,
          action: "auth.password-reset.throttled",
          meta,
          details: { email: input.email, scope: "client" },
        });
      throw new CommandError(
        problem("resetThrottledNetwork", { minutes: retryInMinutes(fromClient.retryAfterSeconds) }),
      );
    }
    // Per typed address the limit holds whether or not it has an account, so saying so reveals
    // nothing, and the person who asked three times learns why no fourth mail comes.
    const forAddress = await takeFixedWindow(
      `reset-email:${input.email}`,
      RESET_REQUESTS_PER_EMAIL,
      RESET_REQUEST_WINDOW_SECONDS,
    );
    if (!forAddress.allowed) {
      if (forAddress.firstRefusal)
        await recordAudit(prisma, {
          actor: null,
          action: "auth.password-reset.throttled",
          meta,
          details: { email: input.email, scope: "address" },
        });
      throw new CommandError(
        problem("resetThrottledAddress", {
          count: RESET_REQUESTS_PER_EMAIL,
          minutes: retryInMinutes(forAddress.retryAfterSeconds),
        }),
      );
    }
    await prisma.$transaction(async (tx) => {
      const user = await tx.user.findUnique({
        where: { email: input.email },
        select: { id: true, name: true, disabledAt: true, locale: true },
      });
      await recordAudit(tx, {
        actor: null,
        action: "auth.password-reset.requested",
        entity: user ? { type: "User", id: user.id } : undefined,
        meta,
        details: { email: input.email, known: Boolean(user && !user.disabledAt) },
      });
      if (!user || user.disabledAt) return;
      const token = await issueToken(tx, {
        userId: user.id,
        purpose: "PASSWORD_RESET",
        issuedById: null,
        now,
      });
      // In the account's language, whatever language the form was in: the mail is theirs.
      const locale = recipientLocale(user.locale);
      await enqueueMail(tx, {
        kind: "password-reset",
        to: input.email,
        ...passwordResetMail(locale, { name: user.name, link: setPasswordLink(token, locale) }),
      });
    });
    void deliverOutbox(prisma).catch(logMailFailure);
    return { message: RESET_REQUESTED_MESSAGE };
  },
};
