import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { embeddedDbPaths, resolveDatabaseUrl, type ResolvedDatabase } from "@/server/db/embedded";
import { startPgliteServer } from "@/server/db/pglite-server";
import { freePort } from "../support/free-port";

// The embedded database as `npm start` and the db:* scripts get it: PGlite in
// a process of its own, reused while it runs, serving a whole connection pool
// correctly (pglite-socket's own queue mixed up concurrent connections).

describe("embedded database", () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let database: ResolvedDatabase;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "embedded-db-"));
    env = {
      ...process.env,
      DATABASE_URL: "",
      EMBEDDED_DB_DIR: path.join(dir, "pglite"),
      EMBEDDED_DB_PORT: String(await freePort()),
    };
    database = await resolveDatabaseUrl({ env });
  });

  afterAll(async () => {
    await database?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it("starts in its own process and is reused, not opened twice", async () => {
    expect(database.embedded).toBe(true);
    const paths = embeddedDbPaths(undefined, env);
    expect(existsSync(paths.stateFile)).toBe(true);
    expect(existsSync(paths.lockFile)).toBe(true);

    const again = await resolveDatabaseUrl({ env });
    expect(again).toMatchObject({ url: database.url, embedded: true });
    await again.stop(); // a no-op: it did not start the server
    const pool = new pg.Pool({ connectionString: database.url, max: 1 });
    await expect(pool.query("select 1 as one")).resolves.toMatchObject({ rows: [{ one: 1 }] });
    await pool.end();
  });

  it("serves 20 concurrent connections, transactions included, without mixing them up", async () => {
    const pool = new pg.Pool({ connectionString: database.url, max: 20 });
    try {
      await pool.query("CREATE TABLE IF NOT EXISTS concurrency_probe (v int NOT NULL)");
      const results = await Promise.all(
        Array.from({ length: 20 }, async (_, i) => {
          if (i % 4 !== 0) {
            const { rows } = await pool.query<{ i: number }>("SELECT $1::int AS i, pg_sleep(0.01)", [i]);
            return rows[0]?.i;
          }
          const client = await pool.connect();
          try {
            await client.query("BEGIN");
            await client.query("INSERT INTO concurrency_probe (v) VALUES ($1)", [i]);
            await new Promise((resolve) => setTimeout(resolve, 20));
            const { rows } = await client.query<{ n: number }>(
              "SELECT count(*)::int AS n FROM concurrency_probe WHERE v = $1",
              [i],
            );
            await client.query(i % 8 === 0 ? "COMMIT" : "ROLLBACK");
            return rows[0]?.n === 1 ? i : -1;
          } finally {
            client.release();
          }
        }),
      );
      expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i));
      const { rows } = await pool.query<{ v: number }>("SELECT v FROM concurrency_probe ORDER BY v");
      expect(rows.map((row) => row.v)).toEqual([0, 8, 16]);
    } finally {
      await pool.end();
    }
  });

  it("stops cleanly: state and lock files removed", async () => {
    const paths = embeddedDbPaths(undefined, env);
    await database.stop();
    expect(existsSync(paths.stateFile)).toBe(false);
    expect(existsSync(paths.lockFile)).toBe(false);
  });
});

describe("PGlite server", () => {
  it("makes a data folder whose parents do not exist yet (a clean clone has no data/)", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "pglite-parents-"));
    const dataDir = path.join(dir, "data", "e2e-pglite");
    try {
      const server = await startPgliteServer({ dataDir });
      await server.stop();
      expect(existsSync(path.join(dataDir, "PG_VERSION"))).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
