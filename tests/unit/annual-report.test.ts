import { describe, expect, it } from "vitest";

import {
  flattenReportContent,
  isWebAddress,
  lockedMessage,
  mergeDraft,
  missingForSubmit,
  reportActions,
  reportFormSchema,
  reportLifeCycle,
  reportPermission,
  reportStates,
  reportTransition,
  reviewSchemas,
  unknownActivities,
  type ReportAction,
  type ReportContent,
  type ReportState,
} from "@/domain/annual-report";
import { decide, roles, type ResourceFacts, type Role, type Subject } from "@/domain/permissions";

import { roleLetter } from "../support/role-letters";
import { said } from "../support/said";

// docs/domain.md §6 written out by hand: for each action, the states each role may
// take it from (A admin, O officer, U unit head, F focal point, S centre
// staff) and where it leads. Checked against the domain table and the one
// permission table together, for every state × action × role.
const EDITABLE = ["OPEN", "DRAFT", "RETURNED"];
const expected: Record<
  ReportAction,
  { by: Partial<Record<"A" | "O" | "U" | "F" | "S", string[]>>; to: string }
> = {
  "save-draft": { by: { A: EDITABLE, S: EDITABLE }, to: "DRAFT" },
  submit: { by: { A: EDITABLE, S: EDITABLE }, to: "SUBMITTED" },
  accept: { by: { A: ["SUBMITTED"], O: ["SUBMITTED"] }, to: "ACCEPTED" },
  return: { by: { A: ["SUBMITTED"], O: ["SUBMITTED"] }, to: "RETURNED" },
};
const centre = { centreId: 7, regionId: 3, unitId: 5, responsibleOfficerId: 42 };
function subjectFor(role: Role): Subject {
  const id = role === "OFFICER" ? 42 : 1;
  return {
    id,
    roles: [{ role, centreId: centre.centreId, regionId: centre.regionId, unitId: centre.unitId }],
  };
}

describe("annual report life cycle", () => {
  for (const action of reportActions) {
    for (const state of reportStates) {
      for (const role of roles) {
        const allowedStates = expected[action].by[roleLetter[role]] ?? [];
        const allowed = allowedStates.includes(state);
        it(`${role} ${allowed ? "may" : "may not"} ${action} a ${state} report`, () => {
          const facts: ResourceFacts = { ...centre, state };
          const permitted = decide(subjectFor(role), reportPermission(action), facts).allowed;
          const result = reportTransition(action, state);
          expect(permitted && result.ok).toBe(allowed);
          if (allowed) expect(result).toEqual({ ok: true, to: expected[action].to });
        });
      }
    }
  }

  it("denies staff of another centre and an officer who is not responsible", () => {
    const other: ResourceFacts = {
      centreId: 8,
      regionId: 3,
      unitId: 5,
      responsibleOfficerId: 99,
      state: "DRAFT",
    };
    expect(decide(subjectFor("CENTRE_STAFF"), "report.save-draft", other)).toEqual({
      allowed: false,
      reason: "scope",
    });
    expect(decide(subjectFor("OFFICER"), "report.accept", { ...other, state: "SUBMITTED" })).toEqual({
      allowed: false,
      reason: "scope",
    });
    // Every WHO role in scope and the centre's staff may read, in every state.
    for (const role of roles)
      for (const state of reportStates)
        expect(decide(subjectFor(role), "report.read", { ...centre, state }).allowed).toBe(true);
  });

  it("explains why a locked, scheduled or cancelled report cannot change", () => {
    expect(said(reportTransition("submit", "SUBMITTED"))).toEqual({
      ok: false,
      message: said(lockedMessage),
    });
    expect(said(reportTransition("save-draft", "ACCEPTED"))).toEqual({
      ok: false,
      message: said(lockedMessage),
    });
    expect(said(reportTransition("save-draft", "SCHEDULED"))).toMatchObject({ message: /not open yet/ });
    expect(said(reportTransition("submit", "CANCELLED"))).toMatchObject({ message: /cancelled/ });
    expect(said(reportTransition("accept", "DRAFT"))).toMatchObject({ message: /at this stage/ });
  });

  it("leads every transition to a real state", () => {
    for (const step of reportLifeCycle) {
      expect(reportStates).toContain(step.to);
      for (const from of step.from) expect(reportStates).toContain(from as ReportState);
    }
  });
});

