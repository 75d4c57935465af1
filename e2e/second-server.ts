import path from "node:path";

import pg from "pg";

import { startProductionServer, type ProductionServer } from "../scripts/lib/production-server";
import { embeddedDbPaths, findRunningEmbeddedDb } from "../src/server/db/embedded";
import { freePort } from "../tests/support/free-port";

// A second production server (scripts/serve.ts on the same build and the
// same database as the suite's server) with settings of its own, e.g.
// TRUSTED_PROXY_HOPS or production mode; and queries against that database.

const root = path.resolve(import.meta.dirname, "..");

export { freePort };

/** The database of the suite's server (playwright.config.ts): E2E_DATABASE_URL or the embedded one. */
export async function e2eDatabaseUrl(): Promise<string> {
  if (process.env.E2E_DATABASE_URL) return process.env.E2E_DATABASE_URL;
  const paths = embeddedDbPaths(root, {
    ...process.env,
    EMBEDDED_DB_DIR: process.env.E2E_EMBEDDED_DB_DIR ?? "data/e2e-pglite",
    EMBEDDED_DB_PORT: process.env.E2E_EMBEDDED_DB_PORT ?? "54339",
  });
  const url = await findRunningEmbeddedDb(paths);
  if (!url) throw new Error(`The suite's embedded database is not running (${paths.stateFile}).`);
  return url;
}

export async function query<T>(sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: await e2eDatabaseUrl() });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows as T[];
  } finally {
    await client.end();
  }
}

export type SecondServer = ProductionServer;

/** scripts/serve.ts on a free port and the suite's database, with `env` on top. */
export async function startSecondServer(
  env: (port: number) => Record<string, string>,
): Promise<SecondServer> {
  const port = await freePort();
  return startProductionServer({
    port,
    hostname: "localhost",
    env: {
      DATABASE_URL: await e2eDatabaseUrl(),
      AUTH_SECRET: "a-second-e2e-server-secret-0123456789abcdef",
      PORT: String(port),
      JOBS: "off",
      ...env(port),
    },
  });
}
