import type { DirectorySearch, FacetName } from "./search-params";

/** One way to widen a search; the page says it in the visitor's language (Directory.loosen.*). */
export type Loosening = { search: DirectorySearch } & (
  | { kind: "remove"; facet: FacetName; value: string }
  | { kind: "former" }
  | { kind: "withoutWords"; q: string }
);

const facets = [
  "region",
  "country",
  "status",
  "subject",
  "activity",
  "initiator",
] as const satisfies FacetName[];

/**
 * For an empty result: each way to widen the search by one step (drop a
 * filter value, include former centres, drop the keywords), most specific first.
 */
export function looseningSuggestions(search: DirectorySearch): Loosening[] {
  const out: Loosening[] = [];
  for (const facet of facets) {
    for (const value of search[facet] as string[]) {
      out.push({
        kind: "remove",
        facet,
        value,
        search: { ...search, [facet]: (search[facet] as string[]).filter((other) => other !== value) },
      });
    }
  }
  if (!search.former && search.status.length === 0) {
    out.push({ kind: "former", search: { ...search, former: true } });
  }
  if (search.q) {
    out.push({
      kind: "withoutWords",
      q: search.q,
      // Relevance has nothing to rank without words: back to the default order.
      search: { ...search, q: "", sort: search.sort === "relevance" ? null : search.sort },
    });
  }
  return out;
}
