import { expect, test } from "@playwright/test";

import {
  CLIENTS,
  openReports,
  removeEmbedded,
  seededEmbeddedDir,
  sql,
  startEmbedded,
  startSaves,
  verify,
  type EmbeddedDatabase,
} from "./drill-support";
import { freePort, startSecondServer, type SecondServer } from "./second-server";

// Issue #15's drill "SIGKILL during writes, on the embedded database" (this
// file runs in the PGlite run of `npm test`): the embedded database as
// `npm start` runs it (scripts/embedded-db.ts, a process of its own on a data
// folder, here a seeded copy), the production server on it, 20 clients
// autosaving report drafts; then kill -9 of the app server AND of the
// database process, mid-write. Both start again on the same folder (the
// stale lock and state files of the killed database cleared), the database
// opens and reads every table whole, the schema is current, every save
// acknowledged before the kill is there and none is half-written.

test("SIGKILL of the app and the embedded database during writes: both start again, the data folder is consistent, acknowledged saves are there", async () => {
  test.setTimeout(240_000);
  const dir = `${process.env.E2E_EMBEDDED_DB_DIR ?? "data/e2e-pglite"}-sigkill`;
  await seededEmbeddedDir(dir);
  const port = await freePort();
  let database: EmbeddedDatabase | undefined = await startEmbedded(dir, port);
  let server: SecondServer | undefined;
  try {
    const reports = await openReports(database.url);
    const tables = await sql<{ name: string }>(
      database.url,
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    );
    const counted = async (url: string) =>
      Object.fromEntries(
        await Promise.all(
          tables
            .filter(({ name }) => !["AnnualReport", "AuditEvent", "SignInThrottle"].includes(name))
            .map(async ({ name }) => [
              name,
              (await sql<{ count: number }>(url, `SELECT count(*)::int AS count FROM "${name}"`))[0]!.count,
            ]),
        ),
      ) as Record<string, number>;
    const before = await counted(database.url);

    server = await startSecondServer(() => ({ DATABASE_URL: database!.url }));
    const load = await startSaves(server.base, reports);
    await expect.poll(() => load.acknowledged.length, { timeout: 60_000 }).toBeGreaterThanOrEqual(100);

    // Mid-write, without warning: the app, then at once the database.
    const app = server.kill("SIGKILL");
    await database.kill("SIGKILL");
    expect(await app).toBe("SIGKILL");
    await load.stop();
    server = undefined;
    database = undefined;

    const restarted = Date.now();
    database = await startEmbedded(dir, port);
    server = await startSecondServer(() => ({ DATABASE_URL: database!.url }));
    await expect
      .poll(async () => (await fetch(`${server!.base}/readyz`)).status, { timeout: 30_000 })
      .toBe(200);
    expect(await (await fetch(`${server.base}/readyz`)).json()).toMatchObject({
      checks: { database: { ok: true }, migrations: { ok: true, status: "current" } },
    });
    const backAfter = Date.now() - restarted;

    // Every table reads whole, and the ones neither the saves nor the sign-in wrote have what they had.
    expect(await counted(database.url)).toEqual(before);
    const verdict = await verify(database.url, load, reports);
    console.log(
      `drill SIGKILL: ${load.sent.length} saves sent, ${verdict.acknowledged} acknowledged, ${verdict.found} found ` +
        `after the restart (database and app ready ${backAfter} ms after starting again); other answers: ` +
        JSON.stringify(Object.fromEntries(load.failures)),
    );
    // Every acknowledged save missing or half-written is a problem (found can only equal acknowledged then).
    expect(verdict.problems).toEqual([]);

    // And it takes new saves.
    const now = await sql<{ id: number; version: number }>(
      database.url,
      `SELECT id, version FROM "AnnualReport" WHERE id = ANY($1) ORDER BY id`,
      [reports.map((report) => report.id)],
    );
    const after = await startSaves(server.base, now);
    await expect.poll(() => after.acknowledged.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(CLIENTS);
    await after.stop();
    expect(after.failures).toEqual(new Map());
  } finally {
    await server?.stop();
    await database?.kill("SIGTERM");
    removeEmbedded(dir);
  }
});
