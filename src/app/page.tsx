import { getTranslations } from "next-intl/server";

import { CurrentCentresHeadline } from "@/components/directory/current-centres-headline";
import { KeywordField } from "@/components/directory/keyword-field";
import { currentCentresFigure, currentCentresSearch } from "@/domain/directory/current-centres";
import { getLocaleHref } from "@/i18n/server";
import { currentCentresByRegion } from "@/server/queries/current-centres";

// Counts change with every designation: render per request, never at build.
export const dynamic = "force-dynamic";

// Links to searches are plain <a>: next/link would prefetch a search render
// for each of them (decision 0004). Every word comes from the catalogue
// (Home.*, messages/<locale>.json) and every link stays in the page's language.
export default async function HomePage() {
  const regions = await currentCentresByRegion();
  const figure = currentCentresFigure(regions);
  const t = await getTranslations("Home");
  const regionText = await getTranslations("Regions");
  const href = await getLocaleHref();
  // Region names and offices by code; a region the catalogue does not know keeps its name from the database.
  const tRegion = (code: string, part: "name" | "office", fallback: string) => {
    const key = `${code}.${part}` as `AFRO.${typeof part}`;
    return regionText.has(key) ? regionText(key) : fallback;
  };

  return (
    <div className="space-y-10">
      <section className="max-w-3xl space-y-5">
        <h1 className="text-3xl font-semibold tracking-tight text-brand-800 sm:text-4xl">{t("title")}</h1>
        {/* A plain GET form: it searches without JavaScript, and the results page is shareable. */}
        <form
          method="get"
          action={href("/centres")}
          role="search"
          aria-label={t("searchForm")}
          className="space-y-2"
        >
          <label htmlFor="home-q" className="block text-lg font-medium">
            {t("searchLabel")}
          </label>
          <p id="home-q-hint" className="text-sm text-muted">
            {t("searchHint")}
          </p>
          <div className="flex flex-wrap gap-3">
            <KeywordField id="home-q" describedBy="home-q-hint" />
          </div>
        </form>
        <CurrentCentresHeadline figure={figure} className="text-lg" />
        <p className="text-muted">{t("about")}</p>
      </section>

      <section aria-labelledby="regions-heading" className="space-y-4">
        <h2 id="regions-heading" className="text-xl font-semibold">
          {t("regionsHeading")}
        </h2>
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {regions.map((row) => (
            <li key={row.code} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
              <a href={href(currentCentresSearch("current", row.code))} className="group block no-underline">
                <span className="block text-sm font-medium uppercase tracking-wide text-muted">
                  {row.code}
                </span>
                <span className="mt-1 block font-medium text-ink group-hover:underline">
                  {tRegion(row.code, "name", row.name)}
                </span>
                <span className="mt-3 block text-brand-700">
                  {t.rich("regionCurrent", {
                    count: row.active + row.pending,
                    figure: (chunks) => (
                      <span className="text-3xl font-semibold" data-testid={`region-count-${row.code}`}>
                        {chunks}
                      </span>
                    ),
                    label: (chunks) => <span className="text-sm">{chunks}</span>,
                  })}
                </span>
              </a>
              <p className="mt-1 text-sm">
                <a href={href(currentCentresSearch("ACTIVE", row.code))}>
                  {t("regionActive", { count: row.active })}
                </a>
                {" · "}
                <a href={href(currentCentresSearch("PENDING", row.code))}>
                  {t("regionPending", { count: row.pending })}
                </a>
              </p>
              <p className="mt-1 text-sm text-muted">
                {t("regionalOffice", { office: tRegion(row.code, "office", row.office) })}
              </p>
            </li>
          ))}
        </ul>
      </section>

      <section className="rounded-lg bg-brand-50 p-6">
        <h2 className="text-lg font-semibold">{t("lookingHeading")}</h2>
        <p className="mt-2 text-muted">
          {t.rich("lookingText", {
            link: (chunks) => <a href={href("/centres/NOR-18")}>{chunks}</a>,
          })}
        </p>
      </section>
    </div>
  );
}
