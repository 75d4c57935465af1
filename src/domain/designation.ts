import { z } from "zod";

import type { Action } from "./permissions";
import { addYears, isIsoDate, type IsoDate } from "./term";

// The life cycle of a designation (domain.md §4) as data: which action moves
// which state to which, under which permission of the one permission table,
// and the guards no role can override. Who may act (role and scope) is the
// permission table's job; this module adds only what depends on the
// designation's own content.

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

export const designationActions = [
  "send",
  "submit",
  "return",
  "endorse",
  "clear",
  "return-to-officer",
  "return-to-centre",
  "accept",
  "record-consultation",
  "decide",
  "withdraw",
  "reject",
] as const;
export type DesignationAction = (typeof designationActions)[number];

type Transition = { permission: Action; from: readonly DesignationState[]; to: DesignationState | null };

/**
 * `to: null` means the next state depends on the source state (returning to
 * the officer always lands in SUBMITTED, see nextState).
 */
export const designationTransitions: Record<DesignationAction, Transition> = {
  send: { permission: "designation.send", from: ["DRAFT"], to: "WITH_INSTITUTION" },
  submit: { permission: "designation.submit", from: ["WITH_INSTITUTION"], to: "SUBMITTED" },
  return: { permission: "designation.return", from: ["SUBMITTED"], to: "WITH_INSTITUTION" },
  endorse: { permission: "designation.endorse", from: ["SUBMITTED"], to: "TECHNICAL_CLEARANCE" },
  clear: { permission: "designation.clear", from: ["TECHNICAL_CLEARANCE"], to: "REGIONAL_REVIEW" },
  "return-to-officer": {
    permission: "designation.return-to-officer",
    from: ["TECHNICAL_CLEARANCE", "REGIONAL_REVIEW"],
    to: "SUBMITTED",
  },
  "return-to-centre": {
    permission: "designation.regional-review",
    from: ["REGIONAL_REVIEW"],
    to: "WITH_INSTITUTION",
  },
  accept: {
    permission: "designation.regional-review",
    from: ["REGIONAL_REVIEW"],
    to: "GOVERNMENT_CONSULTATION",
  },
  "record-consultation": {
    permission: "designation.record-consultation",
    from: ["GOVERNMENT_CONSULTATION"],
    to: "APPROVAL",
  },
  decide: { permission: "designation.decide", from: ["APPROVAL"], to: "DESIGNATED" },
  withdraw: { permission: "designation.withdraw", from: openDesignationStates, to: "WITHDRAWN" },
  reject: { permission: "designation.reject", from: openDesignationStates, to: "REJECTED" },
};

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
  };
};

export type TransitionResult =
  { ok: true; to: DesignationState } | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

const fail = (message: string, field?: string): TransitionResult => ({
  ok: false,
  message,
  fieldErrors: field ? { [field]: [message] } : undefined,
});

// ── inputs: every action posts the designation's id and the version it was shown ──

const id = z.coerce.number().int().positive();
const base = { designationId: id, version: id };
const requiredText = (what: string, max = 4000) =>
  z.string().trim().min(1, `Enter ${what}.`).max(max, `Use at most ${max} characters.`);
const isoDate = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `Enter ${what}.`)
    .refine((value) => isIsoDate(value), `Enter ${what} as a real date, like 2027-03-31.`);

export const designationInputSchemas = {
  send: z.object(base).strict(),
  submit: z.object(base).strict(),
  return: z.object({ ...base, comment: requiredText("what the institution should change") }).strict(),
  endorse: z.object(base).strict(),
  clear: z.object(base).strict(),
  "return-to-officer": z
    .object({ ...base, comment: requiredText("what the officer should change") })
    .strict(),
  "return-to-centre": z
    .object({ ...base, comment: requiredText("what the institution should change") })
    .strict(),
  accept: z.object(base).strict(),
  "record-consultation": z
    .object({
      ...base,
      outcome: z.enum(["NO_OBJECTION", "OBJECTION", "NOT_REQUIRED"], {
        error: "Choose the government's answer.",
      }),
      requestedOn: z.string().trim().optional(),
      repliedOn: z.string().trim().optional(),
    })
    .strict(),
  decide: z
    .object({
      ...base,
      decisionDate: isoDate("the date of the decision letter"),
      termYears: z.coerce
        .number({ error: "Enter the term in whole years, from 1 to 4." })
        .int("Enter the term in whole years, from 1 to 4.")
        .min(1, "A term is at least 1 year.")
        .max(4, "A term is at most 4 years."),
      approverName: requiredText("the name of the person who approved the designation", 200),
    })
    .strict(),
  withdraw: z.object({ ...base, reason: requiredText("the reason for withdrawing") }).strict(),
  reject: z.object({ ...base, reason: requiredText("the reason for rejecting") }).strict(),
} as const satisfies Record<DesignationAction, z.ZodType>;

