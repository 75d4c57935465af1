import type { DirectorySearch } from "./search-params";

export type Loosening = { label: string; search: DirectorySearch };

const facetLabels = {
  region: "region",
  country: "country",
  status: "status",
  subject: "subject",
  activity: "type of activity",
  initiator: "initiator",
} as const;

/**
 * For an empty result: each way to widen the search by one step (drop a
 * filter value, include former centres, drop the keywords), most specific first.
 */
export function looseningSuggestions(search: DirectorySearch): Loosening[] {
  const out: Loosening[] = [];
  for (const facet of Object.keys(facetLabels) as (keyof typeof facetLabels)[]) {
    for (const value of search[facet] as string[]) {
      out.push({
        label: `Remove the ${facetLabels[facet]} filter “${facet === "status" ? value.toLowerCase() : value}”`,
        search: { ...search, [facet]: (search[facet] as string[]).filter((other) => other !== value) },
      });
    }
  }
  if (!search.former && search.status.length === 0) {
    out.push({
      label: "Include former centres (closed and terminated)",
      search: { ...search, former: true },
    });
  }
  if (search.q) {
    out.push({
      label: `Search without the words “${search.q}”`,
      // Relevance has nothing to rank without words: back to the default order.
      search: { ...search, q: "", sort: search.sort === "relevance" ? null : search.sort },
    });
  }
  return out;
}