const base = { reportId: "12", version: "3" };

describe("report form schema", () => {
  it("parses a complete form into activities and sections", () => {
    const parsed = reportFormSchema.parse({
      ...base,
      "activity-5-status": "ONGOING",
      "activity-5-narrative": "  Two workshops held.  ",
      "activity-5-output-0-kind": "PUBLICATION",
      "activity-5-output-0-title": "Guide",
      "activity-5-output-0-url": "https://example.org/guide",
      "activity-5-output-1-kind": "EVENT",
      "activity-5-output-1-title": "",
      "activity-5-output-1-url": "",
      "activity-6-status": "",
      "activity-6-narrative": "",
      resourcesUsed: "Two people",
      difficulties: "",
    });
    expect(parsed).toEqual({
      reportId: 12,
      version: 3,
      idempotencyKey: undefined,
      draft: {
        activities: {
          5: {
            status: "ONGOING",
            narrative: "Two workshops held.",
            outputs: [{ kind: "PUBLICATION", title: "Guide", url: "https://example.org/guide" }],
          },
          6: { status: null, narrative: null, outputs: [] },
        },
        sections: { resourcesUsed: "Two people", difficulties: null },
      },
    });
  });

  const errorsOf = (values: Record<string, string>) => {
    const result = reportFormSchema.safeParse({ ...base, ...values });
    if (result.success) return {};
    const errors: Record<string, string[]> = {};
    for (const issue of result.error.issues) (errors[String(issue.path[0])] ??= []).push(said(issue.message));
    return errors;
  };

  it("refuses a progress status that does not exist, at the field", () => {
    expect(errorsOf({ "activity-5-status": "DONE" })).toEqual({
      "activity-5-status": ["Choose one of: not started, ongoing, completed, cancelled."],
    });
  });

  it("refuses text beyond the limits, at the field", () => {
    expect(errorsOf({ "activity-5-narrative": "x".repeat(100_000) })).toEqual({
      "activity-5-narrative": ["Use at most 10,000 characters."],
    });
    expect(errorsOf({ collaboration: "x".repeat(5_001) })).toEqual({
      collaboration: ["Use at most 5,000 characters."],
    });
    expect(errorsOf({ collaboration: "x".repeat(5_000) })).toEqual({});
    expect(
      errorsOf({ "activity-5-output-0-kind": "EVENT", "activity-5-output-0-title": "t".repeat(301) }),
    ).toEqual({
      "activity-5-output-0-title": ["Use at most 300 characters."],
    });
  });

  it("refuses unknown fields, score-like garbage and mass assignment", () => {
    const extras: Record<string, string>[] = [
      { score: "7" },
      { state: "ACCEPTED" },
      { centreId: "1" },
      { "activity-5-score": "9" },
      { "activity-x-status": "ONGOING" },
      { "activity-5-output-20-title": "Too many" },
    ];
    for (const extra of extras)
      expect(errorsOf(extra)).toEqual({ form: ["This form has fields it should not have."] });
  });

  it("needs a report id and version", () => {
    expect(reportFormSchema.safeParse({}).success).toBe(false);
    expect(errorsOf({ version: "abc" })).toEqual({ version: ["This form is out of date. Reload the page."] });
    expect(errorsOf({ reportId: "0" })).toEqual({ reportId: ["This form is out of date. Reload the page."] });
    expect(errorsOf({ idempotencyKey: "short" })).toEqual({
      idempotencyKey: ["This form is out of date. Reload the page."],
    });
    expect(errorsOf({ idempotencyKey: "a".repeat(32) })).toEqual({});
  });

  it("checks each output: kind, title and an http(s) link only", () => {
    expect(
      errorsOf({
        "activity-5-output-0-kind": "BOOK",
        "activity-5-output-0-title": "A",
        "activity-5-output-1-kind": "EVENT",
        "activity-5-output-1-url": "https://example.org",
        "activity-5-output-2-kind": "TRAINING",
        "activity-5-output-2-title": "X",
        "activity-5-output-2-url": "javascript:alert(1)",
      }),
    ).toEqual({
      "activity-5-output-0-kind": ["Choose publication, event or training."],
      "activity-5-output-1-title": ["Enter the output's title, or clear its link to remove it."],
      "activity-5-output-2-url": ["Enter a web address starting with https:// or http://"],
    });
  });

  it("accepts only absolute web addresses", () => {
    expect(isWebAddress("https://www.who.int/x?y=1")).toBe(true);
    expect(isWebAddress("http://example.org")).toBe(true);
    for (const bad of [
      "javascript:alert(1)",
      "ftp://example.org",
      "https://",
      "https://localhost",
      "example.org",
      "https://a b.org",
      "data:text/html,x",
    ])
      expect(isWebAddress(bad)).toBe(false);
  });

  it("checks review input strictly", () => {
    expect(reviewSchemas.return.safeParse({ ...base, note: "  " }).success).toBe(false);
    expect(reviewSchemas.return.safeParse({ ...base, note: "x".repeat(4_001) }).success).toBe(false);
    expect(reviewSchemas.return.parse({ ...base, note: " Fix the budget. " }).note).toBe("Fix the budget.");
    expect(reviewSchemas.accept.safeParse({ ...base, state: "ACCEPTED" }).success).toBe(false);
  });
});

