import { getTranslations } from "next-intl/server";

import { RETURN_NOTE_MAX } from "@/domain/annual-report";
import { acceptReportAction, returnReportAction } from "@/server/commands/report/actions";

// The designation page's small action form: one way to do a small form.
import { ActionForm } from "../../designations/[id]/action-form";

/** The responsible officer's review of a submitted report: accept, or return with a note. */
export async function ReviewForms({
  reportId,
  version,
  idempotencyKey,
}: {
  reportId: number;
  version: number;
  idempotencyKey: string;
}) {
  const t = await getTranslations("ReportReview");
  return (
    <section
      aria-labelledby="review"
      className="space-y-6 rounded-lg border border-brand-100 bg-brand-50 p-5"
      data-testid="review-forms"
    >
      <h2 id="review" className="text-xl font-semibold">
        {t("heading")}
      </h2>
      <div className="grid gap-8 md:grid-cols-2">
        <ActionForm
          legend={t("acceptLegend")}
          action={acceptReportAction}
          hidden={{ reportId, version, idempotencyKey: `${idempotencyKey}-accept` }}
          submitLabel={t("acceptSubmit")}
        />
        <ActionForm
          legend={t("returnLegend")}
          action={returnReportAction}
          hidden={{ reportId, version, idempotencyKey: `${idempotencyKey}-return` }}
          fields={[
            {
              name: "note",
              label: t("noteLabel"),
              kind: "textarea",
              hint: t("noteHint", { count: RETURN_NOTE_MAX }),
            },
          ]}
          submitLabel={t("returnSubmit")}
          variant="secondary"
        />
      </div>
    </section>
  );
}
