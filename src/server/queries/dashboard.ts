import "server-only";

import { centreStatusesOwingReports, reportStatesAwaitingSubmission } from "@/domain/annual-report-schedule";
import { isImportedTerm } from "@/domain/centre-expiry";
import { currentCentreStatuses } from "@/domain/centre-status";
import { startOfUtcDay, toIsoDate } from "@/domain/dates";
import {
  dashboardCsv,
  dashboardList,
  dashboardLists,
  type DashboardFacts,
  type DashboardListId,
  type DashboardRow,
  type DashboardRowWords,
  type ReportFact,
  type TermFact,
  isDashboardList,
} from "@/domain/dashboard";
import { openDesignationStates } from "@/domain/designation";
import { can, type Subject } from "@/domain/permissions";
import type { Prisma } from "@/generated/prisma/client";
import type { RequestMeta } from "@/server/auth/request-meta";
import type { Viewer } from "@/server/auth/viewer";
import { prisma } from "@/server/db/client";
import { AccessDenied, authorize } from "@/server/policy/authorize";
import { centreScope, scopeOf } from "@/server/policy/resource-facts";

/** Rows shown on the page per list; the CSV always has all of them. */
export const DASHBOARD_PAGE_ROWS = 50;

export type DashboardSection = {
  id: DashboardListId;
  total: number;
  rows: DashboardRow[];
};

/**
 * The centres a person watches, as a filter: all for an administrator, the
 * region of a focal point, the unit of a unit head, the centres naming an
 * officer as responsible officer (the scopes of the permission table). Null:
 * none. Rows are also checked one by one against the table below; this
 * filter only keeps the database from reading centres that would be dropped.
 */
export function watchedCentres(subject: Subject): Prisma.CentreWhereInput | null {
  const any: Prisma.CentreWhereInput[] = [];
  for (const assignment of subject.roles) {
    if (assignment.role === "ADMIN") return {};
    if (assignment.role === "OFFICER") any.push({ responsibleOfficerId: subject.id });
    if (assignment.role === "UNIT_HEAD" && assignment.unitId != null) any.push({ unitId: assignment.unitId });
    if (assignment.role === "FOCAL_POINT" && assignment.regionId != null)
      any.push({ regionId: assignment.regionId });
  }
  return any.length ? { OR: any } : null;
}

const centreFields = {
  ...centreScope,
  reference: true,
  title: true,
  region: { select: { code: true } },
} as const;

type CentreRow = {
  id: number;
  reference: string;
  title: string;
  regionId: number;
  unitId: number | null;
  responsibleOfficerId: number | null;
  region: { code: string };
};

function refOf(centre: CentreRow) {
  return { reference: centre.reference, title: centre.title, regionCode: centre.region.code };
}

/**
 * What the dashboard's rules need, for the centres the subject watches:
 * unsubmitted reports past due, and every Active or Pending centre with its
 * current term. Every row is checked against `dashboard.list-item` of
 * the permission table (the record's own centre), never trusted from the filter.
 */
export async function dashboardFacts(subject: Subject, today: Date): Promise<DashboardFacts> {
  const scope = watchedCentres(subject);
  if (!scope) return { reports: [], terms: [] };
  const visible = (centre: CentreRow) => can(subject, "dashboard.list-item", scopeOf(centre));

  const [reportRows, centreRows] = await Promise.all([
    prisma.annualReport.findMany({
      where: {
        centre: { AND: [scope, { status: { in: [...centreStatusesOwingReports] } }] },
        state: { in: [...reportStatesAwaitingSubmission] },
        dueOn: { lt: today },
      },
      select: { id: true, yearNumber: true, dueOn: true, state: true, centre: { select: centreFields } },
      orderBy: [{ dueOn: "asc" }, { id: "asc" }],
    }),
    prisma.centre.findMany({
      where: { AND: [scope, { status: { in: [...currentCentreStatuses] } }] },
      select: {
        ...centreFields,
        status: true,
        statusChangedAt: true,
        importedAt: true,
        designations: {
          where: { state: "DESIGNATED" },
          orderBy: [{ termStart: "desc" }, { id: "desc" }],
          take: 1,
          select: { id: true, termEnd: true, proposedById: true, evaluation: { select: { state: true } } },
        },
        _count: {
          select: {
            designations: { where: { kind: "REDESIGNATION", state: { in: [...openDesignationStates] } } },
          },
        },
      },
      orderBy: { reference: "asc" },
    }),
  ]);

  const reports: ReportFact[] = reportRows
    .filter((row) => visible(row.centre))
    .map((row) => ({
      id: row.id,
      centre: refOf(row.centre),
      yearNumber: row.yearNumber,
      dueOn: row.dueOn,
      state: row.state,
    }));
  const terms: TermFact[] = centreRows.filter(visible).flatMap((centre) => {
    const current = centre.designations[0];
    if (!current) return [];
    return [
      {
        centre: { ...refOf(centre), status: centre.status, statusChangedAt: centre.statusChangedAt },
        designationId: current.id,
        termEnd: current.termEnd,
        termImported: isImportedTerm(centre, current),
        evaluationState: current.evaluation?.state ?? null,
        redesignationUnderWay: centre._count.designations > 0,
      },
    ];
  });
  return { reports, terms };
}

