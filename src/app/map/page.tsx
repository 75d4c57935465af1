import type { Metadata } from "next";

import { CurrentCentresHeadline } from "@/components/directory/current-centres-headline";
import { WorldMap } from "@/components/directory/world-map";
import { currentCentresFigure } from "@/domain/directory/current-centres";
import { currentCentresByRegion } from "@/server/queries/current-centres";
import { centresByCountry } from "@/server/queries/directory-map";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Map of centres",
  description:
    "Where the collaborating centres are: a world map of current centres per country, with a table.",
};

export default async function MapPage() {
  const [counts, regions] = await Promise.all([centresByCountry(), currentCentresByRegion()]);
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-semibold tracking-tight text-brand-800">Map of centres</h1>
        <CurrentCentresHeadline figure={currentCentresFigure(regions)} />
        <p className="text-muted">In {counts.length} countries. Choose a country to see its centres.</p>
      </header>
      {/* Beside the map (xl), the table is as tall as the map and scrolls
          ([contain:size] keeps it from setting the row's height), so no empty
          area follows the map; below it, it scrolls within 32rem. */}
      <div className="grid gap-8 xl:grid-cols-[1fr_20rem]">
        <WorldMap counts={counts} />
        <section aria-labelledby="country-table-heading" className="flex flex-col gap-2 xl:[contain:size]">
          <h2 id="country-table-heading" className="text-lg font-semibold">
            Centres by country
          </h2>
          <div
            className="max-h-[32rem] min-h-0 flex-1 overflow-y-auto rounded-lg border border-slate-200 bg-white xl:max-h-none"
            tabIndex={0}
            role="region"
            aria-labelledby="country-table-heading"
          >
            <table className="w-full text-sm">
              <thead className="sticky top-0 bg-slate-50 text-left">
                <tr>
                  <th scope="col" className="px-3 py-2 font-semibold">
                    Country
                  </th>
                  <th scope="col" className="px-3 py-2 font-semibold">
                    Region
                  </th>
                  <th scope="col" className="px-3 py-2 text-right font-semibold">
                    Centres
                  </th>
                </tr>
              </thead>
              {/* One class for ~95 rows' cells (globals.css): sent twice. */}
              <tbody className="country-rows">
                {counts.map((country) => (
                  <tr key={country.code}>
                    <th scope="row">
                      <a href={`/centres?country=${country.code}`}>{country.name}</a>
                    </th>
                    <td>{country.region}</td>
                    <td>{country.count}</td>
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
