import "server-only";

import { publicCentreStatuses } from "@/domain/centre-status";
import { prisma } from "@/server/db/client";

/** The sitemap's entries: every public centre (a sitemap holds at most 50,000 URLs). */
export async function publicCentreReferences(
  limit = 49_000,
): Promise<{ reference: string; updatedAt: Date }[]> {
  return prisma.centre.findMany({
    where: { status: { in: [...publicCentreStatuses] } },
    select: { reference: true, updatedAt: true },
    orderBy: { id: "asc" },
    take: limit,
  });
}
