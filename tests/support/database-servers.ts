import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";

import { withClient } from "@/server/db/connection";
import { isProcessAlive } from "@/server/db/embedded";
import { startPgliteServer } from "@/server/db/pglite-server";

// The throwaway database servers behind tests/support/test-database.ts,
// without vitest: `npm test` (scripts/test.ts) also builds the run's
// templates with them, for the integration tests and the end-to-end servers.

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
