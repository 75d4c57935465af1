import { z } from "zod";

import { admin, officer } from "./grants";
import { stepFrom, type LifeCycleStep } from "./life-cycle";
import { problem } from "./problem";
import { addMonths, type IsoDate } from "./term";

// The final evaluation of a term (docs/domain.md §7) and the renewal rules around
// it: its life cycle as one table, when the responsible officer may write it,
// what a draft and a completed evaluation must contain, when a redesignation
// may start and when the new term starts. Pure: the caller passes `today`.

export const evaluationCriteria = [
  "WORK_PLAN_IMPLEMENTED",
  "OUTPUT_QUALITY",
  "RELEVANCE",
  "COLLABORATION_AND_REPORTING",
  "WHO_SUPPORT",
] as const;
export type EvaluationCriterion = (typeof evaluationCriteria)[number];

export const evaluationCriterionLabels: Record<EvaluationCriterion, string> = {
  WORK_PLAN_IMPLEMENTED: "Work plan implemented",
  OUTPUT_QUALITY: "Quality and use of outputs",
  RELEVANCE: "Relevance to WHO priorities",
  COLLABORATION_AND_REPORTING: "Quality of collaboration and reporting",
  WHO_SUPPORT: "WHO's own support for and use of the centre",
};

export const recommendations = ["REDESIGNATE", "REDESIGNATE_SHORTER", "DO_NOT_REDESIGNATE"] as const;
export type Recommendation = (typeof recommendations)[number];

export const recommendationLabels: Record<Recommendation, string> = {
  REDESIGNATE: "Redesignate",
  REDESIGNATE_SHORTER: "Redesignate for a shorter term",
  DO_NOT_REDESIGNATE: "Do not redesignate",
};

/** docs/domain.md §7: the evaluation is written in the last 6 months of the term. */
export const EVALUATION_WINDOW_MONTHS = 6;
export const SCORE_MIN = 1;
export const SCORE_MAX = 5;
export const EVALUATION_COMMENT_MAX = 2000;
export const EVALUATION_JUSTIFICATION_MAX = 4000;

/**
 * The first day of the last 6 months of a term. `termEnd` is exclusive (the
 * day the designation expires, as in term.ts), so the window is
 * [termEnd − 6 months, …).
 */
export function renewalWindowOpensOn(termEnd: IsoDate): IsoDate {
  return addMonths(termEnd, -EVALUATION_WINDOW_MONTHS);
}

export type Verdict = { ok: true } | { ok: false; message: string };

const completedMessage = problem("evaluationCompletedLocked");

/**
 * Whether the final evaluation may be written or changed on `today`. It opens
 * 6 months before the end and stays open after the end until completed: a
 * Pending centre still needs it before its redesignation can pass regional
 * review (docs/domain.md §4), so a late evaluation is better than none.
 */
export function evaluationWritable(facts: EvaluationFacts): Verdict {
  if (!facts.termEnd) return { ok: false, message: problem("termNoEndEvaluation") };
  if (facts.state === "COMPLETED") return { ok: false, message: completedMessage };
  const opensOn = renewalWindowOpensOn(facts.termEnd);
  if (facts.today < opensOn)
    return {
      ok: false,
      message: problem("evaluationOpensOn", { opensOn, months: EVALUATION_WINDOW_MONTHS }),
    };
  return { ok: true };
}

export const evaluationStates = ["DRAFT", "COMPLETED"] as const;
export type EvaluationState = (typeof evaluationStates)[number];

/** What the evaluation's steps need to know; `state` is null before the first save. */
export type EvaluationFacts = { termEnd: IsoDate | null; today: IsoDate; state: EvaluationState | null };

/**
 * The evaluation's life cycle: the responsible officer saves drafts and
 * completes it, within the evaluation window; completed, it is final.
 */
