import { formatReferenceNumber } from "@/domain/reference-number";
import type { Prisma } from "@/generated/prisma/client";

/**
 * The next reference number of a country's centres (docs/domain.md §3), taken
 * inside the caller's transaction. The counter is raised by one atomic
 * UPDATE, so two proposals at once get two numbers, and a number once taken
 * is never handed out again (a rolled-back proposal gives it back).
 */
export async function takeReferenceNumber(
  tx: Prisma.TransactionClient,
  country: Prisma.CountryWhereUniqueInput,
) {
  const numbered = await tx.country.update({
    where: country,
    data: { lastCentreNumber: { increment: 1 }, version: { increment: 1 } },
    select: { id: true, regionId: true, whoCode: true, lastCentreNumber: true },
  });
  return {
    countryId: numbered.id,
    regionId: numbered.regionId,
    reference: formatReferenceNumber({ countryCode: numbered.whoCode, number: numbered.lastCentreNumber }),
    referenceNumber: numbered.lastCentreNumber,
  };
}
