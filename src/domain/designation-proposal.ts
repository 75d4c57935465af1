import { z } from "zod";

import { eligibilityCriteria } from "./eligibility";
import { addYears, isIsoDate } from "./term";

// A WHO officer's proposal of a new centre (domain.md §1, §4): who, where,
// which unit, the 8 eligibility criteria each with a justification, and at
// least two years of joint work. Fields arrive flat from one HTML form:
// `<criterion>Met` ("yes"/"no") and `<criterion>Justification`.

export const initiators = ["HQ", "AFRO", "AMRO", "SEARO", "EURO", "EMRO", "WPRO"] as const;

const id = (message: string) => z.coerce.number({ error: message }).int(message).positive(message);
const text = (what: string, max: number) =>
  z.string().trim().min(1, `Enter ${what}.`).max(max, `Use at most ${max} characters.`);
const date = (what: string) =>
  z
    .string()
    .trim()
    .refine((value) => isIsoDate(value), `Enter ${what} as a real date, like 2024-03-31.`);

const criterionFields = Object.fromEntries(
  eligibilityCriteria.flatMap((criterion) => [
    [
      `${criterion.key}Met`,
      z
        .enum(["yes", "no"], { error: "Say whether the institution meets this criterion." })
        .refine((value) => value === "yes", "An institution must meet every criterion to be proposed."),
    ],
    [
      `${criterion.key}Justification`,
      z
        .string()
        .trim()
        .min(10, "Give a short justification (at least 10 characters).")
        .max(1000, "Use at most 1000 characters."),
    ],
  ]),
) as Record<string, z.ZodType<string>>;

export const proposalSchema = z
  .object({
    institutionName: text("the institution's name", 300),
    department: z.string().trim().max(300, "Use at most 300 characters.").optional(),
    title: text("the centre's title", 300).refine(
      (value) => /^WHO Collaborating Cent(re|er) (for|on) \S/.test(value),
      "Start the title with “WHO Collaborating Centre for” (or “on”).",
    ),
    countryId: id("Choose the country."),
    unitId: id("Choose the technical unit."),
    initiator: z.enum(initiators, { error: "Choose who initiates the designation." }),
    jointWorkStart: date("the start of the joint work"),
    jointWorkEnd: date("the end of the joint work"),
    ...criterionFields,
  })
  .strict()
  .superRefine((value, ctx) => {
    if (!isIsoDate(value.jointWorkStart) || !isIsoDate(value.jointWorkEnd)) return;
    if (addYears(value.jointWorkStart, 2) > value.jointWorkEnd)
      ctx.addIssue({
        code: "custom",
        path: ["jointWorkEnd"],
        message: "The joint work must cover at least two years.",
      });
  });

export type ProposalInput = z.infer<typeof proposalSchema>;

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
