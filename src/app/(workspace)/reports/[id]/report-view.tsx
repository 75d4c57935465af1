import { getTranslations } from "next-intl/server";

import { isWebAddress, sectionFields, type ReportContent } from "@/domain/annual-report";

export type ViewActivity = {
  id: number;
  title: string;
  description: string;
  timeframe: string;
  torItem: { position: number; text: string };
};

/**
 * A report read-only: per work-plan activity its progress, narrative and
 * outputs, then the closing sections. Used for a submitted report, for
 * reviewers, and for last year's report beside this one.
 */
export async function ReportView({
  activities,
  content,
  headingLevel = 2,
  idPrefix,
}: {
  activities: ViewActivity[];
  content: ReportContent;
  headingLevel?: 2 | 3;
  idPrefix: string;
}) {
  const t = await getTranslations("ReportWords");
  const notGiven = t("notGiven");
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const Sub = headingLevel === 2 ? "h3" : "h4";
  return (
    <div className="space-y-8">
      <section aria-labelledby={`${idPrefix}-activities`} className="space-y-4">
        <Heading id={`${idPrefix}-activities`} className="text-xl font-semibold">
          {t("progressHeading")}
        </Heading>
        {activities.length === 0 && <p className="text-muted">{t("noActivity")}</p>}
        <ol className="space-y-4">
          {activities.map((activity, index) => {
            const progress = content.activities[activity.id];
            return (
              <li key={activity.id} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
                <Sub className="font-semibold">
                  {t("activity", { number: index + 1, title: activity.title })}
                </Sub>
                <p className="text-sm text-muted">
                  {t("tor", { position: activity.torItem.position, text: activity.torItem.text })}
                </p>
                <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[10rem_1fr]">
                  <dt className="font-medium text-muted">{t("progress")}</dt>
                  <dd>{progress?.status ? t(`progressStatus.${progress.status}`) : notGiven}</dd>
                  <dt className="font-medium text-muted">{t("narrative")}</dt>
                  <dd className="whitespace-pre-line">{progress?.narrative ?? notGiven}</dd>
                  <dt className="font-medium text-muted">{t("outputs")}</dt>
                  <dd>
                    {progress?.outputs.length ? (
                      <ul className="list-disc space-y-1 ps-5">
                        {progress.outputs.map((output, outputIndex) => (
                          <li key={outputIndex}>
                            <span className="text-muted">
                              {t("outputLine", { kind: t(`outputKind.${output.kind}`) })}
                            </span>{" "}
                            {output.url && isWebAddress(output.url) ? (
                              <a href={output.url} rel="noopener noreferrer nofollow" className="underline">
                                {output.title}
                              </a>
                            ) : (
                              output.title
                            )}
                          </li>
                        ))}
                      </ul>
                    ) : (
                      t("none")
                    )}
                  </dd>
                </dl>
              </li>
            );
          })}
        </ol>
      </section>
      <section aria-labelledby={`${idPrefix}-sections`} className="space-y-3">
        <Heading id={`${idPrefix}-sections`} className="text-xl font-semibold">
          {t("closingHeading")}
        </Heading>
        <dl className="space-y-3">
          {sectionFields.map((field) => (
            <div key={field}>
              <dt className="font-medium text-muted">{t(`section.${field}`)}</dt>
              <dd className="whitespace-pre-line">{content.sections[field] ?? notGiven}</dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}
