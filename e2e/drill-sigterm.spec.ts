import { expect, test } from "@playwright/test";

import {
  CLIENTS,
  openReports,
  openSubmitReports,
  removeEmbedded,
  seededEmbeddedDir,
  seededPostgres,
  startEmbedded,
  sql,
  startSaves,
  startSubmits,
  submitReportsNow,
  SUBMITTERS,
  verify,
  verifySubmits,
  type Database,
} from "./drill-support";
import { freePort, startSecondServer, type SecondServer } from "./second-server";

// Issue #15's drill "SIGTERM while 20 clients autosave report drafts and
// submit forms": the production server (scripts/serve.ts) on a seeded
// database of its own (of the run's kind; this file runs in the PostgreSQL
// run of `npm test`), 20 clients autosaving report drafts as fast as it
// answers and, beside them, 5 taking reports round their review as fast as
// it answers (the report form's "Submit report", then the officer's "Return"
// with a note, then submit again…); SIGTERM mid-load. The server finishes
// what it was doing and exits 0 within its 10 s bound; started again, every
// save it acknowledged is in the database, none half-written (both fields of
// a save, its version and its audit event together or not at all), and every
// submit and return it acknowledged is there with its audit row (and a
// return's comment), in the same transaction; one that got no answer is
// there whole or not at all (its idempotency key, claimed in that
// transaction, says which), never a state without its audit row or the other
// way round. The restarted server then takes the next saves and submits.

test("SIGTERM while 20 clients save report drafts and 5 submit reports: every acknowledged save and submit is in the database after the restart, none half-written", async () => {
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
    const submitting = await openSubmitReports(
      database.url,
      reports.map((report) => report.id),
    );
    server = await startSecondServer(() => ({ DATABASE_URL: database.url }));
    const load = await startSaves(server.base, reports);
    const submits = await startSubmits(server.base, submitting.reports);
    const acknowledgedSteps = () => submits.steps.filter((step) => step.answer === "acknowledged").length;
    await expect.poll(() => load.acknowledged.length, { timeout: 60_000 }).toBeGreaterThanOrEqual(100);
    // Each submitter has had a submit and a return answered: SIGTERM lands with forms under way.
    await expect.poll(acknowledgedSteps, { timeout: 60_000 }).toBeGreaterThanOrEqual(2 * SUBMITTERS);

    // Each submitter has one form on its way at any moment (it sends the next as soon as one is answered).
    const formsInFlight = submits.steps.filter((step) => step.answer === "none");
    const signalled = Date.now();
    const exit = await server.kill("SIGTERM");
    const stoppedAfter = Date.now() - signalled;
    await Promise.all([load.stop(), submits.stop()]);
    expect(exit, server.output().slice(-2_000)).toBe(0);
    // serve.ts waits at most 10 s for the requests in flight.
    expect(stoppedAfter).toBeLessThan(12_000);

    server = await startSecondServer(() => ({ DATABASE_URL: database.url }));
    await expect
      .poll(async () => (await fetch(`${server!.base}/readyz`)).status, { timeout: 30_000 })
      .toBe(200);
    const verdict = await verify(database.url, load, reports);
    const submitted = await verifySubmits(database.url, submits, submitting);
    const figures = (kind: "submit" | "return") => {
      const { sent, acknowledged, found, unansweredWritten, unansweredAbsent } = submitted[kind];
      return (
        `${sent} ${kind}s sent, ${acknowledged} acknowledged, ${found} found ` +
        `(unanswered: ${unansweredWritten} written whole, ${unansweredAbsent} absent)`
      );
    };
    console.log(
      `drill SIGTERM: ${load.sent.length} saves sent, ${verdict.acknowledged} acknowledged, ${verdict.found} found ` +
        `after the restart; ${figures("submit")}; ${figures("return")}; ${formsInFlight.length} forms in flight ` +
        `at SIGTERM (${formsInFlight.filter((step) => step.answer === "acknowledged").length} of them acknowledged); ` +
        `stopped ${stoppedAfter} ms after it; ` +
        `other answers: ${JSON.stringify(Object.fromEntries([...load.failures, ...submits.failures]))}`,
    );
    // Every acknowledged save, submit or return missing or half-written is a
    // problem (found can only equal acknowledged then); the drill must also
    // have had forms acknowledged of each kind, or it proved nothing of them.
    expect(verdict.problems).toEqual([]);
    expect(formsInFlight.length).toBeGreaterThan(0);
    expect(submitted.problems).toEqual([]);
    expect(submitted.submit.acknowledged).toBeGreaterThan(0);
    expect(submitted.return.acknowledged).toBeGreaterThan(0);
    // No save or form answered with a server error while the server stopped.
    const failures = [...load.failures.keys(), ...submits.failures.keys()];
    expect(failures.filter((kind) => /HTTP 5/.test(kind))).toEqual([]);

    // The restarted server takes the next saves, from the versions the database has now.
    const now = await sql<{ id: number; version: number }>(
      database.url,
      `SELECT id, version FROM "AnnualReport" WHERE id = ANY($1) ORDER BY id`,
      [reports.map((report) => report.id)],
    );
    const after = await startSaves(server.base, now);
    // And the next submits and returns, from each report's state and version now.
    const submitsAfter = await startSubmits(
      server.base,
      await submitReportsNow(
        database.url,
        submitting.reports.map((report) => report.id),
      ),
    );
    await expect.poll(() => after.acknowledged.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(CLIENTS);
    await expect
      .poll(() => submitsAfter.steps.filter((step) => step.answer === "acknowledged").length, {
        timeout: 30_000,
      })
      .toBeGreaterThanOrEqual(SUBMITTERS);
    await Promise.all([after.stop(), submitsAfter.stop()]);
    expect(after.failures).toEqual(new Map());
    expect(submitsAfter.failures).toEqual(new Map());
  } finally {
    await server?.stop();
    await database.drop();
  }
});
