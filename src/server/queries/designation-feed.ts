import "server-only";

import { prisma } from "@/server/db/client";

export type FeedEntry = {
  id: string;
  kind: "designation" | "redesignation" | "status";
  reference: string;
  title: string;
  status: string | null;
  date: Date;
  termStart: Date | null;
  termEnd: Date | null;
};

/**
 * The change feed, newest first. It reads:
 * - DESIGNATED designations of public centres (INITIAL → "designation",
 *   REDESIGNATION → "redesignation"), dated by letter date, else term start;
 * - status changes away from Active: "centre.status" audit events of public
 *   centres when they exist, otherwise the centre's current status with
 *   Centre.statusChangedAt (only Pending, Closed and Terminated).
 */
export async function designationFeed(limit = 50): Promise<FeedEntry[]> {
  return prisma.$queryRaw<FeedEntry[]>`
    WITH designations AS (
      SELECT 'designation-' || d.id AS id,
             CASE d.kind WHEN 'INITIAL' THEN 'designation' ELSE 'redesignation' END AS kind,
             c.reference, c.title, NULL::text AS status,
             coalesce(d."letterDate", d."termStart", d."stateChangedAt"::date)::timestamp AS date,
             d."termStart"::timestamp AS "termStart", d."termEnd"::timestamp AS "termEnd"
      FROM "Designation" d JOIN "Centre" c ON c.id = d."centreId"
      WHERE d.state = 'DESIGNATED' AND c.status IN ('ACTIVE', 'PENDING', 'CLOSED', 'TERMINATED')
    ),
    audited AS (
      SELECT 'status-event-' || a.id AS id, 'status' AS kind, c.reference, c.title, a."toState" AS status,
             a."occurredAt" AS date, NULL::timestamp AS "termStart", NULL::timestamp AS "termEnd", c.id AS centre_id
      FROM "AuditEvent" a JOIN "Centre" c ON a."entityType" = 'Centre' AND a."entityId" = c.id::text
      WHERE a.action = 'centre.status' AND a."toState" IN ('PENDING', 'CLOSED', 'TERMINATED')
        AND c.status IN ('ACTIVE', 'PENDING', 'CLOSED', 'TERMINATED')
    ),
    current_status AS (
      SELECT 'status-' || c.id || '-' || extract(epoch FROM c."statusChangedAt")::bigint AS id, 'status' AS kind,
             c.reference, c.title, c.status::text AS status, c."statusChangedAt" AS date,
             NULL::timestamp AS "termStart", NULL::timestamp AS "termEnd"
      FROM "Centre" c
      WHERE c.status IN ('PENDING', 'CLOSED', 'TERMINATED')
        AND NOT EXISTS (SELECT 1 FROM audited WHERE audited.centre_id = c.id)
    )
    SELECT * FROM (
      SELECT * FROM designations
      UNION ALL SELECT id, kind, reference, title, status, date, "termStart", "termEnd" FROM audited
      UNION ALL SELECT * FROM current_status
    ) entries
    WHERE date <= now()
    ORDER BY date DESC, id
    LIMIT ${limit}`;
}
