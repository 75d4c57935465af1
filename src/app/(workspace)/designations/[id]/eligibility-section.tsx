import { toIsoDate } from "@/domain/dates";
import { eligibilityCriteria } from "@/domain/eligibility";
import type { DesignationPage } from "@/server/queries/designation-page";

/** The proposal's eligibility checklist, for the focal point's review (WHO only). */
export function EligibilitySection({ page }: { page: DesignationPage }) {
  const { eligibility, designation } = page;
  if (!eligibility) return null;
  return (
    <section aria-labelledby="eligibility" className="space-y-3">
      <h2 id="eligibility" className="text-xl font-semibold">
        Eligibility (WHO only)
      </h2>
      {designation.jointWorkStart && designation.jointWorkEnd && (
        <p>
          Joint work with WHO from {toIsoDate(designation.jointWorkStart)} to{" "}
          {toIsoDate(designation.jointWorkEnd)}.
        </p>
      )}
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {eligibilityCriteria.map((criterion) => (
          <li key={criterion.key} className="px-4 py-3">
            <p className="font-medium">
              {eligibility[criterion.key].met ? "Met" : "Not met"}: {criterion.label}
            </p>
            <p className="text-sm text-muted">{eligibility[criterion.key].justification}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
