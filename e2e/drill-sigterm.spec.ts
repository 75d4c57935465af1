import { expect, test } from "@playwright/test";

import {
  CLIENTS,
  openReports,
  removeEmbedded,
  seededEmbeddedDir,
  seededPostgres,
  startEmbedded,
  sql,
  startSaves,
  verify,
  type Database,
} from "./drill-support";
import { freePort, startSecondServer, type SecondServer } from "./second-server";

// Issue #15's drill "SIGTERM while 20 clients save": the production server
// (scripts/serve.ts) on a seeded database of its own (of the run's kind; this
// file runs in the PostgreSQL run of `npm test`), 20 clients autosaving report
// drafts as fast as it answers; SIGTERM mid-load. The server finishes what it
// was doing and exits 0 within its 10 s bound; started again, every save it
// acknowledged is in the database, none half-written (both fields of a save,
// its version and its audit event together or not at all).

test("SIGTERM while 20 clients save report drafts: every acknowledged save is in the database after the restart, none half-written", async () => {
  test.setTimeout(180_000);
  let database: Database;
  if (process.env.E2E_DATABASE_URL) {
    database = await seededPostgres("drill_sigterm");
  } else {
    const dir = `${process.env.E2E_EMBEDDED_DB_DIR ?? "data/e2e-pglite"}-sigterm`;
    await seededEmbeddedDir(dir);
    const embedded = await startEmbedded(dir, await freePort());
    database = { url: embedded.url, drop: () => embedded.kill("SIGTERM").then(() => removeEmbedded(dir)) };
  }
  let server: SecondServer | undefined;
  try {
    const reports = await openReports(database.url);
    server = await startSecondServer(() => ({ DATABASE_URL: database.url }));
    const load = await startSaves(server.base, reports);
    await expect.poll(() => load.acknowledged.length, { timeout: 60_000 }).toBeGreaterThanOrEqual(100);

    const signalled = Date.now();
    const exit = await server.kill("SIGTERM");
    const stoppedAfter = Date.now() - signalled;
    await load.stop();
    expect(exit, server.output().slice(-2_000)).toBe(0);
    // serve.ts waits at most 10 s for the requests in flight.
    expect(stoppedAfter).toBeLessThan(12_000);

    server = await startSecondServer(() => ({ DATABASE_URL: database.url }));
    await expect
      .poll(async () => (await fetch(`${server!.base}/readyz`)).status, { timeout: 30_000 })
      .toBe(200);
    const verdict = await verify(database.url, load, reports);
    console.log(
      `drill SIGTERM: ${load.sent.length} saves sent, ${verdict.acknowledged} acknowledged, ${verdict.found} found ` +
        `after the restart; stopped ${stoppedAfter} ms after SIGTERM; other answers: ` +
        JSON.stringify(Object.fromEntries(load.failures)),
    );
    expect(verdict.problems).toEqual([]);
    expect(verdict.found).toBe(verdict.acknowledged);
    // No save answered with a server error while the server stopped.
    expect([...load.failures.keys()].filter((kind) => /^HTTP 5/.test(kind))).toEqual([]);

    // The restarted server takes the next saves, from the versions the database has now.
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
    await database.drop();
  }
});
