import "server-only";

import { centreStatusLabels, type CentreStatus } from "@/domain/centre-status";
import { statusChoices } from "@/domain/directory/search-params";
import { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/server/db/client";

import { sqlKey, VersionedCache } from "./directory-cache";
import type { ResolvedSearch } from "./directory-resolve";
import { fromClause, whereClause } from "./directory-sql";

export type FacetValue = { value: string; label: string; count: number; selected: boolean };
export type FacetName = "region" | "country" | "status" | "subject" | "activity" | "initiator";
export type DirectoryFacets = Record<FacetName, FacetValue[]> & { total: number };

export type CountRow = { facet: FacetName; id: string; count: number };

const initiatorLabels: Record<string, string> = { HQ: "Headquarters" };

// Counting the matches of a keyword search scans every match; the counter
// tables make the other searches cheap. Counts are also cached per instance
// for each distinct search while SearchDataVersion is unchanged (read at the
// start of every request), so repeating a search costs no scan at all.
export const facetCache = new VersionedCache<CountRow[]>(500);

/**
 * The facet counts of a search. Facets combine with AND and the values of one
 * facet with OR, so a facet with values chosen is counted without its own
 * filter (every other filter applies): each of its values keeps its count,
 * the centres it matches alongside the other filters. A facet with nothing
 * chosen, and the total, are counted over the whole filtered set.
 */
export async function countFacets(resolved: ResolvedSearch): Promise<DirectoryFacets> {
  return facetsFromCounts(resolved, await countRows(resolved));
}

/** The same, given the counts of the whole filtered set (read with the page). */
export async function facetsFromCounts(resolved: ResolvedSearch, rows: CountRow[]): Promise<DirectoryFacets> {
  const chosen = chosenFacets(resolved);
  // One count per chosen facet, each its own cached statement: the search
  // without that facet's filter is often the page the visitor came from, so
  // ticking a second value usually finds its counts in the cache.
  const own = await Promise.all(chosen.map((facet) => countRows(withoutFacet(resolved, facet))));
  const combined = rows
    .filter((row) => !chosen.includes(row.facet))
    .concat(own.flatMap((viewRows, index) => viewRows.filter((row) => row.facet === chosen[index])));
  return buildFacets(resolved, combined, totalOf(rows));
}

function countRows(resolved: ResolvedSearch): Promise<CountRow[]> {
  const sql = facetsSql(resolved);
  return facetCache.get(sqlKey(sql), resolved.vocabulary.dataVersion, () =>
    prisma.$queryRaw<CountRow[]>(sql),
  );
}

/** The facets with values chosen (status: statuses named, not the default set). */
export function chosenFacets(resolved: ResolvedSearch): FacetName[] {
  const chosen: [FacetName, boolean][] = [
    ["region", resolved.regionIds.length > 0],
    ["country", resolved.countryIds.length > 0],
    ["status", resolved.search.status.length > 0],
    ["subject", resolved.subjectIds.length > 0],
    ["activity", resolved.activityIds.length > 0],
    ["initiator", resolved.initiators.length > 0],
  ];
  return chosen.filter(([, isChosen]) => isChosen).map(([facet]) => facet);
}

/** The search with one facet's filter lifted (the status facet: every status it offers). */
export function withoutFacet(resolved: ResolvedSearch, facet: FacetName): ResolvedSearch {
  switch (facet) {
    case "region":
      return { ...resolved, regionIds: [] };
    case "country":
      return { ...resolved, countryIds: [] };
    case "status":
      return {
        ...resolved,
        statuses: statusChoices({ status: resolved.search.status, former: resolved.search.former }),
      };
    case "subject":
      return { ...resolved, subjectIds: [] };
    case "activity":
      return { ...resolved, activityIds: [] };
    case "initiator":
      return { ...resolved, initiators: [] };
  }
}

// Every match has exactly one status: the status counts add up to the total.
function totalOf(rows: CountRow[]): number {
  return rows.filter((row) => row.facet === "status").reduce((sum, row) => sum + Number(row.count), 0);
}

/**
 * The statement that counts a search's facets. A search without words and
 * without a subject or type-of-activity filter reads the counter tables the
 * database keeps by trigger (prisma/sql/search-counters.sql: a few thousand
 * rows, whatever the number of centres); any other search counts its matches.
 */
export function facetsSql(resolved: ResolvedSearch): Prisma.Sql {
  return usesCounters(resolved) ? counterFacetsSql(resolved) : scanFacetsSql(resolved);
}

function usesCounters(resolved: ResolvedSearch): boolean {
  return !resolved.tsQuery && resolved.subjectIds.length === 0 && resolved.activityIds.length === 0;
}

/** The filters the counter tables can answer: status, region, country, initiator. */
function counterWhere(resolved: ResolvedSearch, { country }: { country: boolean }): Prisma.Sql {
  const parts = [
    Prisma.sql`count > 0`,
    Prisma.sql`status = ANY(${resolved.statuses}::text[]::"CentreStatus"[])`,
  ];
  if (resolved.regionIds.length > 0) parts.push(Prisma.sql`"regionId" = ANY(${resolved.regionIds}::int[])`);
  if (country && resolved.countryIds.length > 0)
    parts.push(Prisma.sql`"countryId" = ANY(${resolved.countryIds}::int[])`);
  if (resolved.initiators.length > 0)
    parts.push(Prisma.sql`initiator = ANY(${resolved.initiators}::text[]::"Initiator"[])`);
  return Prisma.join(parts, " AND ");
}

function counterFacetsSql(resolved: ResolvedSearch): Prisma.Sql {
  // Subject and activity counts are kept without the country (the table would
  // outgrow the centres); with a country filter they are counted from that
  // country's search rows, found through the country index.
  const terms =
    resolved.countryIds.length > 0
      ? Prisma.sql`
    UNION ALL SELECT 'subject', u.id::text, count(*)::int
      FROM "CentreSearch" s, unnest(s."subjectIds") AS u(id) WHERE ${whereClause(resolved)} GROUP BY u.id
    UNION ALL SELECT 'activity', u.id::text, count(*)::int
      FROM "CentreSearch" s, unnest(s."activityTypeIds") AS u(id) WHERE ${whereClause(resolved)} GROUP BY u.id`
      : Prisma.sql`
    UNION ALL SELECT CASE kind WHEN 1 THEN 'subject' ELSE 'activity' END, "termId"::text, sum(count)::int
      FROM "DirectoryTermCount" WHERE ${counterWhere(resolved, { country: false })} GROUP BY kind, "termId"`;
  return Prisma.sql`
    WITH c AS MATERIALIZED (
      SELECT status, "regionId", "countryId", initiator, count
      FROM "DirectoryCentreCount"
      WHERE ${counterWhere(resolved, { country: true })}
    )
    SELECT 'status' AS facet, status::text AS id, sum(count)::int AS count FROM c GROUP BY status
    UNION ALL SELECT 'region', "regionId"::text, sum(count)::int FROM c GROUP BY "regionId"
    UNION ALL SELECT 'country', "countryId"::text, sum(count)::int FROM c GROUP BY "countryId"
    UNION ALL SELECT 'initiator', initiator::text, sum(count)::int FROM c GROUP BY initiator${terms}`;
}

/**
 * The six facet groupings over a CTE `f` of matching search rows (facet, id,
 * count), as one statement with its own WITH. The matches are read once, by
 * one hashed GROUPING SETS aggregate with three groupings: (status, region,
 * country, initiator) — at most as many groups as DirectoryCentreCount has
 * rows — from which the four scalar facets are summed, and the subject and
 * activity arrays, which are unnested per distinct array (a centre's first
 * three terms repeat across centres) rather than per match. `k` tells the
 * groupings apart (GROUPING: 3 = the scalars, 1 = subjects, 2 = activities).
 */
export const facetGroupsSql = Prisma.sql`
    WITH g AS MATERIALIZED (
      SELECT status, "regionId", "countryId", initiator, "subjectIds", "activityTypeIds",
             GROUPING("subjectIds", "activityTypeIds") AS k, count(*)::int AS n
      FROM f
      GROUP BY GROUPING SETS ((status, "regionId", "countryId", initiator), ("subjectIds"), ("activityTypeIds"))
    )
    SELECT 'status' AS facet, status::text AS id, sum(n)::int AS count FROM g WHERE k = 3 GROUP BY status
    UNION ALL SELECT 'region', "regionId"::text, sum(n)::int FROM g WHERE k = 3 GROUP BY "regionId"
    UNION ALL SELECT 'country', "countryId"::text, sum(n)::int FROM g WHERE k = 3 GROUP BY "countryId"
    UNION ALL SELECT 'initiator', initiator::text, sum(n)::int FROM g WHERE k = 3 GROUP BY initiator
    UNION ALL SELECT 'subject', u.id::text, sum(u.n)::int
      FROM (SELECT unnest("subjectIds") AS id, n FROM g WHERE k = 1) u GROUP BY u.id
    UNION ALL SELECT 'activity', u.id::text, sum(u.n)::int
      FROM (SELECT unnest("activityTypeIds") AS id, n FROM g WHERE k = 2) u GROUP BY u.id`;

/** Counts by scanning the matches (exported so a test can compare it with the counters). */
export function scanFacetsSql(resolved: ResolvedSearch): Prisma.Sql {
  return Prisma.sql`
    WITH f AS (
      SELECT s."regionId", s."countryId", s.status, s.initiator, s."subjectIds", s."activityTypeIds"
      FROM ${fromClause(resolved)}
      WHERE ${whereClause(resolved)}
    )
    SELECT facet, id, count FROM (${facetGroupsSql}) counts`;
}

// Regions and countries are chosen by code and shown by name; subjects and
// types of activity are chosen and shown by name.
const byCode = (item: { code: string; name: string }) => ({ value: item.code, label: item.name });
const byName = (item: { name: string }) => ({ value: item.name, label: item.name });

export function buildFacets(resolved: ResolvedSearch, rows: CountRow[], total: number): DirectoryFacets {
  const counts = (facet: FacetName) =>
    new Map(rows.filter((row) => row.facet === facet).map((row) => [row.id, Number(row.count)]));
  const { vocabulary, search } = resolved;
  const selectedCodes = (values: string[]) => new Set(values.map((value) => value.toLowerCase()));

  const fromIds = <T extends { id: number }>(
    facet: FacetName,
    items: T[],
    shown: (item: T) => { value: string; label: string },
    selected: string[],
  ): FacetValue[] => {
    const byId = counts(facet);
    const chosen = selectedCodes(selected);
    return items
      .map((item) => {
        const { value, label } = shown(item);
        const count = byId.get(String(item.id)) ?? 0;
        return { value, label, count, selected: chosen.has(value.toLowerCase()) };
      })
      .filter((entry) => entry.count > 0 || entry.selected)
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  };

  const statusCounts = counts("status");
  const initiatorCounts = counts("initiator");
  return {
    total,
    region: fromIds("region", vocabulary.regions, byCode, search.region),
    country: fromIds("country", vocabulary.countries, byCode, search.country),
    subject: fromIds("subject", vocabulary.subjects, byName, search.subject),
    activity: fromIds("activity", vocabulary.activities, byName, search.activity),
    status: statusChoices(search).map((status: CentreStatus) => ({
      value: status.toLowerCase(),
      label: centreStatusLabels[status],
      count: statusCounts.get(status) ?? 0,
      selected: search.status.includes(status),
    })),
    initiator: [...initiatorCounts.entries()]
      .map(([code, count]) => ({
        value: code,
        label: initiatorLabels[code] ?? code,
        count,
        selected: search.initiator.includes(code as never),
      }))
      .concat(
        search.initiator
          .filter((code) => !initiatorCounts.has(code))
          .map((code) => ({ value: code, label: initiatorLabels[code] ?? code, count: 0, selected: true })),
      )
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)),
  };
}
