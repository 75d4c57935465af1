import "server-only";

import { editableReportStates, reportStateLabels, type ReportState } from "@/domain/annual-report";
import {
  centreStatusesOwingReports,
  isReportOverdue,
  reportStatesAwaitingSubmission,
} from "@/domain/annual-report-schedule";
import { addDays, daysBetween, startOfUtcDay, toIsoDate } from "@/domain/dates";
import { missingEvaluations, type DashboardRow } from "@/domain/dashboard";
import {
  designationStatesWaitingFor,
  openDesignationStates,
  type DesignationState,
} from "@/domain/designation";
import { designationBadgeLabel, returnedToInstitution } from "@/domain/designation-return";
import { redesignationStartable } from "@/domain/evaluation";
import type { Prisma } from "@/generated/prisma/client";
import type { Viewer } from "@/server/auth/viewer";
import { prisma } from "@/server/db/client";
import { authorize } from "@/server/policy/authorize";

import { dashboardFacts } from "./dashboard";

/** What an item's detail says, in codes, for the page to word in its language (`detail` is the English). */
export type WorkDetail =
  | {
      type: "designation";
      redesignation: boolean;
      state: DesignationState;
      returned: boolean;
      days: number;
    }
  | { type: "report"; yearNumber: number; state: ReportState; dueOn: string; overdue: boolean }
  | { type: "evaluation"; row: DashboardRow }
  | { type: "redesignation-pending" }
  | { type: "redesignation-open"; termEnd: string | null }
  | { type: "invitation-expired" }
  | { type: "invitation-valid"; until: string };
export type WorkItem = { key: string; title: string; detail: string; parts: WorkDetail; href?: string };
/** What a section lists, for its heading in the page's language (one per role's list). */
export type WorkSectionKind =
  | "officer-evaluations"
  | "officer-redesignations"
  | "admin-invitations"
  | "officer-designations"
  | "officer-reports"
  | "unit-clearance"
  | "focal-designations"
  | "focal-pipeline"
  | "focal-overdue"
  | "staff-reports"
  | "staff-designation";
export type WorkSection = {
  id: string;
  kind: WorkSectionKind;
  items: WorkItem[];
};

const centreSelect = { reference: true, title: true } as const;

type DesignationRow = {
  id: number;
  state: DesignationState;
  kind: string;
  stateChangedAt: Date;
  centre: { reference: string; title: string };
  returned: boolean;
};
type ReportRow = {
  id: number;
  state: ReportState;
  yearNumber: number;
  dueOn: Date;
  centre: { reference: string; title: string };
};

function designationItems(rows: DesignationRow[], now = new Date()): WorkItem[] {
  return rows.map((row) => {
    const days = daysBetween(row.stateChangedAt, now);
    return {
      key: `designation-${row.id}`,
      title: `${row.centre.reference} · ${row.centre.title}`,
      detail: `${row.kind === "REDESIGNATION" ? "Redesignation" : "Designation"}: ${designationBadgeLabel(row.state, row.returned)}, waiting ${days} ${days === 1 ? "day" : "days"}`,
      parts: {
        type: "designation",
        redesignation: row.kind === "REDESIGNATION",
        state: row.state,
        returned: row.returned,
        days,
      },
      href: `/designations/${row.id}`,
    };
  });
}

function reportItems(rows: ReportRow[], today: Date): WorkItem[] {
  return rows.map((row) => ({
    key: `report-${row.id}`,
    title: `${row.centre.reference} · ${row.centre.title}`,
    detail: `Annual report, year ${row.yearNumber}: ${reportStateLabels[row.state]}, due ${toIsoDate(row.dueOn)}${
      isReportOverdue(row, today) ? " (overdue)" : ""
    }`,
    parts: {
      type: "report",
      yearNumber: row.yearNumber,
      state: row.state,
      dueOn: toIsoDate(row.dueOn),
      overdue: isReportOverdue(row, today),
    },
    href: `/reports/${row.id}`,
  }));
}

/** Terms of the officer's centres: final evaluations to write and redesignations they are invited to start. */
async function renewalSections(viewer: Viewer, today: Date): Promise<WorkSection[]> {
  const { terms } = await dashboardFacts({ id: viewer.id, roles: [{ role: "OFFICER" }] }, today);
  const evaluations = missingEvaluations(terms, today);
  // docs/domain.md §4: the officer is invited 6 months before expiry (or once the centre is Pending).
  const invitations = terms.filter(
    (term) =>
      redesignationStartable({
        centreStatus: term.centre.status,
        termEnd: term.termEnd ? toIsoDate(term.termEnd) : null,
        today: toIsoDate(today),
        openRedesignation: term.redesignationUnderWay,
      }).ok,
  );
  return [
    {
      id: "officer-evaluations",
      kind: "officer-evaluations",
      items: evaluations.map((row) => ({
        key: row.key,
        title: `${row.centre.reference} · ${row.centre.title}`,
        detail: `Final evaluation: ${row.note.toLowerCase()}, ${row.lateness} (${row.date})`,
        parts: { type: "evaluation", row },
        href: row.href,
      })),
    },
    {
      id: "officer-redesignations",
      kind: "officer-redesignations",
      items: invitations.map((term) => ({
        key: `redesignation-${term.designationId}`,
        title: `${term.centre.reference} · ${term.centre.title}`,
        detail:
          term.centre.status === "PENDING"
            ? "Pending: the term has ended; start its redesignation or let it close"
            : `Term ends ${term.termEnd ? toIsoDate(term.termEnd) : "(no date)"}: the redesignation can start now`,
        parts:
          term.centre.status === "PENDING"
            ? { type: "redesignation-pending" }
            : { type: "redesignation-open", termEnd: term.termEnd ? toIsoDate(term.termEnd) : null },
        href: `/evaluations/${term.designationId}`,
      })),
    },
  ];
}

