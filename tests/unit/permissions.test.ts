import { describe, expect, it } from "vitest";

import {
  actions,
  can,
  decide,
  holdsGrantFor,
  permissions,
  roles,
  type Action,
  type Grant,
  type PermissionRule,
  type ResourceFacts,
  type Role,
  type Subject,
} from "@/domain/permissions";

import { roleLetter } from "../support/role-letters";

// The expected table, written out by hand from docs/domain.md §2 and §4–§7 (not
// derived from the code): for each action, the roles allowed on a record in
// their own scope (A admin, O officer, U unit head, F focal point, S centre
// staff), and the roles allowed on a record outside their scope.
const expected: Record<Action, { inScope: string; outOfScope: string }> = {
  "account.sign-in": { inScope: "AOUFS", outOfScope: "AOUFS" },
  "account.request-password-reset": { inScope: "AOUFS", outOfScope: "AOUFS" },
  "account.set-password": { inScope: "AOUFS", outOfScope: "AOUFS" },
  "workspace.my-work": { inScope: "AOUFS", outOfScope: "AOUFS" },
  "dashboard.read": { inScope: "AOUF", outOfScope: "AOUF" },
  "dashboard.list-item": { inScope: "AOUF", outOfScope: "A" },
  "calendar.manage": { inScope: "AOUFS", outOfScope: "AOUFS" },
  "account.two-factor": { inScope: "AOUFS", outOfScope: "AOUFS" },
  "account.language": { inScope: "AOUFS", outOfScope: "AOUFS" },
  "centre.read-internal": { inScope: "AOUFS", outOfScope: "A" },
  "centre.edit-contacts": { inScope: "AOS", outOfScope: "A" },
  "centre.close": { inScope: "AF", outOfScope: "A" },
  "centre.terminate": { inScope: "AF", outOfScope: "A" },
  "designation.read": { inScope: "AOUFS", outOfScope: "A" },
  "designation.propose": { inScope: "AO", outOfScope: "AO" },
  "designation.start-redesignation": { inScope: "AO", outOfScope: "A" },
  "designation.edit-proposal": { inScope: "AO", outOfScope: "A" },
  "designation.send": { inScope: "AO", outOfScope: "A" },
  "designation.edit-form": { inScope: "AOS", outOfScope: "A" },
  "designation.submit": { inScope: "AS", outOfScope: "A" },
  "designation.return": { inScope: "AO", outOfScope: "A" },
  "designation.endorse": { inScope: "AO", outOfScope: "A" },
  "designation.clear": { inScope: "AU", outOfScope: "A" },
  "designation.return-to-officer": { inScope: "AUF", outOfScope: "A" },
  "designation.return-to-centre": { inScope: "AF", outOfScope: "A" },
  "designation.accept": { inScope: "AF", outOfScope: "A" },
  "designation.record-consultation": { inScope: "AF", outOfScope: "A" },
  "designation.decide": { inScope: "AF", outOfScope: "A" },
  "designation.withdraw": { inScope: "AOF", outOfScope: "A" },
  "designation.reject": { inScope: "AF", outOfScope: "A" },
  "comment.read": { inScope: "AOUFS", outOfScope: "A" },
  "comment.read-internal": { inScope: "AOUF", outOfScope: "A" },
  "comment.create": { inScope: "AOUFS", outOfScope: "A" },
  "comment.create-internal": { inScope: "AOUF", outOfScope: "A" },
  "comment.resolve": { inScope: "AOUF", outOfScope: "A" },
  "report.read": { inScope: "AOUFS", outOfScope: "A" },
  "report.save-draft": { inScope: "AS", outOfScope: "A" },
  "report.submit": { inScope: "AS", outOfScope: "A" },
  "report.accept": { inScope: "AO", outOfScope: "A" },
  "report.return": { inScope: "AO", outOfScope: "A" },
  "evaluation.read": { inScope: "AOUF", outOfScope: "A" },
  "evaluation.save-draft": { inScope: "AO", outOfScope: "A" },
  "evaluation.complete": { inScope: "AO", outOfScope: "A" },
  "user.invite": { inScope: "AO", outOfScope: "A" },
  "user.list": { inScope: "A", outOfScope: "A" },
  "user.read": { inScope: "A", outOfScope: "A" },
  "user.change-roles": { inScope: "A", outOfScope: "A" },
  "user.disable": { inScope: "A", outOfScope: "A" },
  "user.end-sessions": { inScope: "A", outOfScope: "A" },
  "user.reset-two-factor": { inScope: "A", outOfScope: "A" },
  "audit.read": { inScope: "A", outOfScope: "A" },
  "mail.read": { inScope: "A", outOfScope: "A" },
  "reference-data.edit": { inScope: "A", outOfScope: "A" },
  "import.run": { inScope: "A", outOfScope: "A" },
  "network.edit": { inScope: "A", outOfScope: "A" },
};

const ME = 7;
const OTHER = 8;

/** A person holding exactly one role, scoped to centre 1 / region 10 / unit 100. */
function subject(role: Role): Subject {
  const scope = {
    CENTRE_STAFF: { centreId: 1 },
    FOCAL_POINT: { regionId: 10 },
    UNIT_HEAD: { unitId: 100 },
  } as const;
  return { id: ME, roles: [{ role, ...(scope[role as keyof typeof scope] ?? {}) }] };
}

