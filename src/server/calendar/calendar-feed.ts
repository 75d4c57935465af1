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
  type CalendarTextKey,
  type CalendarWords,
  type ReportDeadline,
  type TermDeadline,
} from "@/domain/calendar";
import { currentCentreStatuses } from "@/domain/centre-status";
import type { TermFact } from "@/domain/dashboard";
import { startOfUtcDay } from "@/domain/dates";
import { can, type Subject } from "@/domain/permissions";
import { translatorFor } from "@/i18n/catalogue";
import { localeFormat } from "@/i18n/format";
import { localePath, type Locale } from "@/i18n/locales";
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

/** The events' words in a language: the catalogue's Calendar messages and its calendar days. */
async function calendarWords(locale: Locale): Promise<CalendarWords & { name: string }> {
  const t = await translatorFor(locale);
  const format = localeFormat(locale);
  return {
    name: t("Calendar.name"),
    text: (key: CalendarTextKey, values) => t(`Calendar.${key}`, values),
    day: format.day,
  };
}

/**
 * The person's deadlines, by role: centre staff their centre's reports to
 * write; an officer the reports to review, final evaluations and term ends of
 * their centres; a focal point the region's term ends and overdue reports.
 */
export async function calendarEventsFor(
  subject: Subject,
  now = new Date(),
  words?: CalendarWords,
): Promise<CalendarEvent[]> {
  const today = startOfUtcDay(now);
  const said = words ?? (await calendarWords("en"));
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
      events.push(...readable(subject, rows).map((row) => reportDueEvent(row, said)));
    }
    if (assignment.role === "OFFICER") {
      const rows = await prisma.annualReport.findMany({
        where: { centre: { responsibleOfficerId: subject.id }, state: "SUBMITTED" },
        select: reportSelect,
        orderBy: { dueOn: "asc" },
      });
      events.push(...readable(subject, rows).map((row) => reportReviewEvent(row, said)));
      const { terms } = await dashboardFacts({ id: subject.id, roles: [assignment] }, today);
      for (const term of termDeadlines(terms, currentCentreStatuses)) {
        events.push(evaluationEvent(term, said));
        if (term.termEnd >= today) events.push(termEndEvent(term, said));
      }
    }
    if (assignment.role === "FOCAL_POINT" && assignment.regionId != null) {
      const { terms, reports } = await dashboardFacts({ id: subject.id, roles: [assignment] }, today);
      events.push(...termDeadlines(terms, ["ACTIVE"]).map((term) => termEndEvent(term, said)));
      const overdue = await prisma.annualReport.findMany({
        where: { id: { in: reports.map((report) => report.id) } },
        select: reportSelect,
      });
      events.push(...readable(subject, overdue).map((row) => overdueReportEvent(row, said)));
    }
  }
  return mergeEvents(events);
}

/**
 * `/calendar/<token>.ics`: public (calendar apps cannot sign in), so the
 * token is the credential: looked up by its SHA-256, never stored in clear.
 * An unknown, replaced or revoked token, or a disabled account, is a 404.
 * The events are written in `locale` (the address's `lang`; English without
 * it), and link to the pages in that language.
 */
export async function calendarFeedResponse(
  file: string,
  { origin, now = new Date(), locale = "en" }: { origin: string; now?: Date; locale?: Locale },
): Promise<Response> {
  const token = calendarTokenFromFile(file);
  const user = token
    ? await prisma.user.findUnique({
        where: { calendarTokenHash: hashToken(token) },
        select: {
          id: true,
          disabledAt: true,
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
  const words = await calendarWords(locale);
  const events = (await calendarEventsFor({ id: user.id, roles: user.roles }, now, words)).map((event) => ({
    ...event,
    path: localePath(locale, event.path),
  }));
  return new Response(renderIcs(events, { origin, now, name: words.name, language: locale }), {
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
