import Link from "next/link";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { FacetGroup } from "@/components/directory/facet-group";
import { FiltersDisclosure, filtersId } from "@/components/directory/filters-disclosure";
import { KeywordField } from "@/components/directory/keyword-field";
import { Pagination } from "@/components/directory/pagination";
import { ResultList } from "@/components/directory/result-list";
import { canonicalSearchLocation } from "@/domain/directory/canonical-query";
import { looseningSuggestions } from "@/domain/directory/loosen";
import {
  fromNextSearchParams,
  maxQueryLength,
  searchToParams,
  type DirectorySearch,
  type SortKey,
  type FacetName,
} from "@/domain/directory/search-params";
import { directoryPage } from "@/server/queries/directory-page";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Find a centre",
  description:
    "Search the collaborating centres by keyword, region, country, subject, type of activity and status; export the results as CSV, JSON or NDJSON.",
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// The first choice is no choice (an empty value): the default order, which
// is relevance once the visitor types words. Choosing "Relevance" explicitly
// would be the same, so it is not offered twice.
const sortOptions = [
  ["", "Best match"],
  ["reference", "Reference"],
  ["title", "Title"],
  ["expiry", "Term end (soonest first)"],
] as const satisfies readonly (readonly ["" | SortKey, string])[];

const facetLegends = [
  ["region", "Region"],
  ["status", "Status"],
  ["country", "Country"],
  ["subject", "Subject"],
  ["activity", "Type of activity"],
  ["initiator", "Initiated by"],
] as const satisfies readonly (readonly [FacetName, string])[];

const href = (search: DirectorySearch, extra: Record<string, string> = {}) => {
  const query = searchToParams(search, extra).toString();
  return query ? `/centres?${query}` : "/centres";
};

