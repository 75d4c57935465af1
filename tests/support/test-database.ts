import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";

import { withClient } from "@/server/db/connection";
import { isProcessAlive } from "@/server/db/embedded";
import { startPgliteServer } from "@/server/db/pglite-server";
import { applyMigrations } from "@/server/db/schema-engine";

// Throwaway databases for integration tests, one per call, always of the same
// shape as production: PGlite (in memory, with pg_trgm and unaccent, served
// over the wire protocol like the embedded database) and, when
// TEST_DATABASE_URL names a PostgreSQL server, a fresh database there.
// Migrations are applied unless { migrate: false }.
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
}

export const migrationsDir = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));
export const schemaPath = fileURLToPath(new URL("../../prisma/schema.prisma", import.meta.url));

const NAME_PREFIX = "cc_test_";

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL is set (CI sets it). */
export function testDatabaseKinds(): TestDatabaseKind[] {
  return process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

export async function createTestDatabase(
  kind: TestDatabaseKind,
  options: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  const database = kind === "pglite" ? await createPgliteDatabase() : await createPostgresDatabase();
  if (options.migrate ?? true) {
    try {
      await applyMigrations({ url: database.url, migrationsDir });
    } catch (error) {
      await database.drop();
      throw error;
    }
  }
  return database;
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

async function createPgliteDatabase(): Promise<TestDatabase> {
  const server = await startPgliteServer();
  return { kind: "pglite", url: server.url, drop: once(() => server.stop()) };
}

async function createPostgresDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl)
    throw new Error(
      "TEST_DATABASE_URL is not set: PostgreSQL test databases need a server to create them on.",
    );
  await dropAbandonedDatabases(adminUrl);
  // The creating process's pid is in the name so that abandoned ones can be told apart.
  const name = `${NAME_PREFIX}${process.pid}_${randomBytes(4).toString("hex")}`;
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
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

/** Test databases whose creating process is gone (a crashed or killed run). */
async function dropAbandonedDatabases(adminUrl: string): Promise<void> {
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
