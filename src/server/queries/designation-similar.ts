import "server-only";

import { prisma } from "@/server/db/client";

export type SimilarCentre = { reference: string; title: string; status: string; similarity: number };

/**
 * Centres of the same country whose title looks like this one (trigram
 * similarity, pg_trgm), shown as a warning before a proposal is sent: the
 * officer should check it is not a duplicate of an existing centre. The
 * generic "WHO Collaborating Centre for" prefix is left out of the
 * comparison, or every title would look alike.
 */
export async function similarCentres(centreId: number): Promise<SimilarCentre[]> {
  const rows = await prisma.$queryRaw<
    { reference: string; title: string; status: string; similarity: number }[]
  >`
    WITH target AS (
      SELECT "countryId",
             regexp_replace(title, '^WHO Collaborating Cent(re|er) (for|on) ', '', 'i') AS subject
      FROM "Centre" WHERE id = ${centreId}
    )
    SELECT c.reference, c.title, c.status::text AS status,
           similarity(regexp_replace(c.title, '^WHO Collaborating Cent(re|er) (for|on) ', '', 'i'), t.subject)::float8
             AS similarity
    FROM "Centre" c, target t
    WHERE c."countryId" = t."countryId" AND c.id <> ${centreId}
      AND similarity(regexp_replace(c.title, '^WHO Collaborating Cent(re|er) (for|on) ', '', 'i'), t.subject) >= 0.3
    ORDER BY similarity DESC, c.reference
    LIMIT 5`;
  return rows.map((row) => ({ ...row, similarity: Number(row.similarity) }));
}