const workPlan = [
  { id: 5, title: "Training" },
  { id: 6, title: "Guidelines" },
];
const empty: ReportContent = {
  activities: {},
  sections: {
    resourcesUsed: null,
    collaboration: null,
    difficulties: null,
    suggestions: null,
    useOfWhoName: null,
  },
};

describe("what a submission lacks", () => {
  it("lists every missing status, narrative and section by field", () => {
    expect(said(missingForSubmit(empty, workPlan))).toEqual({
      "activity-5-status": ["Choose the progress of “Training”."],
      "activity-5-narrative": ["Describe the progress of “Training”."],
      "activity-6-status": ["Choose the progress of “Guidelines”."],
      "activity-6-narrative": ["Describe the progress of “Guidelines”."],
      resourcesUsed: ["Fill in “Resources used”."],
      collaboration: ["Fill in “Collaboration with other centres and networks”."],
      difficulties: ["Fill in “Difficulties”."],
      suggestions: ["Fill in “Suggestions for WHO”."],
      useOfWhoName: ["Fill in “Use of WHO's name”."],
    });
  });

  it("is empty for a complete report; outputs are optional", () => {
    const complete: ReportContent = {
      activities: {
        5: { status: "COMPLETED", narrative: "Done", outputs: [] },
        6: { status: "CANCELLED", narrative: "Dropped with WHO's agreement", outputs: [] },
      },
      sections: {
        resourcesUsed: "a",
        collaboration: "b",
        difficulties: "None",
        suggestions: "d",
        useOfWhoName: "e",
      },
    };
    expect(missingForSubmit(complete, workPlan)).toEqual({});
  });
});

describe("partial drafts", () => {
  const stored: ReportContent = {
    activities: {
      5: { status: "ONGOING", narrative: "Old", outputs: [{ kind: "EVENT", title: "E", url: null }] },
    },
    sections: { ...empty.sections, resourcesUsed: "Kept", collaboration: "Old" },
  };

  it("replaces only the activities and sections a save names", () => {
    const merged = mergeDraft(stored, {
      activities: { 6: { status: "COMPLETED", narrative: "New", outputs: [] } },
      sections: { collaboration: "New", difficulties: null },
    });
    expect(merged.activities[5]).toEqual(stored.activities[5]);
    expect(merged.activities[6]).toEqual({ status: "COMPLETED", narrative: "New", outputs: [] });
    expect(merged.sections).toMatchObject({
      resourcesUsed: "Kept",
      collaboration: "New",
      difficulties: null,
    });
  });

  it("finds activities that are not in the work plan", () => {
    expect(
      unknownActivities(
        { activities: { 5: stored.activities[5]!, 99: stored.activities[5]! }, sections: {} },
        [5, 6],
      ),
    ).toEqual([99]);
  });

  it("round-trips through the form's fields", () => {
    const flat = flattenReportContent(stored);
    expect(flat).toMatchObject({
      "activity-5-status": "ONGOING",
      "activity-5-output-0-title": "E",
      "activity-5-output-0-url": "",
      resourcesUsed: "Kept",
      difficulties: "",
    });
    const parsed = reportFormSchema.parse({ ...base, ...flat });
    expect(mergeDraft(empty, parsed.draft)).toEqual(stored);
  });
});
