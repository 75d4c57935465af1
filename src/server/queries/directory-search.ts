import "server-only";

import {
  encodeCursor,
  decodeCursor,
  searchFingerprint,
  type CursorPosition,
} from "@/domain/directory/cursor";
import { searchToParams, type DirectorySearch } from "@/domain/directory/search-params";
import { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/server/db/client";

import { hydrateCentres, type DirectoryCentre } from "./directory-centres";
import { countFacets, type DirectoryFacets } from "./directory-facets";
import type { ResolvedSearch } from "./directory-resolve";
import { afterCursor, fromClause, orderByClause, sortKeyExpression, whereClause } from "./directory-sql";

export type SearchCorrection = { word: string; correction: string };

export type DirectoryPage = {
  items: DirectoryCentre[];
  total: number;
  facets: DirectoryFacets;
  corrections: SearchCorrection[];
};

type KeyRow = { id: number; key: string | number };
type PageOptions = { limit: number; offset?: number; after?: CursorPosition };

/** The ids of one page of matches, in order, with their sort keys (exported for the benchmark). */
export function pageIdsSql(resolved: ResolvedSearch, { limit, offset = 0, after }: PageOptions): Prisma.Sql {
  const where = after
    ? Prisma.sql`${whereClause(resolved)} AND ${afterCursor(after)}`
    : whereClause(resolved);
  return Prisma.sql`
    SELECT s."centreId" AS id, ${sortKeyExpression(resolved.sort)} AS key
    FROM ${fromClause(resolved)}
    WHERE ${where}
    ORDER BY ${orderByClause(resolved.sort)}
    LIMIT ${limit} OFFSET ${offset}`;
}

function pageIds(resolved: ResolvedSearch, options: PageOptions): Promise<KeyRow[]> {
  return prisma.$queryRaw<KeyRow[]>(pageIdsSql(resolved, options));
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
  const [rows, facets] = await Promise.all([
    pageIds(resolved, { limit: pageSize, offset: (page - 1) * pageSize }),
    countFacets(resolved),
  ]);
  const items = await hydrateCentres(
    rows.map((row) => row.id),
    resolved.vocabulary,
  );
  return { items, total: facets.total, facets, corrections: corrections(resolved) };
}

export function cursorFingerprint(search: DirectorySearch): string {
  return searchFingerprint(
    searchToParams({ ...search, sort: search.sort }, { sort: search.sort }).toString(),
  );
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
  const fingerprint = cursorFingerprint(resolved.search);
  const after = cursor ? decodeCursor(cursor, { sort: resolved.sort, fingerprint }) : undefined;
  const [rows, facets] = await Promise.all([
    pageIds(resolved, { limit: limit + 1, after }),
    withFacets ? countFacets(resolved) : Promise.resolve(null),
  ]);
  const hasMore = rows.length > limit;
  const pageRows = rows.slice(0, limit);
  const last = pageRows.at(-1);
  const nextCursor =
    hasMore && last
      ? encodeCursor({ sort: resolved.sort, key: normaliseKey(last.key), id: last.id }, fingerprint)
      : null;
  const items = await hydrateCentres(
    pageRows.map((row) => row.id),
    resolved.vocabulary,
  );
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
    const rows = await pageIds(resolved, { limit: batchSize, after });
    if (rows.length === 0) return;
    yield* await hydrateCentres(
      rows.map((row) => row.id),
      resolved.vocabulary,
    );
    if (rows.length < batchSize) return;
    const last = rows[rows.length - 1]!;
    after = { sort: resolved.sort, key: normaliseKey(last.key), id: last.id };
  }
}

function emptyFacets(): DirectoryFacets {
  return { total: -1, region: [], country: [], status: [], subject: [], activity: [], initiator: [] };
}
