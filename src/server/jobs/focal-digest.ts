import "server-only";

import { centreStatusesOwingReports, reportStatesAwaitingSubmission } from "@/domain/annual-report-schedule";
import { daysBetween, fromIsoDate, startOfUtcDay, toIsoDate } from "@/domain/dates";
import { focalDigests, type DigestReport } from "@/domain/reminders";
import type { PrismaClient } from "@/generated/prisma/client";
import { focalDigestMail } from "@/server/mail/compose";
import { enqueueMail } from "@/server/mail/enqueue-mail";

import { focalPoints } from "./recipients";
import { reportSelect } from "./reminders";

/**
 * The weekly `focal-digest` job: each focal point gets one mail listing the
 * overdue annual reports of their region(s), most overdue first. Keyed by the
 * ISO week, so a missed Monday is caught up later that week and a repeated
 * run sends nothing.
 */
export async function runFocalDigest(db: PrismaClient, now = new Date()): Promise<{ queued: number }> {
  const today = startOfUtcDay(now);
  const reports = await db.annualReport.findMany({
    where: {
      state: { in: [...reportStatesAwaitingSubmission] },
      dueOn: { lt: today },
      centre: { status: { in: [...centreStatusesOwingReports] } },
    },
    select: reportSelect,
  });
  const digestReports: DigestReport[] = reports.map((report) => ({
    id: report.id,
    centreId: report.centreId,
    reference: report.centre.reference,
    title: report.centre.title,
    regionId: report.centre.regionId,
    yearNumber: report.yearNumber,
    dueOn: toIsoDate(report.dueOn),
    state: report.state,
    submittedAt: report.submittedAt,
  }));
  const people = await focalPoints(db);
  const byId = new Map(people.map((person) => [person.id, person]));
  let queued = 0;
  for (const digest of focalDigests(
    digestReports,
    people.map((person) => ({ userId: person.id, regionIds: person.regionIds })),
    now,
  )) {
    const person = byId.get(digest.userId);
    if (!person) continue;
    const inserted = await db.$transaction((tx) =>
      enqueueMail(tx, {
        kind: "digest.focal-point",
        to: person.email,
        dedupeKey: digest.key,
        ...focalDigestMail(person.locale, {
          today: toIsoDate(today),
          reports: digest.reports.map((report) => ({
            ...report,
            daysOverdue: daysBetween(fromIsoDate(report.dueOn), today),
          })),
        }),
      }),
    );
    if (inserted) queued += 1;
  }
  return { queued };
}
