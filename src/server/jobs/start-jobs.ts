import "server-only";

import PgBoss from "pg-boss";

import type { PrismaClient } from "@/generated/prisma/client";
import { logger } from "@/server/log/logger";
import { metrics } from "@/server/metrics/metrics";

import { jobs, type JobDefinition, type JobName } from "./job-list";

export type JobsOptions = {
  /** The app's database (DATABASE_URL, or the embedded PGlite's URL). */
  url: string;
  db: PrismaClient;
  /** Run every daily job once at start-up, so a day the app was down is caught up. */
  catchUp?: boolean;
  /** Tests only: other cron lines, e.g. every minute. */
  cron?: Partial<Record<JobName, string>>;
  /** How often each worker asks for work; the schedule itself is minute-grained. */
  pollingIntervalSeconds?: number;
  /** Tests only: how often the cron monitor checks (default 30 s). */
  cronMonitorIntervalSeconds?: number;
};

/** Opening a connection for pg-boss gives up after this long instead of waiting forever. */
const CONNECT_TIMEOUT_MS = 10_000;

/**
 * Creates a job's queue unless it exists. pg-boss's create_queue adds a
 * partition to its job table (DDL); two instances starting at the same moment
 * can deadlock on it (seen in the two-instance test), so a deadlock or a
 * concurrent creation is retried after a short random wait. The creation is
 * idempotent (ON CONFLICT DO NOTHING), so the retry is safe.
 */
async function ensureQueue(boss: PgBoss, name: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    if (await boss.getQueue(name)) return;
    try {
      await boss.createQueue(name, {
        name,
        policy: "stately",
        // A failed run is retried twice; a stuck one is given up after 15 minutes.
        retryLimit: 2,
        retryDelay: 60,
        expireInSeconds: 15 * 60,
      });
      return;
    } catch (error) {
      const code = (error as { code?: string }).code;
      // 40P01 deadlock, 23505 unique violation, 42P07 table exists: another instance is creating it.
      if (attempt >= 5 || !["40P01", "23505", "42P07"].includes(code ?? "")) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 400 * attempt));
    }
  }
}

export type JobsHandle = { boss: PgBoss; stop: () => Promise<void> };

/**
 * Starts pg-boss on the app's database and the scheduled jobs of job-list.ts.
 * Every app instance calls this; pg-boss makes one of them put each cron
 * tick's job in the queue, and the "stately" queue policy keeps at most one
 * job of each queue waiting and one running across all instances. The jobs
 * are idempotent anyway (compare-and-set on version, outbox keys), so a
 * double run changes nothing twice and sends nothing twice.
 */
export async function startJobs(options: JobsOptions): Promise<JobsHandle> {
  const log = logger.child({ component: "jobs" });
  // pg-boss hands its options to pg's Pool (its types do not list the timeout).
  const config: PgBoss.ConstructorOptions & { connectionTimeoutMillis: number } = {
    connectionString: options.url,
    // pg-boss keeps its own small pool beside Prisma's.
    max: 2,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    application_name: "registry-jobs",
    schema: "pgboss",
    ...(options.cronMonitorIntervalSeconds
      ? { cronMonitorIntervalSeconds: options.cronMonitorIntervalSeconds, cronWorkerIntervalSeconds: 1 }
      : {}),
  };
  const boss = new PgBoss(config);
  // While the database is away every worker's poll fails: pg-boss reports it
  // here and polls again, so the jobs resume by themselves when it is back.
  boss.on("error", (error) => {
    metrics.jobQueueErrors.inc();
    log.warn({ err: error }, "pg-boss error");
  });
  await boss.start();
  try {
    await setUpQueues(boss, options);
  } catch (error) {
    // Not half started: the caller may try again.
    await boss.stop({ graceful: false, wait: false }).catch(() => {});
    throw error;
  }
  log.info({ jobs: jobs.map((job) => job.name) }, "jobs started");
  return {
    boss,
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 20_000 }),
  };
}

async function setUpQueues(boss: PgBoss, options: JobsOptions): Promise<void> {
  const log = logger.child({ component: "jobs" });
  for (const job of jobs as readonly JobDefinition[]) {
    await ensureQueue(boss, job.name);
    await boss.schedule(job.name, options.cron?.[job.name as JobName] ?? job.cron, {}, { tz: "UTC" });
    await boss.work(
      job.name,
      { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 10, batchSize: 1 },
      async ([entry]) => {
        const started = performance.now();
        const seconds = () => (performance.now() - started) / 1000;
        try {
          const result = await job.run(options.db, new Date());
          metrics.jobRuns.inc({ job: job.name, outcome: "success" });
          metrics.jobDuration.observe({ job: job.name }, seconds());
          if (!job.everyMinute || Object.values(result).some((count) => count > 0)) {
            log.info(
              { job: job.name, result, ms: Math.round(seconds() * 1000), jobId: entry?.id },
              "job done",
            );
          }
          return result;
        } catch (error) {
          metrics.jobRuns.inc({ job: job.name, outcome: "failure" });
          metrics.jobDuration.observe({ job: job.name }, seconds());
          // pg-boss retries it (retryLimit) and keeps the error with the job.
          log.error({ err: error, job: job.name, jobId: entry?.id }, "job failed");
          throw error;
        }
      },
    );
  }
  if (options.catchUp ?? true) {
    for (const job of jobs as readonly JobDefinition[]) {
      if (job.everyMinute) continue;
      // Idempotent, so running it again today is harmless; the queue policy
      // collapses the catch-ups of several instances starting together.
      await boss.send(job.name, { catchUp: true });
    }
  }
}
