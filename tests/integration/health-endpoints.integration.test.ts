import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { PrismaClient } from "@/generated/prisma/client";
import type { JobsHandle } from "@/server/jobs/start-jobs";

import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../support/test-database";

// /healthz, /readyz and /metrics (decision 0027) through their route
// handlers, on a real database (PGlite, and PostgreSQL when
// TEST_DATABASE_URL is set) that the app reaches through a TCP proxy, with
// pg-boss running on it as in the app: each outcome of /readyz (ready, a
// migration missing or failed, the jobs not running, the database gone and
// back) and who may read /metrics and what it shows.

const token = "integration-metrics-token-0123456789";

type Routes = {
  healthz: typeof import("@/app/healthz/route").GET;
  readyz: typeof import("@/app/readyz/route").GET;
  metrics: typeof import("@/app/metrics/route").GET;
  setJobsStatus: typeof import("@/server/jobs/jobs-status").setJobsStatus;
};

for (const kind of testDatabaseKinds()) {
  describe(`health endpoints (${kind})`, () => {
    let database: TestDatabase;
    let proxy: TcpProxy;
    let prisma: PrismaClient;
    let jobs: JobsHandle;
    let routes: Routes;

    const readyz = async () => {
      const response = await routes.readyz();
      return { status: response.status, headers: response.headers, body: await response.json() };
    };
    const scrape = async (authorization?: string) => {
      const headers: Record<string, string> = authorization ? { authorization } : {};
      const response = await routes.metrics(new Request("http://registry.test/metrics", { headers }));
      return { status: response.status, headers: response.headers, body: await response.text() };
    };
    const lastMigration = async () =>
      (
        await prisma.$queryRaw<{ name: string }[]>`
          SELECT migration_name AS name FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1`
      )[0]!.name;

    beforeAll(async () => {
      database = await createTestDatabase(kind);
      const target = new URL(database.url);
      proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
      // The app's client (src/server/db/client.ts) reaches the database through the proxy.
      process.env.DATABASE_URL = proxy.proxiedUrl(database.url);
      process.env.METRICS_TOKEN = token;
      const { createPrismaClient } = await import("@/server/db/create-client");
      prisma = createPrismaClient(database.url, 2);
      const { prisma: appPrisma } = await import("@/server/db/client");
      const { startJobs } = await import("@/server/jobs/start-jobs");
      jobs = await startJobs({
        url: proxy.proxiedUrl(database.url),
        db: appPrisma,
        catchUp: true,
        pollingIntervalSeconds: 1,
      });
      routes = {
        healthz: (await import("@/app/healthz/route")).GET,
        readyz: (await import("@/app/readyz/route")).GET,
        metrics: (await import("@/app/metrics/route")).GET,
        setJobsStatus: (await import("@/server/jobs/jobs-status")).setJobsStatus,
      };
      routes.setJobsStatus({ state: "running", boss: jobs.boss });
    });

    afterAll(async () => {
      await jobs?.stop();
      await prisma?.$disconnect();
      const { prisma: appPrisma } = await import("@/server/db/client");
      await appPrisma.$disconnect().catch(() => {});
      (globalThis as { prisma?: unknown }).prisma = undefined;
      // Every pool has said goodbye: let the proxy's connections end before the database goes.
      for (let waited = 0; (proxy?.connections() ?? 0) > 0 && waited < 5_000; waited += 50) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await proxy?.close();
      await database?.drop();
    });

    it("/healthz answers without the database, never cached", async () => {
      const response = routes.healthz();
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(await response.json()).toEqual({ status: "ok" });
    });

    it("/readyz is 200 with every check passed when the database is there, migrated, and the jobs run", async () => {
      const { status, headers, body } = await readyz();
      expect(status).toBe(200);
      expect(headers.get("cache-control")).toBe("no-store");
      expect(headers.get("retry-after")).toBeNull();
      expect(body).toMatchObject({
        status: "ready",
        checks: {
          database: { ok: true, status: "reachable" },
          migrations: { ok: true, status: "current" },
          jobs: { ok: true, status: "running" },
        },
      });
    });

    it("/readyz is 503 while a migration of this release is missing, or failed half-way", async () => {
      const name = await lastMigration();
      await prisma.$executeRaw`UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = ${name}`;
      try {
        const { status, headers, body } = await readyz();
        expect(status).toBe(503);
        expect(headers.get("retry-after")).toMatch(/^\d+$/);
        expect(body).toMatchObject({
          status: "not ready",
          checks: { database: { ok: true }, migrations: { ok: false, status: "pending", pending: [name] } },
        });
      } finally {
        await prisma.$executeRaw`UPDATE "_prisma_migrations" SET rolled_back_at = NULL WHERE migration_name = ${name}`;
      }

      const finished = await prisma.$queryRaw<{ at: Date }[]>`
        SELECT finished_at AS at FROM "_prisma_migrations" WHERE migration_name = ${name}`;
      await prisma.$executeRaw`UPDATE "_prisma_migrations" SET finished_at = NULL WHERE migration_name = ${name}`;
      try {
        const { status, body } = await readyz();
        expect(status).toBe(503);
        expect(body.checks.migrations).toMatchObject({ ok: false, status: "failed" });
      } finally {
        await prisma.$executeRaw`UPDATE "_prisma_migrations" SET finished_at = ${finished[0]!.at} WHERE migration_name = ${name}`;
      }
      expect((await readyz()).status).toBe(200);
    });

    it("/readyz is 503 while the jobs are starting or stopped, and 200 with JOBS=off", async () => {
      try {
        routes.setJobsStatus({ state: "starting", attempts: 2 });
        expect(await readyz()).toMatchObject({
          status: 503,
          body: { checks: { jobs: { ok: false, status: "starting" } } },
        });
        routes.setJobsStatus({ state: "stopped" });
        expect((await readyz()).body.checks.jobs).toMatchObject({ ok: false, status: "stopped" });
        routes.setJobsStatus({ state: "off", reason: "JOBS=off" });
        expect(await readyz()).toMatchObject({
          status: 200,
          body: { checks: { jobs: { ok: true, status: "off" } } },
        });
      } finally {
        routes.setJobsStatus({ state: "running", boss: jobs.boss });
      }
    });

    it("/readyz is 503 within its time limit while the database is unreachable, and 200 once it is back", async () => {
      // pg-boss 10 does not wait for a job's completion to be written
      // (manager.js onFetch): a cut at that moment is an unhandled rejection
      // in pg-boss, not a /readyz outcome. Let the start-up runs finish first.
      await expect
        .poll(
          async () =>
            (
              await prisma.$queryRaw<{ n: number }[]>`
                SELECT count(*)::int AS n FROM pgboss.job
                WHERE state IN ('created', 'retry', 'active') AND start_after <= now()`
            )[0]?.n,
          { timeout: 60_000, interval: 250 },
        )
        .toBe(0);
      await proxy.cut();
      try {
        const started = Date.now();
        const { status, headers, body } = await readyz();
        expect(Date.now() - started).toBeLessThan(3_000);
        expect(status).toBe(503);
        expect(headers.get("retry-after")).toMatch(/^\d+$/);
        expect(body.status).toBe("not ready");
        expect(body.checks.database).toMatchObject({
          ok: false,
          status: expect.stringMatching(/^(unreachable|timeout)$/),
        });
        expect(body.checks.migrations.ok).toBe(false);
        // Public: no host, port or error text.
        expect(JSON.stringify(body)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|:\d{4,5}/);
      } finally {
        await proxy.restore();
      }
      await expect.poll(async () => (await readyz()).status, { timeout: 10_000 }).toBe(200);
    });

    it("/metrics: 404 without METRICS_TOKEN, 401 without the right bearer token", async () => {
      delete process.env.METRICS_TOKEN;
      try {
        const disabled = await scrape(`Bearer ${token}`);
        expect(disabled.status).toBe(404);
        expect(disabled.body).not.toContain("registry_");
      } finally {
        process.env.METRICS_TOKEN = token;
      }
      for (const authorization of [undefined, "Bearer wrong-token-0123456789abcdefgh", `Basic ${token}`]) {
        const refused = await scrape(authorization);
        expect(refused.status, String(authorization)).toBe(401);
        expect(refused.headers.get("www-authenticate")).toBe('Bearer realm="metrics"');
        expect(refused.body).not.toContain("registry_");
      }
    });

    it("/metrics with the token: requests, pool, jobs, outbox backlog, in Prometheus's text format", async () => {
      await prisma.outboxMessage.create({
        data: { kind: "test", toEmail: "metrics@registry.test", subject: "s", textBody: "b" },
      });
      // The catch-up runs at start-up are counted once pg-boss has run them.
      await expect
        .poll(async () => (await scrape(`Bearer ${token}`)).body, { timeout: 30_000, interval: 500 })
        .toMatch(/^registry_job_runs_total\{job="centre-expiry",outcome="success"\} [1-9]/m);
      const { status, headers, body } = await scrape(`Bearer ${token}`);
      expect(status).toBe(200);
      expect(headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
      expect(headers.get("cache-control")).toBe("no-store");
      for (const line of [
        /^# TYPE registry_http_requests_total counter$/m,
        /^# TYPE registry_http_request_duration_seconds histogram$/m,
        /^registry_db_pool_connections_in_use\{pool="app"\} \d+$/m,
        /^registry_db_pool_connections_idle\{pool="app"\} \d+$/m,
        /^registry_db_pool_waiting_requests\{pool="app"\} \d+$/m,
        /^registry_db_pool_max_connections\{pool="app"\} \d+$/m,
        /^registry_job_duration_seconds_count\{job="centre-expiry"\} [1-9]/m,
        /^# TYPE registry_job_queue_errors_total counter$/m,
        /^registry_outbox_messages\{state="pending"\} 1$/m,
        /^registry_outbox_messages\{state="failed"\} 0$/m,
        /^registry_outbox_oldest_pending_seconds \d/m,
        /^registry_database_reachable 1$/m,
        /^process_cpu_seconds_total \d/m,
      ]) {
        expect(body).toMatch(line);
      }
      // Counted, never named: no e-mail address in the metrics.
      expect(body).not.toContain("metrics@registry.test");
    });
  });
}
