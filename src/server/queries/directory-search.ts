// The directory search: the public page, the API and the exports all search
// through this module. How a search finds and ranks centres, in one place:
//
// - Words: the query is lower-cased, accent-folded and cut into words of
//   letters and digits (searchWords, src/domain/directory/search-params.ts);
//   a centre matches when it matches every word, and every filter (values of
//   one facet are OR-ed); with no status chosen, Active and Pending centres
//   (and Closed and Terminated ones too with "include former centres").
// - Prefix rule: each word matches any indexed word it begins ("telemed"
//   finds "telemedicine"), after English stemming (buildTsQuery,
//   src/domain/directory/full-text-query.ts). Where no other indexed lexeme
//   begins with the word's lexeme, the exact lexeme is searched instead: the
//   same matches and rank, faster (decision 0011).
// - Typo rule: a word of 4+ characters that is not in the word list also
//   matches the listed word most like it, if their trigram similarity is above
//   0.4 (correctionsSql, ./directory-resolve.ts); the page shows "Also
//   searched for". The word list holds every word of 3–40 characters of any
//   centre's searchable text (prisma/sql/search-refresh.sql).
// - Rank: ts_rank over each centre's search document with PostgreSQL's
//   default weights, by where a word occurs: title 1.0, first three subjects
//   0.4, institution and city 0.2, first three types of activity and the
//   current term's ToR and work plan 0.1 (prisma/sql/search-document.sql).
//   Repeated and, for several words, nearby occurrences score more; document
//   length does not count. Ties go to the lower centre id (orderByClause,
//   ./directory-sql.ts). Relevance is the default sort of a search with
//   words; without words it sorts by reference.
//
// Also here: facet counts (./directory-facets.ts, counters kept by
// prisma/sql/search-counters.sql), search rows kept current by triggers
// (prisma/sql/search-triggers.sql), caches valid per data version
// (./directory-cache.ts). Why it is built this way: decisions 0004 and 0011;
// the SQL functions are source files in prisma/sql (decision 0020).

import "server-only";

