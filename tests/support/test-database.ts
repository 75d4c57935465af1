import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

import { inject } from "vitest";

import { withClient } from "@/server/db/connection";
import { isProcessAlive } from "@/server/db/embedded";
import { startPgliteServer } from "@/server/db/pglite-server";

import type { TemplateName } from "./test-templates";

// Throwaway databases for integration tests, one per call, always of the same
// shape as production: PGlite (in memory, with pg_trgm and unaccent, served
// over the wire protocol like the embedded database) and, when
// TEST_DATABASE_URL names a PostgreSQL server, a fresh database there.
// Each is a copy of a template the suite's global set-up built once per run
// (tests/support/test-templates.ts): "migrated" unless { migrate: false }
// asks for an empty one, "seeded" for seededDemoDatabase().
//
//   for (const kind of testDatabaseKinds()) {
//     describe(`... (${kind})`, () => {
//       let db: TestDatabase;
//       beforeAll(async () => { db = await createTestDatabase(kind); });
//       afterAll(() => db.drop());
//       it("...", async () => { /* createPrismaClient(db.url) ... */ });
//     });
//   }

export type TestDatabaseKind = "pglite" | "postgres";

export interface TestDatabase {
  kind: TestDatabaseKind;
  url: string;
  /** Removes the database (stops the PGlite server); safe to call twice. */
  drop(): Promise<void>;
  /** PGlite only: the data folder as a tarball, to start copies from. */
  dumpDataDir?: () => Promise<Blob>;
}

export const migrationsDir = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));
export const schemaPath = fileURLToPath(new URL("../../prisma/schema.prisma", import.meta.url));

export const NAME_PREFIX = "cc_test_";

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL is set (CI sets it). */
export function testDatabaseKinds(): TestDatabaseKind[] {
  return process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

/** A migrated database (a copy of the run's template), or an empty one with { migrate: false }. */
export function createTestDatabase(
  kind: TestDatabaseKind,
  options: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  return createDatabase(kind, (options.migrate ?? true) ? "migrated" : undefined);
}

/** A copy of the run's template with the reference data, the 2022 centres and the demo workflows. */
export function createSeededTestDatabase(kind: TestDatabaseKind): Promise<TestDatabase> {
  return createDatabase(kind, "seeded");
}

/** When the seeded template was seeded: its demo dates are relative to this. */
export function seededAt(): Date {
  return new Date(inject("testTemplates").seededAt);
}

/** Runs `fn` on a fresh database and drops it afterwards, even when `fn` fails. */
export async function withTestDatabase<T>(
  kind: TestDatabaseKind,
  fn: (url: string) => Promise<T>,
  options: { migrate?: boolean } = {},
): Promise<T> {
  const database = await createTestDatabase(kind, options);
  try {
    return await fn(database.url);
  } finally {
    await database.drop();
  }
}

async function createDatabase(kind: TestDatabaseKind, template: TemplateName | undefined) {
  if (!template) return kind === "pglite" ? startPgliteDatabase() : createPostgresDatabase();
  const templates = inject("testTemplates");
  if (!templates) throw new Error("No database templates: run the integration projects of vitest.config.ts.");
  if (kind === "pglite") return startPgliteDatabase(new Blob([await readFile(templates.pglite[template])]));
  const name = templates.postgres?.[template];
  if (!name) throw new Error("The global set-up built no PostgreSQL template: was TEST_DATABASE_URL set?");
  return createPostgresDatabase(name);
}

export async function startPgliteDatabase(loadDataDir?: Blob): Promise<TestDatabase> {
  const server = await startPgliteServer({ loadDataDir });
  return {
    kind: "pglite",
    url: server.url,
    drop: once(() => server.stop()),
    dumpDataDir: () => server.dumpDataDir(),
  };
}

export async function createPostgresDatabase(template?: string): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl)
    throw new Error(
      "TEST_DATABASE_URL is not set: PostgreSQL test databases need a server to create them on.",
    );
  // The creating process's pid is in the name so that abandoned ones can be told apart.
  const name = `${NAME_PREFIX}${process.pid}_${randomBytes(4).toString("hex")}`;
  // A copy of the template is a file copy: much faster than migrating and seeding again.
  const copy = template ? ` TEMPLATE "${template}"` : "";
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"${copy}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    kind: "postgres",
    url: url.toString(),
    // FORCE (PostgreSQL 13+): a test's leftover pool must not keep it alive.
    drop: once(() =>
      withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(
        () => {},
      ),
    ),
  };
}

/** Test databases whose creating process is gone (a crashed or killed run); once per run. */
export async function dropAbandonedDatabases(adminUrl: string): Promise<void> {
  await withClient(adminUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE $1",
      [`${NAME_PREFIX}%`],
    );
    for (const { datname } of rows) {
      const pid = Number(datname.slice(NAME_PREFIX.length).split("_")[0]);
      if (pid && !isProcessAlive(pid))
        await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  });
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => (running ??= fn());
}
