import { describe, expect, it } from "vitest";

import {
  designationActions,
  designationInputSchemas,
  designationPermission,
  designationStates,
  nextState,
  termOf,
  transition,
  type DesignationAction,
  type DesignationFacts,
  type DesignationState,
} from "@/domain/designation";
import { decide, roles, type ResourceFacts, type Role, type Subject } from "@/domain/permissions";

import { roleLetter } from "../support/role-letters";
import { said } from "../support/said";

// The life cycle of docs/domain.md §4 written out by hand: for each action, the
// states each role may take it from (roles: A admin, O officer, U unit head,
// F focal point, S centre staff) and where it leads.
const OPEN = ["DRAFT", "WITH_INSTITUTION", "SUBMITTED", "TECHNICAL_CLEARANCE", "REGIONAL_REVIEW"].concat([
  "GOVERNMENT_CONSULTATION",
  "APPROVAL",
]);
const expected: Record<
  DesignationAction,
  { by: Partial<Record<"A" | "O" | "U" | "F" | "S", string[]>>; to: Record<string, string> }
> = {
  send: { by: { A: ["DRAFT"], O: ["DRAFT"] }, to: { DRAFT: "WITH_INSTITUTION" } },
  submit: { by: { A: ["WITH_INSTITUTION"], S: ["WITH_INSTITUTION"] }, to: { WITH_INSTITUTION: "SUBMITTED" } },
  return: { by: { A: ["SUBMITTED"], O: ["SUBMITTED"] }, to: { SUBMITTED: "WITH_INSTITUTION" } },
  endorse: { by: { A: ["SUBMITTED"], O: ["SUBMITTED"] }, to: { SUBMITTED: "TECHNICAL_CLEARANCE" } },
  clear: {
    by: { A: ["TECHNICAL_CLEARANCE"], U: ["TECHNICAL_CLEARANCE"] },
    to: { TECHNICAL_CLEARANCE: "REGIONAL_REVIEW" },
  },
  "return-to-officer": {
    by: {
      A: ["TECHNICAL_CLEARANCE", "REGIONAL_REVIEW"],
      U: ["TECHNICAL_CLEARANCE"],
      F: ["REGIONAL_REVIEW"],
    },
    to: { TECHNICAL_CLEARANCE: "SUBMITTED", REGIONAL_REVIEW: "SUBMITTED" },
  },
  "return-to-centre": {
    by: { A: ["REGIONAL_REVIEW"], F: ["REGIONAL_REVIEW"] },
    to: { REGIONAL_REVIEW: "WITH_INSTITUTION" },
  },
  accept: {
    by: { A: ["REGIONAL_REVIEW"], F: ["REGIONAL_REVIEW"] },
    to: { REGIONAL_REVIEW: "GOVERNMENT_CONSULTATION" },
  },
  "record-consultation": {
    by: { A: ["GOVERNMENT_CONSULTATION"], F: ["GOVERNMENT_CONSULTATION"] },
    to: { GOVERNMENT_CONSULTATION: "APPROVAL" },
  },
  decide: { by: { A: ["APPROVAL"], F: ["APPROVAL"] }, to: { APPROVAL: "DESIGNATED" } },
  withdraw: {
    by: { A: OPEN, O: OPEN, F: OPEN },
    to: Object.fromEntries(OPEN.map((state) => [state, "WITHDRAWN"])),
  },
  reject: { by: { A: OPEN, F: OPEN }, to: Object.fromEntries(OPEN.map((state) => [state, "REJECTED"])) },
};

// The actor (id 7) holds one role over the designation's centre; the proposer is someone else (id 99).
function subjectWith(role: Role): Subject {
  return { id: 7, roles: [{ role, centreId: 1, regionId: 2, unitId: 3 }] };
}
const resource = (state: string): ResourceFacts => ({
  centreId: 1,
  regionId: 2,
  unitId: 3,
  responsibleOfficerId: 7,
  state,
  proposedById: 99,
});

