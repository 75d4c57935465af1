import type { Metadata } from "next";

import { BarChart } from "@/components/directory/bar-chart";
import { ColumnChart } from "@/components/directory/column-chart";
import { CurrentCentresHeadline } from "@/components/directory/current-centres-headline";
import { directoryStats } from "@/server/queries/directory-stats";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Statistics",
  description:
    "Collaborating centres in figures: by region, subject and type of activity, designations per year and terms ending in the next twelve months.",
};

const monthLabel = (month: string) =>
  new Date(`${month}-01T00:00:00Z`).toLocaleDateString("en-GB", {
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });

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

export default async function StatsPage() {
  const stats = await directoryStats();
  const search = (key: string, value: string) => `/centres?${new URLSearchParams({ [key]: value })}`;
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-semibold tracking-tight text-brand-800">Statistics</h1>
        <CurrentCentresHeadline figure={stats.headline} />
        <p className="text-muted">Each chart has a table with the same figures.</p>
      </header>
      <BarChart
        id="regions"
        title="Centres by region"
        labelHeading="Region"
        valueLabel="Centres"
        bars={stats.byRegion.map((row) => ({
          label: row.label,
          value: row.value,
          href: search("region", row.code ?? ""),
        }))}
      />
      <BarChart
        id="activities"
        title="Centres by type of activity"
        labelHeading="Type of activity"
        valueLabel="Centres"
        bars={stats.byActivity.map((row) => ({ ...row, href: search("activity", row.label) }))}
      />
      <BarChart
        id="subjects"
        title="Centres by subject (the 20 most common)"
        labelHeading="Subject"
        valueLabel="Centres"
        bars={stats.bySubject.slice(0, 20).map((row) => ({ ...row, href: search("subject", row.label) }))}
      />
      <ColumnChart
        id="years"
        title="Designations per year"
        labelHeading="Year"
        series={["First designations", "Redesignations"]}
        columns={everyYear(stats.designationsPerYear).map((row) => ({
          label: String(row.year),
          values: [row.initial, row.redesignation],
        }))}
      />
      <ColumnChart
        id="expiries"
        title="Active centres whose term ends in the next 12 months"
        labelHeading="Month"
        series={["Terms ending"]}
        columns={stats.expiriesNext12Months.map((row) => ({
          label: monthLabel(row.month),
          values: [row.value],
        }))}
        emptyMessage="No active centre's term ends in the next 12 months."
      />
    </div>
  );
}
