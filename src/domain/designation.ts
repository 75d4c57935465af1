import { z } from "zod";

import { formChoosesSubjects } from "./centre-subjects";
import { consultationDateErrors } from "./consultation-dates";
import { admin, focalPoint, officer, staff, unitHead } from "./grants";
import { stepFrom, stepNamesOf, type LifeCycleStep, type StepName } from "./life-cycle";
import { problem, type ProblemKey } from "./problem";
import { addYears, isIsoDate, type IsoDate } from "./term";

// The life cycle of a designation (docs/domain.md §4) as one table: which
// action moves which state to which, who may take it (role and scope), and
// the guards no role can override. The permission table's designation steps
// are derived from it (permissions.ts), and so are the buttons the page
// offers and the unit tests.

export const designationStates = [
  "DRAFT",
  "WITH_INSTITUTION",
  "SUBMITTED",
  "TECHNICAL_CLEARANCE",
  "REGIONAL_REVIEW",
  "GOVERNMENT_CONSULTATION",
  "APPROVAL",
  "DESIGNATED",
  "WITHDRAWN",
  "REJECTED",
] as const;
export type DesignationState = (typeof designationStates)[number];

export const finalDesignationStates: readonly DesignationState[] = ["DESIGNATED", "WITHDRAWN", "REJECTED"];
export const openDesignationStates: readonly DesignationState[] = designationStates.filter(
  (state) => !finalDesignationStates.includes(state),
);
/** Centre staff never see an officer's proposal before it is sent to them. */
export const designationStatesVisibleToCentre: readonly DesignationState[] = designationStates.filter(
  (state) => state !== "DRAFT",
);

export const designationStateLabels: Record<DesignationState, string> = {
  DRAFT: "Draft proposal",
  WITH_INSTITUTION: "With the institution",
  SUBMITTED: "Submitted for review",
  TECHNICAL_CLEARANCE: "Technical clearance",
  REGIONAL_REVIEW: "Regional review",
  GOVERNMENT_CONSULTATION: "Government consultation",
  APPROVAL: "Awaiting decision",
  DESIGNATED: "Designated",
  WITHDRAWN: "Withdrawn",
  REJECTED: "Rejected",
};

export type DesignationActor = "officer" | "staff" | "unitHead" | "focalPoint";
/** Who the designation waits for in each state: the mail after a transition, the "my work" lists. */
const waitingFor: Record<DesignationState, DesignationActor | null> = {
  DRAFT: "officer",
  WITH_INSTITUTION: "staff",
  SUBMITTED: "officer",
  TECHNICAL_CLEARANCE: "unitHead",
  REGIONAL_REVIEW: "focalPoint",
  GOVERNMENT_CONSULTATION: "focalPoint",
  APPROVAL: "focalPoint",
  DESIGNATED: null,
  WITHDRAWN: null,
  REJECTED: null,
};

/** Who acts next after a transition, for the notification mail. */
export function nextActor(state: DesignationState): DesignationActor | null {
  return waitingFor[state];
}

/** The states in which the designation waits for `actor`. */
export function designationStatesWaitingFor(actor: DesignationActor): DesignationState[] {
  return designationStates.filter((state) => waitingFor[state] === actor);
}

/** What the guards need to know about the designation, loaded on the server. */
export type DesignationFacts = {
  state: DesignationState;
  kind: "INITIAL" | "REDESIGNATION";
  proposedById: number | null;
  /** The submission that opened the current review, as "YYYY-MM-DD". */
  submittedOn: IsoDate | null;
  /** A redesignation: the state of the final evaluation of the current term. */
  currentTermEvaluation: "DRAFT" | "COMPLETED" | null;
  /** For submit: the form as saved. */
  form?: {
    headOfCentreName: string | null;
    torItems: number;
    activities: number;
    torItemsWithoutActivity: number;
    /** The centre's subjects: a first designation needs at least one (decision 0025). */
    subjects: number;
  };
};

export type TransitionResult =
  { ok: true; to: DesignationState } | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

type Refusal = Extract<TransitionResult, { ok: false }>;
type GuardContext = { actorId: number; today: IsoDate };
/** A rule of docs/domain.md §4 that no role overrides: a refusal, or null to let the step through. */
type DesignationGuard = (facts: DesignationFacts, input: object, context: GuardContext) => Refusal | null;

const fail = (message: string, field?: string): Refusal => ({
  ok: false,
  message,
  fieldErrors: field ? { [field]: [message] } : undefined,
});

