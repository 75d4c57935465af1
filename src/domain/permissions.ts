import { reportLifeCycle } from "./annual-report";
import { centreLifeCycle } from "./centre-life-cycle";
import { designationLifeCycle, designationStatesVisibleToCentre } from "./designation";
import { evaluationLifeCycle } from "./evaluation";
import {
  admin,
  focalPoint,
  officer,
  roles,
  staff,
  unitHead,
  type Grant,
  type PermissionRule,
  type Role,
} from "./grants";
import { actionsOf, permissionRulesOf } from "./life-cycle";

// The one permission table of the registry: for every action, which roles may
// do it, over which records (scope) and in which states. The steps of the life
// cycles (designation, annual report, evaluation, centre renewal) are derived
// from their tables, which say who takes each step from which state; the rest
// is written here. The server's policy module (src/server/policy/authorize.ts)
// is the only caller that enforces it; pages use `can()` and `offeredActions()`
// only to decide what to show. Anything not listed here is denied (fail closed).

export { roles, type Grant, type PermissionRule, type Role, type Scope } from "./grants";

const who: readonly Grant[] = [admin, officer, unitHead, focalPoint];
const everyoneInScope: readonly Grant[] = [...who, staff];
const withStates = (grant: Grant, states: readonly string[]): Grant => ({ ...grant, states });
const adminOnly = (kind: PermissionRule["kind"]): PermissionRule => ({ kind, grants: [admin] });

export const permissions = {
  // ── accounts (public entry points; the commands do their own checks) ──
  "account.sign-in": { public: true, kind: "write", grants: [] },
  "account.request-password-reset": { public: true, kind: "write", grants: [] },
  "account.set-password": { public: true, kind: "write", grants: [] },
  "workspace.my-work": { kind: "read", grants: roles.map((role) => ({ role, scope: "any" as const })) },
  // The deadline dashboard: opening it is for WHO roles; which rows each one
  // sees is `dashboard.list-item`, checked per row against the row's centre.
  "dashboard.read": {
    kind: "read",
    grants: (["ADMIN", "OFFICER", "UNIT_HEAD", "FOCAL_POINT"] as const).map((role) => ({
      role,
      scope: "any" as const,
    })),
  },
  "dashboard.list-item": { kind: "read", grants: who },
  // A personal calendar subscription (ICS) of one's own deadlines.
  "calendar.manage": { kind: "write", grants: roles.map((role) => ({ role, scope: "any" as const })) },
  // One's own two-factor sign-in: set it up, turn it off (decision 0014).
  "account.two-factor": { kind: "write", grants: roles.map((role) => ({ role, scope: "any" as const })) },
  // One's own language: the pages after sign-in, one's e-mails and calendar (decision 0026).
  "account.language": { kind: "write", grants: roles.map((role) => ({ role, scope: "any" as const })) },

  // ── centres ──
  "centre.read-internal": { kind: "read", grants: everyoneInScope },
  "centre.edit-contacts": { kind: "write", grants: [admin, officer, staff] },
  ...permissionRulesOf(centreLifeCycle),

  // ── designations ──
  "designation.read": {
    kind: "read",
    grants: [...who, withStates(staff, designationStatesVisibleToCentre)],
  },
  "designation.propose": { kind: "write", grants: [admin, { role: "OFFICER", scope: "any" }] },
  ...permissionRulesOf(designationLifeCycle),

  // ── comments (internal ones are for WHO staff only) ──
  "comment.read": { kind: "read", grants: everyoneInScope },
  "comment.read-internal": { kind: "read", grants: who },
  "comment.create": { kind: "write", grants: everyoneInScope },
  "comment.create-internal": { kind: "write", grants: who },
  "comment.resolve": { kind: "write", grants: [admin, officer, unitHead, focalPoint] },

  // ── annual reports ──
  "report.read": { kind: "read", grants: everyoneInScope },
  ...permissionRulesOf(reportLifeCycle),

  // ── final evaluations (internal to WHO) ──
  "evaluation.read": { kind: "read", grants: who },
  ...permissionRulesOf(evaluationLifeCycle),

  // ── people and administration ──
  // An officer invites staff for a centre they are responsible for; the record is that centre.
  "user.invite": { kind: "write", grants: [admin, officer] },
  "user.list": adminOnly("read"),
  "user.read": adminOnly("read"),
  "user.change-roles": adminOnly("write"),
  "user.disable": adminOnly("write"),
  "user.end-sessions": adminOnly("write"),
  "user.reset-two-factor": adminOnly("write"),
  "audit.read": adminOnly("read"),
  "mail.read": adminOnly("read"),
  "reference-data.edit": adminOnly("write"),
  "import.run": adminOnly("write"),
  "network.edit": adminOnly("write"),
} as const satisfies Record<string, PermissionRule>;

