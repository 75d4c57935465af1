import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

import { databaseFailureCount, databaseUnreachable } from "@/server/health/database-status";

// The Prometheus metrics of one app instance (decision 0027), served on
// /metrics (src/app/metrics/route.ts). Requests are counted by the production
// server (scripts/serve.ts) around Next, jobs by pg-boss's workers inside
// Next's bundle: one registry on globalThis serves both copies of this module.
// No "server-only" marker: the production server imports it.

/** What a connection pool shows of itself (pg.Pool's counters). */
export type PoolLike = {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options: { max?: number };
};

export type OutboxBacklog = { pending: number; failed: number; oldestPendingSeconds: number };

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const pools = new Map<string, PoolLike>();

  const httpRequests = new Counter({
    name: "registry_http_requests_total",
    help: "HTTP requests answered, by method, route pattern and status code.",
    labelNames: ["method", "route", "status"] as const,
    registers: [registry],
  });
  const httpDuration = new Histogram({
    name: "registry_http_request_duration_seconds",
    help: "Time from a request's arrival to the end of its answer, by method, route pattern and status code.",
    labelNames: ["method", "route", "status"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });

  const poolGauge = (name: string, help: string, read: (pool: PoolLike) => number) =>
    new Gauge({
      name,
      help,
      labelNames: ["pool"] as const,
      registers: [registry],
      collect() {
        this.reset();
        for (const [pool, counters] of pools) this.set({ pool }, read(counters));
      },
    });
  poolGauge(
    "registry_db_pool_connections_in_use",
    "Connections of the pool lent out to a query or transaction.",
    (pool) => pool.totalCount - pool.idleCount,
  );
  poolGauge(
    "registry_db_pool_connections_idle",
    "Open connections of the pool waiting for work.",
    (pool) => pool.idleCount,
  );
  poolGauge(
    "registry_db_pool_waiting_requests",
    "Queries waiting for a connection because the pool is at its size.",
    (pool) => pool.waitingCount,
  );
  poolGauge("registry_db_pool_max_connections", "The pool's size.", (pool) => pool.options.max ?? 10);

  new Gauge({
    name: "registry_database_reachable",
    help: "1 unless the last attempt to reach the database, in the last 30 seconds, failed.",
    registers: [registry],
    collect() {
      this.set(databaseUnreachable() ? 0 : 1);
    },
  });
  new Counter({
    name: "registry_database_connection_failures_total",
    help: "Connections to the database that could not be opened or were lost.",
    registers: [registry],
    collect() {
      this.reset();
      this.inc(databaseFailureCount());
    },
  });

  const jobRuns = new Counter({
    name: "registry_job_runs_total",
    help: "Runs of the scheduled jobs by job and outcome (success or failure).",
    labelNames: ["job", "outcome"] as const,
    registers: [registry],
  });
  const jobDuration = new Histogram({
    name: "registry_job_duration_seconds",
    help: "How long each run of a scheduled job took.",
    labelNames: ["job"] as const,
    buckets: [0.05, 0.1, 0.5, 1, 5, 15, 60, 300, 900],
    registers: [registry],
  });
  const jobQueueErrors = new Counter({
    name: "registry_job_queue_errors_total",
    help: "Errors pg-boss reported (e.g. it could not reach the database to fetch or schedule jobs).",
    registers: [registry],
  });

  const outboxMessages = new Gauge({
    name: "registry_outbox_messages",
    help: "Mail in the outbox waiting to be sent (pending) or given up after retries (failed).",
    labelNames: ["state"] as const,
    registers: [registry],
  });
  const outboxOldest = new Gauge({
    name: "registry_outbox_oldest_pending_seconds",
    help: "Age of the oldest mail waiting in the outbox (0 when none waits).",
    registers: [registry],
  });
  // One read of the outbox per scrape, shared by both gauges; a scrape while
  // the database is away leaves them out rather than failing the page.
  const outboxCollect = async (read: () => Promise<OutboxBacklog>) => {
    outboxMessages.reset();
    outboxOldest.reset();
    try {
      const backlog = await read();
      outboxMessages.set({ state: "pending" }, backlog.pending);
      outboxMessages.set({ state: "failed" }, backlog.failed);
      outboxOldest.set(backlog.oldestPendingSeconds);
    } catch {
      // Reported by registry_database_reachable instead.
    }
  };

  return {
    registry,
    pools,
    httpRequests,
    httpDuration,
    jobRuns,
    jobDuration,
    jobQueueErrors,
    outboxCollect,
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

const metricsKey = Symbol.for("registry.metrics");
const holder = globalThis as { [metricsKey]?: Metrics };

export const metrics: Metrics = (holder[metricsKey] ??= createMetrics());

/** Shows `pool` in the pool gauges under `name` ("app", "jobs", "page-cache"). */
export function trackPool(name: string, pool: PoolLike): void {
  metrics.pools.set(name, pool);
}

/** The metrics page, in Prometheus's text format; `outbox` reads the outbox's backlog. */
export async function metricsText(
  outbox: () => Promise<OutboxBacklog>,
): Promise<{ body: string; contentType: string }> {
  await metrics.outboxCollect(outbox);
  return { body: await metrics.registry.metrics(), contentType: metrics.registry.contentType };
}
