import { describe, expect, it } from "vitest";

import { centreSubjectsSchema, formChoosesSubjects, workPlanActivityTypes } from "@/domain/centre-subjects";
import type { DesignationFacts } from "@/domain/designation";

import { said } from "../support/said";

// Issue #12 item 2 (decision 0025): a first designation's form names one to
// three subjects; the types of activity follow from the work plan.

const base = { designationId: "4", version: "2" };
const errors = (values: Record<string, string>) => {
  const result = centreSubjectsSchema.safeParse({ ...base, ...values });
  return result.success
    ? null
    : result.error.issues.map((issue) => [issue.path.join("."), said(issue.message)]);
};

describe("the designation form's subjects", () => {
  it("gathers one to three choices in field order, empty places skipped", () => {
    expect(centreSubjectsSchema.parse({ ...base, subject1: "7", subject2: "", subject3: "3" })).toEqual({
      designationId: 4,
      version: 2,
      subjectIds: [7, 3],
      fields: ["subject1", "subject3"],
    });
    expect(
      centreSubjectsSchema.parse({ ...base, subject3: "9", subject1: "1", subject2: "5" }).subjectIds,
    ).toEqual([1, 5, 9]);
  });

  it("refuses none, and more than three, each with its own message", () => {
    expect(errors({ subject1: "", subject2: " ", subject3: "" })).toEqual([
      ["subject1", "Choose the centre's main subject: at least one subject from the list."],
    ]);
    expect(errors({})).toEqual([
      ["subject1", "Choose the centre's main subject: at least one subject from the list."],
    ]);
    expect(errors({ subject1: "1", subject2: "2", subject3: "3", subject4: "4" })).toEqual([
      ["subject1", "Choose at most 3 subjects; 4 were sent."],
    ]);
  });

  it("refuses a repeated subject, an id that is not one, and unexpected fields", () => {
    expect(errors({ subject1: "2", subject2: "2" })).toEqual([["subject2", "Choose each subject once."]]);
    expect(errors({ subject1: "two" })).toEqual([["subject1", "Choose a subject from the list."]]);
    expect(errors({ subject1: "-1" })).toEqual([["subject1", "Choose a subject from the list."]]);
    expect(centreSubjectsSchema.safeParse({ ...base, subject1: "1", centreId: "9" }).success).toBe(false);
  });
});

describe("types of activity from the work plan", () => {
  it("are the activities' types, each once, in work-plan order", () => {
    expect(
      workPlanActivityTypes([{ activityTypeId: 4 }, { activityTypeId: 2 }, { activityTypeId: 4 }]),
    ).toEqual([4, 2]);
    expect(workPlanActivityTypes([])).toEqual([]);
  });
});

describe("which designation's form chooses the centre's subjects", () => {
  it("a first designation's: its staff choose them", () => {
    expect(formChoosesSubjects("INITIAL")).toEqual({ ok: true });
  });

  it("not a redesignation's: it keeps the subjects the centre has from its previous designation", () => {
    expect(said(formChoosesSubjects("REDESIGNATION"))).toEqual({
      ok: false,
      message: "A redesignation keeps the subjects the centre has.",
    });
  });

  it("answers for every kind of designation, and only a first designation chooses", () => {
    const kinds: Record<DesignationFacts["kind"], true> = { INITIAL: true, REDESIGNATION: true };
    const choosing = (Object.keys(kinds) as DesignationFacts["kind"][]).filter(
      (kind) => formChoosesSubjects(kind).ok,
    );
    expect(choosing).toEqual(["INITIAL"]);
  });
});
