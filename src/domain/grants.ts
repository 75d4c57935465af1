// The vocabulary of the permission table (permissions.ts) and of the life-cycle
// tables (designation, annual report, evaluation, centre renewal): roles,
// scopes and grants. Kept apart so that the life-cycle tables can name who acts
// without importing the permission table that is derived from them.

export const roles = ["ADMIN", "OFFICER", "UNIT_HEAD", "FOCAL_POINT", "CENTRE_STAFF"] as const;
export type Role = (typeof roles)[number];

/**
 * How a grant is limited to records:
 * - `any`: no record condition (administration, proposing a new centre)
 * - `centre`: a centre-staff assignment for the record's centre
 * - `responsible`: the viewer is the record's centre's responsible officer
 * - `unit`: a unit-head assignment for the centre's technical unit
 * - `region`: a focal-point assignment for the centre's WHO region
 */
export type Scope = "any" | "centre" | "responsible" | "unit" | "region";

export type Grant = {
  role: Role;
  scope: Scope;
  /** The record's state must be one of these (designation, report, evaluation or centre status). */
  states?: readonly string[];
  /** A unit head does not clear a centre they proposed themselves. */
  notOwnProposal?: boolean;
};

export type PermissionRule = {
  /** Anyone, signed in or not (sign-in, password reset). */
  public?: boolean;
  /** What a denial means to the viewer: reads answer not-found, writes forbidden. */
  kind: "read" | "write";
  grants: readonly Grant[];
};

// Each role over the records of its own scope (docs/domain.md §2).
export const admin: Grant = { role: "ADMIN", scope: "any" };
export const officer: Grant = { role: "OFFICER", scope: "responsible" };
export const unitHead: Grant = { role: "UNIT_HEAD", scope: "unit" };
export const focalPoint: Grant = { role: "FOCAL_POINT", scope: "region" };
export const staff: Grant = { role: "CENTRE_STAFF", scope: "centre" };
