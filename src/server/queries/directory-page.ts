import "server-only";

import {
  pageSize,
  parsePageSearch,
  type DirectorySearch,
  type FacetName,
  type SearchParamsRecord,
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
    }
  | { ok: false; errors: string[] };

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
  };
}
