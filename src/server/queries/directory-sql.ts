import "server-only";

import type { CursorPosition } from "@/domain/directory/cursor";
import type { SortKey } from "@/domain/directory/search-params";
import { Prisma } from "@/generated/prisma/client";

import type { ResolvedSearch } from "./directory-resolve";

// SQL fragments over "CentreSearch" s (plus tq.q, the tsquery, when the search
// has words). Every value is a bound parameter.

export function fromClause(resolved: ResolvedSearch): Prisma.Sql {
  return resolved.tsQuery
    ? Prisma.sql`"CentreSearch" s CROSS JOIN (SELECT to_tsquery('english', ${resolved.tsQuery}) AS q) tq`
    : Prisma.sql`"CentreSearch" s`;
}

export function whereClause(resolved: ResolvedSearch): Prisma.Sql {
  const parts = [Prisma.sql`s.status = ANY(${resolved.statuses}::text[]::"CentreStatus"[])`];
  if (resolved.regionIds.length > 0) parts.push(Prisma.sql`s."regionId" = ANY(${resolved.regionIds}::int[])`);
  if (resolved.countryIds.length > 0)
    parts.push(Prisma.sql`s."countryId" = ANY(${resolved.countryIds}::int[])`);
  if (resolved.initiators.length > 0) {
    parts.push(Prisma.sql`s.initiator = ANY(${resolved.initiators}::text[]::"Initiator"[])`);
  }
  if (resolved.subjectIds.length > 0) parts.push(Prisma.sql`s."subjectIds" && ${resolved.subjectIds}::int[]`);
  if (resolved.activityIds.length > 0)
    parts.push(Prisma.sql`s."activityTypeIds" && ${resolved.activityIds}::int[]`);
  if (resolved.tsQuery) parts.push(Prisma.sql`s.document @@ tq.q`);
  return Prisma.join(parts, " AND ");
}

/**
 * The cursor's sort key, given `ord` (the typed sort key of ordExpression):
 * rank is real so cursors round-trip exactly; a date becomes YYYY-MM-DD.
 * Taken from `ord` so that the rank is computed once per match, not once for
 * the key and again for the order.
 */
export function sortKeyFromOrd(sort: SortKey, ord: Prisma.Sql): Prisma.Sql {
  return sort === "expiry" ? Prisma.sql`to_char(${ord}, 'YYYY-MM-DD')` : ord;
}

/** The sort key with its own type (for re-ordering a page after joins). */
export function ordExpression(sort: SortKey): Prisma.Sql {
  switch (sort) {
    case "relevance":
      return Prisma.sql`ts_rank(s.document, tq.q)::real`;
    case "reference":
      return Prisma.sql`s."sortReference"`;
    case "title":
      return Prisma.sql`s.title`;
    case "expiry":
      return Prisma.sql`s."sortExpiry"`;
  }
}

export function orderByClause(sort: SortKey): Prisma.Sql {
  switch (sort) {
    case "relevance":
      return Prisma.sql`ts_rank(s.document, tq.q)::real DESC, s."centreId"`;
    case "reference":
      return Prisma.sql`s."sortReference", s."centreId"`;
    case "title":
      return Prisma.sql`s.title, s."centreId"`;
    case "expiry":
      return Prisma.sql`s."sortExpiry", s."centreId"`;
  }
}

/** Strictly after the cursor's row in the sort order (the id breaks ties). */
export function afterCursor(position: CursorPosition): Prisma.Sql {
  const { key, id } = position;
  switch (position.sort) {
    case "relevance":
      return Prisma.sql`(ts_rank(s.document, tq.q)::real < ${Number(key)}::real
        OR (ts_rank(s.document, tq.q)::real = ${Number(key)}::real AND s."centreId" > ${id}))`;
    case "reference":
      return Prisma.sql`(s."sortReference", s."centreId") > (${String(key)}, ${id})`;
    case "title":
      return Prisma.sql`(s.title, s."centreId") > (${String(key)}, ${id})`;
    case "expiry":
      return Prisma.sql`(s."sortExpiry", s."centreId") > (${String(key)}::date, ${id})`;
  }
}
