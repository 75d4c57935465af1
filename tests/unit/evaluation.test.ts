import { describe, expect, it } from "vitest";

import { addMonths } from "@/domain/term";

import {
  completeContent,
  draftContent,
  evaluationCriteria,
  evaluationFormSchema,
  evaluationWritable,
  redesignationStartable,
  redesignationTermStart,
  renewalWindowOpensOn,
  startRedesignationSchema,
  terminateCentreSchema,
} from "@/domain/evaluation";
import { termOf } from "@/domain/designation";

import { said } from "../support/said";

const base = { designationId: "7", version: "0" };
const complete = Object.fromEntries(
  evaluationCriteria.flatMap((criterion) => [
    [`score_${criterion}`, "4"],
    [`comment_${criterion}`, `Comment on ${criterion}`],
  ]),
);

describe("addMonths", () => {
  it("keeps the day, or the month's last day when it has fewer", () => {
    expect(addMonths("2027-03-31", -6)).toBe("2026-09-30");
    expect(addMonths("2028-08-29", -6)).toBe("2028-02-29");
    expect(addMonths("2027-08-31", -6)).toBe("2027-02-28");
    expect(addMonths("2026-01-15", -6)).toBe("2025-07-15");
    expect(addMonths("2026-11-30", 3)).toBe("2027-02-28");
  });
  it("refuses a date that is not a date", () => {
    expect(() => addMonths("2027-02-30", 1)).toThrow(RangeError);
    expect(() => addMonths("2027-02-01", 1.5)).toThrow(RangeError);
  });
});

describe("evaluation window", () => {
  const termEnd = "2027-05-20";
  it("opens 6 months before the (exclusive) end", () => {
    expect(renewalWindowOpensOn(termEnd)).toBe("2026-11-20");
  });
  it("is closed the day before the window and open from its first day", () => {
    expect(evaluationWritable({ termEnd, today: "2026-11-19", state: null }).ok).toBe(false);
    expect(evaluationWritable({ termEnd, today: "2026-11-20", state: null }).ok).toBe(true);
    expect(evaluationWritable({ termEnd, today: "2027-05-19", state: "DRAFT" }).ok).toBe(true);
  });
  it("stays open after the end while the evaluation is not completed (a Pending centre needs it)", () => {
    expect(evaluationWritable({ termEnd, today: "2027-09-01", state: "DRAFT" }).ok).toBe(true);
  });
  it("is closed for good once completed, and without an end date", () => {
    expect(said(evaluationWritable({ termEnd, today: "2027-01-01", state: "COMPLETED" }))).toMatchObject({
      ok: false,
      message: expect.stringContaining("completed"),
    });
    expect(evaluationWritable({ termEnd: null, today: "2027-01-01", state: null }).ok).toBe(false);
  });
  it("handles a term ending on 29 February", () => {
    expect(renewalWindowOpensOn("2028-02-29")).toBe("2027-08-29");
    expect(evaluationWritable({ termEnd: "2028-02-29", today: "2027-08-28", state: null }).ok).toBe(false);
    expect(evaluationWritable({ termEnd: "2028-02-29", today: "2027-08-29", state: null }).ok).toBe(true);
  });
});

describe("evaluation form", () => {
  it("accepts an empty draft and a complete evaluation", () => {
    const empty = evaluationFormSchema.parse(base);
    expect(draftContent(empty)).toEqual({
      ok: true,
      content: { scores: [], recommendation: null, justification: null },
    });
    const full = evaluationFormSchema.parse({
      ...base,
      ...complete,
      recommendation: "REDESIGNATE_SHORTER",
      justification: "Good work, narrower scope next time.",
    });
    const result = completeContent(full);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.content.scores).toHaveLength(5);
      expect(result.content.scores.every((score) => score.score === 4)).toBe(true);
      expect(result.content.recommendation).toBe("REDESIGNATE_SHORTER");
    }
  });
  it.each(["0", "6", "7", "-1", "3.5", "five", "1000"])("refuses the score %s at its field", (score) => {
    const parsed = evaluationFormSchema.safeParse({ ...base, score_RELEVANCE: score });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(["score_RELEVANCE"]);
    expect(said(parsed.error?.issues[0]?.message)).toBe("Choose a score from 1 to 5.");
  });
  it.each(["1", "5", " 3 "])("accepts the score %s", (score) => {
    expect(evaluationFormSchema.parse({ ...base, score_RELEVANCE: score }).score_RELEVANCE).toBe(
      Number(score.trim()),
    );
  });
  it("refuses text beyond the limits, an unknown recommendation and unknown fields", () => {
    expect(evaluationFormSchema.safeParse({ ...base, comment_RELEVANCE: "x".repeat(100_000) }).success).toBe(
      false,
    );
    expect(evaluationFormSchema.safeParse({ ...base, justification: "x".repeat(4001) }).success).toBe(false);
    expect(evaluationFormSchema.safeParse({ ...base, recommendation: "PROMOTE" }).success).toBe(false);
    expect(evaluationFormSchema.safeParse({ ...base, state: "COMPLETED" }).success).toBe(false);
    expect(evaluationFormSchema.safeParse({ ...base, score_MADE_UP: "3" }).success).toBe(false);
    expect(evaluationFormSchema.safeParse({ ...base, designationId: "abc" }).success).toBe(false);
  });
  it("keeps a draft's comment only with its score", () => {
    const form = evaluationFormSchema.parse({ ...base, comment_RELEVANCE: "Very relevant." });
    expect(said(draftContent(form))).toEqual({
      ok: false,
      fieldErrors: { score_RELEVANCE: ["Choose a score to keep this comment."] },
    });
  });
  it("names every missing part when completing", () => {
    const result = completeContent(evaluationFormSchema.parse({ ...base, score_RELEVANCE: "5" }));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(Object.keys(result.fieldErrors).sort()).toEqual(
        [
          ...evaluationCriteria.filter((c) => c !== "RELEVANCE").map((c) => `score_${c}`),
          ...evaluationCriteria.map((c) => `comment_${c}`),
          "recommendation",
          "justification",
        ].sort(),
      );
    }
  });
});