// Inputs that pass every guard, so the table alone decides.
const today = "2027-06-30";
const validInput: Record<DesignationAction, Record<string, unknown>> = {
  send: {},
  submit: {},
  return: { comment: "Please expand ToR 2." },
  endorse: {},
  clear: {},
  "return-to-officer": { comment: "Work plan too thin." },
  "return-to-centre": { comment: "Missing head of centre." },
  accept: {},
  "record-consultation": { outcome: "NO_OBJECTION", requestedOn: "2027-05-01", repliedOn: "2027-06-01" },
  decide: { decisionDate: "2027-06-15", termYears: "4", approverName: "Regional Director" },
  withdraw: { reason: "The institution withdrew." },
  reject: { reason: "Not eligible." },
};
function parsed(action: DesignationAction) {
  return designationInputSchemas[action].parse({ designationId: "5", version: "3", ...validInput[action] });
}
const facts = (state: DesignationState, extra: Partial<DesignationFacts> = {}): DesignationFacts => ({
  state,
  kind: "INITIAL",
  proposedById: 99,
  submittedOn: "2027-01-10",
  currentTermEvaluation: null,
  form: { headOfCentreName: "Prof. A", torItems: 2, activities: 3, torItemsWithoutActivity: 0, subjects: 1 },
  ...extra,
});

describe("designation life cycle: every state × action × role", () => {
  for (const state of designationStates) {
    for (const action of designationActions) {
      for (const role of roles) {
        const allowedFrom = expected[action].by[roleLetter[role]] ?? [];
        const want = allowedFrom.includes(state) ? expected[action].to[state] : null;
        it(`${state} × ${action} × ${role} → ${want ?? "refused"}`, () => {
          const permitted = decide(subjectWith(role), designationPermission(action), resource(state));
          const result = transition(action, facts(state), parsed(action) as never, { actorId: 7, today });
          const outcome = permitted.allowed && result.ok ? result.to : null;
          expect(outcome).toBe(want);
          // The state machine itself knows nothing of roles: it answers for the state alone.
          expect(nextState(action, state)).toBe(expected[action].to[state] ?? null);
        });
      }
    }
  }

  it("keeps the centre's staff from every WHO-side action out of their scope", () => {
    const outsider: Subject = { id: 7, roles: [{ role: "CENTRE_STAFF", centreId: 42 }] };
    for (const state of designationStates)
      for (const action of designationActions)
        expect(decide(outsider, designationPermission(action), resource(state)).allowed).toBe(false);
  });
});

