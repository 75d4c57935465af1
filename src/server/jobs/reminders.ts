import "server-only";

import { centreStatusesOwingReports, reportStatesAwaitingSubmission } from "@/domain/annual-report-schedule";
import { addDays, fromIsoDate, startOfUtcDay, toIsoDate } from "@/domain/dates";
import { openDesignationStates } from "@/domain/designation";
import {
  REDESIGNATION_INVITATION_MONTHS,
  REVIEW_WAIT_DAYS,
  recipientKey,
  redesignationInvitation,
  remindersDue,
  type ReportForReminder,
} from "@/domain/reminders";
import { addMonths } from "@/domain/term";
import type { PrismaClient } from "@/generated/prisma/client";
import { redesignationInvitationMail, reportReminderMail } from "@/server/mail/compose";
import { enqueueMail } from "@/server/mail/enqueue-mail";

import { activeUsers, staffByCentre, type Recipient } from "./recipients";

export type ReminderRun = { due: number; queued: number; invitations: number };

/** A report as the reminder rules (and the focal points' digest) read it. */
export const reportSelect = {
  id: true,
  centreId: true,
  yearNumber: true,
  dueOn: true,
  state: true,
  submittedAt: true,
  centre: { select: { reference: true, title: true, responsibleOfficerId: true, regionId: true } },
} as const;

/**
 * The daily `reminders` job: annual-report reminders to centre staff (30 days
 * before, on the due date, 14 days after), to the responsible officer for a
 * submission unreviewed for 14 days, and the officer's invitation to start a
 * redesignation 6 months before a term ends. Which reminders are due is
 * src/domain/reminders.ts; each goes to the outbox under its key, so a second
 * run (or a second app instance) queues nothing new.
 */
export async function runReminders(db: PrismaClient, now = new Date()): Promise<ReminderRun> {
  const today = startOfUtcDay(now);
  const reports = await db.annualReport.findMany({
    where: {
      OR: [
        // Staff reminders start 30 days before the due date.
        { state: { in: [...reportStatesAwaitingSubmission] }, dueOn: { lte: addDays(today, 30) } },
        {
          state: "SUBMITTED",
          // Whole days, like the rule: submitted any time on the 14th day before today.
          submittedAt: { lt: addDays(today, 1 - REVIEW_WAIT_DAYS) },
        },
      ],
      centre: { status: { in: [...centreStatusesOwingReports] } },
    },
    select: reportSelect,
    orderBy: { id: "asc" },
  });
  const byId = new Map(reports.map((report) => [report.id, report]));
  const reminders = remindersDue(reports.map(forReminder), now);

  const staff = await staffByCentre(db, [...new Set(reports.map((report) => report.centreId))]);
  const officers = await activeUsers(
    db,
    reports.flatMap((report) => report.centre.responsibleOfficerId ?? []),
  );
  let queued = 0;
  for (const reminder of reminders) {
    const officerId = byId.get(reminder.report.id)?.centre.responsibleOfficerId ?? null;
    const to: Recipient[] =
      reminder.audience === "staff"
        ? (staff.get(reminder.report.centreId) ?? [])
        : officerId && officers.has(officerId)
          ? [officers.get(officerId)!]
          : [];
    if (to.length === 0) continue;
    queued += await db.$transaction(async (tx) => {
      let written = 0;
      for (const person of to) {
        const inserted = await enqueueMail(tx, {
          kind: `reminder.${reminder.kind}`,
          to: person.email,
          dedupeKey: recipientKey(reminder.key, person.id),
          ...reportReminderMail(person.locale, reminder),
        });
        if (inserted) written += 1;
      }
      return written;
    });
  }
  const invitations = await inviteRedesignations(db, now);
  return { due: reminders.length, queued, invitations };
}

function forReminder(report: {
  id: number;
  centreId: number;
  yearNumber: number;
  dueOn: Date;
  state: string;
  submittedAt: Date | null;
  centre: { reference: string; title: string };
}): ReportForReminder {
  return {
    id: report.id,
    centreId: report.centreId,
    reference: report.centre.reference,
    title: report.centre.title,
    yearNumber: report.yearNumber,
    dueOn: toIsoDate(report.dueOn),
    state: report.state,
    submittedAt: report.submittedAt,
  };
}

/** Invites each Active centre's officer once per term, 6 months before the term ends. */
async function inviteRedesignations(db: PrismaClient, now: Date): Promise<number> {
  const todayIso = toIsoDate(now);
  const centres = await db.centre.findMany({
    where: {
      status: "ACTIVE",
      responsibleOfficerId: { not: null },
      // Terms that have not ended and end within about 6 months; a month of
      // slack for month-end clamping, the domain rule decides exactly.
      termEnd: {
        gt: startOfUtcDay(now),
        lte: fromIsoDate(addMonths(todayIso, REDESIGNATION_INVITATION_MONTHS + 1)),
      },
    },
    select: {
      id: true,
      reference: true,
      title: true,
      termEnd: true,
      responsibleOfficerId: true,
      designations: {
        where: {
          OR: [{ state: "DESIGNATED" }, { kind: "REDESIGNATION", state: { in: [...openDesignationStates] } }],
        },
        select: { id: true, state: true, kind: true, termEnd: true },
        orderBy: [{ termStart: "desc" }, { id: "desc" }],
      },
    },
  });
  const officers = await activeUsers(
    db,
    centres.flatMap((centre) => centre.responsibleOfficerId ?? []),
  );
  let queued = 0;
  for (const centre of centres) {
    const current = centre.designations.find((designation) => designation.state === "DESIGNATED");
    const officer = centre.responsibleOfficerId ? officers.get(centre.responsibleOfficerId) : undefined;
    if (!current || !centre.termEnd) continue;
    const termEnd = toIsoDate(centre.termEnd);
    const invitation = redesignationInvitation(
      {
        designationId: current.id,
        centreStatus: "ACTIVE",
        termEnd,
        hasOpenRedesignation: centre.designations.some((designation) => designation.state !== "DESIGNATED"),
        hasOfficer: officer !== undefined,
      },
      todayIso,
    );
    if (!invitation || !officer) continue;
    const inserted = await db.$transaction((tx) =>
      enqueueMail(tx, {
        kind: "reminder.redesignation-invitation",
        to: officer.email,
        dedupeKey: recipientKey(invitation.key, officer.id),
        ...redesignationInvitationMail(officer.locale, {
          reference: centre.reference,
          title: centre.title,
          termEnd,
          designationId: current.id,
        }),
      }),
    );
    if (inserted) queued += 1;
  }
  return queued;
}
