import "server-only";

import { z } from "zod";

import { recordAudit } from "@/server/audit/record-audit";
import { issueToken, setPasswordLink } from "@/server/auth/tokens";
import { prisma } from "@/server/db/client";
import { enqueueMail } from "@/server/mail/enqueue-mail";
import { deliverOutbox } from "@/server/mail/deliver-outbox";

import { emailField, type Command } from "./run-command";

const schema = z.object({ email: emailField }).strict();

export const RESET_REQUESTED_MESSAGE =
  "If an account exists for that address, we have sent it a link to set a new password. The link works once, for 60 minutes.";

/** The same answer whether or not the address has an account, so it cannot be used to find accounts. */
export const requestPasswordResetCommand: Command<z.infer<typeof schema>> = {
  name: "request-password-reset",
  permission: "account.request-password-reset",
  schema,
  async handle({ input, meta }) {
    const now = new Date();
    await prisma.$transaction(async (tx) => {
      const user = await tx.user.findUnique({
        where: { email: input.email },
        select: { id: true, name: true, disabledAt: true },
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
      await enqueueMail(tx, {
        kind: "password-reset",
        to: input.email,
        subject: "Set a new password for the Collaborating Centres Registry",
        text: [
          `Hello ${user.name},`,
          "",
          "Someone (we hope you) asked to set a new password for your account. Open this link to choose one:",
          setPasswordLink(token),
          "",
          "The link works once and expires in 60 minutes. If you did not ask for it, ignore this message: your password stays as it is.",
        ].join("\n"),
      });
    });
    void deliverOutbox(prisma).catch((error: unknown) => console.error("[mail]", error));
    return { message: RESET_REQUESTED_MESSAGE };
  },
};