export const evaluationLifeCycle = [
  {
    action: "evaluation.save-draft",
    from: ["DRAFT"],
    to: "DRAFT",
    who: [admin, officer],
    guard: evaluationWritable,
  },
  {
    action: "evaluation.complete",
    from: ["DRAFT"],
    to: "COMPLETED",
    who: [admin, officer],
    guard: evaluationWritable,
  },
] as const satisfies readonly LifeCycleStep<EvaluationState, (facts: EvaluationFacts) => Verdict>[];
export type EvaluationAction = (typeof evaluationLifeCycle)[number]["action"];

/** The state `action` leads to, or why it cannot be taken now (an evaluation not yet saved counts as a draft). */
export function evaluationTransition(
  action: EvaluationAction,
  facts: EvaluationFacts,
): { ok: true; to: EvaluationState } | { ok: false; message: string } {
  const step = stepFrom(evaluationLifeCycle, action, facts.state ?? "DRAFT");
  if (!step) return { ok: false, message: completedMessage };
  const verdict = step.guard(facts);
  return verdict.ok ? { ok: true, to: step.to } : verdict;
}

/**
 * Whether a redesignation of the centre's current term may start on `today`:
 * a Pending centre at any time; an Active one in the last 6 months before
 * its term expires; never while another redesignation is open.
 */
export function redesignationStartable(facts: {
  centreStatus: string;
  termEnd: IsoDate | null;
  today: IsoDate;
  openRedesignation: boolean;
}): Verdict {
  if (facts.openRedesignation) return { ok: false, message: problem("redesignationUnderWay") };
  if (facts.centreStatus === "PENDING") return { ok: true };
  if (facts.centreStatus !== "ACTIVE")
    return { ok: false, message: problem("onlyActivePendingRedesignated") };
  if (!facts.termEnd) return { ok: false, message: problem("currentTermNoEnd") };
  const opensOn = renewalWindowOpensOn(facts.termEnd);
  if (facts.today < opensOn)
    return {
      ok: false,
      message: problem("redesignationOpensOn", { opensOn, months: EVALUATION_WINDOW_MONTHS }),
    };
  return { ok: true };
}

/**
 * The start of the term a redesignation opens. Decided before the current
 * term expires: the new term follows it without gap or overlap, starting on
 * the current term's (exclusive) end date, the day after its last day.
 * Decided later (the centre is Pending): the letter's date, as for a first
 * designation, because a term cannot start in the past of its own decision.
 */
export function redesignationTermStart(currentTermEnd: IsoDate | null, letterDate: IsoDate): IsoDate {
  if (currentTermEnd && letterDate < currentTermEnd) return currentTermEnd;
  return letterDate;
}

// ── inputs ──

const id = z.coerce.number().int().positive();
const scoreMessage = problem("scoreRange", { min: SCORE_MIN, max: SCORE_MAX });
const score = z
  .string()
  .trim()
  .refine((value) => value === "" || /^\d{1,3}$/.test(value), scoreMessage)
  .transform((value) => (value === "" ? undefined : Number(value)))
  .refine((value) => value === undefined || (value >= SCORE_MIN && value <= SCORE_MAX), scoreMessage)
  .optional();
const comment = z
  .string()
  .trim()
  .max(EVALUATION_COMMENT_MAX, problem("tooLong", { max: EVALUATION_COMMENT_MAX }))
  .optional();

export const scoreField = (criterion: EvaluationCriterion) => `score_${criterion}` as const;
export const commentField = (criterion: EvaluationCriterion) => `comment_${criterion}` as const;

const criterionFields = Object.fromEntries(
  evaluationCriteria.flatMap((criterion) => [
    [scoreField(criterion), score],
    [commentField(criterion), comment],
  ]),
) as Record<`score_${EvaluationCriterion}`, typeof score> &
  Record<`comment_${EvaluationCriterion}`, typeof comment>;

/**
 * The evaluation form as posted: the term's designation, the evaluation's
 * version (0 before the first save), an optional idempotency key, and each
 * criterion's score and comment, the recommendation and the justification.
 * Strict: any other field is refused. A draft may leave anything empty.
 */
