import "server-only";

import type { RegionCurrentCentres } from "@/domain/directory/current-centres";
import { prisma } from "@/server/db/client";

/**
 * Active and Pending centres per WHO region, every region listed even with
 * none: the one query behind the headline figure on the home page, the map
 * and the statistics (currentCentresFigure adds it up). Reads the counters the
 * database keeps (directory_facet_counts), a few hundred rows at any size.
 */
export async function currentCentresByRegion(): Promise<RegionCurrentCentres[]> {
  return prisma.$queryRaw<RegionCurrentCentres[]>`
    SELECT r.code, r.name, r.office,
           coalesce(sum(k.count) FILTER (WHERE k.status = 'ACTIVE'), 0)::int AS active,
           coalesce(sum(k.count) FILTER (WHERE k.status = 'PENDING'), 0)::int AS pending
    FROM "Region" r LEFT JOIN "DirectoryCentreCount" k ON k."regionId" = r.id
    GROUP BY r.id ORDER BY r.code`;
}
