import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { BarChart } from "@/components/directory/bar-chart";
import { ColumnChart } from "@/components/directory/column-chart";
import { CurrentCentresHeadline } from "@/components/directory/current-centres-headline";
import { getFormat, getLocaleHref, getReferenceLabels } from "@/i18n/server";
import { directoryStats, type Count } from "@/server/queries/directory-stats";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("StatsPage");
  return { title: t("title"), description: t("description") };
}

type YearRow = { year: number; initial: number; redesignation: number };

// A year without designations is a zero, not a missing column.
function everyYear(rows: YearRow[]): YearRow[] {
  const first = rows[0]?.year;
  const last = rows.at(-1)?.year;
  if (first === undefined || last === undefined) return [];
  const byYear = new Map(rows.map((row) => [row.year, row]));
  return Array.from({ length: last - first + 1 }, (_, index) => {
    const year = first + index;
    return byYear.get(year) ?? { year, initial: 0, redesignation: 0 };
  });
}

const topSubjects = 20;

export default async function StatsPage() {
  const stats = await directoryStats();
  const t = await getTranslations("StatsPage");
  const labels = await getReferenceLabels();
  const format = await getFormat();
  const href = await getLocaleHref();
  const search = (key: string, value: string) => href(`/centres?${new URLSearchParams({ [key]: value })}`);
  // Bars named in the page's language, searching by the stored name; ties in the language's order.
  const bars = (rows: Count[], key: "subject" | "activity", label: (name: string) => string) =>
    rows
      .map((row) => ({ label: label(row.label), value: row.value, href: search(key, row.label) }))
      .sort((a, b) => b.value - a.value || format.compare(a.label, b.label));
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-semibold tracking-tight text-brand-800">{t("title")}</h1>
        <CurrentCentresHeadline figure={stats.headline} />
        <p className="text-muted">{t("intro")}</p>
      </header>
      <BarChart
        id="regions"
        title={t("byRegion")}
        labelHeading={t("region")}
        valueLabel={t("centres")}
        bars={stats.byRegion.map((row) => ({
          label: labels.region(row.code ?? "", row.label),
          value: row.value,
          href: search("region", row.code ?? ""),
        }))}
      />
      <BarChart
        id="activities"
        title={t("byActivity")}
        labelHeading={t("activity")}
        valueLabel={t("centres")}
        bars={bars(stats.byActivity, "activity", labels.activity)}
      />
      <BarChart
        id="subjects"
        title={t("bySubject", { count: topSubjects })}
        labelHeading={t("subject")}
        valueLabel={t("centres")}
        // The same 20 in every language (the database's order), then in the page's.
        bars={bars(stats.bySubject.slice(0, topSubjects), "subject", labels.subject)}
      />
      <ColumnChart
        id="years"
        title={t("perYear")}
        labelHeading={t("year")}
        series={[t("first"), t("redesignations")]}
        columns={everyYear(stats.designationsPerYear).map((row) => ({
          label: String(row.year),
          values: [row.initial, row.redesignation],
        }))}
      />
      <ColumnChart
        id="expiries"
        title={t("expiries")}
        labelHeading={t("month")}
        series={[t("termsEnding")]}
        columns={stats.expiriesNext12Months.map((row, index) => ({
          label: format.month(row.month),
          // Under each column its month; the year under the first and under each January.
          axis:
            index === 0 || row.month.endsWith("-01")
              ? [format.monthName(row.month), format.year(row.month)]
              : [format.monthName(row.month)],
          values: [row.value],
        }))}
        emptyMessage={t("noExpiries")}
      />
    </div>
  );
}