describe("starting a redesignation", () => {
  const termEnd = "2027-05-20";
  const at = (today: string, overrides: Partial<Parameters<typeof redesignationStartable>[0]> = {}) =>
    redesignationStartable({
      centreStatus: "ACTIVE",
      termEnd,
      today,
      openRedesignation: false,
      ...overrides,
    });
  it("is allowed for an Active centre only in the last 6 months of its term", () => {
    expect(at("2026-11-19").ok).toBe(false);
    expect(at("2026-11-20").ok).toBe(true);
    expect(at("2027-05-19").ok).toBe(true);
  });
  it("is allowed for a Pending centre at any time", () => {
    expect(at("2030-01-01", { centreStatus: "PENDING" }).ok).toBe(true);
  });
  it("is refused for other statuses and while one is open", () => {
    for (const status of ["PROPOSED", "CLOSED", "TERMINATED", "NOT_DESIGNATED"])
      expect(at("2027-01-01", { centreStatus: status }).ok).toBe(false);
    expect(said(at("2027-01-01", { openRedesignation: true }))).toMatchObject({
      ok: false,
      message: expect.stringContaining("already under way"),
    });
    expect(at("2027-01-01", { centreStatus: "PENDING", openRedesignation: true }).ok).toBe(false);
    expect(at("2027-01-01", { termEnd: null }).ok).toBe(false);
  });
  it("posts only the term, the centre's version and an optional key", () => {
    expect(startRedesignationSchema.safeParse({ designationId: "3", centreVersion: "2" }).success).toBe(true);
    expect(
      startRedesignationSchema.safeParse({ designationId: "3", centreVersion: "2", kind: "INITIAL" }).success,
    ).toBe(false);
  });
});

describe("the new term of a redesignation", () => {
  it("follows the current term when decided before it ends", () => {
    expect(redesignationTermStart("2027-05-20", "2027-03-01")).toBe("2027-05-20");
  });
  it("starts on the letter's date when decided on or after the end (a Pending centre)", () => {
    expect(redesignationTermStart("2027-05-20", "2027-05-20")).toBe("2027-05-20");
    expect(redesignationTermStart("2027-05-20", "2027-08-02")).toBe("2027-08-02");
    expect(redesignationTermStart(null, "2027-08-02")).toBe("2027-08-02");
  });
  it("handles leap days: a term ending on 29 February and one starting on it", () => {
    const start = redesignationTermStart("2028-02-29", "2028-01-10");
    expect(start).toBe("2028-02-29");
    expect(termOf(start, 4)).toEqual({ start: "2028-02-29", end: "2032-02-29" });
    expect(termOf(start, 1)).toEqual({ start: "2028-02-29", end: "2029-02-28" });
    expect(termOf(redesignationTermStart("2029-02-28", "2029-03-01"), 3).end).toBe("2032-03-01");
  });
});

describe("termination", () => {
  it("needs a reason of 10 to 2000 characters and nothing else", () => {
    expect(terminateCentreSchema.safeParse({ centreId: "1", version: "1", reason: "short" }).success).toBe(
      false,
    );
    expect(
      terminateCentreSchema.safeParse({ centreId: "1", version: "1", reason: "x".repeat(100_000) }).success,
    ).toBe(false);
    expect(
      terminateCentreSchema.safeParse({ centreId: "1", version: "1", reason: "The unit closed in 2026." })
        .success,
    ).toBe(true);
    expect(
      terminateCentreSchema.safeParse({
        centreId: "1",
        version: "1",
        reason: "The unit closed in 2026.",
        status: "ACTIVE",
      }).success,
    ).toBe(false);
  });
});
