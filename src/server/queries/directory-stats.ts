import "server-only";

import { currentCentreStatuses } from "@/domain/centre-status";
import { currentCentresFigure, type CurrentCentresFigure } from "@/domain/directory/current-centres";
import { prisma } from "@/server/db/client";

import { currentCentresByRegion } from "./current-centres";

export type Count = { label: string; value: number; code?: string };

export type DirectoryStats = {
  headline: CurrentCentresFigure;
  byRegion: Count[];
  bySubject: Count[];
  byActivity: Count[];
  designationsPerYear: { year: number; initial: number; redesignation: number }[];
  expiriesNext12Months: { month: string; value: number }[];
};

const current = [...currentCentreStatuses];

/** The statistics page: current (active and pending) centres, counted from the search rows. */
export async function directoryStats(today = new Date()): Promise<DirectoryStats> {
  const [regions, subjects, activities, years, expiries] = await Promise.all([
    // Regions (the headline figure's own query), subjects and types of
    // activity from the counters the database keeps (directory_facet_counts):
    // a few thousand rows at any size.
    currentCentresByRegion(),
    prisma.$queryRaw<Count[]>`
      SELECT sj.name AS label, sum(k.count)::int AS value
      FROM "DirectoryTermCount" k JOIN "Subject" sj ON sj.id = k."termId"
      WHERE k.kind = 1 AND k.status = ANY(${current}::text[]::"CentreStatus"[])
      GROUP BY sj.name HAVING sum(k.count) > 0 ORDER BY value DESC, sj.name`,
    prisma.$queryRaw<Count[]>`
      SELECT a.name AS label, sum(k.count)::int AS value
      FROM "DirectoryTermCount" k JOIN "ActivityType" a ON a.id = k."termId"
      WHERE k.kind = 2 AND k.status = ANY(${current}::text[]::"CentreStatus"[])
      GROUP BY a.name HAVING sum(k.count) > 0 ORDER BY value DESC, a.name`,
    prisma.$queryRaw<{ year: number; initial: number; redesignation: number }[]>`
      SELECT extract(year FROM coalesce(d."letterDate", d."termStart"))::int AS year,
             count(*) FILTER (WHERE d.kind = 'INITIAL')::int AS initial,
             count(*) FILTER (WHERE d.kind = 'REDESIGNATION')::int AS redesignation
      FROM "Designation" d JOIN "Centre" c ON c.id = d."centreId"
      WHERE d.state = 'DESIGNATED' AND coalesce(d."letterDate", d."termStart") IS NOT NULL
        AND c.status IN ('ACTIVE', 'PENDING', 'CLOSED', 'TERMINATED')
      GROUP BY 1 ORDER BY 1`,
    prisma.$queryRaw<{ month: string; value: number }[]>`
      SELECT to_char(m.month, 'YYYY-MM') AS month, count(c.id)::int AS value
      FROM generate_series(date_trunc('month', ${today}::date), date_trunc('month', ${today}::date) + interval '11 months', interval '1 month') AS m(month)
      LEFT JOIN "Centre" c ON c.status = 'ACTIVE' AND c."termEnd" >= ${today}::date
        AND c."termEnd" < (${today}::date + interval '12 months')
        AND date_trunc('month', c."termEnd") = m.month
      GROUP BY m.month ORDER BY m.month`,
  ]);
  return {
    headline: currentCentresFigure(regions),
    byRegion: regions
      .map((region) => ({ label: region.name, code: region.code, value: region.active + region.pending }))
      .sort((a, b) => b.value - a.value || a.code.localeCompare(b.code)),
    bySubject: subjects,
    byActivity: activities,
    designationsPerYear: years,
    expiriesNext12Months: expiries,
  };
}
