import { fileURLToPath } from "node:url";

import { expect, test } from "@playwright/test";
import PgBoss from "pg-boss";

import { withClient } from "../src/server/db/connection";
import { startPgliteServer } from "../src/server/db/pglite-server";
import { applyMigrations } from "../src/server/db/schema-engine";
import { startPrivatePostgres, type PrivatePostgres } from "../tests/support/private-postgres";
import { startTcpProxy } from "../tests/support/tcp-proxy";
import { freePort, startSecondServer, type SecondServer } from "./second-server";

// Issue #15 item 4 against the real production server (scripts/serve.ts on
// the suite's build): a server of its own, on a database of its own.
// - A sign-in attempt's log lines carry its request id and no e-mail address.
// - The drill "the database restarts under load" (decision 0027): while the
//   database is away, a steady load on a public page, the API and /readyz
//   gets only 503s with Retry-After, none slow; once it is back, everything
//   answers 200 again without restarting the app, and the scheduled jobs run
//   again. In the PostgreSQL run the database is on a PostgreSQL server the
//   test makes and really restarts (tests/support/private-postgres.ts: a
//   fast shutdown, then started again); in the PGlite run, or where
//   PostgreSQL's programs are not installed, it is reached through a TCP
//   proxy the test cuts (tests/support/tcp-proxy.ts: every connection reset,
//   new ones refused).

const migrationsDir = fileURLToPath(new URL("../prisma/migrations", import.meta.url));
const metricsToken = "e2e-metrics-token-0123456789abcdef";
/** No answer may take longer, outage or not (the pool gives up waiting for a connection after 10 s). */
const HANG_BOUND_MS = 12_000;
const CUT_MS = 4_000;

type Database = { url: string; drop: () => Promise<void> };

