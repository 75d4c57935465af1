import "server-only";

import { centreStatusesOwingReports, reportStatesAwaitingSubmission } from "@/domain/annual-report-schedule";
import { daysBetween, formatIsoDate, fromIsoDate, startOfUtcDay, toIsoDate } from "@/domain/dates";
import { focalDigests, type DigestReport } from "@/domain/reminders";
import type { PrismaClient } from "@/generated/prisma/client";
import { appUrl } from "@/server/auth/tokens";
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
  const emails = new Map(people.map((person) => [person.id, person.email]));
  let queued = 0;
  for (const digest of focalDigests(
    digestReports,
    people.map((person) => ({ userId: person.id, regionIds: person.regionIds })),
    now,
  )) {
    const to = emails.get(digest.userId);
    if (!to) continue;
    const lines = digest.reports.map(
      (report) =>
        `- ${report.reference} ${report.title}: year ${report.yearNumber}, due ${formatIsoDate(report.dueOn)} (${daysBetween(fromIsoDate(report.dueOn), today)} days overdue) ${appUrl()}/reports/${report.id}`,
    );
    const inserted = await db.$transaction((tx) =>
      enqueueMail(tx, {
        kind: "digest.focal-point",
        to,
        dedupeKey: digest.key,
        subject: `Weekly digest: ${digest.reports.length} overdue annual report${digest.reports.length === 1 ? "" : "s"} in your region`,
        text: [
          `Overdue annual reports in your region on ${formatIsoDate(toIsoDate(today))}:`,
          "",
          ...lines,
          "",
          `Your dashboard: ${appUrl()}/dashboard`,
        ].join("\n"),
      }),
    );
    if (inserted) queued += 1;
  }
  return { queued };
}