/**
 * The designation's life cycle. An action may have one row per group of
 * states when who may take it depends on the state: returning to the officer
 * is the unit head's step at technical clearance and the focal point's at
 * regional review. An administrator may take every step.
 */
export const designationLifeCycle = [
  { action: "designation.edit-proposal", from: ["DRAFT"], to: null, who: [admin, officer] },
  { action: "designation.edit-form", from: ["DRAFT"], to: null, who: [admin, officer] },
  { action: "designation.edit-form", from: ["WITH_INSTITUTION"], to: null, who: [admin, officer, staff] },
  { action: "designation.send", from: ["DRAFT"], to: "WITH_INSTITUTION", who: [admin, officer] },
  {
    action: "designation.submit",
    from: ["WITH_INSTITUTION"],
    to: "SUBMITTED",
    who: [admin, staff],
    guard: formComplete,
  },
  { action: "designation.return", from: ["SUBMITTED"], to: "WITH_INSTITUTION", who: [admin, officer] },
  { action: "designation.endorse", from: ["SUBMITTED"], to: "TECHNICAL_CLEARANCE", who: [admin, officer] },
  {
    action: "designation.clear",
    from: ["TECHNICAL_CLEARANCE"],
    to: "REGIONAL_REVIEW",
    who: [admin, { ...unitHead, notOwnProposal: true }],
    guard: notByProposer,
  },
  {
    action: "designation.return-to-officer",
    from: ["TECHNICAL_CLEARANCE"],
    to: "SUBMITTED",
    who: [admin, unitHead],
  },
  {
    action: "designation.return-to-officer",
    from: ["REGIONAL_REVIEW"],
    to: "SUBMITTED",
    who: [admin, focalPoint],
  },
  {
    action: "designation.return-to-centre",
    from: ["REGIONAL_REVIEW"],
    to: "WITH_INSTITUTION",
    who: [admin, focalPoint],
  },
  {
    action: "designation.accept",
    from: ["REGIONAL_REVIEW"],
    to: "GOVERNMENT_CONSULTATION",
    who: [admin, focalPoint],
    guard: evaluationCompletedForRedesignation,
  },
  {
    action: "designation.record-consultation",
    from: ["GOVERNMENT_CONSULTATION"],
    to: "APPROVAL",
    who: [admin, focalPoint],
    guard: consultationRecorded,
  },
  {
    action: "designation.decide",
    from: ["APPROVAL"],
    to: "DESIGNATED",
    who: [admin, focalPoint],
    guard: decisionDated,
  },
  {
    action: "designation.withdraw",
    from: openDesignationStates,
    to: "WITHDRAWN",
    who: [admin, officer, focalPoint],
  },
  { action: "designation.reject", from: openDesignationStates, to: "REJECTED", who: [admin, focalPoint] },
] as const satisfies readonly LifeCycleStep<DesignationState, DesignationGuard>[];

type DesignationMove = Extract<(typeof designationLifeCycle)[number], { to: DesignationState }>;
/** A step that moves the designation, by its short name (`accept` for `designation.accept`). */
export type DesignationAction = StepName<DesignationMove["action"]>;
export type DesignationPermission = DesignationMove["action"];

/** The permission (and audit name) of a step: `designation.accept` for `accept`. */
export function designationPermission<A extends DesignationAction>(action: A): `designation.${A}` {
  return `designation.${action}`;
}

export const designationActions: DesignationAction[] = stepNamesOf(
  designationLifeCycle.filter((step): step is DesignationMove => step.to !== null),
);

// ── inputs: every action posts the designation's id and the version it was shown ──

const id = z.coerce.number().int().positive();
const base = { designationId: id, version: id };
const requiredText = (missing: ProblemKey, max = 4000) =>
  z.string().trim().min(1, problem(missing)).max(max, problem("tooLong", { max }));
const isoDate = (missing: ProblemKey, notADate: ProblemKey) =>
  z
    .string()
    .trim()
    .min(1, problem(missing))
    .refine((value) => isIsoDate(value), problem(notADate));