export type Action = keyof typeof permissions;
export const actions = Object.keys(permissions) as Action[];

/** One role of the viewer with its scope (a RoleAssignment row). */
export type RoleGrant = {
  role: Role;
  regionId?: number | null;
  centreId?: number | null;
  unitId?: number | null;
};

export type Subject = { id: number; roles: readonly RoleGrant[] };

/**
 * The facts about a record that scope and state conditions need. Loaded from
 * the record itself on the server (never from client input): a report gives
 * its centre's ids and its own state.
 */
export type ResourceFacts = {
  centreId: number;
  regionId: number;
  unitId: number | null;
  responsibleOfficerId: number | null;
  state?: string;
  proposedById?: number | null;
};

export type Decision =
  | { allowed: true; role: Role | null }
  | { allowed: false; reason: "unauthenticated" | "role" | "scope" | "state" };

function inScope(
  subject: Subject,
  grant: Grant,
  assignment: RoleGrant,
  resource: ResourceFacts | null,
): boolean {
  if (grant.scope === "any") return true;
  if (!resource) return false; // a scoped grant without a record proves nothing
  switch (grant.scope) {
    case "centre":
      return assignment.centreId != null && assignment.centreId === resource.centreId;
    case "responsible":
      return resource.responsibleOfficerId != null && resource.responsibleOfficerId === subject.id;
    case "unit":
      return assignment.unitId != null && assignment.unitId === resource.unitId;
    case "region":
      return assignment.regionId != null && assignment.regionId === resource.regionId;
  }
}

/**
 * Decides whether `subject` may do `action` to `resource`. The reason of a
 * denial is the most specific one met: a matching role and scope in the wrong
 * state is "state" (the viewer may see the record, just not act now).
 */
export function decide(
  subject: Subject | null,
  action: Action,
  resource: ResourceFacts | null = null,
): Decision {
  const rule: PermissionRule = permissions[action];
  if (rule.public) return { allowed: true, role: null };
  if (!subject) return { allowed: false, reason: "unauthenticated" };
  let reason: "role" | "scope" | "state" = "role";
  for (const grant of rule.grants) {
    for (const assignment of subject.roles) {
      if (assignment.role !== grant.role) continue;
      if (!inScope(subject, grant, assignment, resource)) {
        if (reason === "role") reason = "scope";
        continue;
      }
      const stateOk =
        !grant.states || (resource?.state !== undefined && grant.states.includes(resource.state));
      const ownProposal =
        grant.notOwnProposal && resource?.proposedById != null && resource.proposedById === subject.id;
      if (!stateOk || ownProposal) {
        reason = "state";
        continue;
      }
      return { allowed: true, role: grant.role };
    }
  }
  return { allowed: false, reason };
}

export function can(subject: Subject | null, action: Action, resource: ResourceFacts | null = null): boolean {
  return decide(subject, action, resource).allowed;
}

/**
 * Whether one of the subject's roles is granted `action` for some record,
 * scope and state aside: "may this person ever invite?", for deciding which
 * pages and links to offer. The record-level check stays `decide`.
 */
export function holdsGrantFor(subject: Subject | null, action: Action): boolean {
  const rule: PermissionRule = permissions[action];
  if (rule.public) return true;
  if (!subject) return false;
  return rule.grants.some((grant) => subject.roles.some((assignment) => assignment.role === grant.role));
}

/**
 * The actions of a life cycle that `subject` may take on the record now (role,
 * scope and state): the buttons and forms a page offers. The guards are the
 * step's own answer when it is taken.
 */
export function offeredActions<A extends Action>(
  lifeCycle: readonly { action: A }[],
  subject: Subject | null,
  resource: ResourceFacts | null,
): A[] {
  return actionsOf(lifeCycle).filter((action) => can(subject, action, resource));
}

/** The roles a subject holds, in the table's order, for display and audit. */
export function primaryRole(subject: Subject): Role | null {
  return roles.find((role) => subject.roles.some((assignment) => assignment.role === role)) ?? null;
}
