import "server-only";

import { randomBytes } from "node:crypto";

import { z } from "zod";

import { CALENDAR_TOKEN_BYTES } from "@/domain/calendar";
import { problem } from "@/domain/problem";
import { recordAudit } from "@/server/audit/record-audit";
import { appUrl, hashToken } from "@/server/auth/tokens";
import { prisma } from "@/server/db/client";

import { CommandError, ConflictError, type Command } from "../command";

/** A new secret for a feed address: 32 random bytes, base64url. */
export function newCalendarToken(): string {
  return randomBytes(CALENDAR_TOKEN_BYTES).toString("base64url");
}

export function calendarFeedUrl(token: string): string {
  return `${appUrl()}/calendar/${token}.ics`;
}

const reload = problem("reloadAndRetry");
const version = z.coerce.number(reload).int(reload).positive(reload);

const createSchema = z
  .object({
    version,
    // Made by the server action, never typed by the person (see actions.ts).
    token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, reload),
  })
  .strict();

const revokeSchema = z.object({ version }).strict();

/**
 * Creates the person's calendar address, or replaces it (the old address
 * stops working at once): only the SHA-256 of the token is stored, so the
 * address is shown once. Compare-and-set on the person's `version`: two tabs
 * cannot each believe their address is the live one.
 */
export const createCalendarLinkCommand: Command<z.infer<typeof createSchema>> = {
  name: "calendar.create-link",
  permission: "calendar.manage",
  schema: createSchema,
  secretFields: ["token"],
  async handle({ viewer, input, meta, role }) {
    const replaced = await prisma.$transaction(async (tx) => {
      const before = await tx.user.findUniqueOrThrow({
        where: { id: viewer.id },
        select: { calendarTokenHash: true },
      });
      const updated = await tx.user.updateMany({
        where: { id: viewer.id, version: input.version },
        data: { calendarTokenHash: hashToken(input.token), version: { increment: 1 } },
      });
      if (updated.count === 0) throw new ConflictError();
      await recordAudit(tx, {
        actor: { id: viewer.id, role },
        action: before.calendarTokenHash ? "calendar.link-replaced" : "calendar.link-created",
        entity: { type: "User", id: viewer.id },
        meta,
      });
      return before.calendarTokenHash !== null;
    });
    return {
      message: replaced ? problem("calendarReplaced") : problem("calendarReady"),
    };
  },
};

/** Revokes the person's calendar address: fetching it answers 404 from now on. */
export const revokeCalendarLinkCommand: Command<z.infer<typeof revokeSchema>> = {
  name: "calendar.revoke-link",
  permission: "calendar.manage",
  schema: revokeSchema,
  async handle({ viewer, input, meta, role }) {
    await prisma.$transaction(async (tx) => {
      const updated = await tx.user.updateMany({
        where: { id: viewer.id, version: input.version, calendarTokenHash: { not: null } },
        data: { calendarTokenHash: null, version: { increment: 1 } },
      });
      if (updated.count === 0) {
        const current = await tx.user.findUniqueOrThrow({
          where: { id: viewer.id },
          select: { calendarTokenHash: true },
        });
        if (current.calendarTokenHash === null) throw new CommandError(problem("calendarNone"));
        throw new ConflictError();
      }
      await recordAudit(tx, {
        actor: { id: viewer.id, role },
        action: "calendar.link-revoked",
        entity: { type: "User", id: viewer.id },
        meta,
      });
    });
    return { message: problem("calendarRevoked") };
  },
};