import {
  encodeCursor,
  decodeCursor,
  searchFingerprint,
  type CursorPosition,
} from "@/domain/directory/cursor";
import {
  maxApiLimit,
  searchToParams,
  type DirectorySearch,
  type SortKey,
} from "@/domain/directory/search-params";
import { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/server/db/client";

import { sqlKey, VersionedCache } from "./directory-cache";
import { pageOfCentres, publicColumns, toPage, type DirectoryCentre, type Row } from "./directory-centres";
import {
  countFacets,
  facetCache,
  facetGroupsSql,
  facetsFromCounts,
  facetsSql,
  type CountRow,
  type DirectoryFacets,
} from "./directory-facets";
import type { ResolvedSearch } from "./directory-resolve";
import {
  afterCursor,
  fromClause,
  orderByClause,
  ordExpression,
  sortKeyFromOrd,
  whereClause,
} from "./directory-sql";

export type SearchCorrection = { word: string; correction: string };

export type DirectoryPage = {
  items: DirectoryCentre[];
  total: number;
  facets: DirectoryFacets;
  corrections: SearchCorrection[];
};

type PageOptions = { limit: number; offset?: number; after?: CursorPosition };

/** The ids of one page of matches, in order, with their sort keys (exported for the benchmark). */
export function pageIdsSql(resolved: ResolvedSearch, { limit, offset = 0, after }: PageOptions): Prisma.Sql {
  const where = after
    ? Prisma.sql`${whereClause(resolved)} AND ${afterCursor(after)}`
    : whereClause(resolved);
  // ORDER BY repeats ordExpression, so it sorts on the `ord` column: the rank
  // is computed once per match; the key is derived for the page's rows only.
  return Prisma.sql`
    SELECT page.id, ${sortKeyFromOrd(resolved.sort, Prisma.sql`page.ord`)} AS key, page.ord
    FROM (
      SELECT s."centreId" AS id, ${ordExpression(resolved.sort)} AS ord
      FROM ${fromClause(resolved)}
      WHERE ${where}
      ORDER BY ${orderByClause(resolved.sort)}
      LIMIT ${limit} OFFSET ${offset}
    ) page`;
}

// The first pages of recent searches, while the data is unchanged: ranking
// every match of a broad keyword costs tens of milliseconds at 100,000
// centres, and the same searches come back (links, paging back, the API's
// first page). Deep pages and export batches are not kept.
const pageCache = new VersionedCache<Awaited<ReturnType<typeof pageOfCentres>>>(500);
const cachedPages = 5;

/** One page of matches with their public rows and sort keys: one round trip. */
function findPage(resolved: ResolvedSearch, options: PageOptions) {
  const sql = pageIdsSql(resolved, options);
  const load = () => pageOfCentres(sql, resolved.sort === "relevance", resolved.vocabulary);
  // Export batches (500 rows) are never kept: at most 500 pages of ≤ 101 rows are.
  const shallow =
    !options.after && (options.offset ?? 0) < cachedPages * options.limit && options.limit <= maxApiLimit + 1;
  return shallow ? pageCache.get(sqlKey(sql), resolved.vocabulary.dataVersion, load) : load();
}

type FoundPage = Awaited<ReturnType<typeof pageOfCentres>>;

/**
 * A page and the facet counts. A keyword search with neither in the caches
 * reads its matches once for both (one statement: the matches materialised
 * with their rank and facet columns, the page and the six groupings taken
 * from them), instead of two statements that each visit every match's row.
 */
async function pageAndFacets(
  resolved: ResolvedSearch,
  options: PageOptions,
): Promise<[FoundPage, DirectoryFacets]> {
  const version = resolved.vocabulary.dataVersion;
  const pageSql = pageIdsSql(resolved, options);
  const countSql = facetsSql(resolved);
  const combine =
    resolved.tsQuery !== null &&
    !options.after &&
    options.limit <= maxApiLimit + 1 &&
    pageCache.peek(sqlKey(pageSql), version) === undefined &&
    facetCache.peek(sqlKey(countSql), version) === undefined;
  if (!combine) return Promise.all([findPage(resolved, options), countFacets(resolved)]);

  const rows = await prisma.$queryRaw<{ page: PageRow[] | null; counts: CountRow[] | null }[]>(
    pageAndCountsSql(resolved, options),
  );
  const found = toPage(rows[0]?.page ?? [], resolved.vocabulary);
  const counts = rows[0]?.counts ?? [];
  if ((options.offset ?? 0) < cachedPages * options.limit) pageCache.put(sqlKey(pageSql), version, found);
  facetCache.put(sqlKey(countSql), version, counts);
  return [found, await facetsFromCounts(resolved, counts)];
}

type PageRow = Row & { key: string | number };

/**
 * The statement behind pageAndFacets (exported for a test that compares it
 * with the two). The rank is computed once per match (in `m`); `f` is only a
 * view of `m` (NOT MATERIALIZED: the facet groupings read m's rows directly
 * instead of a second copy of them).
 */
export function pageAndCountsSql(resolved: ResolvedSearch, { limit, offset = 0 }: PageOptions): Prisma.Sql {
  const descending = resolved.sort === "relevance" ? Prisma.sql`DESC` : Prisma.empty;
  return Prisma.sql`
    WITH m AS MATERIALIZED (
      SELECT s."centreId", s."regionId", s."countryId", s.status, s.initiator, s."subjectIds", s."activityTypeIds",
             ${ordExpression(resolved.sort)} AS ord
      FROM ${fromClause(resolved)}
      WHERE ${whereClause(resolved)}
    ),
    p AS (
      SELECT "centreId" AS id, ${sortKeyFromOrd(resolved.sort, Prisma.sql`ord`)} AS key, ord
      FROM m ORDER BY ord ${descending}, "centreId" LIMIT ${limit} OFFSET ${offset}
    ),
    f AS NOT MATERIALIZED (SELECT "regionId", "countryId", status, initiator, "subjectIds", "activityTypeIds" FROM m),
    counts AS (${facetGroupsSql})
    SELECT
      (SELECT json_agg(x ORDER BY x.n) FROM (
         SELECT row_number() OVER (ORDER BY p.ord ${descending}, p.id) AS n, p.key, ${publicColumns}
         FROM p
         JOIN "Centre" c ON c.id = p.id
         JOIN "CentreSearch" s ON s."centreId" = p.id
         LEFT JOIN "Institution" i ON i.id = c."institutionId") x) AS page,
      (SELECT json_agg(counts) FROM counts) AS counts`;
}

function corrections(resolved: ResolvedSearch): SearchCorrection[] {
  return resolved.words.flatMap(({ word, correction }) =>
    correction && correction !== word ? [{ word, correction }] : [],
  );
}

/** One numbered page (the HTML directory): matches, total and facet counts. */
export async function searchDirectoryPage(
  resolved: ResolvedSearch,
  { page, pageSize }: { page: number; pageSize: number },
): Promise<DirectoryPage> {
  const [found, facets] = await pageAndFacets(resolved, { limit: pageSize, offset: (page - 1) * pageSize });
  return { items: found.items, total: facets.total, facets, corrections: corrections(resolved) };
}

/** What a cursor belongs to: the search's canonical parameters and the order it walks. */
export function cursorFingerprint(search: DirectorySearch, sort: SortKey): string {
  return searchFingerprint(searchToParams(search, { sort }).toString());
}

export type DirectoryCursorPage = DirectoryPage & { nextCursor: string | null };

/**
 * One cursor page (the API). Throws CursorError for a cursor that is
 * malformed or belongs to another search.
 */
export async function searchDirectoryAfter(
  resolved: ResolvedSearch,
  { cursor, limit, withFacets = true }: { cursor: string | undefined; limit: number; withFacets?: boolean },
): Promise<DirectoryCursorPage> {
  const fingerprint = cursorFingerprint(resolved.search, resolved.sort);
  const after = cursor ? decodeCursor(cursor, { sort: resolved.sort, fingerprint }) : undefined;
  const [found, facets] = withFacets
    ? await pageAndFacets(resolved, { limit: limit + 1, after })
    : [await findPage(resolved, { limit: limit + 1, after }), null];
  const hasMore = found.keys.length > limit;
  const items = found.items.slice(0, limit);
  const last = found.keys.slice(0, limit).at(-1);
  const nextCursor =
    hasMore && last
      ? encodeCursor({ sort: resolved.sort, key: normaliseKey(last.key), id: last.id }, fingerprint)
      : null;
  return {
    items,
    total: facets?.total ?? -1,
    facets: facets ?? emptyFacets(),
    corrections: corrections(resolved),
    nextCursor,
  };
}

// The driver returns real as a number and text as a string already; keep the
// cursor's JSON to those two types whatever the driver does.
function normaliseKey(key: string | number): string | number {
  return typeof key === "number" || typeof key === "string" ? key : String(key);
}

/**
 * Every match in sort order, in batches walked by keyset, so an export of
 * 100,000 centres holds one batch in memory at a time.
 */
export async function* allMatches(
  resolved: ResolvedSearch,
  batchSize = 500,
): AsyncGenerator<DirectoryCentre> {
  let after: CursorPosition | undefined;
  for (;;) {
    const found = await findPage(resolved, { limit: batchSize, after });
    yield* found.items;
    const last = found.keys.at(-1);
    if (!last || found.keys.length < batchSize) return;
    after = { sort: resolved.sort, key: normaliseKey(last.key), id: last.id };
  }
}

function emptyFacets(): DirectoryFacets {
  return { total: -1, region: [], country: [], status: [], subject: [], activity: [], initiator: [] };
}
