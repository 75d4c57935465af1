import {
  pageParameterNames,
  parsePageSearch,
  searchToParams,
  type DirectorySearch,
  type FacetName,
  type SearchParamsRecord,
} from "./search-params";

// The search page has one URL per search: the form submits its fields in page
// order (an empty keyword box, the default sort as `sort=`, ticked values in
// the order of their counts), and the page redirects that to the canonical
// form, which the links already use. One URL per search is what lets the
// anonymous page cache (decision 0010) answer a repeated search.

type PageState = { search: DirectorySearch; page: number; expand: FacetName | undefined };

/** The page's own parameters (the ones it reads) in canonical form, then any others as given. */
export function canonicalPageQuery(
  { search, page, expand }: PageState,
  record: SearchParamsRecord,
  known: readonly string[],
): string {
  const params = searchToParams(search);
  if (page > 1) params.set("page", String(page));
  if (expand) params.set("expand", expand);
  // Parameters the page ignores (a tracking tag on a shared link) stay as they were.
  for (const [key, values] of Object.entries(record)) {
    if (known.includes(key)) continue;
    for (const value of values) params.append(key, value);
  }
  return params.toString();
}

/** The query string as the request gave it (same encoding as canonicalPageQuery). */
export function givenQuery(record: SearchParamsRecord): string {
  const params = new URLSearchParams();
  for (const [key, values] of Object.entries(record)) for (const value of values) params.append(key, value);
  return params.toString();
}

/**
 * Where the search page should send a request instead, or null when its URL
 * is already canonical (or does not parse: the page then shows what is wrong).
 * Checked before searching, so a form submission costs no search of its own.
 */
export function canonicalSearchLocation(record: SearchParamsRecord): string | null {
  const parsed = parsePageSearch(record);
  if (!parsed.ok) return null;
  const { page, expand } = parsed.value;
  const canonical = canonicalPageQuery({ search: parsed.value, page, expand }, record, pageParameterNames);
  if (canonical === givenQuery(record)) return null;
  return canonical ? `/centres?${canonical}` : "/centres";
}
