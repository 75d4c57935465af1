import "server-only";

import type { Prisma } from "@/generated/prisma/client";
import { appUrl } from "@/server/auth/tokens";
import { enqueueMail } from "@/server/mail/enqueue-mail";

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
            select: { email: true },
          })
        : []
      : await tx.user.findMany({
          where: { ...active, roles: { some: { role: "CENTRE_STAFF", centreId: centre.id } } },
          select: { email: true },
        });
  const what = `the annual report of ${centre.reference} for year ${report.yearNumber}`;
  const headline = {
    submitted: `${centre.reference} has submitted ${what.replace(`of ${centre.reference} `, "")}; it is waiting for your review.`,
    returned: `WHO has returned ${what} with a note. Please make the changes and submit it again.`,
    accepted: `WHO has accepted ${what}. Thank you.`,
  }[event];
  const subject = {
    submitted: `${centre.reference}: annual report year ${report.yearNumber} submitted for review`,
    returned: `${centre.reference}: annual report year ${report.yearNumber} returned for changes`,
    accepted: `${centre.reference}: annual report year ${report.yearNumber} accepted`,
  }[event];
  for (const email of new Set(users.map((user) => user.email))) {
    await enqueueMail(tx, {
      kind: `report.${event}`,
      to: email,
      subject,
      text: [
        `${centre.title} (${centre.reference})`,
        "",
        headline,
        ...(note ? ["", "Note from WHO:", note] : []),
        "",
        `Open it in the registry: ${appUrl()}/reports/${report.id}`,
      ].join("\n"),
    });
  }
}