export type DesignationInput<A extends DesignationAction> = z.infer<(typeof designationInputSchemas)[A]>;

/** The state an action leads to from `from`, or null when the action does not apply there. */
export function nextState(action: DesignationAction, from: DesignationState): DesignationState | null {
  const transition = designationTransitions[action];
  if (!transition.from.includes(from)) return null;
  return transition.to;
}

/**
 * Applies an action to a designation: the state machine plus the guards of
 * domain.md §4 that no role can override. `today` is the caller's clock as
 * "YYYY-MM-DD" (dates in the future are refused).
 */
export function transition<A extends DesignationAction>(
  action: A,
  facts: DesignationFacts,
  input: DesignationInput<A>,
  context: { actorId: number; today: IsoDate },
): TransitionResult {
  const to = nextState(action, facts.state);
  if (!to) return fail("This cannot be done at this stage.");
  switch (action) {
    case "submit": {
      const form = facts.form;
      if (!form) return fail("The designation form could not be read.");
      if (!form.headOfCentreName)
        return fail("Enter the head of centre before submitting.", "headOfCentreName");
      if (form.torItems === 0) return fail("Add at least one term of reference before submitting.", "tor");
      if (form.torItemsWithoutActivity > 0)
        return fail("Every term of reference needs at least one work-plan activity.", "activities");
      break;
    }
    case "clear":
      if (facts.proposedById === context.actorId)
        return fail("Technical clearance must come from someone other than the proposer.");
      break;
    case "accept":
      if (facts.kind === "REDESIGNATION" && facts.currentTermEvaluation !== "COMPLETED")
        return fail(
          "The final evaluation of the current term must be completed before the regional review ends.",
        );
      break;
    case "record-consultation":
      return consultation(input as DesignationInput<"record-consultation">, facts, context.today, to);
    case "decide": {
      const { decisionDate } = input as DesignationInput<"decide">;
      if (decisionDate > context.today)
        return fail("The decision date cannot be in the future.", "decisionDate");
      if (facts.submittedOn && decisionDate < facts.submittedOn)
        return fail(
          `The decision date cannot be before the submission (${facts.submittedOn}).`,
          "decisionDate",
        );
      break;
    }
  }
  return { ok: true, to };
}

function consultation(
  input: DesignationInput<"record-consultation">,
  facts: DesignationFacts,
  today: IsoDate,
  to: DesignationState,
): TransitionResult {
  if (input.outcome === "NOT_REQUIRED") {
    if (facts.kind !== "REDESIGNATION")
      return fail("A consultation can be “not required” only for a redesignation.", "outcome");
    return { ok: true, to };
  }
  if (input.outcome === "OBJECTION")
    return fail(
      "The government objected: reject the designation with the government's reason instead.",
      "outcome",
    );
  const errors: Record<string, string[]> = {};
  const requestedOn = input.requestedOn ?? "";
  const repliedOn = input.repliedOn ?? "";
  for (const [field, value] of [
    ["requestedOn", requestedOn],
    ["repliedOn", repliedOn],
  ] as const) {
    if (!isIsoDate(value)) errors[field] = ["Enter a real date, like 2027-03-31."];
    else if (value > today) errors[field] = ["This date cannot be in the future."];
  }
  if (!errors.requestedOn && !errors.repliedOn && repliedOn < requestedOn)
    errors.repliedOn = ["The reply cannot come before the request."];
  if (Object.keys(errors).length)
    return { ok: false, message: "Check the consultation dates.", fieldErrors: errors };
  return { ok: true, to };
}

/** The term a decision starts: from the letter's date, ending on the anniversary (exclusive). */
export function termOf(decisionDate: IsoDate, termYears: number): { start: IsoDate; end: IsoDate } {
  return { start: decisionDate, end: addYears(decisionDate, termYears) };
}

/** Who acts next after a transition, for the notification mail. */
export function nextActor(state: DesignationState): "officer" | "staff" | "unitHead" | "focalPoint" | null {
  switch (state) {
    case "WITH_INSTITUTION":
      return "staff";
    case "SUBMITTED":
      return "officer";
    case "TECHNICAL_CLEARANCE":
      return "unitHead";
    case "REGIONAL_REVIEW":
    case "GOVERNMENT_CONSULTATION":
    case "APPROVAL":
      return "focalPoint";
    default:
      return null;
  }
}
