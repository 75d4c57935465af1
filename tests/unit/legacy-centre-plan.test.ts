import { describe, expect, it } from "vitest";

import type { LegacyCentre } from "@/domain/legacy-import";
import {
  planCentre,
  type DesiredCentre,
  type ExistingCentre,
  type ExistingDesignation,
} from "@/server/import/legacy-centre-plan";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

const desired: DesiredCentre = {
  source: { line: 530 } as LegacyCentre,
  fields: {
    reference: "NOR-18",
    referenceNumber: 18,
    title: "WHO Collaborating Centre for Digital Health and Telemedicine",
    status: "ACTIVE",
    website: "https://ehealthresearch.no/who",
    initiator: "EURO",
    countryId: 1,
    regionId: 4,
    firstDesignatedOn: "2002-07-05",
    termStart: "2020-09-23",
    termEnd: "2022-09-23",
  },
  subjectIds: [10, 11, 12],
  activityTypeIds: [9, 4, 6],
  designation: { kind: "REDESIGNATION", termStart: "2020-09-23", termEnd: "2022-09-23", termYears: 2 },
};

const designation: ExistingDesignation = {
  id: 70,
  version: 1,
  kind: "REDESIGNATION",
  termStart: day("2020-09-23"),
  termEnd: day("2022-09-23"),
  termYears: 2,
};

function existing(overrides: Partial<ExistingCentre> = {}): ExistingCentre {
  return {
    id: 5,
    version: 3,
    ...desired.fields,
    firstDesignatedOn: day("2002-07-05"),
    termStart: day("2020-09-23"),
    termEnd: day("2022-09-23"),
    subjects: [
      { subjectId: 12, position: 3 },
      { subjectId: 10, position: 1 },
      { subjectId: 11, position: 2 },
    ],
    activityTypes: [
      { activityTypeId: 9, position: 1 },
      { activityTypeId: 4, position: 2 },
      { activityTypeId: 6, position: 3 },
    ],
    designations: [designation],
    ...overrides,
  };
}

describe("planCentre", () => {
  it("creates a centre the registry does not have", () => {
    expect(planCentre(desired, undefined)).toEqual({ action: "create", desired });
  });

  it("leaves a centre that already matches the file", () => {
    expect(planCentre(desired, existing()).action).toBe("unchanged");
  });

  it("updates only what differs", () => {
    const plan = planCentre(desired, existing({ title: "Old title" }));
    expect(plan).toMatchObject({
      action: "update",
      fieldsChanged: true,
      statusChanged: false,
      subjectsChanged: false,
      activityTypesChanged: false,
      designation: { action: "keep" },
    });
  });

  it("notices a status change", () => {
    expect(planCentre(desired, existing({ status: "PENDING" }))).toMatchObject({
      action: "update",
      statusChanged: true,
    });
  });

  it("notices reordered or changed subjects and activity types", () => {
    const reordered = existing({
      subjects: [
        { subjectId: 11, position: 1 },
        { subjectId: 10, position: 2 },
        { subjectId: 12, position: 3 },
      ],
    });
    expect(planCentre(desired, reordered)).toMatchObject({
      action: "update",
      subjectsChanged: true,
      fieldsChanged: false,
    });
    const fewer = existing({ activityTypes: [{ activityTypeId: 9, position: 1 }] });
    expect(planCentre(desired, fewer)).toMatchObject({ action: "update", activityTypesChanged: true });
  });

  it("creates the designation when the centre has none", () => {
    expect(planCentre(desired, existing({ designations: [] }))).toMatchObject({
      action: "update",
      designation: { action: "create" },
    });
  });

  it("updates the designation of the same term when it differs", () => {
    const plan = planCentre(desired, existing({ designations: [{ ...designation, termYears: null }] }));
    expect(plan).toMatchObject({ action: "update", designation: { action: "update", existing: { id: 70 } } });
  });

  it("moves the latest designation to a renewed term from the file", () => {
    const renewed: DesiredCentre = {
      ...desired,
      fields: { ...desired.fields, termStart: "2022-09-23", termEnd: "2026-09-23" },
      designation: { kind: "REDESIGNATION", termStart: "2022-09-23", termEnd: "2026-09-23", termYears: 4 },
    };
    expect(planCentre(renewed, existing())).toMatchObject({
      action: "update",
      fieldsChanged: true,
      designation: { action: "update", existing: { id: 70 } },
    });
  });

  it("skips a centre whose registry term is later than the file's", () => {
    const later = { ...designation, id: 71, termStart: day("2022-09-23"), termEnd: day("2026-09-23") };
    const plan = planCentre(desired, existing({ designations: [designation, later] }));
    expect(plan).toEqual({
      action: "skip",
      desired,
      reason: "the registry holds a later term (from 2022-09-23) than the file (from 2020-09-23)",
    });
  });

  it.each(["CLOSED", "TERMINATED", "NOT_DESIGNATED", "PROPOSED"] as const)(
    "does not overwrite a centre the registry has as %s",
    (status) => {
      expect(planCentre(desired, existing({ status }))).toMatchObject({
        action: "skip",
        reason: `the registry has it as ${status}: not overwritten`,
      });
    },
  );
});
