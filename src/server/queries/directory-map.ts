import "server-only";

import { currentCentreStatuses } from "@/domain/centre-status";
import { prisma } from "@/server/db/client";

export type CountryCount = {
  code: string;
  name: string;
  /** ISO 3166-1 alpha-2: names the country in the page's language. */
  isoCode: string | null;
  isoNumeric: string | null;
  region: string;
  count: number;
};

/**
 * Current (active and pending) centres per country, countries with none left
 * out: from the counters the database keeps (directory_facet_counts), not a
 * count of every centre.
 */
export async function centresByCountry(): Promise<CountryCount[]> {
  return prisma.$queryRaw<CountryCount[]>`
    SELECT trim(c."whoCode") AS code, c.name, c."isoCode", c."isoNumeric", r.code AS region, sum(k.count)::int AS count
    FROM "DirectoryCentreCount" k JOIN "Country" c ON c.id = k."countryId" JOIN "Region" r ON r.id = c."regionId"
    WHERE k.status = ANY(${[...currentCentreStatuses]}::text[]::"CentreStatus"[])
    GROUP BY c.id, r.code HAVING sum(k.count) > 0 ORDER BY count DESC, c.name`;
}
