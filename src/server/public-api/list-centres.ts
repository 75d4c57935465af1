import "server-only";

import { CursorError } from "@/domain/directory/cursor";
import { parseApiSearch, searchToParams, toParamsRecord } from "@/domain/directory/search-params";
import { englishSearchProblems } from "@/i18n/search-problems";
import { resolveSearch } from "@/server/queries/directory-resolve";
import { searchDirectoryAfter } from "@/server/queries/directory-search";

import { centreJson } from "./centre-json";
import { apiErrors, apiJson } from "./respond";
import { siteOrigin } from "./site-origin";

/** GET /api/v1/centres: one cursor page, its facet counts and the next link. */
export async function listCentres(url: URL): Promise<Response> {
  const parsed = parseApiSearch(toParamsRecord(url.searchParams.entries()));
  if (!parsed.ok) return apiErrors(400, englishSearchProblems(parsed.errors));
  const resolved = await resolveSearch(parsed.value);
  if (!resolved.ok) return apiErrors(400, englishSearchProblems(resolved.errors));
  try {
    // Facet counts and the total cost a scan of every match: the first page
    // carries them, later pages (with a cursor) do not repeat them.
    const firstPage = parsed.value.cursor === undefined;
    const page = await searchDirectoryAfter(resolved.value, {
      cursor: parsed.value.cursor,
      limit: parsed.value.limit,
      withFacets: firstPage,
    });
    const base = `${siteOrigin()}/api/v1/centres`;
    const query = searchToParams(parsed.value, { limit: String(parsed.value.limit) });
    const next = page.nextCursor
      ? `${base}?${new URLSearchParams([...query, ["cursor", page.nextCursor]])}`
      : null;
    const { total, ...facets } = page.facets;
    return apiJson({
      meta: {
        count: firstPage ? total : null,
        limit: parsed.value.limit,
        sort: resolved.value.sort,
        nextCursor: page.nextCursor,
        corrections: page.corrections,
        facets: firstPage ? facets : null,
      },
      links: { self: `${siteOrigin()}${url.pathname}${url.search}`, next },
      items: page.items.map((centre) => centreJson(centre, siteOrigin())),
    });
  } catch (error) {
    if (error instanceof CursorError) return apiErrors(400, [error.message]);
    throw error;
  }
}
