import { RETURN_NOTE_MAX } from "@/domain/annual-report";
import { acceptReportAction, returnReportAction } from "@/server/commands/report/actions";

// The designation page's small action form: one way to do a small form.
import { ActionForm } from "../../designations/[id]/action-form";

/** The responsible officer's review of a submitted report: accept, or return with a note. */
export function ReviewForms({
  reportId,
  version,
  idempotencyKey,
}: {
  reportId: number;
  version: number;
  idempotencyKey: string;
}) {
  return (
    <section
      aria-labelledby="review"
      className="space-y-6 rounded-lg border border-brand-100 bg-brand-50 p-5"
      data-testid="review-forms"
    >
      <h2 id="review" className="text-xl font-semibold">
        Your review
      </h2>
      <div className="grid gap-8 md:grid-cols-2">
        <ActionForm
          legend="Accept the report"
          action={acceptReportAction}
          hidden={{ reportId, version, idempotencyKey: `${idempotencyKey}-accept` }}
          submitLabel="Accept report"
        />
        <ActionForm
          legend="Return it to the centre"
          action={returnReportAction}
          hidden={{ reportId, version, idempotencyKey: `${idempotencyKey}-return` }}
          fields={[
            {
              name: "note",
              label: "Note to the centre",
              kind: "textarea",
              hint: `What should the centre change? They see this note next to the report. Up to ${RETURN_NOTE_MAX.toLocaleString("en-GB")} characters.`,
            },
          ]}
          submitLabel="Return with note"
          variant="secondary"
        />
      </div>
    </section>
  );
}
