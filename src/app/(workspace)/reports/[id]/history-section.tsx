import { getTranslations } from "next-intl/server";

import type { AnnualReportPage } from "@/server/queries/annual-report-page";
import { utcDateTime } from "@/domain/dates";

const actionKeys = {
  "report.submit": "action.submit",
  "report.return": "action.return",
  "report.accept": "action.accept",
} as const satisfies Record<AnnualReportPage["history"][number]["action"], string>;

/** Every submission, return (with its note) and acceptance, with who and when: for the centre and WHO alike. */
export async function HistorySection({ history }: { history: AnnualReportPage["history"] }) {
  const t = await getTranslations("ReportHistory");
  return (
    <section aria-labelledby="history" className="space-y-4">
      <h2 id="history" className="text-xl font-semibold">
        {t("heading")}
      </h2>
      {history.length === 0 ? (
        <p className="text-muted">{t("notSubmitted")}</p>
      ) : (
        <ol className="space-y-3 border-s-2 border-brand-100 ps-4" data-testid="report-history">
          {history.map((entry) => (
            <li key={entry.key}>
              <p className="font-medium">{t(actionKeys[entry.action])}</p>
              <p className="text-sm text-muted">
                <time dateTime={entry.at.toISOString()}>{utcDateTime(entry.at)}</time>
                {entry.actor ? ` · ${entry.actor}` : ""}
              </p>
              {entry.note && (
                <blockquote className="mt-1 border-s-4 border-amber-500 bg-amber-50 px-3 py-2 whitespace-pre-line">
                  {entry.note}
                </blockquote>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
