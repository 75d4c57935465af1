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
 */
export async function enqueueMail(tx: Prisma.TransactionClient, mail: MailInput): Promise<void> {
  const data = { kind: mail.kind, toEmail: mail.to, subject: mail.subject, textBody: mail.text };
  if (mail.dedupeKey) {
    await tx.outboxMessage.upsert({
      where: { dedupeKey: mail.dedupeKey },
      create: { ...data, dedupeKey: mail.dedupeKey },
      update: {},
    });
  } else {
    await tx.outboxMessage.create({ data });
  }
}
