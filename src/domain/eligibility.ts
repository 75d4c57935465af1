import { z } from "zod";

// The 8 eligibility criteria of a proposal, all required (docs/domain.md §1).
export const eligibilityCriteria = [
  { key: "scientificStanding", label: "High scientific and technical standing" },
  {
    key: "nationalPlace",
    label: "Prominent place in the country's health, scientific or educational structures",
  },
  { key: "leadershipAndStaff", label: "High-quality leadership and enough qualified staff" },
  { key: "stability", label: "Stability of personnel, activity and funding" },
  { key: "workingRelations", label: "Working relations with other institutions" },
  { key: "readiness", label: "Ability and readiness to contribute to WHO programmes" },
  { key: "relevance", label: "Technical and geographical relevance to WHO priorities" },
  { key: "jointWork", label: "At least two years of joint work with WHO" },
] as const;

export type EligibilityKey = (typeof eligibilityCriteria)[number]["key"];

const answer = z
  .object({
    met: z.boolean(),
    justification: z.string().trim().min(10, "Give a short justification (at least 10 characters)").max(1000),
  })
  .strict();

export const eligibilitySchema = z
  .object(
    Object.fromEntries(eligibilityCriteria.map((criterion) => [criterion.key, answer])) as Record<
      EligibilityKey,
      typeof answer
    >,
  )
  .strict();

export type Eligibility = z.infer<typeof eligibilitySchema>;

export function allCriteriaMet(eligibility: Eligibility): boolean {
  return eligibilityCriteria.every((criterion) => eligibility[criterion.key].met);
}
