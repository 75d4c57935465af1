import { z } from "zod";

import { eligibilityCriteria } from "./eligibility";
import { problem, type ProblemKey } from "./problem";
import { addYears, isIsoDate, type IsoDate } from "./term";

// A WHO officer's proposal of a new centre (docs/domain.md §1, §4): who, where,
// which unit, the 8 eligibility criteria each with a justification, and at
// least two years of joint work. Fields arrive flat from one HTML form:
// `<criterion>Met` ("yes"/"no") and `<criterion>Justification`.

export const initiators = ["HQ", "AFRO", "AMRO", "SEARO", "EURO", "EMRO", "WPRO"] as const;

const id = (key: ProblemKey) => {
  const message = problem(key);
  return z.coerce.number({ error: message }).int(message).positive(message);
};
const text = (missing: ProblemKey, max: number) =>
  z.string().trim().min(1, problem(missing)).max(max, problem("tooLong", { max }));
const date = (key: ProblemKey) =>
  z
    .string()
    .trim()
    .refine((value) => isIsoDate(value), problem(key));

const criterionFields = Object.fromEntries(
  eligibilityCriteria.flatMap((criterion) => [
    [
      `${criterion.key}Met`,
      z
        .enum(["yes", "no"], { error: problem("criterionMetMissing") })
        .refine((value) => value === "yes", problem("criterionNotMet")),
    ],
    [
      `${criterion.key}Justification`,
      z
        .string()
        .trim()
        .min(10, problem("justificationShort", { min: 10 }))
        .max(1000, problem("tooLong", { max: 1000 })),
    ],
  ]),
) as Record<string, z.ZodType<string>>;

/**
 * Whether a proposed centre shares the record of an institution of the same
 * name in its country ("existing") or gets its own ("new"). Sharing is never
 * silent (issue 11): the record's department and address are what every
 * centre sharing it shows, and only a proposer who saw it may choose it.
 */
export const institutionChoices = ["new", "existing"] as const;
export type InstitutionChoice = (typeof institutionChoices)[number];

/** An institution of the country whose name matches the one typed (case-insensitive). */
export type SameNameInstitution = {
  id: number;
  name: string;
  department: string | null;
  city: string | null;
  centres: number;
};

/**
 * "ask": the form comes back with the question; `values` replace what was
 * sent for the two institution fields, so the returned form names the record
 * asked about (`institutionShared`) and never keeps an earlier "existing".
 */
export type InstitutionRecord =
  | { use: "new" }
  | { use: "existing"; id: number }
  | { use: "ask"; fieldErrors: Record<string, string[]>; values: Record<string, string> };

/**
 * Which record the centre gets. "existing" counts only together with the id
 * of the record the proposer was shown (`shared`, returned with the question)
 * and only while that is still the record of the name typed: a first submit
 * saying "existing", or a name corrected after the question, is asked again.
 */
export function institutionRecord(
  choice: InstitutionChoice | undefined,
  shared: number | undefined,
  match: SameNameInstitution | null,
): InstitutionRecord {
  if (choice === "new") return { use: "new" };
  if (!match) {
    if (choice === "existing")
      return {
        use: "ask",
        fieldErrors: {
          institutionName: [problem("institutionNameGone")],
        },
        values: { institutionChoice: "", institutionShared: "" },
      };
    return { use: "new" };
  }
  if (choice === "existing" && shared === match.id) return { use: "existing", id: match.id };
  const described = [match.department, match.city].filter(Boolean).join(", ");
  return {
    use: "ask",
    fieldErrors: {
      institutionChoice: [
        problem("institutionSameName", {
          name: match.name,
          details: described ? ` (${described})` : "",
          centres: match.centres,
        }),
      ],
    },
    values: { institutionChoice: "", institutionShared: String(match.id) },
  };
}

// The fields an officer can also change later, while the proposal is a draft.
// The country is not among them: the reference number was taken from its
// sequence when the proposal was created, and numbers are never reused.
const proposalFields = {
  institutionName: text("enterInstitutionName", 300),
  institutionChoice: z
    .enum(["", ...institutionChoices], { error: problem("chooseInstitutionRecord") })
    .optional()
    .transform((value) => (value ? value : undefined)),
  // The record the question named (returned with it): "existing" means that record only.
  institutionShared: z
    .union([z.literal(""), z.coerce.number().int().positive()], {
      error: problem("institutionAskAgain"),
    })
    .optional()
    .transform((value) => (value ? value : undefined)),
  department: z
    .string()
    .trim()
    .max(300, problem("tooLong", { max: 300 }))
    .optional(),
  title: text("enterCentreTitle", 300).refine(
    (value) => /^WHO Collaborating Cent(re|er) (for|on) \S/.test(value),
    problem("titleStart"),
  ),
  unitId: id("chooseTechnicalUnit"),
  initiator: z.enum(initiators, { error: problem("chooseInitiator") }),
  jointWorkStart: date("jointWorkStartDate"),
  jointWorkEnd: date("jointWorkEndDate"),
  ...criterionFields,
};

