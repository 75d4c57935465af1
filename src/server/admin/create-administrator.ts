import { z } from "zod";

import { firstAdministratorOutcome } from "@/domain/first-administrator";
import type { PrismaClient } from "@/generated/prisma/client";
import { localeField } from "@/i18n/locale-field";
import { recipientLocale } from "@/i18n/locales";
import { recordAudit } from "@/server/audit/record-audit";
import { issueToken, setPasswordLink } from "@/server/auth/tokens";
import { emailField } from "@/server/commands/command";
import { sayProblem } from "@/server/commands/say-problems";
import { administratorMail } from "@/server/mail/compose";
import { enqueueMail } from "@/server/mail/enqueue-mail";

const input = z
  .object({
    email: emailField,
    name: z.string().trim().min(1, "Give the person's name.").max(200, "Use at most 200 characters."),
    force: z.boolean(),
    /** The new administrator's language (`--language fr`): their e-mails, this one included. */
    locale: localeField.optional(),
  })
  .strict();

export type CreateAdministratorResult =
  | { ok: true; userId: number; link: string; created: boolean; mailed: boolean }
  | { ok: false; message: string };

/**
 * Creates an administrator (or makes an existing account one) and issues a
 * one-time set-password link, audited as done from the command line. The
 * link is mailed through the outbox when SMTP_URL is set; it is returned
 * either way, for the operator's terminal.
 */
export async function createAdministrator(
  db: PrismaClient,
  raw: { email: string; name?: string; force?: boolean; locale?: string },
  now: Date = new Date(),
): Promise<CreateAdministratorResult> {
  const parsed = input.safeParse({
    email: raw.email,
    name: raw.name ?? raw.email.split("@")[0] ?? "",
    force: raw.force ?? false,
    locale: raw.locale,
  });
  if (!parsed.success)
    return { ok: false, message: parsed.error.issues.map((issue) => sayProblem(issue.message)).join(" ") };
  const { email, name, force, locale: chosen } = parsed.data;
  const mailed = Boolean(process.env.SMTP_URL);

  return db.$transaction(async (tx) => {
    const activeAdministrators = await tx.user.count({
      where: { disabledAt: null, roles: { some: { role: "ADMIN" } } },
    });
    const existing = await tx.user.findUnique({
      where: { email },
      select: {
        id: true,
        disabledAt: true,
        locale: true,
        roles: { where: { role: "ADMIN" }, select: { id: true } },
      },
    });
    const outcome = firstAdministratorOutcome({
      activeAdministrators,
      account: existing
        ? { disabled: Boolean(existing.disabledAt), administrator: existing.roles.length > 0 }
        : null,
      force,
    });
    if (outcome.kind === "refused") return { ok: false, message: outcome.reason };

    const user =
      existing ??
      (await tx.user.create({ data: { email, name, locale: chosen ?? null }, select: { id: true } }));
    // An existing account keeps the language its owner chose.
    const locale = recipientLocale(existing?.locale ?? chosen);
    if (!existing?.roles.length) await tx.roleAssignment.create({ data: { userId: user.id, role: "ADMIN" } });
    const token = await issueToken(tx, {
      userId: user.id,
      purpose: "INVITATION",
      issuedById: null,
      now,
    });
    const link = setPasswordLink(token, locale);
    if (mailed) {
      await enqueueMail(tx, { kind: "invitation", to: email, ...administratorMail(locale, { name, link }) });
    }
    await recordAudit(tx, {
      actor: null,
      action: "user.administrator-created",
      entity: { type: "User", id: user.id },
      meta: null,
      details: { email, via: "admin:create", outcome: outcome.kind, force, mailed },
    });
    return { ok: true, userId: user.id, link, created: !existing, mailed };
  });
}
