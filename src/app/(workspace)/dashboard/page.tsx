import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";

import { DataTable } from "@/components/data-table";
import { PENDING_REVIEW_AFTER_DAYS } from "@/domain/dashboard";
import { localeFormat } from "@/i18n/format";
import { getLocaleHref } from "@/i18n/server";
import { requirePage } from "@/server/policy/page-guard";
import { dashboard, dashboardScope, type DashboardSection } from "@/server/queries/dashboard";

import { rowWords } from "./row-words";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Dashboard");
  return { title: t("title") };
}

export default async function DashboardPage() {
  const viewer = await requirePage("dashboard.read", null, "/dashboard");
  const [sections, scope, t, format] = await Promise.all([
    dashboard(viewer),
    dashboardScope(viewer),
    getTranslations("Dashboard"),
    getFormatter(),
  ]);
  const scopeWords = scope.all
    ? t("scopeAll")
    : scope.parts.length === 0
      ? t("scopeNone")
      : format.list(
          scope.parts.map((part) =>
            part.kind === "officer"
              ? t("scopeOfficer")
              : part.kind === "region"
                ? t("scopeRegion", { code: part.code })
                : t("scopeUnit", { name: part.name }),
          ),
          { type: "unit" },
        );
  return (
    <div className="space-y-10">
      <div className="space-y-2">
        <h1 className="text-3xl font-semibold tracking-tight text-brand-800">{t("title")}</h1>
        <p className="text-muted">{t("intro", { scope: scopeWords })}</p>
        <nav aria-label={t("listsLabel")}>
          <ul className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
            {sections.map((section) => (
              <li key={section.id}>
                <a href={`#${section.id}`}>
                  {t(`lists.${section.id}.title`, { days: PENDING_REVIEW_AFTER_DAYS })} ({section.total})
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

async function DashboardList({ section }: { section: DashboardSection }) {
  const [t, locale, href] = await Promise.all([getTranslations("Dashboard"), getLocale(), getLocaleHref()]);
  const title = t(`lists.${section.id}.title`, { days: PENDING_REVIEW_AFTER_DAYS });
  const headingId = `${section.id}-heading`;
  return (
    <section id={section.id} aria-labelledby={headingId} className="space-y-3" data-testid={section.id}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={headingId} className="text-xl font-semibold">
          {title} <span className="text-base font-normal text-muted">({section.total})</span>
        </h2>
        {section.total > 0 && (
          // A plain link: the browser downloads the file (Content-Disposition).
          <a href={`/dashboard/export/${section.id}.csv`} className="text-sm font-medium underline">
            {t("download", { title, count: section.total })}
          </a>
        )}
      </div>
      {section.total === 0 ? (
        <p className="text-muted">{t(`lists.${section.id}.empty`)}</p>
      ) : (
        <>
          <DataTable
            columns={[
              t("columnCentre"),
              t("columnItem"),
              t(`lists.${section.id}.dateHeader`),
              t(`lists.${section.id}.lateHeader`),
              t("columnNote"),
            ]}
          >
            {section.rows.map((row) => {
              const words = rowWords(t, section.id, row);
              return (
                <tr key={row.key}>
                  <td className="px-4 py-2">
                    <Link
                      href={href(`/centres/${encodeURIComponent(row.centre.reference)}`)}
                      className="font-medium"
                    >
                      {row.centre.reference}
                    </Link>
                    <span className="block text-muted">{row.centre.title}</span>
                  </td>
                  <td className="px-4 py-2">
                    <Link href={href(row.href)}>
                      {words.item}
                      <span className="sr-only">{t("itemOf", { reference: row.centre.reference })}</span>
                    </Link>
                  </td>
                  <td className="px-4 py-2 whitespace-nowrap">{localeFormat(locale).day(row.date)}</td>
                  <td className="px-4 py-2 whitespace-nowrap">{words.lateness}</td>
                  <td className="px-4 py-2">{words.note}</td>
                </tr>
              );
            })}
          </DataTable>
          {section.total > section.rows.length && (
            <p className="text-sm text-muted">
              {t("showing", { shown: section.rows.length, total: section.total })}
            </p>
          )}
        </>
      )}
    </section>
  );
}
