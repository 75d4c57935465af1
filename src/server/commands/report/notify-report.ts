import "server-only";

import type { Prisma } from "@/generated/prisma/client";
import { reportMail } from "@/server/mail/compose";
import { enqueueMail } from "@/server/mail/enqueue-mail";
import { recipientSelect, uniqueRecipients } from "@/server/mail/recipient";

import type { LoadedReport } from "./load-report";

const active = { disabledAt: null } as const;

/**
 * Mail to whoever acts next, in the transition's transaction: the
 * responsible officer when a report is submitted, the centre's staff when it
 * is returned (with the note) or accepted.
 */
export async function notifyReport(
  tx: Prisma.TransactionClient,
  report: LoadedReport,
  event: "submitted" | "returned" | "accepted",
  note?: string,
): Promise<void> {
  const { centre } = report;
  const users =
    event === "submitted"
      ? centre.responsibleOfficerId
        ? await tx.user.findMany({
            where: { ...active, id: centre.responsibleOfficerId },
            select: recipientSelect,
          })
        : []
      : await tx.user.findMany({
          where: { ...active, roles: { some: { role: "CENTRE_STAFF", centreId: centre.id } } },
          select: recipientSelect,
        });
  for (const person of uniqueRecipients(users)) {
    await enqueueMail(tx, {
      kind: `report.${event}`,
      to: person.email,
      ...reportMail(person.locale, {
        id: report.id,
        reference: centre.reference,
        title: centre.title,
        yearNumber: report.yearNumber,
        event,
        note,
      }),
    });
  }
}
