import "server-only";

import { roles } from "@/domain/grants";
import { staffAccountState, type StaffAccountState } from "@/domain/institution-staff";
import type { Viewer } from "@/server/auth/viewer";
import { prisma } from "@/server/db/client";
import { authorize } from "@/server/policy/authorize";

export type UserListRow = {
  id: number;
  name: string;
  email: string;
  /** The roles as codes, for the page to word in its language. */
  assignments: RoleAssignment[];
  state: StaffAccountState;
  lastSignInAt: Date | null;
};

type AssignmentRow = {
  id: number;
  role: string;
  region: { code: string } | null;
  unit: { code: string } | null;
  centre: { reference: string } | null;
};

/** A role by its code, with the region, unit or centre it covers. */
export type RoleAssignment = { role: string; scope: string | null };

function assignmentScope(assignment: AssignmentRow): string | null {
  return assignment.region?.code ?? assignment.unit?.code ?? assignment.centre?.reference ?? null;
}

const assignmentSelect = {
  id: true,
  role: true,
  region: { select: { code: true } },
  unit: { select: { code: true } },
  centre: { select: { reference: true } },
} as const;

/** Administrators' list of people, searched by name or e-mail. */
export async function listUsers(viewer: Viewer, query: string): Promise<UserListRow[]> {
  await authorize(viewer, "user.list");
  const q = query.trim().slice(0, 100);
  const users = await prisma.user.findMany({
    where: q
      ? {
          OR: [
            { name: { contains: q, mode: "insensitive" } },
            { email: { contains: q, mode: "insensitive" } },
          ],
        }
      : {},
    select: {
      id: true,
      name: true,
      email: true,
      disabledAt: true,
      lastSignInAt: true,
      passwordHash: true,
      roles: { select: assignmentSelect, orderBy: { id: "asc" } },
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 200,
  });
  return users.map((user) => ({
    id: user.id,
    name: user.name,
    email: user.email,
    assignments: user.roles.map((assignment) => ({
      role: assignment.role,
      scope: assignmentScope(assignment),
    })),
    // Only whether a password exists counts here; the hash never leaves this function.
    state: staffAccountState({ hasPassword: user.passwordHash !== null, disabled: user.disabledAt !== null }),
    lastSignInAt: user.lastSignInAt,
  }));
}

export type UserDetail = {
  id: number;
  name: string;
  email: string;
  version: number;
  disabledAt: Date | null;
  lastSignInAt: Date | null;
  createdAt: Date;
  state: StaffAccountState;
  roles: ({ id: number } & RoleAssignment)[];
  audit: {
    id: string;
    occurredAt: Date;
    action: string;
    actor: string | null;
    ip: string | null;
    detail: string | null;
  }[];
};

/** One person with their roles and audit trail (events they caused and events about them). */
export async function userDetail(viewer: Viewer, id: number): Promise<UserDetail | null> {
  await authorize(viewer, "user.read");
  const user = await prisma.user.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      email: true,
      version: true,
      disabledAt: true,
      lastSignInAt: true,
      createdAt: true,
      passwordHash: true,
      roles: { select: assignmentSelect, orderBy: { id: "asc" } },
    },
  });
  if (!user) return null;
  await authorize(viewer, "audit.read");
  const events = await prisma.auditEvent.findMany({
    where: { OR: [{ actorId: id }, { entityType: "User", entityId: String(id) }] },
    select: {
      id: true,
      occurredAt: true,
      action: true,
      ip: true,
      details: true,
      actor: { select: { name: true } },
    },
    orderBy: { occurredAt: "desc" },
    take: 100,
  });
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    version: user.version,
    disabledAt: user.disabledAt,
    lastSignInAt: user.lastSignInAt,
    createdAt: user.createdAt,
    state: staffAccountState({ hasPassword: user.passwordHash !== null, disabled: user.disabledAt !== null }),
    roles: user.roles.map((assignment) => ({
      id: assignment.id,
      role: assignment.role,
      scope: assignmentScope(assignment),
    })),
    audit: events.map((event) => ({
      id: event.id.toString(),
      occurredAt: event.occurredAt,
      action: event.action,
      actor: event.actor?.name ?? null,
      ip: event.ip,
      detail: event.details ? summarise(event.details) : null,
    })),
  };
}

/** A short, readable line from an audit row's details (they hold identifiers and reasons, never secrets). */
function summarise(details: unknown): string | null {
  if (!details || typeof details !== "object") return null;
  return Object.entries(details as Record<string, unknown>)
    .filter(([, value]) => value !== null && value !== undefined)
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join(", ");
}

export type InviteOptions = {
  roles: { value: string; label: string }[];
  regions: { value: string; label: string }[];
  units: { value: string; label: string }[];
  /** An officer may invite staff only for these centres; administrators type any reference. */
  centres: { value: string; label: string }[] | null;
};

export async function inviteOptions(viewer: Viewer): Promise<InviteOptions> {
  await authorize(viewer, "workspace.my-work");
  const isAdmin = viewer.roles.some((assignment) => assignment.role === "ADMIN");
  if (!isAdmin) {
    const centres = await prisma.centre.findMany({
      where: { responsibleOfficerId: viewer.id },
      select: { reference: true, title: true },
      orderBy: { reference: "asc" },
    });
    return {
      // Labels by code: the page words roles in its language (role-text.ts).
      roles: [{ value: "CENTRE_STAFF", label: "CENTRE_STAFF" }],
      regions: [],
      units: [],
      centres: centres.map((centre) => ({
        value: centre.reference,
        label: `${centre.reference} · ${centre.title}`,
      })),
    };
  }
  const [regions, units] = await Promise.all([
    prisma.region.findMany({ select: { code: true, name: true }, orderBy: { code: "asc" } }),
    prisma.unit.findMany({ select: { code: true, name: true }, orderBy: { code: "asc" } }),
  ]);
  return {
    roles: roles.map((role) => ({ value: role, label: role })),
    regions: regions.map((region) => ({ value: region.code, label: `${region.code} · ${region.name}` })),
    units: units.map((unit) => ({ value: unit.code, label: `${unit.code} · ${unit.name}` })),
    centres: null,
  };
}
