import "server-only";

import nodemailer from "nodemailer";

import type { PrismaClient } from "@/generated/prisma/client";
import { logger } from "@/server/log/logger";

const MAX_ATTEMPTS = 5;
/** How long a claimed message is hidden from other senders while this one sends it. */
const LEASE_MS = 5 * 60_000;

/**
 * Sends pending outbox mail through SMTP_URL. Without SMTP_URL it does
 * nothing: messages stay PENDING and readable on the admin mail page (demo
 * and development only). Each message is claimed by compare-and-set on its
 * version, which also moves `availableAt` past a lease: another instance
 * that lists pending mail while this one is sending does not see it, so two
 * instances never send the same message twice. A sender that dies mid-send
 * leaves the message PENDING; it is retried when the lease ends. The
 * outbox-sender job (src/server/jobs) calls this every minute, so failed
 * sends are retried with the back-off below.
 */
/** For the sends started right after a change: a failure is logged, and the outbox-sender job retries. */
export function logMailFailure(error: unknown): void {
  logger.error({ err: error, component: "mail" }, "sending queued mail failed; the outbox sender retries");
}

export async function deliverOutbox(
  db: PrismaClient,
  now = new Date(),
): Promise<{ sent: number; failed: number }> {
  const smtpUrl = process.env.SMTP_URL;
  if (!smtpUrl) return { sent: 0, failed: 0 };
  const transport = nodemailer.createTransport(smtpUrl);
  const from = process.env.MAIL_FROM ?? "Collaborating Centres Registry <no-reply@registry.example>";
  const pending = await db.outboxMessage.findMany({
    where: { state: "PENDING", availableAt: { lte: now } },
    orderBy: { id: "asc" },
    take: 50,
  });
  let sent = 0;
  let failed = 0;
  for (const message of pending) {
    const claimed = await db.outboxMessage.updateMany({
      where: { id: message.id, version: message.version, state: "PENDING" },
      data: {
        version: { increment: 1 },
        attempts: { increment: 1 },
        availableAt: new Date(now.getTime() + LEASE_MS),
      },
    });
    if (claimed.count === 0) continue;
    try {
      await transport.sendMail({
        from,
        to: message.toEmail,
        subject: message.subject,
        text: message.textBody,
      });
      await db.outboxMessage.update({
        where: { id: message.id },
        data: { state: "SENT", sentAt: new Date() },
      });
      sent += 1;
    } catch (error) {
      const attempts = message.attempts + 1;
      await db.outboxMessage.update({
        where: { id: message.id },
        data: {
          state: attempts >= MAX_ATTEMPTS ? "FAILED" : "PENDING",
          // Back off: 1, 2, 4, 8 minutes.
          availableAt: new Date(Date.now() + 2 ** (attempts - 1) * 60_000),
          lastError: error instanceof Error ? error.message.slice(0, 500) : "unknown error",
        },
      });
      failed += 1;
    }
  }
  return { sent, failed };
}
