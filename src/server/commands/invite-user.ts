import "server-only";

import { redirect } from "next/navigation";
import { z } from "zod";

import { problem } from "@/domain/problem";
import { parseRecordId } from "@/domain/record-id";
import { localeField } from "@/i18n/locale-field";
import { recipientLocale, type Locale } from "@/i18n/locales";
import { recordAudit } from "@/server/audit/record-audit";
import { issueToken, setPasswordLink } from "@/server/auth/tokens";
import { prisma } from "@/server/db/client";
import { invitationMail, roleGrantedMail } from "@/server/mail/compose";
import { deliverOutbox, logMailFailure } from "@/server/mail/deliver-outbox";
import { enqueueMail } from "@/server/mail/enqueue-mail";
import { centreFactsByReference } from "@/server/policy/resource-facts";

import { resolveScope, roleFields, type ResolvedScope } from "./role-scope";
import { CommandError, emailField, type Command, type CommandContext } from "./command";

const schema = z
  .object({
    email: emailField,
    name: z
      .string()
      .trim()
      .min(1, problem("nameMissing"))
      .max(200, problem("tooLong", { max: 200 })),
    ...roleFields,
    // The language of the person's e-mails (and of the pages once they sign
    // in): the form offers it, defaulting to the inviter's own; an invitation
    // from elsewhere (the designation page) gets the inviter's language from
    // the server action. Absent here means not chosen (English e-mails).
    locale: localeField.optional(),
    // The designation page invites in place and comes back to itself; nothing
    // but a designation's own path is followed (no open redirect).
    returnTo: z
      .string()
      .refine(
        (path) =>
          path.startsWith("/designations/") && parseRecordId(path.slice("/designations/".length)) !== null,
        problem("cannotReturn"),
      )
      .optional(),
  })
  .strict();

/** Where the inviter lands: back on the page the invitation came from, or their own list. */
function afterInvitation(input: { returnTo?: string }, fallback: string): string {
  return input.returnTo ? `${input.returnTo}?invited=1#institution-staff` : fallback;
}

/**
 * An administrator invites anyone; an officer invites staff for a centre
 * they are responsible for. The permission is checked against the centre of
 * a staff invitation, so an officer's invitation for anything else (another
 * centre, another role) is denied by the table, not by this code.
 */
export const inviteUserCommand: Command<z.infer<typeof schema>> = {
  name: "invite-user",
  permission: "user.invite",
  schema,
  async resource(input) {
    return input.role === "CENTRE_STAFF" && input.centre ? centreFactsByReference(input.centre) : null;
  },
  async handle({ viewer, input, meta, role }) {
    const scope = await resolveScope(input);
    const now = new Date();
    const isAdmin = viewer.roles.some((r) => r.role === "ADMIN");
    const existing = await prisma.user.findUnique({
      where: { email: input.email },
      select: { id: true, locale: true },
    });
    if (existing && isAdmin) {
      // Administrators see every account anyway: point them at it.
      throw new CommandError(problem("accountExists"), { email: [problem("accountExistsHint")] });
    }
    if (existing) {
      // An officer must not learn who has an account: the existing person is
      // given the centre role and told so, and the officer sees the same
      // answer as for a new invitation.
      // Their own language if they chose one; the inviter's choice is only a
      // guess for this mail, never written over their profile.
      const locale = existing.locale ? recipientLocale(existing.locale) : (input.locale ?? null);
      await grantToExistingAccount(existing.id, scope, { viewer, role, meta, email: input.email, locale });
      void deliverOutbox(prisma).catch(logMailFailure);
      redirect(afterInvitation(input, "/my-work?invited=1"));
    }
    const userId = await prisma.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: input.email, name: input.name, locale: input.locale ?? null },
        select: { id: true },
      });
      await tx.roleAssignment.create({ data: { userId: user.id, ...scope } });
      const token = await issueToken(tx, {
        userId: user.id,
        purpose: "INVITATION",
        issuedById: viewer.id,
        now,
      });
      const locale = recipientLocale(input.locale);
      await enqueueMail(tx, {
        kind: "invitation",
        to: input.email,
        ...invitationMail(locale, {
          name: input.name,
          inviter: viewer.name,
          link: setPasswordLink(token, locale),
        }),
      });
      await recordAudit(tx, {
        actor: { id: viewer.id, role },
        action: "user.invited",
        entity: { type: "User", id: user.id },
        meta,
        details: {
          email: input.email,
          locale: input.locale ?? null,
          role: scope.role,
          regionId: scope.regionId,
          unitId: scope.unitId,
          centreId: scope.centreId,
        },
      });
      return user.id;
    });
    void deliverOutbox(prisma).catch(logMailFailure);
    redirect(afterInvitation(input, isAdmin ? `/admin/users/${userId}?invited=1` : "/my-work?invited=1"));
  },
};

async function grantToExistingAccount(
  userId: number,
  scope: ResolvedScope,
  context: Pick<CommandContext<unknown>, "viewer" | "role" | "meta"> & {
    email: string;
    locale: Locale | null;
  },
): Promise<void> {
  const { viewer, role, meta, email } = context;
  await prisma.$transaction(async (tx) => {
    const held = await tx.roleAssignment.findFirst({ where: { userId, ...scope }, select: { id: true } });
    // Moving the version on makes an administrator's open page of this person
    // see the new role instead of saving over it; a disabled account gains nothing.
    const bumped = held
      ? 0
      : (
          await tx.user.updateMany({
            where: { id: userId, disabledAt: null },
            data: { version: { increment: 1 } },
          })
        ).count;
    const granted = bumped > 0;
    if (granted) await tx.roleAssignment.create({ data: { userId, ...scope } });
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true } });
    if (granted) {
      await enqueueMail(tx, {
        kind: "role-granted",
        to: email,
        ...roleGrantedMail(recipientLocale(context.locale), { name: user.name, inviter: viewer.name }),
      });
    }
    await recordAudit(tx, {
      actor: { id: viewer.id, role },
      action: "user.invited-existing",
      entity: { type: "User", id: userId },
      meta,
      details: {
        email,
        role: scope.role,
        centreId: scope.centreId,
        outcome: granted ? "granted" : held ? "already-held" : "account-disabled",
      },
    });
  });
}