export const designationInputSchemas = {
  send: z.object(base).strict(),
  submit: z.object(base).strict(),
  return: z.object({ ...base, comment: requiredText("enterInstitutionChange") }).strict(),
  endorse: z.object(base).strict(),
  clear: z.object(base).strict(),
  "return-to-officer": z.object({ ...base, comment: requiredText("enterOfficerChange") }).strict(),
  "return-to-centre": z.object({ ...base, comment: requiredText("enterInstitutionChange") }).strict(),
  accept: z.object(base).strict(),
  "record-consultation": z
    .object({
      ...base,
      outcome: z.enum(["NO_OBJECTION", "OBJECTION", "NOT_REQUIRED"], {
        error: problem("chooseGovernmentAnswer"),
      }),
      requestedOn: z.string().trim().optional(),
      repliedOn: z.string().trim().optional(),
    })
    .strict(),
  decide: z
    .object({
      ...base,
      decisionDate: isoDate("enterDecisionDate", "decisionDateReal"),
      termYears: z.coerce
        .number({ error: problem("termYearsWhole") })
        .int(problem("termYearsWhole"))
        .min(1, problem("termMin"))
        .max(4, problem("termMax")),
      approverName: requiredText("enterApproverName", 200),
    })
    .strict(),
  withdraw: z.object({ ...base, reason: requiredText("enterWithdrawReason") }).strict(),
  reject: z.object({ ...base, reason: requiredText("enterRejectReason") }).strict(),
} as const satisfies Record<DesignationAction, z.ZodType>;

export type DesignationInput<A extends DesignationAction> = z.infer<(typeof designationInputSchemas)[A]>;

/** The state an action leads to from `from`, or null when the action does not apply there. */
export function nextState(action: DesignationAction, from: DesignationState): DesignationState | null {
  return stepFrom(designationLifeCycle, designationPermission(action), from)?.to ?? null;
}

/**
 * Applies an action to a designation: the row of the life cycle that starts
 * from its state, then the row's guard. `today` is the caller's clock as
 * "YYYY-MM-DD" (dates in the future are refused).
 */
export function transition<A extends DesignationAction>(
  action: A,
  facts: DesignationFacts,
  input: DesignationInput<A>,
  context: GuardContext,
): TransitionResult {
  const step = stepFrom(designationLifeCycle, designationPermission(action), facts.state);
  if (!step?.to) return fail(problem("notAtThisStage"));
  const refusal = "guard" in step ? step.guard(facts, input, context) : null;
  return refusal ?? { ok: true, to: step.to };
}

// ── guards ──

function formComplete(facts: DesignationFacts): Refusal | null {
  const form = facts.form;
  if (!form) return fail(problem("formUnreadable"));
  if (!form.headOfCentreName) return fail(problem("headOfCentreFirst"), "headOfCentreName");
  if (formChoosesSubjects(facts.kind).ok && form.subjects === 0)
    return fail(problem("subjectsFirst"), "subject1");
  if (form.torItems === 0) return fail(problem("torFirst"), "tor");
  if (form.torItemsWithoutActivity > 0) return fail(problem("torNeedsActivity"), "activities");
  return null;
}

function notByProposer(facts: DesignationFacts, _input: object, context: GuardContext): Refusal | null {
  if (facts.proposedById === context.actorId) return fail(problem("clearanceNotProposer"));
  return null;
}

function evaluationCompletedForRedesignation(facts: DesignationFacts): Refusal | null {
  if (facts.kind === "REDESIGNATION" && facts.currentTermEvaluation !== "COMPLETED")
    return fail(problem("evaluationBeforeRegionalReview"));
  return null;
}

function decisionDated(facts: DesignationFacts, input: object, context: GuardContext): Refusal | null {
  const { decisionDate } = input as DesignationInput<"decide">;
  if (decisionDate > context.today) return fail(problem("decisionDateFuture"), "decisionDate");
  if (facts.submittedOn && decisionDate < facts.submittedOn)
    return fail(problem("decisionDateBeforeSubmission", { submitted: facts.submittedOn }), "decisionDate");
  return null;
}

function consultationRecorded(facts: DesignationFacts, input: object, context: GuardContext): Refusal | null {
  const consultation = input as DesignationInput<"record-consultation">;
  if (consultation.outcome === "NOT_REQUIRED") {
    if (facts.kind !== "REDESIGNATION")
      return fail(problem("consultationNotRequiredOnlyRedesignation"), "outcome");
    return null;
  }
  if (consultation.outcome === "OBJECTION") return fail(problem("governmentObjected"), "outcome");
  const errors = consultationDateErrors(
    { requestedOn: consultation.requestedOn ?? "", repliedOn: consultation.repliedOn ?? "" },
    context.today,
  );
  if (Object.keys(errors).length)
    return { ok: false, message: problem("checkConsultationDates"), fieldErrors: errors };
  return null;
}

/** The term a decision starts: from the letter's date, ending on the anniversary (exclusive). */
export function termOf(decisionDate: IsoDate, termYears: number): { start: IsoDate; end: IsoDate } {
  return { start: decisionDate, end: addYears(decisionDate, termYears) };
}