async function designations(where: Prisma.DesignationWhereInput): Promise<DesignationRow[]> {
  const rows = await prisma.designation.findMany({
    where,
    select: { id: true, state: true, kind: true, stateChangedAt: true, centre: { select: centreSelect } },
    orderBy: { stateChangedAt: "asc" },
    take: 50,
  });
  // A form with the institution reads as its page's badge does (returned or not), so the
  // last recorded step of each one decides, as on the designation's page.
  const withInstitution = rows.filter((row) => row.state === "WITH_INSTITUTION").map((row) => String(row.id));
  const steps = withInstitution.length
    ? await prisma.auditEvent.findMany({
        where: { entityType: "Designation", entityId: { in: withInstitution }, toState: { not: null } },
        orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
        select: { entityId: true, action: true },
      })
    : [];
  const lastStep = new Map(steps.map((step) => [step.entityId, step]));
  return rows.map((row) => ({
    ...row,
    returned: returnedToInstitution(row.state, lastStep.get(String(row.id)) ?? null),
  }));
}

async function reports(where: Prisma.AnnualReportWhereInput) {
  return prisma.annualReport.findMany({
    where,
    select: { id: true, state: true, yearNumber: true, dueOn: true, centre: { select: centreSelect } },
    orderBy: { dueOn: "asc" },
    take: 50,
  });
}

/**
 * The items waiting for the viewer, one section per role they hold. Every
 * query is limited by the role's scope (the same scopes as the permission
 * table), so nothing outside it can appear.
 */
export async function myWork(viewer: Viewer, now = new Date()): Promise<WorkSection[]> {
  await authorize(viewer, "workspace.my-work");
  const today = startOfUtcDay(now);
  const sections: WorkSection[] = [];
  const has = (role: Viewer["roles"][number]["role"]) =>
    viewer.roles.filter((assignment) => assignment.role === role);

  if (has("ADMIN").length) {
    const invitations = await prisma.authToken.findMany({
      where: { purpose: "INVITATION", usedAt: null },
      select: { id: true, expiresAt: true, user: { select: { id: true, name: true, email: true } } },
      orderBy: { createdAt: "desc" },
      take: 50,
    });
    sections.push({
      id: "admin-invitations",
      kind: "admin-invitations",
      items: invitations.map((token) => ({
        key: `invitation-${token.id}`,
        title: `${token.user.name} (${token.user.email})`,
        detail:
          token.expiresAt < now
            ? "Link expired: they can ask for a new one"
            : `Link valid until ${token.expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC`,
        parts:
          token.expiresAt < now
            ? { type: "invitation-expired" }
            : {
                type: "invitation-valid",
                until: token.expiresAt.toISOString().slice(0, 16).replace("T", " "),
              },
        href: `/admin/users/${token.user.id}`,
      })),
    });
  }

  if (has("OFFICER").length) {
    const mine = { responsibleOfficerId: viewer.id };
    sections.push({
      id: "officer-designations",
      kind: "officer-designations",
      items: designationItems(
        await designations({ centre: mine, state: { in: designationStatesWaitingFor("officer") } }),
      ),
    });
    sections.push({
      id: "officer-reports",
      kind: "officer-reports",
      items: reportItems(await reports({ centre: mine, state: "SUBMITTED" }), today),
    });
    sections.push(...(await renewalSections(viewer, today)));
  }

  for (const assignment of has("UNIT_HEAD")) {
    if (assignment.unitId == null) continue;
    sections.push({
      id: `unit-clearance-${assignment.unitId}`,
      kind: "unit-clearance",
      items: designationItems(
        await designations({
          centre: { unitId: assignment.unitId },
          state: { in: designationStatesWaitingFor("unitHead") },
          // A unit head does not clear their own proposals.
          OR: [{ proposedById: null }, { proposedById: { not: viewer.id } }],
        }),
      ),
    });
  }

  for (const assignment of has("FOCAL_POINT")) {
    if (assignment.regionId == null) continue;
    const region = { regionId: assignment.regionId };
    sections.push({
      id: `focal-designations-${assignment.regionId}`,
      kind: "focal-designations",
      items: designationItems(
        await designations({
          centre: region,
          state: { in: designationStatesWaitingFor("focalPoint") },
        }),
      ),
    });
    // A focal point watches the whole region's pipeline, not only their own steps.
    sections.push({
      id: `focal-pipeline-${assignment.regionId}`,
      kind: "focal-pipeline",
      items: designationItems(
        await designations({ centre: region, state: { in: [...openDesignationStates] } }),
      ),
    });
    sections.push({
      id: `focal-overdue-${assignment.regionId}`,
      kind: "focal-overdue",
      items: reportItems(
        await reports({
          centre: { ...region, status: { in: [...centreStatusesOwingReports] } },
          state: { in: [...reportStatesAwaitingSubmission] },
          dueOn: { lt: today },
        }),
        today,
      ),
    });
  }

  for (const assignment of has("CENTRE_STAFF")) {
    if (assignment.centreId == null) continue;
    const centre = { centreId: assignment.centreId };
    sections.push({
      id: `staff-reports-${assignment.centreId}`,
      kind: "staff-reports",
      items: reportItems(
        await reports({
          ...centre,
          state: { in: [...editableReportStates] },
          opensOn: { lte: addDays(today, 0) },
        }),
        today,
      ),
    });
    sections.push({
      id: `staff-designation-${assignment.centreId}`,
      kind: "staff-designation",
      items: designationItems(
        await designations({ ...centre, state: { in: designationStatesWaitingFor("staff") } }),
      ),
    });
  }
  return sections;
}
