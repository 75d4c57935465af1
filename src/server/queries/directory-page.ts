import "server-only";

import {
  pageSize,
  parsePageSearch,
  type DirectorySearch,
  type FacetName,
  type SearchParamsRecord,
  type SearchProblem,
} from "@/domain/directory/search-params";

import { resolveSearch } from "./directory-resolve";
import { searchDirectoryPage, type DirectoryPage } from "./directory-search";

export type DirectoryPageResult =
  | {
      ok: true;
      search: DirectorySearch;
      page: number;
      pages: number;
      expand: FacetName | undefined;
      result: DirectoryPage;
      /** ISO 3166-1 alpha-2 code by WHO country code, to name countries in the page's language. */
      countryIsoCodes: Record<string, string>;
    }
  | { ok: false; errors: SearchProblem[] };

/** The search page's one server call: parse the URL, resolve names, search. */
export async function directoryPage(record: SearchParamsRecord): Promise<DirectoryPageResult> {
  const parsed = parsePageSearch(record);
  if (!parsed.ok) return parsed;
  const resolved = await resolveSearch(parsed.value);
  if (!resolved.ok) return resolved;
  const result = await searchDirectoryPage(resolved.value, { page: parsed.value.page, pageSize });
  const pages = Math.max(1, Math.ceil(result.total / pageSize));
  return {
    ok: true,
    search: parsed.value,
    page: parsed.value.page,
    pages,
    expand: parsed.value.expand,
    result,
    countryIsoCodes: Object.fromEntries(
      resolved.value.vocabulary.countries.flatMap((country) =>
        country.isoCode ? [[country.code, country.isoCode]] : [],
      ),
    ),
  };
}