const inScopeCentre: ResourceFacts = { centreId: 1, regionId: 10, unitId: 100, responsibleOfficerId: ME };
const outOfScopeCentre: ResourceFacts = {
  centreId: 2,
  regionId: 20,
  unitId: 200,
  responsibleOfficerId: OTHER,
};

/** A state the role's grant accepts (the first listed), so only scope decides. */
function acceptedState(action: Action, role: Role): string | undefined {
  const grant = (permissions[action].grants as readonly Grant[]).find((candidate) => candidate.role === role);
  return (
    grant?.states?.[0] ?? (permissions[action].grants as readonly Grant[]).find((g) => g.states)?.states?.[0]
  );
}

describe("the permission table", () => {
  it("has an expectation for every action and no others", () => {
    expect(Object.keys(expected).sort()).toEqual([...actions].sort());
  });

  for (const action of actions) {
    describe(action, () => {
      for (const role of roles) {
        const state = acceptedState(action, role);
        it(`${role} in scope: ${expected[action].inScope.includes(roleLetter[role]) ? "allowed" : "denied"}`, () => {
          expect(can(subject(role), action, { ...inScopeCentre, state })).toBe(
            expected[action].inScope.includes(roleLetter[role]),
          );
        });
        it(`${role} out of scope: ${expected[action].outOfScope.includes(roleLetter[role]) ? "allowed" : "denied"}`, () => {
          expect(can(subject(role), action, { ...outOfScopeCentre, state })).toBe(
            expected[action].outOfScope.includes(roleLetter[role]),
          );
        });
      }

      it("denies anonymous viewers unless public", () => {
        expect(can(null, action, { ...inScopeCentre, state: acceptedState(action, "ADMIN") })).toBe(
          (permissions[action] as PermissionRule).public === true,
        );
      });

      const stated = (permissions[action].grants as readonly Grant[]).filter((grant) => grant.states);
      for (const grant of stated) {
        it(`${grant.role} is refused in a state outside ${grant.states?.join("/")}`, () => {
          const decision = decide(subject(grant.role), action, { ...inScopeCentre, state: "NO_SUCH_STATE" });
          expect(decision).toEqual({ allowed: false, reason: "state" });
        });
      }
    });
  }
});

describe("holdsGrantFor()", () => {
  it("answers whether a role is granted the action for some record, for every action and role", () => {
    for (const action of actions) {
      const rule: PermissionRule = permissions[action];
      for (const role of roles) {
        const expected = rule.public === true || rule.grants.some((grant) => grant.role === role);
        expect(holdsGrantFor(subject(role), action), `${action} × ${role}`).toBe(expected);
      }
    }
  });

  it("lets officers and administrators invite, nobody else, and nobody signed out", () => {
    expect(holdsGrantFor(subject("OFFICER"), "user.invite")).toBe(true);
    expect(holdsGrantFor(subject("ADMIN"), "user.invite")).toBe(true);
    expect(holdsGrantFor(subject("FOCAL_POINT"), "user.invite")).toBe(false);
    expect(holdsGrantFor(subject("CENTRE_STAFF"), "user.invite")).toBe(false);
    expect(holdsGrantFor(null, "user.invite")).toBe(false);
  });
});

describe("decide()", () => {
  it("refuses scoped grants when no record is given (fail closed)", () => {
    expect(can(subject("CENTRE_STAFF"), "report.read")).toBe(false);
    expect(can(subject("OFFICER"), "user.invite")).toBe(false);
    expect(can(subject("ADMIN"), "user.invite")).toBe(true);
  });

  it("keeps a unit head from clearing their own proposal", () => {
    const facts = { ...inScopeCentre, state: "TECHNICAL_CLEARANCE" };
    expect(can(subject("UNIT_HEAD"), "designation.clear", { ...facts, proposedById: OTHER })).toBe(true);
    expect(decide(subject("UNIT_HEAD"), "designation.clear", { ...facts, proposedById: ME })).toEqual({
      allowed: false,
      reason: "state",
    });
  });

  it("hides officers' draft proposals from centre staff", () => {
    expect(can(subject("CENTRE_STAFF"), "designation.read", { ...inScopeCentre, state: "DRAFT" })).toBe(
      false,
    );
    expect(
      can(subject("CENTRE_STAFF"), "designation.read", { ...inScopeCentre, state: "WITH_INSTITUTION" }),
    ).toBe(true);
  });

  it("reports the most specific reason", () => {
    expect(decide(null, "report.read", inScopeCentre)).toEqual({ allowed: false, reason: "unauthenticated" });
    expect(decide(subject("FOCAL_POINT"), "user.list")).toEqual({ allowed: false, reason: "role" });
    expect(decide(subject("CENTRE_STAFF"), "report.read", outOfScopeCentre)).toEqual({
      allowed: false,
      reason: "scope",
    });
  });

  it("combines several roles of one person", () => {
    const both: Subject = { id: ME, roles: [{ role: "OFFICER" }, { role: "FOCAL_POINT", regionId: 20 }] };
    expect(can(both, "designation.decide", { ...outOfScopeCentre, state: "APPROVAL" })).toBe(true);
    expect(can(both, "designation.endorse", { ...outOfScopeCentre, state: "SUBMITTED" })).toBe(false);
  });
});