/** A migrated database of the run's kind (on the server of `admin`, else the suite's), for this file alone. */
async function drillDatabase(admin = process.env.E2E_DATABASE_URL): Promise<Database> {
  if (!admin) {
    const server = await startPgliteServer();
    await applyMigrations({ url: server.url, migrationsDir });
    return { url: server.url, drop: () => server.stop() };
  }
  const name = `${new URL(admin).pathname.slice(1)}_outage`;
  const drop = () =>
    withClient(admin, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(
      () => {},
    );
  await drop();
  await withClient(admin, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(admin);
  url.pathname = `/${name}`;
  await applyMigrations({ url: url.toString(), migrationsDir });
  return { url: url.toString(), drop };
}

type Sample = {
  path: string;
  started: number;
  ended: number;
  status: number | "no answer";
  retryAfter: string | null;
  contentType: string | null;
};

/** How the drill takes the database away and brings it back, and the URL the app reaches it by. */
type Outage = {
  how: string;
  appUrl: string;
  cut: () => Promise<void>;
  restore: () => Promise<void>;
  close: () => Promise<void>;
};

function restartOutage(server: PrivatePostgres, url: string): Outage {
  return {
    how: "PostgreSQL restarted",
    appUrl: url,
    cut: server.stop,
    restore: server.start,
    close: server.close,
  };
}

async function proxyOutage(url: string): Promise<Outage> {
  const proxy = await startTcpProxy({ host: new URL(url).hostname, port: Number(new URL(url).port || 5432) });
  return {
    how: "proxy cut",
    appUrl: proxy.proxiedUrl(url),
    cut: proxy.cut,
    restore: proxy.restore,
    close: proxy.close,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test.describe.serial("operations: logs, health and the database outage drill", () => {
  let database: Database;
  let postgres: PrivatePostgres | null = null;
  let outage: Outage;
  let server: SecondServer;

  const logLines = () =>
    server
      .output()
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as Record<string, unknown>);

  const metric = async (name: string, labels: string): Promise<number> => {
    const response = await fetch(`${server.base}/metrics`, {
      headers: { authorization: `Bearer ${metricsToken}` },
    });
    expect(response.status).toBe(200);
    const line = (await response.text()).split("\n").find((text) => text.startsWith(`${name}{${labels}}`));
    return line ? Number(line.split(" ").at(-1)) : 0;
  };

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    if (process.env.E2E_DATABASE_URL) postgres = await startPrivatePostgres(await freePort());
    database = await drillDatabase(postgres?.url);
    outage = postgres ? restartOutage(postgres, database.url) : await proxyOutage(database.url);
    server = await startSecondServer(() => ({
      DATABASE_URL: outage.appUrl,
      JOBS: "on",
      METRICS_TOKEN: metricsToken,
      // The load below is far more than a client's share of the public API.
      API_RATE_LIMIT_PER_MINUTE: "100000",
    }));
    // Ready once pg-boss has started on the new database.
    await expect
      .poll(async () => (await fetch(`${server.base}/readyz`)).status, { timeout: 60_000, intervals: [500] })
      .toBe(200);
  });

  test.afterAll(async () => {
    await server?.stop();
    await database?.drop();
    await outage?.close();
    // When making the outage failed after the server was made.
    if (!outage) await postgres?.close();
  });

  test("health endpoints: /healthz never touches the database, /readyz lists its checks, /metrics wants the token", async () => {
    const health = await fetch(`${server.base}/healthz`);
    expect(health.status).toBe(200);
    expect(health.headers.get("cache-control")).toBe("no-store");
    expect(await health.json()).toEqual({ status: "ok" });

    const ready = await fetch(`${server.base}/readyz`);
    expect(ready.headers.get("cache-control")).toBe("no-store");
    expect(await ready.json()).toMatchObject({
      status: "ready",
      checks: {
        database: { ok: true, status: "reachable" },
        migrations: { ok: true, status: "current" },
        jobs: { ok: true, status: "running" },
      },
    });

    expect((await fetch(`${server.base}/metrics`)).status).toBe(401);
    const scrape = await fetch(`${server.base}/metrics`, {
      headers: { authorization: `Bearer ${metricsToken}` },
    });
    expect(scrape.status).toBe(200);
    const text = await scrape.text();
    for (const name of [
      'registry_http_requests_total{method="GET",route="/readyz",status="200"}',
      "registry_http_request_duration_seconds_bucket",
      'registry_db_pool_connections_in_use{pool="app"}',
      'registry_db_pool_connections_idle{pool="app"}',
      'registry_db_pool_waiting_requests{pool="app"}',
      "registry_job_runs_total",
      'registry_outbox_messages{state="pending"} 0',
      "registry_database_reachable 1",
    ]) {
      expect(text).toContain(name);
    }
  });

  test("a sign-in attempt's log lines carry its request id and no e-mail address", async ({ page }) => {
    const email = "ada.lovelace@registry-e2e.example";
    await page.goto(`${server.base}/sign-in`);
    await page.getByLabel("E-mail address").fill(email);
    await page.getByLabel("Password", { exact: true }).fill("not-the-password-1");
    const posted = page.waitForResponse((response) => response.request().method() === "POST");
    await page.getByRole("button", { name: "Sign in" }).click();
    const requestId = (await posted).headers()["x-request-id"];
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    await expect(page.getByText("The e-mail address or password is not right.")).toBeVisible();

    // The server action's own line (written inside Next) and the server's line of the request.
    await expect
      .poll(
        () =>
          logLines()
            .filter((line) => line.requestId === requestId)
            .map((line) => line.msg),
        {
          timeout: 10_000,
        },
      )
      .toEqual(expect.arrayContaining(["command", "request"]));
    const lines = logLines().filter((line) => line.requestId === requestId);
    expect(lines).toContainEqual(expect.objectContaining({ command: "sign-in", outcome: "refused" }));
    expect(lines).toContainEqual(
      expect.objectContaining({ msg: "request", method: "POST", route: "/sign-in", status: "200" }),
    );
    expect(server.output()).not.toContain(email);
    expect(server.output()).not.toContain("not-the-password-1");
    expect(server.output()).not.toMatch(/[A-Za-z0-9._%+-]+@registry-e2e\.example/);
  });

  test("the database restarts under load: 503 with Retry-After meanwhile, never slow, then back to 200 without a restart; jobs resume", async () => {
    test.setTimeout(120_000);
    const paths = ["/centres?q=health", "/api/v1/centres?limit=5", "/readyz"];
    const samples: Sample[] = [];
    let running = true;
    const loop = async (path: string) => {
      while (running) {
        const started = Date.now();
        let sample: Sample;
        try {
          const response = await fetch(`${server.base}${path}`, {
            signal: AbortSignal.timeout(HANG_BOUND_MS),
            headers: { accept: path.startsWith("/api/") ? "application/json" : "text/html" },
          });
          await response.arrayBuffer();
          sample = {
            path,
            started,
            ended: Date.now(),
            status: response.status,
            retryAfter: response.headers.get("retry-after"),
            contentType: response.headers.get("content-type"),
          };
        } catch {
          sample = {
            path,
            started,
            ended: Date.now(),
            status: "no answer",
            retryAfter: null,
            contentType: null,
          };
        }
        samples.push(sample);
        await sleep(50);
      }
    };
    /** Waits (at least `minimum` ms, at most 20 s) until every path has `count` answers started since `since`. */
    const answersSince = async (since: number, count: number, minimum: number) => {
      const start = Date.now();
      const enough = () =>
        paths.every(
          (path) =>
            samples.filter((sample) => sample.path === path && sample.started >= since).length >= count,
        );
      while (Date.now() - start < 20_000 && (Date.now() - start < minimum || !enough())) await sleep(100);
    };
    // Warm: each path rendered once (the first rendering on a busy machine can take seconds).
    for (const path of paths) expect((await fetch(`${server.base}${path}`)).status, path).toBe(200);
    const runsBefore = await metric("registry_job_runs_total", 'job="prune-rate-limits",outcome="success"');
    const loadStarted = Date.now();
    const loops = paths.map(loop);

    await answersSince(loadStarted, 3, 1_000);
    // A real restart takes a moment to stop: the answers meanwhile are neither before nor during.
    const cutStarted = Date.now();
    await outage.cut();
    const cutAt = Date.now();
    await answersSince(cutAt, 4, CUT_MS);
    const restoredAt = Date.now();
    await outage.restore();
    // Back once every path has answered 200 again.
    let recoveredAt = 0;
    while (Date.now() - restoredAt < 20_000) {
      const latest = paths.map((path) =>
        samples.filter((sample) => sample.path === path && sample.started >= restoredAt).at(-1),
      );
      if (latest.every((sample) => sample?.status === 200)) {
        recoveredAt = Math.max(...latest.map((sample) => sample!.started));
        break;
      }
      await sleep(100);
    }
    if (recoveredAt > 0) await answersSince(recoveredAt, 3, 1_000);
    running = false;
    await Promise.all(loops);

    const describe = (list: Sample[]) =>
      list
        .map((sample) => `${sample.path} ${sample.status} after ${sample.ended - sample.started} ms`)
        .join("\n");
    // Never a 500, never a hang.
    const bad = samples.filter(
      (sample) => sample.status === "no answer" || (sample.status !== 200 && sample.status !== 503),
    );
    expect(bad, describe(bad)).toEqual([]);
    const slow = samples.filter((sample) => sample.ended - sample.started >= HANG_BOUND_MS);
    expect(slow, describe(slow)).toEqual([]);

    // Before the cut: all well.
    const before = samples.filter((sample) => sample.ended < cutStarted);
    for (const path of paths)
      expect(before.filter((sample) => sample.path === path).length).toBeGreaterThan(1);
    expect(
      before.every((sample) => sample.status === 200),
      describe(before),
    ).toBe(true);

    // During the cut: every request, on every path, is a 503 with Retry-After.
    const during = samples.filter((sample) => sample.started >= cutAt && sample.ended <= restoredAt);
    for (const path of paths)
      expect(during.filter((sample) => sample.path === path).length).toBeGreaterThan(2);
    const wrong = during.filter((sample) => sample.status !== 503 || !/^\d+$/.test(sample.retryAfter ?? ""));
    expect(wrong, describe(wrong)).toEqual([]);
    for (const sample of during) {
      const expected = sample.path.startsWith("/api/")
        ? "application/problem+json"
        : sample.path === "/readyz"
          ? "application/json"
          : "text/html; charset=utf-8";
      expect(sample.contentType).toBe(expected);
    }

    // After: back without restarting the app, within a bound, and staying back.
    expect(recoveredAt, "every path answered 200 again").toBeGreaterThan(0);
    expect(recoveredAt - restoredAt).toBeLessThan(15_000);
    const after = samples.filter((sample) => sample.started >= recoveredAt);
    for (const path of paths)
      expect(after.filter((sample) => sample.path === path).length).toBeGreaterThan(1);
    expect(
      after.every((sample) => sample.status === 200),
      describe(after),
    ).toBe(true);
    expect(await (await fetch(`${server.base}/readyz`)).json()).toMatchObject({
      status: "ready",
      checks: { jobs: { ok: true, status: "running" } },
    });

    const slowest = (list: Sample[]) => Math.max(...list.map((sample) => sample.ended - sample.started));
    console.log(
      `drill (${outage.how}): ${before.length} answers before the cut (slowest ${slowest(before)} ms), ${during.length} during ` +
        `(all 503, slowest ${slowest(during)} ms), back ${recoveredAt - restoredAt} ms after the restore, ` +
        `${after.length} after (slowest ${slowest(after)} ms)`,
    );

    // The outage's answers are in the log, each with its request's id.
    const outageLines = logLines().filter((line) => line.msg === "request" && line.status === "503");
    expect(outageLines.length).toBeGreaterThan(0);
    expect(outageLines.every((line) => typeof line.requestId === "string")).toBe(true);

    // Jobs resume: a job queued now is run by this server's workers (they poll every 10 s).
    const boss = new PgBoss({
      connectionString: database.url,
      schedule: false,
      supervise: false,
      migrate: false,
    });
    await boss.start();
    try {
      await boss.send("prune-rate-limits", {});
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
    await expect
      .poll(() => metric("registry_job_runs_total", 'job="prune-rate-limits",outcome="success"'), {
        timeout: 30_000,
        intervals: [1_000],
      })
      .toBeGreaterThan(runsBefore);
  });
});
