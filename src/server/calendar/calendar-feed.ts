import "server-only";

import { centreStatusesOwingReports, reportStatesAwaitingSubmission } from "@/domain/annual-report-schedule";
import {
  calendarTokenFromFile,
  evaluationEvent,
  mergeEvents,
  overdueReportEvent,
  reportDueEvent,
  reportReviewEvent,
  termEndEvent,
  type CalendarEvent,
  type ReportDeadline,
  type TermDeadline,
} from "@/domain/calendar";
import { currentCentreStatuses } from "@/domain/centre-status";
import type { TermFact } from "@/domain/dashboard";
import { startOfUtcDay } from "@/domain/dates";
import { localePath, recipientLocale, type Locale } from "@/i18n/locales";
import { can, type Subject } from "@/domain/permissions";
import { hashToken } from "@/server/auth/tokens";
import { prisma } from "@/server/db/client";
import { centreScope, scopeOf } from "@/server/policy/resource-facts";
import { dashboardFacts } from "@/server/queries/dashboard";

import { renderIcs } from "./ics";

const reportSelect = {
  id: true,
  yearNumber: true,
  dueOn: true,
  state: true,
  submittedAt: true,
  centre: { select: { ...centreScope, reference: true, title: true } },
} as const;

type ReportRow = {
  id: number;
  yearNumber: number;
  dueOn: Date;
  state: string;
  submittedAt: Date | null;
  centre: {
    id: number;
    reference: string;
    title: string;
    regionId: number;
    unitId: number | null;
    responsibleOfficerId: number | null;
  };
};

/** Reports the subject may read (the permission table, per record), as deadlines. */
function readable(subject: Subject, rows: readonly ReportRow[]): ReportDeadline[] {
  return rows
    .filter((row) => can(subject, "report.read", { ...scopeOf(row.centre), state: row.state }))
    .map((row) => ({ ...row, centre: { reference: row.centre.reference, title: row.centre.title } }));
}

function termDeadlines(terms: readonly TermFact[], statuses: readonly string[]): TermDeadline[] {
  return terms.flatMap((term) =>
    term.termEnd && statuses.includes(term.centre.status)
      ? [
          {
            designationId: term.designationId,
            centre: term.centre,
            termEnd: term.termEnd,
            evaluationCompleted: term.evaluationState === "COMPLETED",
          },
        ]
      : [],
  );
}

/**
 * The person's deadlines, by role: centre staff their centre's reports to
 * write; an officer the reports to review, final evaluations and term ends of
 * their centres; a focal point the region's term ends and overdue reports.
 */
export async function calendarEventsFor(subject: Subject, now = new Date()): Promise<CalendarEvent[]> {
  const today = startOfUtcDay(now);
  const events: (CalendarEvent | null)[] = [];
  for (const assignment of subject.roles) {
    if (assignment.role === "CENTRE_STAFF" && assignment.centreId != null) {
      const rows = await prisma.annualReport.findMany({
        where: {
          centreId: assignment.centreId,
          centre: { status: { in: [...centreStatusesOwingReports] } },
          state: { in: [...reportStatesAwaitingSubmission] },
        },
        select: reportSelect,
        orderBy: { dueOn: "asc" },
      });
      events.push(...readable(subject, rows).map(reportDueEvent));
    }
    if (assignment.role === "OFFICER") {
      const rows = await prisma.annualReport.findMany({
        where: { centre: { responsibleOfficerId: subject.id }, state: "SUBMITTED" },
        select: reportSelect,
        orderBy: { dueOn: "asc" },
      });
      events.push(...readable(subject, rows).map(reportReviewEvent));
      const { terms } = await dashboardFacts({ id: subject.id, roles: [assignment] }, today);
      for (const term of termDeadlines(terms, currentCentreStatuses)) {
        events.push(evaluationEvent(term));
        if (term.termEnd >= today) events.push(termEndEvent(term));
      }
    }
    if (assignment.role === "FOCAL_POINT" && assignment.regionId != null) {
      const { terms, reports } = await dashboardFacts({ id: subject.id, roles: [assignment] }, today);
      events.push(...termDeadlines(terms, ["ACTIVE"]).map(termEndEvent));
      const overdue = await prisma.annualReport.findMany({
        where: { id: { in: reports.map((report) => report.id) } },
        select: reportSelect,
      });
      events.push(...readable(subject, overdue).map(overdueReportEvent));
    }
  }
  return mergeEvents(events);
}

/**
 * `/calendar/<token>.ics`: public (calendar apps cannot sign in), so the
 * token is the credential: looked up by its SHA-256, never stored in clear.
 * An unknown, replaced or revoked token, or a disabled account, is a 404.
 */
export async function calendarFeedResponse(
  file: string,
  { origin, now = new Date(), locale }: { origin: string; now?: Date; locale?: Locale },
): Promise<Response> {
  const token = calendarTokenFromFile(file);
  const user = token
    ? await prisma.user.findUnique({
        where: { calendarTokenHash: hashToken(token) },
        select: {
          id: true,
          disabledAt: true,
          locale: true,
          roles: { select: { role: true, regionId: true, centreId: true, unitId: true } },
        },
      })
    : null;
  if (!user || user.disabledAt) {
    return new Response("Not found", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  // The feed is one person's: its words are in the language its address asks
  // for (`?lang=`), else their profile's (English if none is chosen); its
  // links open the registry in that language.
  const language = locale ?? recipientLocale(user.locale);
  const events = (await calendarEventsFor({ id: user.id, roles: user.roles }, now)).map((event) => ({
    ...event,
    path: localePath(language, event.path),
  }));
  return new Response(renderIcs(events, { origin, now, locale: language }), {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="deadlines.ics"',
      // One person's deadlines: never kept by a shared cache.
      "Cache-Control": "private, max-age=0, must-revalidate",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
    },
  });
}
