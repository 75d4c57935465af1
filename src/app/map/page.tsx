import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { CurrentCentresHeadline } from "@/components/directory/current-centres-headline";
import { WorldMap } from "@/components/directory/world-map";
import { currentCentresFigure } from "@/domain/directory/current-centres";
import { getFormat, getLocaleHref, getReferenceLabels } from "@/i18n/server";
import { currentCentresByRegion } from "@/server/queries/current-centres";
import { centresByCountry } from "@/server/queries/directory-map";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("MapPage");
  return { title: t("title"), description: t("description") };
}

export default async function MapPage() {
  const [rows, regions] = await Promise.all([centresByCountry(), currentCentresByRegion()]);
  const t = await getTranslations("MapPage");
  const labels = await getReferenceLabels();
  const format = await getFormat();
  const href = await getLocaleHref();
  // Countries named in the page's language; ties in the table in its alphabetical order.
  const counts = rows
    .map((row) => ({
      ...row,
      name: labels.country({ code: row.code, isoCode: row.isoCode, name: row.name }),
    }))
    .sort((a, b) => b.count - a.count || format.compare(a.name, b.name));
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-semibold tracking-tight text-brand-800">{t("title")}</h1>
        <CurrentCentresHeadline figure={currentCentresFigure(regions)} />
        <p className="text-muted">{t("countries", { count: counts.length })}</p>
      </header>
      {/* Beside the map (xl), the table is as tall as the map and scrolls
          ([contain:size] keeps it from setting the row's height), so no empty
          area follows the map; below it, it scrolls within 32rem. */}
      <div className="grid gap-8 xl:grid-cols-[1fr_20rem]">
        <WorldMap counts={counts} href={href} />
        <section aria-labelledby="country-table-heading" className="flex flex-col gap-2 xl:[contain:size]">
          <h2 id="country-table-heading" className="text-lg font-semibold">
            {t("tableHeading")}
          </h2>
          <div
            className="max-h-[32rem] min-h-0 flex-1 overflow-y-auto rounded-lg border border-slate-200 bg-white xl:max-h-none"
            tabIndex={0}
            role="region"
            aria-labelledby="country-table-heading"
          >
            <table className="w-full text-sm">
              <thead className="sticky top-0 bg-slate-50 text-start">
                <tr>
                  <th scope="col" className="px-3 py-2 text-start font-semibold">
                    {t("column.country")}
                  </th>
                  <th scope="col" className="px-3 py-2 text-start font-semibold">
                    {t("column.region")}
                  </th>
                  <th scope="col" className="px-3 py-2 text-end font-semibold">
                    {t("column.centres")}
                  </th>
                </tr>
              </thead>
              {/* One class for ~95 rows' cells (globals.css): sent twice. */}
              <tbody className="country-rows">
                {counts.map((country) => (
                  <tr key={country.code}>
                    <th scope="row">
                      <a href={href(`/centres?country=${country.code}`)}>{country.name}</a>
                    </th>
                    <td>{country.region}</td>
                    <td>{format.number(country.count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      </div>
    </div>
  );
}