export const evaluationFormSchema = z
  .object({
    designationId: id,
    version: z.coerce.number().int().min(0),
    idempotencyKey: z
      .string()
      .regex(/^[A-Za-z0-9-]{16,64}$/, problem("formOutOfDate"))
      .optional(),
    intent: z.enum(["save", "complete"]).optional(),
    ...criterionFields,
    recommendation: z
      .string()
      .trim()
      .refine(
        (value) => value === "" || (recommendations as readonly string[]).includes(value),
        problem("chooseOneRecommendation"),
      )
      .transform((value) => (value === "" ? undefined : (value as Recommendation)))
      .optional(),
    justification: z
      .string()
      .trim()
      .max(EVALUATION_JUSTIFICATION_MAX, problem("tooLong", { max: EVALUATION_JUSTIFICATION_MAX }))
      .optional(),
  })
  .strict();
export type EvaluationForm = z.infer<typeof evaluationFormSchema>;

export type EvaluationContent = {
  scores: { criterion: EvaluationCriterion; score: number; comment: string }[];
  recommendation: Recommendation | null;
  justification: string | null;
};

/**
 * What a draft stores. A criterion is stored once it has a score (the
 * comment alone cannot be kept: a score row needs its score), so a comment
 * without a score is an error at the score, and nothing is lost: the form
 * echoes it back.
 */
export function draftContent(
  form: EvaluationForm,
): { ok: true; content: EvaluationContent } | { ok: false; fieldErrors: Record<string, string[]> } {
  const fieldErrors: Record<string, string[]> = {};
  const scores: EvaluationContent["scores"] = [];
  for (const criterion of evaluationCriteria) {
    const value = form[scoreField(criterion)];
    const text = form[commentField(criterion)] ?? "";
    if (value === undefined) {
      if (text) fieldErrors[scoreField(criterion)] = [problem("scoreToKeepComment")];
      continue;
    }
    scores.push({ criterion, score: value, comment: text });
  }
  if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors };
  return {
    ok: true,
    content: {
      scores,
      recommendation: form.recommendation ?? null,
      justification: form.justification || null,
    },
  };
}

/** Completing needs every score with its comment, the recommendation and its justification. */
export function completeContent(
  form: EvaluationForm,
): { ok: true; content: EvaluationContent } | { ok: false; fieldErrors: Record<string, string[]> } {
  const fieldErrors: Record<string, string[]> = {};
  for (const criterion of evaluationCriteria) {
    if (form[scoreField(criterion)] === undefined)
      fieldErrors[scoreField(criterion)] = [problem("scoreFor", { criterion })];
    if (!form[commentField(criterion)])
      fieldErrors[commentField(criterion)] = [problem("commentFor", { criterion })];
  }
  if (!form.recommendation) fieldErrors.recommendation = [problem("chooseRecommendation")];
  if (!form.justification) fieldErrors.justification = [problem("explainRecommendation")];
  if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors };
  return draftContent(form);
}

export const startRedesignationSchema = z
  .object({
    designationId: id,
    /** The centre's version as shown: two officers starting at once cannot both succeed. */
    centreVersion: id,
    idempotencyKey: z
      .string()
      .regex(/^[A-Za-z0-9-]{16,64}$/, problem("formOutOfDate"))
      .optional(),
  })
  .strict();
export type StartRedesignationInput = z.infer<typeof startRedesignationSchema>;

export const TERMINATION_REASON_MIN = 10;
export const TERMINATION_REASON_MAX = 2000;

export const terminateCentreSchema = z
  .object({
    centreId: id,
    version: id,
    reason: z
      .string()
      .trim()
      .min(TERMINATION_REASON_MIN, problem("terminationReasonShort", { min: TERMINATION_REASON_MIN }))
      .max(TERMINATION_REASON_MAX, problem("tooLong", { max: TERMINATION_REASON_MAX })),
  })
  .strict();
export type TerminateCentreInput = z.infer<typeof terminateCentreSchema>;
