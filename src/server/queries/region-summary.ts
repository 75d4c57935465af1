import "server-only";

import { prisma } from "@/server/db/client";

export type RegionSummary = { code: string; name: string; office: string; activeCentres: number };

/** Active centres per WHO region, every region listed even with none. Public. */
export async function activeCentresByRegion(): Promise<RegionSummary[]> {
  const [regions, counts] = await Promise.all([
    prisma.region.findMany({
      select: { id: true, code: true, name: true, office: true },
      orderBy: { code: "asc" },
    }),
    prisma.centre.groupBy({ by: ["regionId"], where: { status: "ACTIVE" }, _count: { _all: true } }),
  ]);
  const byRegion = new Map(counts.map((row) => [row.regionId, row._count._all]));
  return regions.map((region) => ({
    code: region.code,
    name: region.name,
    office: region.office,
    activeCentres: byRegion.get(region.id) ?? 0,
  }));
}
