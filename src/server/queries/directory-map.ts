import "server-only";

import { currentCentreStatuses } from "@/domain/centre-status";
import { prisma } from "@/server/db/client";

export type CountryCount = {
  code: string;
  name: string;
  isoNumeric: string | null;
  region: string;
  count: number;
};

/** Current (active and pending) centres per country, countries with none left out. */
export async function centresByCountry(): Promise<CountryCount[]> {
  return prisma.$queryRaw<CountryCount[]>`
    SELECT trim(c."whoCode") AS code, c.name, c."isoNumeric", r.code AS region, count(*)::int AS count
    FROM "CentreSearch" s JOIN "Country" c ON c.id = s."countryId" JOIN "Region" r ON r.id = c."regionId"
    WHERE s.status = ANY(${[...currentCentreStatuses]}::text[]::"CentreStatus"[])
    GROUP BY c.id, r.code ORDER BY count DESC, c.name`;
}
