import { describe, expect, it } from "vitest";

import { designationStates } from "@/domain/designation";
import {
  editProposal,
  institutionRecord,
  proposalEditable,
  eligibilityOf,
  proposalEditableParts,
  proposalEditSchema,
  type ProposalSnapshot,
} from "@/domain/designation-proposal";
import { eligibilityCriteria } from "@/domain/eligibility";

import { said } from "../support/said";

const criteria = Object.fromEntries(
  eligibilityCriteria.flatMap((criterion) => [
    [`${criterion.key}Met`, "yes"],
    [`${criterion.key}Justification`, "Documented in the file."],
  ]),
);
const raw = {
  designationId: "12",
  version: "3",
  institutionName: "Institute",
  department: "",
  title: "WHO Collaborating Centre for Health Data",
  unitId: "2",
  initiator: "EURO",
  jointWorkStart: "2022-01-01",
  jointWorkEnd: "2024-01-01",
  ...criteria,
};
const input = proposalEditSchema.parse(raw);
// As stored: the database gives the checklist back with its keys in another order.
const storedEligibility = Object.fromEntries(Object.entries(eligibilityOf(input)).reverse());
const current: ProposalSnapshot = {
  state: "DRAFT",
  kind: "INITIAL",
  institutionName: "Institute",
  department: null,
  title: "WHO Collaborating Centre for Health Data",
  unitId: 2,
  initiator: "EURO",
  jointWorkStart: "2022-01-01",
  jointWorkEnd: "2024-01-01",
  eligibility: storedEligibility,
};

describe("editing a draft proposal", () => {
  it("uses the proposal's rules without the country", () => {
    expect(input).toMatchObject({ designationId: 12, version: 3, unitId: 2 });
    const withCountry = proposalEditSchema.safeParse({ ...raw, countryId: "5" });
    expect(withCountry.error?.issues[0]?.code).toBe("unrecognized_keys");
    expect(
      proposalEditSchema.safeParse({ ...raw, jointWorkEnd: "2023-06-30" }).error?.issues[0]?.path,
    ).toEqual(["jointWorkEnd"]);
    expect(proposalEditSchema.safeParse({ ...raw, institutionName: " " }).error?.issues[0]?.path).toEqual([
      "institutionName",
    ]);
    for (const extra of [{ state: "DESIGNATED" }, { centreId: "9" }, { reference: "NOR-1" }]) {
      expect(proposalEditSchema.safeParse({ ...raw, ...extra }).error?.issues[0]?.code).toBe(
        "unrecognized_keys",
      );
    }
  });

  it("finds nothing changed when the form says what is stored (empty department = none)", () => {
    expect(editProposal(current, input)).toEqual({ ok: true, changed: [] });
  });

  it("names each part that changed", () => {
    const cases: [string, Record<string, string>][] = [
      ["institutionName", { institutionName: "Institute of Health" }],
      ["department", { department: "Epidemiology" }],
      ["title", { title: "WHO Collaborating Centre for Health Data Governance" }],
      ["unitId", { unitId: "3" }],
      ["initiator", { initiator: "HQ" }],
      ["jointWork", { jointWorkStart: "2021-01-01" }],
      ["jointWork", { jointWorkEnd: "2025-01-01" }],
      ["eligibility", { stabilityJustification: "Funded by the ministry until 2030." }],
    ];
    for (const [part, change] of cases) {
      const result = editProposal(current, proposalEditSchema.parse({ ...raw, ...change }));
      expect(result, part).toEqual({ ok: true, changed: [part] });
    }
    const all = proposalEditSchema.parse({
      ...raw,
      institutionName: "Other",
      department: "Unit",
      title: "WHO Collaborating Centre on Other Things",
      unitId: "9",
      initiator: "AFRO",
      jointWorkEnd: "2026-01-01",
      readinessJustification: "Another justification.",
    });
    expect(editProposal(current, all)).toEqual({ ok: true, changed: [...proposalEditableParts] });
  });

  it("is refused in every state but a draft", () => {
    for (const state of designationStates.filter((state) => state !== "DRAFT")) {
      expect(editProposal({ ...current, state }, input), state).toMatchObject({ ok: false });
    }
  });

  it("is never a way to change a designated centre: a redesignation's draft is refused", () => {
    expect(proposalEditable({ kind: "INITIAL", state: "DRAFT" })).toBe(true);
    expect(proposalEditable({ kind: "REDESIGNATION", state: "DRAFT" })).toBe(false);
    expect(said(editProposal({ ...current, kind: "REDESIGNATION" }, input))).toEqual({
      ok: false,
      message: "A redesignation does not change the centre's proposal details.",
    });
  });
});

describe("choosing an institution record (issue 11: sharing is never silent)", () => {
  const match = {
    id: 7,
    name: "University of Southern Denmark",
    department: "Public Health",
    city: "Odense",
    centres: 2,
  };

  it("creates a new record when the country has none of that name, or when asked to", () => {
    expect(institutionRecord(undefined, undefined, null)).toEqual({ use: "new" });
    expect(institutionRecord("new", undefined, null)).toEqual({ use: "new" });
    expect(institutionRecord("new", undefined, match)).toEqual({ use: "new" });
  });

  it("shares a same-name record only when the proposer chose the very record they were shown", () => {
    expect(institutionRecord("existing", 7, match)).toEqual({ use: "existing", id: 7 });
    const asked = institutionRecord(undefined, undefined, match);
    expect(asked).toMatchObject({ use: "ask", values: { institutionChoice: "", institutionShared: "7" } });
    expect(asked.use === "ask" && said(asked.fieldErrors.institutionChoice?.[0])).toContain(
      "“University of Southern Denmark” (Public Health, Odense), the record of 2 centres",
    );
  });

  it("asks again when “existing” comes without the record shown, or names another one", () => {
    // A first submit saying "existing": never shown the record.
    expect(institutionRecord("existing", undefined, match)).toMatchObject({
      use: "ask",
      values: { institutionChoice: "", institutionShared: "7" },
    });
    // Asked about another record, then the name was corrected: asked about this one.
    expect(said(institutionRecord("existing", 3, match))).toMatchObject({
      use: "ask",
      fieldErrors: { institutionChoice: [expect.stringContaining("University of Southern Denmark")] },
      values: { institutionChoice: "", institutionShared: "7" },
    });
  });

  it("refuses to share a record that does not exist", () => {
    expect(said(institutionRecord("existing", 7, null))).toMatchObject({
      use: "ask",
      fieldErrors: { institutionName: [expect.stringContaining("no institution of this name")] },
      values: { institutionChoice: "", institutionShared: "" },
    });
  });

  it("reads the record asked about as a positive id, an empty one meaning none", () => {
    const parse = (institutionShared: string) => proposalEditSchema.safeParse({ ...raw, institutionShared });
    expect(parse("").data?.institutionShared).toBeUndefined();
    expect(parse("12").data?.institutionShared).toBe(12);
    expect(parse("abc").success).toBe(false);
    expect(parse("-1").success).toBe(false);
  });

  it("accepts only the two choices, an empty choice meaning none", () => {
    const parse = (institutionChoice: string) => proposalEditSchema.safeParse({ ...raw, institutionChoice });
    expect(parse("").data?.institutionChoice).toBeUndefined();
    expect(parse("existing").data?.institutionChoice).toBe("existing");
    expect(parse("42").success).toBe(false);
  });
});
