import "server-only";

import type { Prisma } from "@/generated/prisma/client";

export type MailInput = {
  kind: string;
  to: string;
  subject: string;
  text: string;
  /** Makes a repeated send (a reminder, a retried command) a no-op. */
  dedupeKey?: string;
};

/**
 * THE outbox writer: mail is written in the transaction of the change that
 * causes it, so a rolled-back change sends nothing and a committed one is
 * never lost. deliverOutbox() sends it afterwards.
 *
 * With a dedupeKey the row is written with INSERT … ON CONFLICT DO NOTHING:
 * a key that exists already (a reminder sent by an earlier run, or by
 * another app instance at the same moment) is skipped, never an error, and
 * never aborts the caller's transaction. Answers whether a row was written.
 */
export async function enqueueMail(tx: Prisma.TransactionClient, mail: MailInput): Promise<boolean> {
  const data = { kind: mail.kind, toEmail: mail.to, subject: mail.subject, textBody: mail.text };
  if (mail.dedupeKey) {
    const { count } = await tx.outboxMessage.createMany({
      data: [{ ...data, dedupeKey: mail.dedupeKey }],
      skipDuplicates: true,
    });
    return count === 1;
  }
  await tx.outboxMessage.create({ data });
  return true;
}
