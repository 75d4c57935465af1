import type { Metadata } from "next";
import Link from "next/link";

import { DataTable } from "@/components/data-table";
import { dashboardListText } from "@/domain/dashboard";
import { formatIsoDate } from "@/domain/dates";
import { requirePage } from "@/server/policy/page-guard";
import { dashboard, dashboardScopeLabel, type DashboardSection } from "@/server/queries/dashboard";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const viewer = await requirePage("dashboard.read", null, "/dashboard");
  const [sections, scope] = await Promise.all([dashboard(viewer), dashboardScopeLabel(viewer)]);
  return (
    <div className="space-y-10">
      <div className="space-y-2">
        <h1 className="text-3xl font-semibold tracking-tight text-brand-800">Dashboard</h1>
        <p className="text-muted">
          Deadlines for {scope}, as of today. Each list can be downloaded as a spreadsheet (CSV).
        </p>
        <nav aria-label="Lists on this page">
          <ul className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
            {sections.map((section) => (
              <li key={section.id}>
                <a href={`#${section.id}`}>
                  {dashboardListText[section.id].title} ({section.total})
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      {sections.map((section) => (
        <DashboardList key={section.id} section={section} />
      ))}
    </div>
  );
}

function DashboardList({ section }: { section: DashboardSection }) {
  const text = dashboardListText[section.id];
  const headingId = `${section.id}-heading`;
  return (
    <section id={section.id} aria-labelledby={headingId} className="space-y-3" data-testid={section.id}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={headingId} className="text-xl font-semibold">
          {text.title} <span className="text-base font-normal text-muted">({section.total})</span>
        </h2>
        {section.total > 0 && (
          // A plain link: the browser downloads the file (Content-Disposition).
          <a href={`/dashboard/export/${text.file}.csv`} className="text-sm font-medium underline">
            Download “{text.title}” as CSV ({section.total} {section.total === 1 ? "row" : "rows"})
          </a>
        )}
      </div>
      {section.total === 0 ? (
        <p className="text-muted">{text.empty}</p>
      ) : (
        <>
          <DataTable columns={["Centre", "Item", text.dateHeader, text.lateHeader, "Note"]}>
            {section.rows.map((row) => (
              <tr key={row.key}>
                <td className="px-4 py-2">
                  <Link href={`/centres/${encodeURIComponent(row.centre.reference)}`} className="font-medium">
                    {row.centre.reference}
                  </Link>
                  <span className="block text-muted">{row.centre.title}</span>
                </td>
                <td className="px-4 py-2">
                  <Link href={row.href}>
                    {row.item}
                    <span className="sr-only"> of {row.centre.reference}</span>
                  </Link>
                </td>
                <td className="px-4 py-2 whitespace-nowrap">{formatIsoDate(row.date)}</td>
                <td className="px-4 py-2 whitespace-nowrap">{row.lateness}</td>
                <td className="px-4 py-2">{row.note}</td>
              </tr>
            ))}
          </DataTable>
          {section.total > section.rows.length && (
            <p className="text-sm text-muted">
              Showing the {section.rows.length} most urgent of {section.total}. The CSV has all of them.
            </p>
          )}
        </>
      )}
    </section>
  );
}
