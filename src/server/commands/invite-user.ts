import "server-only";

import { redirect } from "next/navigation";
import { z } from "zod";

import { parseRecordId } from "@/domain/record-id";
import { recordAudit } from "@/server/audit/record-audit";
import { issueToken, setPasswordLink } from "@/server/auth/tokens";
import { prisma } from "@/server/db/client";
import { deliverOutbox, logMailFailure } from "@/server/mail/deliver-outbox";
import { enqueueMail } from "@/server/mail/enqueue-mail";
import { centreFactsByReference } from "@/server/policy/resource-facts";

import { resolveScope, roleFields, type ResolvedScope } from "./role-scope";
import { CommandError, emailField, type Command, type CommandContext } from "./command";

const schema = z
  .object({
    email: emailField,
    name: z.string().trim().min(1, "Enter the person's name.").max(200, "Use at most 200 characters."),
    ...roleFields,
    // The designation page invites in place and comes back to itself; nothing
    // but a designation's own path is followed (no open redirect).
    returnTo: z
      .string()
      .refine(
        (path) =>
          path.startsWith("/designations/") && parseRecordId(path.slice("/designations/".length)) !== null,
        "This form cannot return there. Reload the page.",
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
    const existing = await prisma.user.findUnique({ where: { email: input.email }, select: { id: true } });
    if (existing && isAdmin) {
      // Administrators see every account anyway: point them at it.
      throw new CommandError("This person already has an account.", {
        email: ["Someone with this e-mail address already has an account: change their roles on their page."],
      });
    }
    if (existing) {
      // An officer must not learn who has an account: the existing person is
      // given the centre role and told so, and the officer sees the same
      // answer as for a new invitation.
      await grantToExistingAccount(existing.id, scope, { viewer, role, meta, email: input.email });
      void deliverOutbox(prisma).catch(logMailFailure);
      redirect(afterInvitation(input, "/my-work?invited=1"));
    }
    const userId = await prisma.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: input.email, name: input.name },
        select: { id: true },
      });
      await tx.roleAssignment.create({ data: { userId: user.id, ...scope } });
      const token = await issueToken(tx, {
        userId: user.id,
        purpose: "INVITATION",
        issuedById: viewer.id,
        now,
      });
      await enqueueMail(tx, {
        kind: "invitation",
        to: input.email,
        subject: "You are invited to the Collaborating Centres Registry",
        text: [
          `Hello ${input.name},`,
          "",
          `${viewer.name} has invited you to the Collaborating Centres Registry. Open this link to set your password:`,
          setPasswordLink(token),
          "",
          "The link works once and expires in 72 hours. If it has expired, use “Forgot your password?” on the sign-in page.",
        ].join("\n"),
      });
      await recordAudit(tx, {
        actor: { id: viewer.id, role },
        action: "user.invited",
        entity: { type: "User", id: user.id },
        meta,
        details: {
          email: input.email,
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
  context: Pick<CommandContext<unknown>, "viewer" | "role" | "meta"> & { email: string },
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
        subject: "You have been given access in the Collaborating Centres Registry",
        text: [
          `Hello ${user.name},`,
          "",
          `${viewer.name} has given your account access as centre staff. Sign in with your usual password; the centre appears under "My work".`,
          "",
          "If you forgot your password, use “Forgot your password?” on the sign-in page.",
        ].join("\n"),
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
