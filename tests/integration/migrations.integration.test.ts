import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import type pg from "pg";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { withClient } from "@/server/db/connection";
import { applyMigrations, diffMigration } from "@/server/db/schema-engine";

import {
  createTestDatabase,
  migrationsDir,
  schemaPath,
  testDatabaseKinds,
  type TestDatabase,
} from "../support/test-database";

// The migrations folder is the source of truth for every database: it must
// apply cleanly on PGlite and PostgreSQL, be recorded exactly like
// `prisma migrate deploy` records it, and agree with prisma/schema.prisma
// (a schema change without its migration fails here).

// Every function and trigger is written once, in a source file of
// prisma/sql, and reaches the database through a migration (decision 0020):
// after all migrations the database must define exactly what those files do.
const sqlSourcesDir = fileURLToPath(new URL("../../prisma/sql", import.meta.url));

async function sqlSources(): Promise<{ file: string; sql: string }[]> {
  const files = (await readdir(sqlSourcesDir)).filter((file) => file.endsWith(".sql")).sort();
  return Promise.all(
    files.map(async (file) => ({ file, sql: await readFile(path.join(sqlSourcesDir, file), "utf8") })),
  );
}

/**
 * The database's own functions and triggers (not those of extensions), each
 * as PostgreSQL prints its definition: the header normalised, the body as
 * written.
 */
async function functionsAndTriggers(client: pg.Client): Promise<Record<string, string>> {
  const { rows } = await client.query<{ name: string; definition: string }>(`
    SELECT 'function ' || p.oid::regprocedure::text AS name, pg_get_functiondef(p.oid) AS definition
    FROM pg_proc p
    WHERE p.pronamespace = 'public'::regnamespace
      AND NOT EXISTS (SELECT 1 FROM pg_depend d
                      WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
    UNION ALL
    SELECT 'trigger ' || t.tgname || ' on ' || t.tgrelid::regclass::text, pg_get_triggerdef(t.oid)
    FROM pg_trigger t
    WHERE NOT t.tgisinternal`);
  return Object.fromEntries(rows.map((row) => [row.name, row.definition]));
}

const sourcesDisagree =
  "prisma/sql and the migrations disagree: a new or changed prisma/sql file reaches the database only " +
  "through a new migration that applies it (docs/decisions/0020-search-sql-as-source-files.md)";

async function migrationFolders(): Promise<string[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

for (const kind of testDatabaseKinds()) {
  describe(`migrations (${kind})`, () => {
    let database: TestDatabase;

    beforeAll(async () => {
      database = await createTestDatabase(kind, { migrate: false });
    });
    afterAll(async () => {
      await database?.drop();
    });

    it("applies every migration once and records it like prisma migrate deploy", async () => {
      const folders = await migrationFolders();
      expect(folders.length).toBeGreaterThan(0);

      expect(await applyMigrations({ url: database.url, migrationsDir })).toEqual(folders);
      expect(await applyMigrations({ url: database.url, migrationsDir })).toEqual([]);

      const rows = await withClient(database.url, async (client) => {
        const result = await client.query<{
          migration_name: string;
          checksum: string;
          finished: boolean;
          rolled_back: boolean;
          applied_steps_count: number;
        }>(`SELECT migration_name, checksum, finished_at IS NOT NULL AS finished,
                   rolled_back_at IS NOT NULL AS rolled_back, applied_steps_count
            FROM _prisma_migrations ORDER BY migration_name`);
        return result.rows;
      });
      expect(rows.map((row) => row.migration_name)).toEqual(folders);
      for (const row of rows) {
        const sql = await readFile(path.join(migrationsDir, row.migration_name, "migration.sql"));
        // Prisma's checksum is the SHA-256 of the file: a later edit of an
        // applied migration is detected by `prisma migrate` as well.
        expect(row).toMatchObject({
          checksum: createHash("sha256").update(sql).digest("hex"),
          finished: true,
          rolled_back: false,
          applied_steps_count: 1,
        });
      }
    });

    it("leaves nothing to diff: schema.prisma and the migrations agree", async () => {
      expect(await diffMigration({ url: database.url, schemaPath, migrationsDir })).toBe("");
    });

    it("diffs a schema change into SQL without touching the database", async () => {
      const dir = await mkdtemp(path.join(os.tmpdir(), "schema-"));
      try {
        const changed = path.join(dir, "schema.prisma");
        await writeFile(
          changed,
          `${await readFile(schemaPath, "utf8")}\nmodel DiffProbe {\n  id Int @id\n}\n`,
        );
        const sql = await diffMigration({ url: database.url, schemaPath: changed, migrationsDir });
        expect(sql).toContain('CREATE TABLE "DiffProbe"');
        const probe = await withClient(database.url, (client) =>
          client.query(`SELECT to_regclass('"DiffProbe"') AS t`),
        );
        expect(probe.rows[0]).toEqual({ t: null });
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });

    it("has the hand-written parts: search extensions and the append-only audit log", async () => {
      await withClient(database.url, async (client) => {
        const { rows } = await client.query<{ extname: string }>(
          "SELECT extname FROM pg_extension WHERE extname IN ('pg_trgm', 'unaccent') ORDER BY extname",
        );
        expect(rows.map((row) => row.extname)).toEqual(["pg_trgm", "unaccent"]);
        const { rows: search } = await client.query(
          "SELECT unaccent('Genève') AS plain, similarity('tuberculosis', 'tubercolosis') > 0.5 AS close",
        );
        expect(search[0]).toEqual({ plain: "Geneve", close: true });

        await client.query(`INSERT INTO "AuditEvent" (action) VALUES ('test.append-only')`);
        await expect(client.query(`UPDATE "AuditEvent" SET action = 'changed'`)).rejects.toThrow(
          /append-only/,
        );
        await expect(client.query(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
      });
    });

    it("defines every function and trigger exactly as the prisma/sql source files do", async () => {
      const sources = await sqlSources();
      expect(sources.length).toBeGreaterThan(0);
      await applyMigrations({ url: database.url, migrationsDir }); // when run alone
      await withClient(database.url, async (client) => {
        const migrated = await functionsAndTriggers(client);
        await client.query("BEGIN");
        try {
          // Applied again over the migrated database, as a migration that
          // copies a file would be: nothing changes, nothing is added.
          for (const { sql } of sources) await client.query(sql);
          expect(await functionsAndTriggers(client), sourcesDisagree).toEqual(migrated);

          // And from nothing: each function and trigger comes from a file.
          const { rows } = await client.query<{ signature: string }>(
            `SELECT oid::regprocedure::text AS signature FROM pg_proc
             WHERE pronamespace = 'public'::regnamespace
               AND NOT EXISTS (SELECT 1 FROM pg_depend d
                               WHERE d.classid = 'pg_proc'::regclass AND d.objid = pg_proc.oid AND d.deptype = 'e')`,
          );
          await client.query(`DROP FUNCTION ${rows.map((row) => row.signature).join(", ")} CASCADE`);
          expect(await functionsAndTriggers(client)).toEqual({});
          for (const { sql } of sources) await client.query(sql);
          expect(await functionsAndTriggers(client), sourcesDisagree).toEqual(migrated);
        } finally {
          await client.query("ROLLBACK");
        }
      });
    });
  });
}