describe("designation guards", () => {
  const ctx = { actorId: 7, today };

  it("refuses clearance by the proposer, whatever their role", () => {
    const result = transition(
      "clear",
      facts("TECHNICAL_CLEARANCE", { proposedById: 7 }),
      parsed("clear"),
      ctx,
    );
    expect(result.ok).toBe(false);
    const unitHead = decide(
      { id: 99, roles: [{ role: "UNIT_HEAD", unitId: 3 }] },
      "designation.clear",
      resource("TECHNICAL_CLEARANCE"),
    );
    expect(unitHead).toEqual({ allowed: false, reason: "state" });
  });

  it("allows 'not required' consultation only for redesignations", () => {
    const input = designationInputSchemas["record-consultation"].parse({
      designationId: "1",
      version: "1",
      outcome: "NOT_REQUIRED",
    });
    const initial = transition("record-consultation", facts("GOVERNMENT_CONSULTATION"), input, ctx);
    expect(initial).toMatchObject({ ok: false, fieldErrors: { outcome: [expect.any(String)] } });
    const re = transition(
      "record-consultation",
      facts("GOVERNMENT_CONSULTATION", { kind: "REDESIGNATION" }),
      input,
      ctx,
    );
    expect(re).toEqual({ ok: true, to: "APPROVAL" });
  });

  it("checks consultation dates and refuses an objection", () => {
    const run = (values: Record<string, string>) =>
      transition(
        "record-consultation",
        facts("GOVERNMENT_CONSULTATION"),
        designationInputSchemas["record-consultation"].parse({ designationId: "1", version: "1", ...values }),
        ctx,
      );
    expect(run({ outcome: "NO_OBJECTION", requestedOn: "2027-05-01" })).toMatchObject({
      ok: false,
      fieldErrors: { repliedOn: [expect.any(String)] },
    });
    expect(
      said(run({ outcome: "NO_OBJECTION", requestedOn: "2027-05-01", repliedOn: "2027-04-01" })),
    ).toMatchObject({
      ok: false,
      fieldErrors: { repliedOn: ["The reply cannot come before the request."] },
    });
    expect(
      run({ outcome: "NO_OBJECTION", requestedOn: "2027-05-01", repliedOn: "2027-07-01" }),
    ).toMatchObject({
      ok: false,
    });
    expect(run({ outcome: "OBJECTION", requestedOn: "2027-05-01", repliedOn: "2027-06-01" })).toMatchObject({
      ok: false,
      fieldErrors: { outcome: [expect.any(String)] },
    });
  });

  it("refuses a term outside 1-4 years at the field", () => {
    for (const termYears of ["0", "5", "2.5", "x", ""]) {
      const result = designationInputSchemas.decide.safeParse({
        designationId: "1",
        version: "1",
        decisionDate: "2027-06-01",
        termYears,
        approverName: "RD",
      });
      expect(result.success, termYears).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(["termYears"]);
    }
  });

  it("refuses a decision date before the submission or in the future", () => {
    const run = (decisionDate: string) =>
      transition(
        "decide",
        facts("APPROVAL"),
        designationInputSchemas.decide.parse({
          designationId: "1",
          version: "1",
          decisionDate,
          termYears: "3",
          approverName: "RD",
        }),
        ctx,
      );
    expect(run("2027-01-09")).toMatchObject({
      ok: false,
      fieldErrors: { decisionDate: [expect.any(String)] },
    });
    expect(run("2027-07-01")).toMatchObject({
      ok: false,
      fieldErrors: { decisionDate: [expect.any(String)] },
    });
    expect(run("2027-01-10")).toEqual({ ok: true, to: "DESIGNATED" });
  });

  it("keeps a redesignation in regional review until the final evaluation is completed", () => {
    for (const evaluation of [null, "DRAFT"] as const) {
      const result = transition(
        "accept",
        facts("REGIONAL_REVIEW", { kind: "REDESIGNATION", currentTermEvaluation: evaluation }),
        parsed("accept"),
        ctx,
      );
      expect(result.ok).toBe(false);
    }
    const done = transition(
      "accept",
      facts("REGIONAL_REVIEW", { kind: "REDESIGNATION", currentTermEvaluation: "COMPLETED" }),
      parsed("accept"),
      ctx,
    );
    expect(done).toEqual({ ok: true, to: "GOVERNMENT_CONSULTATION" });
  });

  it("refuses to submit an incomplete form", () => {
    const form: NonNullable<DesignationFacts["form"]> = {
      headOfCentreName: "Prof. A",
      torItems: 2,
      activities: 3,
      torItemsWithoutActivity: 0,
      subjects: 1,
    };
    const run = (changes: Partial<typeof form>) =>
      transition(
        "submit",
        facts("WITH_INSTITUTION", { form: { ...form, ...changes } }),
        parsed("submit"),
        ctx,
      );
    expect(run({ headOfCentreName: null })).toMatchObject({ ok: false });
    expect(run({ torItems: 0 })).toMatchObject({ ok: false });
    expect(run({ torItemsWithoutActivity: 1 })).toMatchObject({ ok: false });
    // A first designation names the centre's subjects (decision 0025).
    expect(said(run({ subjects: 0 }))).toMatchObject({
      ok: false,
      fieldErrors: { subject1: ["Choose the centre's subjects (one to three) before submitting."] },
    });
    expect(run({})).toEqual({ ok: true, to: "SUBMITTED" });
    // A redesignation keeps the centre's subjects (formChoosesSubjects): none on its form is no gap.
    expect(
      transition(
        "submit",
        facts("WITH_INSTITUTION", { kind: "REDESIGNATION", form: { ...form, subjects: 0 } }),
        parsed("submit"),
        ctx,
      ),
    ).toEqual({ ok: true, to: "SUBMITTED" });
  });

  it("requires a comment or reason and rejects extra fields", () => {
    expect(
      designationInputSchemas.return.safeParse({ designationId: "1", version: "1", comment: " " }).success,
    ).toBe(false);
    expect(designationInputSchemas.withdraw.safeParse({ designationId: "1", version: "1" }).success).toBe(
      false,
    );
    const extra = designationInputSchemas.endorse.safeParse({
      designationId: "1",
      version: "1",
      state: "DESIGNATED",
    });
    expect(extra.error?.issues[0]?.code).toBe("unrecognized_keys");
  });

  it("computes the term from the letter date", () => {
    expect(termOf("2027-06-15", 4)).toEqual({ start: "2027-06-15", end: "2031-06-15" });
    expect(termOf("2028-02-29", 1)).toEqual({ start: "2028-02-29", end: "2029-02-28" });
  });
});
