import { getTranslations } from "next-intl/server";

import { toIsoDate } from "@/domain/dates";
import { eligibilityCriteria } from "@/domain/eligibility";
import type { DesignationPage } from "@/server/queries/designation-page";

/** The proposal's eligibility checklist, for the focal point's review (WHO only). */
export async function EligibilitySection({ page }: { page: DesignationPage }) {
  const { eligibility, designation } = page;
  if (!eligibility) return null;
  const [t, tCriterion] = await Promise.all([
    getTranslations("DesignationEligibility"),
    getTranslations("DesignationCriteria"),
  ]);
  return (
    <section aria-labelledby="eligibility" className="space-y-3">
      <h2 id="eligibility" className="text-xl font-semibold">
        {t("title")}
      </h2>
      {designation.jointWorkStart && designation.jointWorkEnd && (
        <p>
          {t("jointWork", {
            start: toIsoDate(designation.jointWorkStart),
            end: toIsoDate(designation.jointWorkEnd),
          })}
        </p>
      )}
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {eligibilityCriteria.map((criterion) => (
          <li key={criterion.key} className="px-4 py-3">
            <p className="font-medium">
              {t(eligibility[criterion.key].met ? "met" : "notMet", {
                criterion: tCriterion(criterion.key),
              })}
            </p>
            <p className="text-sm text-muted">{eligibility[criterion.key].justification}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
