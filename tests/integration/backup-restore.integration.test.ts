import { execFile } from "node:child_process";
import { readFile, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { gunzipSync, gzipSync } from "node:zlib";

import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { BackupFileError } from "@/domain/backup";
import type { PrismaClient } from "@/generated/prisma/client";
import { readMigrationState } from "@/server/backup/catalog";
import { restoreBackup, RestoreRefused } from "@/server/backup/restore-backup";
import { writeBackup } from "@/server/backup/write-backup";
import { withClient } from "@/server/db/connection";
import { startPgliteServer } from "@/server/db/pglite-server";
import { applyMigrations } from "@/server/db/schema-engine";

import { commandRunner } from "../support/command-runner";
import {
  createTestDatabase,
  migrationsDir,
  testDatabaseKinds,
  type TestDatabase,
} from "../support/test-database";
import { closeTestDatabase, demoAccounts, loadViewers, seededDemoDatabase } from "../support/viewers";
import { DEMO_PASSWORD } from "@/server/seed/demo-accounts";
import { freePort } from "../support/free-port";

// The backup drill (README, "Operations"; decision 0028) on both databases:
// a seeded registry with fresh workflow writes → backup → wipe → restore →
// the same rows in every table (audit trail included, every column), the
// same people sign in through the real sign-in code, the same public pages.
// Then the move of README item 2 through the two commands themselves
// (embedded database → PostgreSQL), and the refusals: a target holding data,
// another migration level, damaged and truncated files.

const meta = { ip: "198.51.100.80", userAgent: "vitest" };
const root = path.resolve(import.meta.dirname, "../..");
const appGlobal = globalThis as unknown as { prisma?: PrismaClient };

/**
 * Everything a registry database holds, read independently of the backup
 * code: each table's rows as PostgreSQL's text of the whole row (every
 * column), sorted, and each sequence's position.
 */
async function contents(url: string): Promise<Record<string, string[]>> {
  return withClient(url, async (client) => {
    await client.query(
      "SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'postgres'; SET extra_float_digits = 3; SET bytea_output = 'hex'",
    );
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
       WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
       ORDER BY 1`,
    );
    const result: Record<string, string[]> = {};
    for (const { name } of tables) {
      const { rows } = await client.query<{ row: string }>(
        `SELECT t::text AS row FROM ${pg.escapeIdentifier(name)} t`,
      );
      result[name] = rows.map((row) => row.row).sort();
    }
    const { rows: sequences } = await client.query<{ name: string }>(
      "SELECT sequence_name AS name FROM information_schema.sequences WHERE sequence_schema = 'public' ORDER BY 1",
    );
    for (const { name } of sequences) {
      const { rows } = await client.query<{ at: string }>(
        `SELECT last_value || ' ' || is_called AS at FROM ${pg.escapeIdentifier(name)}`,
      );
      result[`sequence ${name}`] = [rows[0]!.at];
    }
    return result;
  });
}

const counts = (snapshot: Record<string, string[]>) =>
  Object.fromEntries(
    Object.entries(snapshot)
      .filter(([name]) => !name.startsWith("sequence "))
      .map(([name, rows]) => [name, rows.length]),
  );

async function wipe(url: string): Promise<void> {
  await withClient(url, (client) =>
    client.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public; GRANT USAGE ON SCHEMA public TO PUBLIC;"),
  );
}

/** The app's own client (src/server/db/client.ts) on `url`, as after a restart. */
async function pointAppAt(url: string): Promise<void> {
  await appGlobal.prisma?.$disconnect();
  delete appGlobal.prisma;
  process.env.DATABASE_URL = url;
}

/** What an anonymous visitor sees: a search, a filtered search and a centre page. */
async function publicPages() {
  const { directoryPage } = await import("@/server/queries/directory-page");
  const { findPublicCentre } = await import("@/server/queries/centre-detail");
  return {
    search: await directoryPage({ q: ["health"] }),
    europe: await directoryPage({ region: ["EURO"], sort: ["reference"] }),
    nor18: await findPublicCentre("NOR-18"),
    net86: await findPublicCentre("NET-86"),
  };
}

const run = promisify(execFile);

/** Runs `npm run <script> -- args` as an operator would (tsx, the project's own entry), with `env`. */
async function npmScript(
  script: "db-backup" | "db-restore",
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ["--import", "tsx", path.join(root, `scripts/${script}.ts`), ...args],
      { cwd: root, env: { ...process.env, ...env }, timeout: 180_000 },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

let dir: string;
beforeAll(async () => {
  // Every directory read goes to the database: a cached answer must not hide a missing row.
  process.env.DIRECTORY_FACET_CACHE = "off";
  dir = await mkdtemp(path.join(os.tmpdir(), "backup-drill-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

for (const kind of testDatabaseKinds()) {
  describe(`backup and restore (${kind})`, () => {
    let database: TestDatabase;
    let prisma: PrismaClient;
    let file: string;
    let before: Record<string, string[]>;

    beforeAll(async () => {
      ({ database, prisma } = await seededDemoDatabase(kind));
      file = path.join(dir, `${kind}.backup.gz`);
    });

    afterAll(() => closeTestDatabase(prisma, database));

    it(
      "drill: backup → wipe → restore gives the same rows, audit trail, sign-ins and public pages",
      { timeout: 150_000 },
      async () => {
        // Fresh writes through the app's own code: a sign-in (audit row), a
        // report draft, a mail in the outbox.
        const { verifyCredentials } = await import("@/server/auth/credentials");
        const { saveDraftCommand } = await import("@/server/commands/report/edit-commands");
        const { requestPasswordResetCommand } = await import("@/server/commands/request-password-reset");
        const runCommand = await commandRunner(meta);
        const viewers = await loadViewers(prisma, { staff: demoAccounts.staffSoa13 });
        const signIn = (email: string, password = DEMO_PASSWORD) =>
          verifyCredentials(prisma, { email, password }, meta);
        expect((await signIn(demoAccounts.staffSoa13)).ok).toBe(true);
        const report = await prisma.annualReport.findFirstOrThrow({
          where: { centre: { reference: "SOA-13" }, state: "DRAFT" },
        });
        const draft = "Saved just before the backup drill.";
        const saved = await runCommand(
          saveDraftCommand() as never,
          { reportId: String(report.id), version: String(report.version), resourcesUsed: draft },
          viewers.staff,
        );
        expect(saved.status, JSON.stringify(saved)).toBe("success");
        const { executeCommand } = await import("@/server/commands/execute-command");
        await executeCommand(
          requestPasswordResetCommand,
          { email: demoAccounts.officer },
          { viewer: null, meta },
        );
        expect(await prisma.outboxMessage.count({ where: { toEmail: demoAccounts.officer } })).toBe(1);

        // The audit trail sealed into its hash chain (decision 0029), as the job does every minute.
        const { sealAuditTrail } = await import("@/server/audit/seal-audit-trail");
        const { verifyAuditTrail } = await import("@/server/audit/verify-audit-trail");
        expect((await sealAuditTrail(prisma, { marginMs: 0 })).waiting).toBe(0);
        const chainBefore = await verifyAuditTrail(prisma);
        if (!chainBefore.ok) throw new Error(chainBefore.lines.join("\n"));

        before = await contents(database.url);
        const auditBefore = await prisma.auditEvent.findMany({ orderBy: { id: "asc" } });
        expect(auditBefore.map((event) => event.action)).toEqual(
          expect.arrayContaining(["auth.sign-in", "report.save-draft"]),
        );
        const pagesBefore = await publicPages();
        expect(pagesBefore.search).toMatchObject({ ok: true });
        expect(pagesBefore.nor18?.reference).toBe("NOR-18");

        const backup = await writeBackup({
          url: database.url,
          file,
          appVersion: "0.1.0",
          embedded: kind === "pglite",
        });
        expect(backup.rows).toEqual(counts(before));

        await wipe(database.url);
        expect(await withClient(database.url, readMigrationState)).toEqual({ kind: "empty" });

        const restored = await restoreBackup({ url: database.url, file, migrationsDir });
        expect(restored.migrated).toEqual(backup.header.migrations);
        expect(restored.rows).toEqual(backup.rows);
        expect(restored.emptied).toEqual({});

        // Every table, every column, every sequence.
        expect(await contents(database.url)).toEqual(before);
        await pointAppAt(database.url);
        // The audit trail, row for row, and its hash chain intact up to the same head.
        expect(await prisma.auditEvent.findMany({ orderBy: { id: "asc" } })).toEqual(auditBefore);
        const chainAfter = await verifyAuditTrail(prisma, { expectHead: chainBefore.summary.head?.hash });
        expect(chainAfter.ok, chainAfter.lines.join("\n")).toBe(true);
        expect(chainAfter.ok && chainAfter.summary.head).toEqual(chainBefore.summary.head);
        expect(chainBefore.summary.sealed).toBeGreaterThan(0);
        expect(
          (await prisma.annualReport.findUniqueOrThrow({ where: { id: report.id } })).resourcesUsed,
        ).toBe(draft);

        // The same people sign in, with the same passwords, through the real code.
        for (const email of [demoAccounts.admin, demoAccounts.staffSoa13, demoAccounts.officer])
          expect((await signIn(email)).ok, email).toBe(true);
        expect((await signIn(demoAccounts.admin, "not the password")).ok).toBe(false);
        // The same public pages.
        expect(await publicPages()).toEqual(pagesBefore);

        // The restored database works on: new rows get fresh numbers, and the
        // triggers are back (the audit trail is append-only again).
        const last = auditBefore.at(-1)!.id;
        const newest = await prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
        expect(newest.id > last).toBe(true);
        await expect(
          prisma.auditEvent.update({ where: { id: newest.id }, data: { action: "changed" } }),
        ).rejects.toThrow(/append-only/);
      },
    );

    // The tests below go on from the drill's database, which holds data again.

    it("refuses a database that holds data unless --force, which replaces it all", async () => {
      const untouched = await contents(database.url);
      await expect(restoreBackup({ url: database.url, file, migrationsDir })).rejects.toThrow(
        /^The target database holds data \(rows in ActivityProgress \d+, .* and \d+ more tables\)\. Restore into an empty database, or add --force to replace everything in this one\.$/,
      );
      expect(await contents(database.url)).toEqual(untouched);

      const forced = await restoreBackup({ url: database.url, file, migrationsDir, force: true });
      expect(forced.migrated).toEqual([]);
      expect(forced.emptied).toMatchObject({ Centre: untouched.Centre!.length, User: 7 });
      expect(forced.emptied.AuditEvent).toBe(untouched.AuditEvent!.length);
      expect(await contents(database.url)).toEqual(before);
    });

    it("refuses damaged and truncated files, even with --force, and leaves the database as it was", async () => {
      const bytes = await readFile(file);
      const truncated = path.join(dir, `${kind}-truncated.backup.gz`);
      await writeFile(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
      const damaged = path.join(dir, `${kind}-damaged.backup.gz`);
      const flipped = Buffer.from(bytes);
      const at = Math.floor(flipped.length * 0.7);
      flipped[at] = flipped[at]! ^ 0x55;
      await writeFile(damaged, flipped);

      for (const broken of [truncated, damaged]) {
        const attempt = restoreBackup({ url: database.url, file: broken, migrationsDir, force: true });
        await expect(attempt).rejects.toThrow(BackupFileError);
        await expect(attempt).rejects.toThrow(/incomplete|damaged/);
      }
      expect(await contents(database.url)).toEqual(before);
    });

    it("refuses another migration level or a stranger's database, and brings an older one up to the backup's", async () => {
      const [first, ...rest] = gunzipSync(await readFile(file))
        .toString("utf8")
        .split("\n");
      const header = JSON.parse(first!) as { migrations: string[] };
      const last = header.migrations.at(-1)!;
      // A backup made by a newer release (a migration this one lacks) is
      // refused before anything else, the database untouched.
      const newer = path.join(dir, `${kind}-newer.backup.gz`);
      const later = { ...header, migrations: [...header.migrations, "20991231000000_later"] };
      await writeFile(newer, gzipSync([JSON.stringify(later), ...rest].join("\n")));

      const target = await createTestDatabase(kind, { migrate: false });
      try {
        // A database without the registry's migration record is not a target.
        await withClient(target.url, (client) => client.query("CREATE TABLE notes (id int)"));
        const stranger = restoreBackup({ url: target.url, file, migrationsDir });
        await expect(stranger).rejects.toThrow(RestoreRefused);
        await expect(stranger).rejects.toThrow(/not a registry database/);
        await withClient(target.url, (client) => client.query("DROP TABLE notes"));

        await expect(restoreBackup({ url: target.url, file: newer, migrationsDir })).rejects.toThrow(
          /made by a newer release: .*20991231000000_later/,
        );
        // A damaged file is refused before an empty database is even migrated.
        await expect(
          restoreBackup({
            url: target.url,
            file: path.join(dir, `${kind}-damaged.backup.gz`),
            migrationsDir,
          }),
        ).rejects.toThrow(BackupFileError);
        expect(await withClient(target.url, readMigrationState)).toEqual({ kind: "empty" });

        // A database one migration behind is migrated to the backup's level, then restored.
        await applyMigrations({ url: target.url, migrationsDir, upTo: header.migrations.slice(0, -1) });
        const restored = await restoreBackup({ url: target.url, file, migrationsDir });
        expect(restored.migrated).toEqual([last]);
        expect(await contents(target.url)).toEqual(before);

        // A database at a later level is refused, --force or not.
        await withClient(target.url, (client) =>
          client.query(
            `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
             VALUES ('later', 'x', '20991231000000_later', now(), now(), 1)`,
          ),
        );
        await expect(restoreBackup({ url: target.url, file, migrationsDir, force: true })).rejects.toThrow(
          /another migration level than the backup: it has 20991231000000_later/,
        );
      } finally {
        await target.drop();
      }
    });

    it("copies tables and columns no migration of this branch knows, found at run time", async () => {
      // What another branch's migration might add (a hash chain on the audit
      // trail, a self-referencing table with an identity column, a generated
      // column), made by hand on both sides at the same migration level.
      const extend = (url: string) =>
        withClient(url, (client) =>
          client.query(`ALTER TABLE "AuditEvent" ADD COLUMN "chainHash" text;
CREATE TABLE "DrillNode" (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  "parentId" integer REFERENCES "DrillNode"(id),
  label text NOT NULL,
  shout text GENERATED ALWAYS AS (upper(label)) STORED
);`),
        );
      // The target: migrated to the same level (a copy of the run's migrated template).
      const target = await createTestDatabase(kind);
      try {
        await extend(database.url);
        await withClient(database.url, async (client) => {
          // The audit trail is append-only: the hash goes in with new rows.
          await client.query(
            `INSERT INTO "AuditEvent" (action, "chainHash") VALUES ('drill.chained', repeat('ab', 32))`,
          );
          // Children numbered before their parent, over more than one batch.
          await client.query(
            `INSERT INTO "DrillNode" (label) SELECT 'node ' || g FROM generate_series(1, 2500) g`,
          );
          await client.query(`UPDATE "DrillNode" SET "parentId" = id + 1 WHERE id < 2500`);
        });
        const source = await contents(database.url);
        const extended = path.join(dir, `${kind}-extended.backup.gz`);
        const backup = await writeBackup({
          url: database.url,
          file: extended,
          appVersion: "0.1.0",
          embedded: false,
        });
        const columns = (name: string) => backup.header.tables.find((table) => table.name === name)?.columns;
        expect(columns("DrillNode")).toEqual(["id", "parentId", "label"]);
        expect(columns("AuditEvent")).toContain("chainHash");

        // Given the same changes, the target takes the backup as it is.
        await extend(target.url);
        await restoreBackup({ url: target.url, file: extended, migrationsDir });
        expect(await contents(target.url)).toEqual(source);
        // The identity column numbers on from the restored rows.
        const { rows } = await withClient(target.url, (client) =>
          client.query<{ id: number }>(`INSERT INTO "DrillNode" (label) VALUES ('after') RETURNING id`),
        );
        expect(rows[0]!.id).toBe(2501);
      } finally {
        await target.drop();
      }
    });
  });
}

describe("moving from the embedded database to PostgreSQL with the two commands", () => {
  const targetKind = testDatabaseKinds().includes("postgres") ? "postgres" : "pglite";

  it(
    `npm run db:backup on the embedded database, then npm run db:restore into ${targetKind}`,
    { timeout: 240_000 },
    async () => {
      // An embedded database as `npm start` leaves it: the demo, in a data folder.
      const dataDir = path.join(dir, "embedded", "pglite");
      const seeded = new Blob([await readFile(inject("testTemplates").pglite.seeded)]);
      const server = await startPgliteServer({ dataDir, loadDataDir: seeded });
      const { verifyCredentials } = await import("@/server/auth/credentials");
      const { createPrismaClient } = await import("@/server/db/create-client");
      const signIn = async (url: string) => {
        const client = createPrismaClient(url, 1);
        try {
          return (
            await verifyCredentials(client, { email: demoAccounts.officer, password: DEMO_PASSWORD }, meta)
          ).ok;
        } finally {
          await client.$disconnect();
        }
      };
      let source: Record<string, string[]>;
      try {
        // Someone used the demo: a sign-in, a reset link in the outbox.
        expect(await signIn(server.url)).toBe(true);
        await pointAppAt(server.url);
        const { executeCommand } = await import("@/server/commands/execute-command");
        const { requestPasswordResetCommand } = await import("@/server/commands/request-password-reset");
        await executeCommand(
          requestPasswordResetCommand,
          { email: demoAccounts.admin },
          { viewer: null, meta },
        );
        await appGlobal.prisma?.$disconnect();
        delete appGlobal.prisma;
        source = await contents(server.url);
        expect(source.OutboxMessage).toHaveLength(1);
      } finally {
        await server.stop();
      }
      const embeddedEnv = {
        DATABASE_URL: "",
        EMBEDDED_DB_DIR: dataDir,
        EMBEDDED_DB_PORT: String(await freePort()),
      };
      const file = path.join(dir, "move.backup.gz");

      const backup = await npmScript("db-backup", [file], embeddedEnv);
      expect(backup.stderr).toBe("");
      expect(backup.code).toBe(0);
      expect(backup.stdout).toMatch(/^Backed up the embedded database to .*move\.backup\.gz/m);
      expect(backup.stdout).toMatch(/^ {2}Centre +830$/m);
      // A second backup to the same name is refused rather than overwriting it.
      const again = await npmScript("db-backup", [file], embeddedEnv);
      expect(again).toMatchObject({ code: 1, stderr: expect.stringContaining("already exists") });

      const check = await npmScript("db-restore", ["--check", file], {});
      expect(check.code).toBe(0);
      expect(check.stdout).toMatch(/is a complete backup, made .* from the embedded database/);

      const target = await createTestDatabase(targetKind, { migrate: false });
      try {
        const restore = await npmScript("db-restore", [file], { DATABASE_URL: target.url });
        expect(restore.stderr).toBe("");
        expect(restore.code).toBe(0);
        expect(restore.stdout).toMatch(/^Migrated .* to the backup's level first \(\d+ migrations\)\.$/m);
        expect(restore.stdout).toMatch(
          /^Restored \d+ rows in \d+ tables .*each count the same as in the backup:$/m,
        );
        expect(restore.stdout).toMatch(/^ {2}User +7$/m);

        // Everything came along: accounts, designations, reports, audit trail, outbox.
        expect(await contents(target.url)).toEqual(source);
        expect(await signIn(target.url)).toBe(true);

        // Run again: the target now holds data, and the command says so.
        const refused = await npmScript("db-restore", [file], { DATABASE_URL: target.url });
        expect(refused.code).toBe(1);
        expect(refused.stderr).toMatch(/holds data .* add --force/);
        expect((await npmScript("db-restore", [], {})).code).toBe(2);
      } finally {
        await target.drop();
      }
    },
  );
});
