import Link from "next/link";

import { activeCentresPerRegion } from "@/server/queries/directory-stats";

// Counts change with every designation: render per request, never at build.
export const dynamic = "force-dynamic";

export default async function HomePage() {
  const regions = await activeCentresPerRegion();
  const total = regions.reduce((sum, region) => sum + region.activeCentres, 0);

  return (
    <div className="space-y-10">
      <section className="max-w-3xl space-y-4">
        <h1 className="text-3xl font-semibold tracking-tight text-brand-800 sm:text-4xl">
          Collaborating centres
        </h1>
        <p className="text-lg text-muted">
          Institutions designated to support the network&apos;s programmes: research, training, reference
          services and technical advice, in every region of the world.
        </p>
        <p className="text-lg">
          <strong className="font-semibold">{total.toLocaleString("en")}</strong> centres are active today.
        </p>
      </section>

      <section aria-labelledby="regions-heading" className="space-y-4">
        <h2 id="regions-heading" className="text-xl font-semibold">
          Active centres by region
        </h2>
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {regions.map((region) => (
            <li key={region.code} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
              <p className="text-sm font-medium uppercase tracking-wide text-muted">{region.code}</p>
              <p className="mt-1 font-medium">{region.name}</p>
              <p
                className="mt-3 text-3xl font-semibold text-brand-700"
                data-testid={`region-count-${region.code}`}
              >
                {region.activeCentres.toLocaleString("en")}
                <span className="sr-only"> active centres</span>
              </p>
              <p className="text-sm text-muted">Regional office: {region.office}</p>
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
