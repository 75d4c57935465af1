import Link from "next/link";

import { CurrentCentresHeadline } from "@/components/directory/current-centres-headline";
import { KeywordField } from "@/components/directory/keyword-field";
import { currentCentresFigure, currentCentresSearch } from "@/domain/directory/current-centres";
import { currentCentresByRegion } from "@/server/queries/current-centres";

// Counts change with every designation: render per request, never at build.
export const dynamic = "force-dynamic";

// Links to searches are plain <a>: next/link would prefetch a search render
// for each of them (decision 0004).
export default async function HomePage() {
  const regions = await currentCentresByRegion();
  const figure = currentCentresFigure(regions);

  return (
    <div className="space-y-10">
      <section className="max-w-3xl space-y-5">
        <h1 className="text-3xl font-semibold tracking-tight text-brand-800 sm:text-4xl">
          Collaborating centres
        </h1>
        {/* A plain GET form: it searches without JavaScript, and the results page is shareable. */}
        <form method="get" action="/centres" role="search" aria-label="Centres" className="space-y-2">
          <label htmlFor="home-q" className="block text-lg font-medium">
            Search the centres
          </label>
          <p id="home-q-hint" className="text-sm text-muted">
            By topic, institution, city or country: for example telemedicine, nursing or Geneva.
          </p>
          <div className="flex flex-wrap gap-3">
            <KeywordField id="home-q" describedBy="home-q-hint" />
          </div>
        </form>
        <CurrentCentresHeadline figure={figure} className="text-lg" />
        <p className="text-muted">
          Collaborating centres are institutions designated to support the network&apos;s programmes:
          research, training, reference services and technical advice, in every region of the world.
        </p>
      </section>

      <section aria-labelledby="regions-heading" className="space-y-4">
        <h2 id="regions-heading" className="text-xl font-semibold">
          Current centres by region
        </h2>
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {regions.map((region) => (
            <li key={region.code} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
              <a href={currentCentresSearch("current", region.code)} className="group block no-underline">
                <span className="block text-sm font-medium uppercase tracking-wide text-muted">
                  {region.code}
                </span>
                <span className="mt-1 block font-medium text-ink group-hover:underline">{region.name}</span>
                <span className="mt-3 block text-brand-700">
                  <span className="text-3xl font-semibold" data-testid={`region-count-${region.code}`}>
                    {(region.active + region.pending).toLocaleString("en")}
                  </span>{" "}
                  <span className="text-sm">
                    current {region.active + region.pending === 1 ? "centre" : "centres"}
                  </span>
                </span>
              </a>
              <p className="mt-1 text-sm">
                <a href={currentCentresSearch("ACTIVE", region.code)}>
                  {region.active.toLocaleString("en")} active
                </a>
                {" · "}
                <a href={currentCentresSearch("PENDING", region.code)}>
                  {region.pending.toLocaleString("en")} pending renewal
                </a>
              </p>
              <p className="mt-1 text-sm text-muted">Regional office: {region.office}</p>
            </li>
          ))}
        </ul>
      </section>

      <section className="rounded-lg bg-brand-50 p-6">
        <h2 className="text-lg font-semibold">Looking for a centre?</h2>
        <p className="mt-2 text-muted">
          Every centre has its own page under its reference number, for example{" "}
          <Link href="/centres/NOR-18">NOR-18</Link>.
        </p>
      </section>
    </div>
  );
}
