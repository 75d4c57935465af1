import "server-only";

import { parseEnv } from "@/server/config/env";
import { prisma } from "@/server/db/client";
import { logger } from "@/server/log/logger";

import { setJobsStatus } from "./jobs-status";
import { startJobs } from "./start-jobs";

/** Waits between attempts to start pg-boss while the database cannot be reached: 5 s, doubling, at most a minute. */
const RETRY_FIRST_MS = 5_000;
const RETRY_MAX_MS = 60_000;

/**
 * Starts the scheduled jobs inside this app instance (called from
 * src/instrumentation.ts), unless JOBS=off. Runs in the background: the app
 * serves requests while pg-boss sets itself up, and a failure to start the
 * jobs (the database not there yet) is logged and tried again, never fatal
 * to the app. /readyz reports the jobs as not running meanwhile.
 */
export function startAppJobs(): void {
  const log = logger.child({ component: "jobs" });
  const env = parseEnv();
  if (env.JOBS === "off") {
    setJobsStatus({ state: "off", reason: "JOBS=off" });
    log.info("jobs off (JOBS=off)");
    return;
  }
  if (!env.DATABASE_URL) {
    setJobsStatus({ state: "off", reason: "DATABASE_URL is not set" });
    log.info("jobs not started: DATABASE_URL is not set");
    return;
  }
  const url = env.DATABASE_URL;
  const attempt = (attempts: number, wait: number) => {
    setJobsStatus({ state: "starting", attempts });
    // No stop on exit: a run cut short is idempotent and pg-boss retries it
    // once its expiry (15 minutes) has passed.
    startJobs({ url, db: prisma }).then(
      ({ boss }) => {
        setJobsStatus({ state: "running", boss });
        boss.once("stopped", () => setJobsStatus({ state: "stopped" }));
      },
      (error: unknown) => {
        log.error({ err: error, retryInSeconds: wait / 1000 }, "jobs could not start");
        setTimeout(() => attempt(attempts + 1, Math.min(wait * 2, RETRY_MAX_MS)), wait).unref();
      },
    );
  };
  attempt(1, RETRY_FIRST_MS);
}
