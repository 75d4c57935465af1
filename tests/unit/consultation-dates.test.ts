import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { consultationDateErrors, consultationDateExamples } from "@/domain/consultation-dates";
import { toIsoDate } from "@/domain/dates";
import { designationInputSchemas, transition, type DesignationFacts } from "@/domain/designation";

import { said } from "../support/said";

// Issue #12 item 7: the consultation form's hints suggested 2027 dates, which
// the form refused as "in the future". The hints now come from the rule.

const day = fc
  .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2090-12-31T00:00:00Z"), noInvalidDate: true })
  .map(toIsoDate);

describe("consultation date examples", () => {
  it("are dates the rule accepts, for any today and submission", () => {
    fc.assert(
      fc.property(day, fc.option(day, { nil: null }), (today, submittedOn) => {
        const examples = consultationDateExamples(today, submittedOn);
        expect(consultationDateErrors(examples, today)).toEqual({});
        expect(examples.requestedOn <= examples.repliedOn).toBe(true);
        expect(examples.repliedOn <= today).toBe(true);
      }),
    );
  });

  it("are accepted by the record-consultation step itself", () => {
    const facts: DesignationFacts = {
      state: "GOVERNMENT_CONSULTATION",
      kind: "INITIAL",
      proposedById: 1,
      submittedOn: "2026-11-28",
      currentTermEvaluation: null,
    };
    const today = "2026-12-05";
    const examples = consultationDateExamples(today, facts.submittedOn);
    expect(examples).toEqual({ requestedOn: "2026-11-28", repliedOn: "2026-12-05" });
    const input = designationInputSchemas["record-consultation"].parse({
      designationId: "1",
      version: "1",
      outcome: "NO_OBJECTION",
      ...examples,
    });
    expect(transition("record-consultation", facts, input, { actorId: 2, today })).toEqual({
      ok: true,
      to: "APPROVAL",
    });
  });

  it("request two weeks back when the submission is older or unknown", () => {
    expect(consultationDateExamples("2026-03-10", "2025-01-01")).toEqual({
      requestedOn: "2026-02-24",
      repliedOn: "2026-03-10",
    });
    expect(consultationDateExamples("2026-03-10", null).requestedOn).toBe("2026-02-24");
  });

  it("the rule's own messages give an example that is not in the future", () => {
    expect(
      said(consultationDateErrors({ requestedOn: "31/03/2027", repliedOn: "2027-01-01" }, "2026-12-05")),
    ).toEqual({
      requestedOn: ["Enter a real date, like 2026-12-05."],
      repliedOn: ["This date cannot be in the future."],
    });
  });
});
