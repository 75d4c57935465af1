import { eligibilityCriteria } from "@/domain/eligibility";

/** A proposal form's eligibility fields with every criterion met and justified, as the tests' proposals send them. */
export function allCriteriaMet(): Record<string, string> {
  return Object.fromEntries(
    eligibilityCriteria.flatMap((criterion) => [
      [`${criterion.key}Met`, "yes"],
      [`${criterion.key}Justification`, "Documented in the proposal file."],
    ]),
  );
}
