import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";

import { FacetGroup } from "@/components/directory/facet-group";
import { FiltersDisclosure, filtersId } from "@/components/directory/filters-disclosure";
import { KeywordField } from "@/components/directory/keyword-field";
import { Pagination } from "@/components/directory/pagination";
import { ResultList } from "@/components/directory/result-list";
import { canonicalSearchLocation } from "@/domain/directory/canonical-query";
import { looseningSuggestions, type Loosening } from "@/domain/directory/loosen";
import {
  fromNextSearchParams,
  maxQueryLength,
  searchToParams,
  type DirectorySearch,
  type FacetName,
  type SortKey,
} from "@/domain/directory/search-params";
import { defaultLocale } from "@/i18n/locales";
import { getFormat, getLocaleHref, getReferenceLabels } from "@/i18n/server";
import { localizeFacet, type ReferenceLabels } from "@/i18n/reference-labels";
import { describeSearchProblems, type SearchErrorsTranslator } from "@/i18n/search-problems";
import { directoryPage } from "@/server/queries/directory-page";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Directory");
  return { title: t("title"), description: t("description") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// The first choice is no choice (an empty value): the default order, which
// is relevance once the visitor types words. Choosing "Relevance" explicitly
// would be the same, so it is not offered twice.
const sortOptions = [
  ["", "best"],
  ["reference", "reference"],
  ["title", "title"],
  ["expiry", "expiry"],
] as const satisfies readonly (readonly ["" | SortKey, string])[];

// The filters in the order they are shown.
const facetOrder = [
  "region",
  "status",
  "country",
  "subject",
  "activity",
  "initiator",
] as const satisfies readonly FacetName[];

// The search's address (unprefixed; the page prefixes it with its language).
const searchPath = (search: DirectorySearch, extra: Record<string, string> = {}) => {
  const query = searchToParams(search, extra).toString();
  return query ? `/centres?${query}` : "/centres";
};

// Every word here is in the catalogues (Directory, Facets, SearchErrors…);
// every link and the form's action keep the page's language, so a French
// visitor who searches, pages or filters stays on /fr/centres, with or
// without JavaScript. Facets are chosen by code (or stored name) and only
// shown in the page's language: a search means the same in every language.
export default async function CentresPage({ searchParams }: Props) {
  const record = fromNextSearchParams(await searchParams);
  const href = await getLocaleHref();
  // A form submission (or any other spelling of a search) goes to the one URL
  // the links use: empty fields and the default sort dropped, values sorted.
  const location = canonicalSearchLocation(record);
  if (location) redirect(href(location));
  const outcome = await directoryPage(record);
  const t = await getTranslations("Directory");
  // What the visitor typed, shown back in the box even when it was rejected.
  const typed = (record.q?.[0] ?? "").slice(0, maxQueryLength * 2);

  if (!outcome.ok) {
    const errors = await getTranslations("SearchErrors");
    const tKeyword = await getTranslations("KeywordField");
    return (
      <div className="space-y-6">
        <h1 className="text-3xl font-semibold tracking-tight text-brand-800">{t("title")}</h1>
        <div role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-5">
          <h2 className="font-semibold">{t("errorHeading")}</h2>
          <ul className="mt-2 list-disc space-y-1 ps-5">
            {describeSearchProblems(errors as unknown as SearchErrorsTranslator, outcome.errors).map(
              (error) => (
                <li key={error}>{error}</li>
              ),
            )}
          </ul>
          <p className="mt-3">
            <a href={href("/centres")}>{t("newSearch")}</a>
          </p>
        </div>
        <form method="get" action={href("/centres")} role="search" className="flex max-w-2xl flex-wrap gap-3">
          <label htmlFor="q-retry" className="sr-only">
            {t("keywords")}
          </label>
          <input
            id="q-retry"
            name="q"
            type="search"
            defaultValue={typed}
            className="min-w-0 flex-1 rounded-md border border-slate-400 px-3 py-2"
          />
          <button type="submit" className="rounded-md bg-brand-700 px-5 py-2 font-medium text-white">
            {tKeyword("search")}
          </button>
        </form>
      </div>
    );
  }

  const { search, page, pages, expand, result, countryIsoCodes } = outcome;
  const locale = await getLocale();
  const format = await getFormat();
  const labels = await getReferenceLabels();
  const facets = facetOrder.map((name) => ({
    name,
    values: localizeFacet(name, result.facets[name], labels, { countryIsoCodes, compare: format.compare }),
  }));
  const chosenFilters = facets.flatMap((facet) => facet.values).filter((value) => value.selected).length;
  const exportQuery = searchToParams({ ...search }).toString();
  const suffix = exportQuery ? `?${exportQuery}` : "";
  // The CSV's column headings in the page's language (English without the parameter).
  const csvQuery = new URLSearchParams(exportQuery);
  if (locale !== defaultLocale) csvQuery.set("lang", locale);
  const csvSuffix = csvQuery.size > 0 ? `?${csvQuery}` : "";

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-semibold tracking-tight text-brand-800">{t("title")}</h1>
        <p className="text-muted">{t("intro")}</p>
      </header>

      {/* Results first, then the filters: beside them on wide screens, a
          closed disclosure below them on a phone (FiltersDisclosure). */}
      <form method="get" action={href("/centres")} className="grid gap-8 lg:grid-cols-[1fr_17rem]">
        <div role="search" className="space-y-3 lg:col-span-2">
          <div className="flex flex-wrap gap-3">
            <label htmlFor="q" className="sr-only">
              {t("keywords")}
            </label>
            <KeywordField id="q" defaultValue={search.q} placeholder={t("placeholder")} />
          </div>
          <div className="flex flex-wrap items-center gap-x-6 gap-y-2 text-sm">
            <label className="flex items-center gap-2">
              <input
                type="checkbox"
                name="former"
                value="1"
                defaultChecked={search.former}
                className="size-4 accent-brand-700"
              />
              {t("former")}
            </label>
            <label className="flex items-center gap-2">
              {t("sortBy")}
              <select
                name="sort"
                defaultValue={search.sort === "relevance" ? "" : (search.sort ?? "")}
                className="rounded-md border border-slate-400 bg-white px-2 py-1"
              >
                {sortOptions.map(([value, label]) => (
                  <option key={value} value={value}>
                    {t(`sort.${label}`)}
                  </option>
                ))}
              </select>
            </label>
          </div>
        </div>

        <section aria-labelledby="results-heading" className="space-y-4">
          <div className="flex flex-wrap items-baseline justify-between gap-3">
            {/* The words typed keep their own direction (<bdi>): on an Arabic page
                "telemedicine" does not pull the count into its left-to-right run. */}
            <h2 id="results-heading" className="text-xl font-semibold" aria-live="polite">
              {search.q
                ? t.rich("resultsFor", {
                    count: result.total,
                    query: search.q,
                    term: (chunks) => <bdi>{chunks}</bdi>,
                  })
                : t("results", { count: result.total })}
            </h2>
            {/* On a phone the filters follow the results: a way there. */}
            <a href={`#${filtersId}`} className="text-sm lg:hidden">
              {t("filtersLink")}
            </a>
            {result.total > 0 && (
              <p className="text-sm">
                {t.rich("download", {
                  csv: (chunks) => (
                    <a href={`/api/v1/centres.csv${csvSuffix}`} download>
                      {chunks}
                    </a>
                  ),
                  json: (chunks) => <a href={`/api/v1/centres.json${suffix}`}>{chunks}</a>,
                  ndjson: (chunks) => <a href={`/api/v1/centres.ndjson${suffix}`}>{chunks}</a>,
                })}
              </p>
            )}
          </div>
          {result.corrections.length > 0 && (
            <p className="rounded-md bg-brand-50 px-4 py-2 text-sm">
              {t.rich("alsoSearched", {
                corrections: () =>
                  format.listParts(result.corrections.length).map((part, index) =>
                    typeof part === "string" ? (
                      part
                    ) : (
                      <span key={index}>
                        {t.rich("correction", {
                          correction: result.corrections[part]!.correction,
                          word: result.corrections[part]!.word,
                          strong: (chunks) => (
                            <strong>
                              <bdi>{chunks}</bdi>
                            </strong>
                          ),
                          typed: (chunks) => <bdi>{chunks}</bdi>,
                        })}
                      </span>
                    ),
                  ),
              })}
            </p>
          )}
          {result.total === 0 ? (
            <EmptyResult search={search} labels={labels} countryIsoCodes={countryIsoCodes} />
          ) : page > pages ? (
            <p>
              {t.rich("beyondLastPage", {
                pages,
                link: (chunks) => <a href={href(searchPath(search))}>{chunks}</a>,
              })}
            </p>
          ) : (
            <>
              <ResultList items={result.items} countryIsoCodes={countryIsoCodes} />
              <Pagination
                page={page}
                pages={pages}
                href={(target) => href(searchPath(search, target > 1 ? { page: String(target) } : {}))}
              />
            </>
          )}
        </section>

        <FiltersDisclosure open={expand !== undefined} chosen={chosenFilters}>
          <p className="text-sm text-muted">{t("filtersHint")}</p>
          {facets.map(({ name, values }) => (
            <FacetGroup
              key={name}
              name={name}
              values={values}
              // The page comes back where the visitor was: at the filters, the facet now whole.
              expandHref={
                expand === name ? undefined : `${href(searchPath(search, { expand: name }))}#${filtersId}`
              }
            />
          ))}
          <button
            type="submit"
            className="w-full rounded-md border border-brand-700 bg-white px-4 py-2 font-medium text-brand-800"
          >
            {t("applyFilters")}
          </button>
        </FiltersDisclosure>
      </form>
    </div>
  );
}

