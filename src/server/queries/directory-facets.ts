import "server-only";

import { centreStatusLabels, type CentreStatus } from "@/domain/centre-status";
import { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/server/db/client";

import type { ResolvedSearch } from "./directory-resolve";
import { fromClause, whereClause } from "./directory-sql";

export type FacetValue = { value: string; label: string; count: number; selected: boolean };
export type FacetName = "region" | "country" | "status" | "subject" | "activity" | "initiator";
export type DirectoryFacets = Record<FacetName, FacetValue[]> & { total: number };

type CountRow = { facet: FacetName; id: string; count: number };

const initiatorLabels: Record<string, string> = { HQ: "Headquarters" };

// Counting facets scans every match, which at 100,000 centres costs far more
// than finding a page. Counts are cached per instance for each distinct search
// and are valid only while SearchDataVersion (read with the vocabulary, in the
// same round trip) is unchanged: any edit to any centre invalidates them all
// at once on every instance. Only counts are cached, never pages or people.
const maxCachedSearches = 500;
const facetCache = new Map<string, { version: string; rows: CountRow[] }>();

/**
 * Counts per facet value over the whole filtered set, from the compact search
 * rows: one scan shared by all six facets (a materialised CTE), grouped six ways.
 */
export async function countFacets(resolved: ResolvedSearch): Promise<DirectoryFacets> {
  const sql = facetsSql(resolved);
  const key = `${sql.text}\u0000${JSON.stringify(sql.values)}`;
  const version = resolved.vocabulary.dataVersion;
  const cached = facetCache.get(key);
  if (cached && cached.version === version && process.env.DIRECTORY_FACET_CACHE !== "off") {
    // Re-insert: the Map's order doubles as least-recently-used order.
    facetCache.delete(key);
    facetCache.set(key, cached);
    return buildFacets(resolved, cached.rows);
  }
  const rows = await prisma.$queryRaw<CountRow[]>(sql);
  facetCache.set(key, { version, rows });
  if (facetCache.size > maxCachedSearches) facetCache.delete(facetCache.keys().next().value!);
  return buildFacets(resolved, rows);
}

export function facetsSql(resolved: ResolvedSearch): Prisma.Sql {
  return Prisma.sql`
    WITH f AS MATERIALIZED (
      SELECT s."regionId", s."countryId", s.status, s.initiator, s."subjectIds", s."activityTypeIds"
      FROM ${fromClause(resolved)}
      WHERE ${whereClause(resolved)}
    )
    SELECT 'status' AS facet, status::text AS id, count(*)::int AS count FROM f GROUP BY status
    UNION ALL SELECT 'region', "regionId"::text, count(*)::int FROM f GROUP BY "regionId"
    UNION ALL SELECT 'country', "countryId"::text, count(*)::int FROM f GROUP BY "countryId"
    UNION ALL SELECT 'initiator', initiator::text, count(*)::int FROM f GROUP BY initiator
    UNION ALL SELECT 'subject', u.id::text, count(*)::int FROM f, unnest(f."subjectIds") AS u(id) GROUP BY u.id
    UNION ALL SELECT 'activity', u.id::text, count(*)::int FROM f, unnest(f."activityTypeIds") AS u(id) GROUP BY u.id`;
}

function buildFacets(resolved: ResolvedSearch, rows: CountRow[]): DirectoryFacets {
  const counts = (facet: FacetName) =>
    new Map(rows.filter((row) => row.facet === facet).map((row) => [row.id, Number(row.count)]));
  const { vocabulary, search } = resolved;
  const selectedCodes = (values: string[]) => new Set(values.map((value) => value.toLowerCase()));

  const fromIds = <T extends { id: number }>(
    facet: FacetName,
    items: T[],
    value: (item: T) => string,
    label: (item: T) => string,
    selected: string[],
  ): FacetValue[] => {
    const byId = counts(facet);
    const chosen = selectedCodes(selected);
    return items
      .map((item) => ({
        value: value(item),
        label: label(item),
        count: byId.get(String(item.id)) ?? 0,
        selected: chosen.has(value(item).toLowerCase()),
      }))
      .filter((entry) => entry.count > 0 || entry.selected)
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  };

  const statusCounts = counts("status");
  const initiatorCounts = counts("initiator");
  return {
    total: [...statusCounts.values()].reduce((sum, count) => sum + count, 0),
    region: fromIds(
      "region",
      vocabulary.regions,
      (r) => r.code,
      (r) => r.name,
      search.region,
    ),
    country: fromIds(
      "country",
      vocabulary.countries,
      (c) => c.code,
      (c) => c.name,
      search.country,
    ),
    subject: fromIds(
      "subject",
      vocabulary.subjects,
      (s) => s.name,
      (s) => s.name,
      search.subject,
    ),
    activity: fromIds(
      "activity",
      vocabulary.activities,
      (a) => a.name,
      (a) => a.name,
      search.activity,
    ),
    status: resolved.statuses.map((status: CentreStatus) => ({
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
