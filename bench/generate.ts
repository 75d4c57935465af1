import path from "node:path";

import pg from "pg";

import { createPrismaClient } from "../src/server/db/create-client";
import { applyMigrations } from "../src/server/db/schema-engine";
import { seedAll } from "../src/server/seed/seed-all";

const root = path.resolve(import.meta.dirname, "..");

export async function existingCentres(url: string): Promise<{ centres: number; seconds: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: number }>(`SELECT count(*)::int AS count FROM "Centre"`);
    return { centres: rows[0]?.count ?? 0, seconds: 0 };
  } finally {
    await client.end();
  }
}

/**
 * The 821 real centres (reference data, titles, institutions, subjects), then
 * synthetic centres up to `size`, built set-wise in SQL: titles drawn from the
 * real titles, countries and institutions from the real ones, three subjects
 * and three types of activity each, one designated term with four terms of
 * reference of ten words (40 words) drawn from the real vocabulary. Triggers
 * are off during the bulk insert; the search rows are rebuilt once at the end.
 */
export async function generateCentres(
  url: string,
  size: number,
): Promise<{ centres: number; seconds: number }> {
  const started = performance.now();
  await applyMigrations({ url, migrationsDir: path.join(root, "prisma/migrations") });
  const prisma = createPrismaClient(url, 2);
  const log = console.log;
  console.log = () => {};
  try {
    await seedAll(prisma, { demoMode: false });
  } finally {
    console.log = log;
    await prisma.$disconnect();
  }

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: number }>(`SELECT count(*)::int AS count FROM "Centre"`);
    const extra = Math.max(0, size - (rows[0]?.count ?? 0));
    if (extra > 0) await synthesise(client, extra);
    const total = await client.query<{ count: number }>(`SELECT count(*)::int AS count FROM "Centre"`);
    return { centres: total.rows[0]?.count ?? 0, seconds: (performance.now() - started) / 1000 };
  } finally {
    await client.end();
  }
}

async function synthesise(client: pg.Client, extra: number): Promise<void> {
  await client.query("SELECT setseed(0.42)");
  await client.query("SET session_replication_role = replica");
  await client.query("BEGIN");
  await client.query(`
    CREATE TEMP TABLE pool ON COMMIT DROP AS
    SELECT array_agg(c.title) AS titles,
           array_agg(c."countryId") AS countries,
           array_agg(c."institutionId") FILTER (WHERE c."institutionId" IS NOT NULL) AS institutions,
           (SELECT array_agg(w.word) FROM "SearchWord" w WHERE length(w.word) > 3) AS words,
           (SELECT array_agg(id ORDER BY id) FROM "Subject") AS subjects,
           (SELECT array_agg(id ORDER BY id) FROM "ActivityType") AS activities
    FROM "Centre" c`);
  await client.query(
    `
    CREATE TEMP TABLE fresh ON COMMIT DROP AS
    SELECT g AS n,
           p.titles[1 + floor(random() * cardinality(p.titles))::int] AS title,
           p.countries[1 + floor(random() * cardinality(p.countries))::int] AS "countryId",
           p.institutions[1 + floor(random() * cardinality(p.institutions))::int] AS "institutionId",
           random() AS r,
           DATE '2019-01-01' + floor(random() * 3650)::int AS "termEnd",
           floor(random() * 1000000)::int AS h
    FROM generate_series(1, $1::int) AS g, pool p`,
    [extra],
  );
  await client.query(`
    INSERT INTO "Centre" (reference, "referenceNumber", title, status, city, initiator, "countryId", "regionId",
                          "institutionId", "firstDesignatedOn", "termStart", "termEnd", "statusChangedAt", "updatedAt")
    SELECT trim(co."whoCode") || '-' || (100000 + f.n), 100000 + f.n, f.title,
           (CASE WHEN f.r < 0.70 THEN 'ACTIVE' WHEN f.r < 0.90 THEN 'PENDING' WHEN f.r < 0.97 THEN 'CLOSED' ELSE 'TERMINATED' END)::"CentreStatus",
           i.city, (CASE WHEN f.h % 5 = 0 THEN 'HQ' ELSE r.code END)::"Initiator", f."countryId", co."regionId",
           f."institutionId", f."termEnd" - 365 * (4 + f.h % 12), f."termEnd" - 4 * 365, f."termEnd", now(), now()
    FROM fresh f JOIN "Country" co ON co.id = f."countryId" JOIN "Region" r ON r.id = co."regionId"
    LEFT JOIN "Institution" i ON i.id = f."institutionId"`);
  await client.query(`
    INSERT INTO "CentreSubject" ("centreId", "subjectId", position)
    SELECT c.id, p.subjects[1 + (c.id * 7 + k * 13) % cardinality(p.subjects)], k + 1
    FROM "Centre" c, pool p, generate_series(0, 2) AS k
    WHERE c."referenceNumber" > 100000`);
  await client.query(`
    INSERT INTO "CentreActivityType" ("centreId", "activityTypeId", position)
    SELECT c.id, p.activities[1 + (c.id * 3 + k * 5) % cardinality(p.activities)], k + 1
    FROM "Centre" c, pool p, generate_series(0, 2) AS k
    WHERE c."referenceNumber" > 100000`);
  await client.query(`
    INSERT INTO "Designation" ("centreId", kind, state, "stateChangedAt", "termStart", "termEnd", "termYears",
                               "letterDate", "decisionDate", "frozenVersion", "updatedAt")
    SELECT c.id, 'REDESIGNATION', 'DESIGNATED', c."termStart", c."termStart", c."termEnd", 4, c."termStart",
           c."termStart", 1, now()
    FROM "Centre" c WHERE c."referenceNumber" > 100000`);
  await client.query(`
    INSERT INTO "TermsOfReferenceItem" ("designationId", position, text, "updatedAt")
    SELECT d.id, k,
           'To ' || array_to_string(ARRAY(
             SELECT p.words[1 + floor(random() * cardinality(p.words))::int]
             FROM generate_series(1, 10 + 0 * d.id)), ' ') || '.',
           now()
    FROM "Designation" d JOIN "Centre" c ON c.id = d."centreId", pool p, generate_series(1, 4) AS k
    WHERE c."referenceNumber" > 100000`);
  await client.query("COMMIT");
  await client.query("SET session_replication_role = DEFAULT");
  await client.query("SELECT centre_search_rebuild()");
  await client.query("VACUUM ANALYZE");
}