async function EmptyResult({
  search,
  labels,
  countryIsoCodes,
}: {
  search: DirectorySearch;
  labels: ReferenceLabels;
  countryIsoCodes: Record<string, string>;
}) {
  const t = await getTranslations("Directory");
  const href = await getLocaleHref();
  const suggestions = looseningSuggestions(search);
  // A removed filter is named as the facets name it: by its label, a region by its code.
  const valueLabel = (way: Extract<Loosening, { kind: "remove" }>) => {
    switch (way.facet) {
      case "country":
        return labels.country({
          code: way.value,
          isoCode: countryIsoCodes[way.value] ?? null,
          name: way.value,
        });
      case "status":
        return labels.status(way.value as DirectorySearch["status"][number]);
      case "subject":
        return labels.subject(way.value);
      case "activity":
        return labels.activity(way.value);
      case "initiator":
        return labels.initiator(way.value);
      default:
        return way.value;
    }
  };
  const text = (way: Loosening) =>
    way.kind === "remove"
      ? t("loosen.remove", { facet: way.facet, value: valueLabel(way) })
      : way.kind === "former"
        ? t("loosen.former")
        : t("loosen.withoutWords", { query: way.q });
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-6">
      <p className="font-medium">{t("empty")}</p>
      {suggestions.length > 0 ? (
        <>
          <p className="mt-2 text-muted">{t("widen")}</p>
          <ul className="mt-2 list-disc space-y-1 ps-5">
            {suggestions.map((suggestion) => {
              const label = text(suggestion);
              return (
                <li key={label}>
                  <a href={href(searchPath(suggestion.search))}>{label}</a>
                </li>
              );
            })}
          </ul>
        </>
      ) : (
        <p className="mt-2 text-muted">{t("checkSpelling")}</p>
      )}
    </div>
  );
}