/** The whole dashboard of the viewer: each list with its count and its first rows. */
export async function dashboard(viewer: Viewer, now = new Date()): Promise<DashboardSection[]> {
  await authorize(viewer, "dashboard.read");
  const today = startOfUtcDay(now);
  const facts = await dashboardFacts(viewer, today);
  return dashboardLists.map((id) => {
    const rows = dashboardList(id, facts, today);
    return { id, total: rows.length, rows: rows.slice(0, DASHBOARD_PAGE_ROWS) };
  });
}

/**
 * One whole list as a CSV download, authorized like the page (a route
 * handler gets no page guard, so the check is here): anonymous → sign in,
 * a role without the dashboard → 404 (and an audited denial).
 */
export async function dashboardCsvResponse(
  viewer: Viewer | null,
  file: string,
  {
    origin,
    meta,
    now = new Date(),
    words,
  }: {
    origin: string;
    meta: RequestMeta;
    now?: Date;
    /** A row's words in the reader's language (the dashboard page's rowWords); English without. */
    words?: (list: DashboardListId, row: DashboardRow) => ReturnType<DashboardRowWords>;
  },
): Promise<Response> {
  const id = /^([a-z-]+)\.csv$/.exec(file)?.[1];
  if (!id || !isDashboardList(id)) return notFoundResponse();
  try {
    await authorize(viewer, "dashboard.read", null, meta);
  } catch (error) {
    if (!(error instanceof AccessDenied)) throw error;
    if (error.outcome === "unauthenticated") {
      return new Response(null, {
        status: 303,
        headers: { Location: `/sign-in?next=${encodeURIComponent(`/dashboard/export/${file}`)}` },
      });
    }
    return notFoundResponse();
  }
  const today = startOfUtcDay(now);
  const rows = dashboardList(id, await dashboardFacts(viewer as Viewer, today), today);
  return new Response(dashboardCsv(rows, origin, words && ((row) => words(id, row))), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${id}-${toIsoDate(today)}.csv"`,
      // Personal data of a signed-in person: never in a shared cache.
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

function notFoundResponse(): Response {
  return new Response("Not found", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" },
  });
}

/** Whose deadlines the dashboard shows, in parts the page words in its language. */
export type DashboardScope =
  | { all: true }
  | {
      all: false;
      parts: ({ kind: "officer" } | { kind: "region"; code: string } | { kind: "unit"; name: string })[];
    };

export async function dashboardScope(subject: Subject): Promise<DashboardScope> {
  const parts: Extract<DashboardScope, { all: false }>["parts"] = [];
  for (const assignment of subject.roles) {
    if (assignment.role === "ADMIN") return { all: true };
    if (assignment.role === "OFFICER") parts.push({ kind: "officer" });
    if (assignment.role === "FOCAL_POINT" && assignment.regionId != null) {
      const region = await prisma.region.findUnique({
        where: { id: assignment.regionId },
        select: { code: true },
      });
      if (region) parts.push({ kind: "region", code: region.code });
    }
    if (assignment.role === "UNIT_HEAD" && assignment.unitId != null) {
      const unit = await prisma.unit.findUnique({ where: { id: assignment.unitId }, select: { name: true } });
      if (unit) parts.push({ kind: "unit", name: unit.name });
    }
  }
  return { all: false, parts };
}