function jointWorkSpan(value: { jointWorkStart: string; jointWorkEnd: string }, ctx: z.RefinementCtx) {
  if (!isIsoDate(value.jointWorkStart) || !isIsoDate(value.jointWorkEnd)) return;
  if (addYears(value.jointWorkStart, 2) > value.jointWorkEnd)
    ctx.addIssue({
      code: "custom",
      path: ["jointWorkEnd"],
      message: problem("jointWorkTwoYears"),
    });
}

export const proposalSchema = z
  .object({ ...proposalFields, countryId: id("chooseCountry") })
  .strict()
  .superRefine(jointWorkSpan);

/** Editing a draft proposal: the same fields less the country, with the version it was shown. */
export const proposalEditSchema = z
  .object({
    designationId: z.coerce.number().int().positive(),
    version: z.coerce.number().int().positive(),
    ...proposalFields,
  })
  .strict()
  .superRefine(jointWorkSpan);

export type ProposalInput = z.infer<typeof proposalSchema>;
export type ProposalEditInput = z.infer<typeof proposalEditSchema>;

/** The stored checklist: every criterion met, with its justification. */
export function eligibilityOf(input: Record<string, unknown>) {
  return Object.fromEntries(
    eligibilityCriteria.map((criterion) => [
      criterion.key,
      {
        met: input[`${criterion.key}Met`] === "yes",
        justification: String(input[`${criterion.key}Justification`]),
      },
    ]),
  );
}

/** What a draft proposal says now, as stored. */
export type ProposalSnapshot = {
  state: string;
  kind: string;
  institutionName: string | null;
  department: string | null;
  title: string;
  unitId: number | null;
  initiator: string;
  jointWorkStart: IsoDate | null;
  jointWorkEnd: IsoDate | null;
  eligibility: unknown;
};

export const proposalEditableParts = [
  "institutionName",
  "department",
  "title",
  "unitId",
  "initiator",
  "jointWork",
  "eligibility",
] as const;
export type ProposalPart = (typeof proposalEditableParts)[number];

export type ProposalEditResult = { ok: true; changed: ProposalPart[] } | { ok: false; message: string };

/** Compared criterion by criterion: the database does not keep a JSON object's key order. */
function sameEligibility(stored: unknown, input: Record<string, unknown>): boolean {
  const wanted = eligibilityOf(input);
  const record = (stored ?? {}) as Record<string, { met?: unknown; justification?: unknown } | undefined>;
  return eligibilityCriteria.every(
    (criterion) =>
      record[criterion.key]?.met === wanted[criterion.key]?.met &&
      record[criterion.key]?.justification === wanted[criterion.key]?.justification,
  );
}

/**
 * An edit of a draft proposal: allowed only while it is a draft (after it is
 * sent, the institution works on it and the proposal is what they were sent);
 * answers which parts change, for the audit row. An empty department and a
 * missing one are the same.
 */
/**
 * Only a first designation's draft is a proposal to edit: a redesignation's
 * draft belongs to a designated, public centre whose title, unit and
 * institution change only through review.
 */
export function proposalEditable(designation: { state: string; kind: string }): boolean {
  return designation.kind === "INITIAL" && designation.state === "DRAFT";
}

export function editProposal(current: ProposalSnapshot, input: ProposalEditInput): ProposalEditResult {
  if (current.kind !== "INITIAL") return { ok: false, message: problem("redesignationProposalFixed") };
  if (!proposalEditable(current)) return { ok: false, message: problem("proposalDraftOnly") };
  const checks: Record<ProposalPart, boolean> = {
    institutionName: current.institutionName !== input.institutionName,
    department: (current.department ?? "") !== (input.department ?? ""),
    title: current.title !== input.title,
    unitId: current.unitId !== input.unitId,
    initiator: current.initiator !== input.initiator,
    jointWork: current.jointWorkStart !== input.jointWorkStart || current.jointWorkEnd !== input.jointWorkEnd,
    eligibility: !sameEligibility(current.eligibility, input),
  };
  return { ok: true, changed: proposalEditableParts.filter((part) => checks[part]) };
}