export default async function CentresPage({ searchParams }: Props) {
  const record = fromNextSearchParams(await searchParams);
  // A form submission (or any other spelling of a search) goes to the one URL
  // the links use: empty fields and the default sort dropped, values sorted.
  const location = canonicalSearchLocation(record);
  if (location) redirect(location);
  const outcome = await directoryPage(record);
  // What the visitor typed, shown back in the box even when it was rejected.
  const typed = (record.q?.[0] ?? "").slice(0, maxQueryLength * 2);

  if (!outcome.ok) {
    return (
      <div className="space-y-6">
        <h1 className="text-3xl font-semibold tracking-tight text-brand-800">Find a centre</h1>
        <div role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-5">
          <h2 className="font-semibold">We could not run this search</h2>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {outcome.errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
          <p className="mt-3">
            <Link href="/centres" prefetch={false}>
              Start a new search
            </Link>
          </p>
        </div>
        <form method="get" action="/centres" role="search" className="flex max-w-2xl flex-wrap gap-3">
          <label htmlFor="q-retry" className="sr-only">
            Keywords
          </label>
          <input
            id="q-retry"
            name="q"
            type="search"
            defaultValue={typed}
            className="min-w-0 flex-1 rounded-md border border-slate-400 px-3 py-2"
          />
          <button type="submit" className="rounded-md bg-brand-700 px-5 py-2 font-medium text-white">
            Search
          </button>
        </form>
      </div>
    );
  }

  const { search, page, pages, expand, result } = outcome;
  const chosenFilters = facetLegends
    .flatMap(([name]) => result.facets[name])
    .filter((value) => value.selected).length;
  const exportQuery = searchToParams({ ...search }).toString();
  const suffix = exportQuery ? `?${exportQuery}` : "";

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-semibold tracking-tight text-brand-800">Find a centre</h1>
        <p className="text-muted">
          Search titles, subjects, institutions, cities, terms of reference and planned activities.
        </p>
      </header>

      {/* Results first, then the filters: beside them on wide screens, a
          closed disclosure below them on a phone (FiltersDisclosure). */}
      <form method="get" action="/centres" className="grid gap-8 lg:grid-cols-[1fr_17rem]">
        <div role="search" className="space-y-3 lg:col-span-2">
          <div className="flex flex-wrap gap-3">
            <label htmlFor="q" className="sr-only">
              Keywords
            </label>
            <KeywordField
              id="q"
              defaultValue={search.q}
              placeholder="For example: telemedicine, nursing, Geneva"
            />
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
              Include former centres (closed and terminated)
            </label>
            <label className="flex items-center gap-2">
              Sort by
              <select
                name="sort"
                defaultValue={search.sort === "relevance" ? "" : (search.sort ?? "")}
                className="rounded-md border border-slate-400 bg-white px-2 py-1"
              >
                {sortOptions.map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
          </div>
        </div>

        <section aria-labelledby="results-heading" className="space-y-4">
          <div className="flex flex-wrap items-baseline justify-between gap-3">
            <h2 id="results-heading" className="text-xl font-semibold" aria-live="polite">
              {result.total.toLocaleString("en")} {result.total === 1 ? "centre" : "centres"}
              {search.q ? <> for “{search.q}”</> : null}
            </h2>
            {/* On a phone the filters follow the results: a way there. */}
            <a href={`#${filtersId}`} className="text-sm lg:hidden">
              Filters
            </a>
            {result.total > 0 && (
              <p className="text-sm">
                Download all results:{" "}
                <a href={`/api/v1/centres.csv${suffix}`} download>
                  CSV
                </a>{" "}
                · <a href={`/api/v1/centres.json${suffix}`}>JSON</a> ·{" "}
                <a href={`/api/v1/centres.ndjson${suffix}`}>NDJSON</a>
              </p>
            )}
          </div>
          {result.corrections.length > 0 && (
            <p className="rounded-md bg-brand-50 px-4 py-2 text-sm">
              Also searched for{" "}
              {result.corrections.map((fix, index) => (
                <span key={fix.word}>
                  {index > 0 && ", "}“<strong>{fix.correction}</strong>” (you typed “{fix.word}”)
                </span>
              ))}
              .
            </p>
          )}
          {result.total === 0 ? (
            <EmptyResult search={search} />
          ) : page > pages ? (
            <p>
              There are only {pages} pages of results. <a href={href(search)}>Go to the first page</a>.
            </p>
          ) : (
            <>
              <ResultList items={result.items} />
              <Pagination
                page={page}
                pages={pages}
                href={(target) => href(search, target > 1 ? { page: String(target) } : {})}
              />
            </>
          )}
        </section>

        <FiltersDisclosure open={expand !== undefined} chosen={chosenFilters}>
          <p className="text-sm text-muted">
            Tick several values in a group to see centres with any of them. Each number is how many centres
            that value gives with your other filters.
          </p>
          {facetLegends.map(([name, legend]) => (
            <FacetGroup
              key={name}
              name={name}
              legend={legend}
              values={result.facets[name]}
              // The page comes back where the visitor was: at the filters, the facet now whole.
              expandHref={expand === name ? undefined : `${href(search, { expand: name })}#${filtersId}`}
            />
          ))}
          <button
            type="submit"
            className="w-full rounded-md border border-brand-700 bg-white px-4 py-2 font-medium text-brand-800"
          >
            Apply filters
          </button>
        </FiltersDisclosure>
      </form>
    </div>
  );
}

function EmptyResult({ search }: { search: DirectorySearch }) {
  const suggestions = looseningSuggestions(search);
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-6">
      <p className="font-medium">No centre matches this search.</p>
      {suggestions.length > 0 ? (
        <>
          <p className="mt-2 text-muted">Try widening it:</p>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {suggestions.map((suggestion) => (
              <li key={suggestion.label}>
                <a href={href(suggestion.search)}>{suggestion.label}</a>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="mt-2 text-muted">Check the spelling, or use fewer or more general words.</p>
      )}
    </div>
  );
}
