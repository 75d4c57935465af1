import "server-only";

import { parseEnv } from "@/server/config/env";
import { prisma } from "@/server/db/client";

import { startJobs } from "./start-jobs";

/**
 * Starts the scheduled jobs inside this app instance (called from
 * src/instrumentation.ts), unless JOBS=off. Runs in the background: the app
 * serves requests while pg-boss sets itself up, and a failure to start the
 * jobs is logged, never fatal to the app.
 */
export function startAppJobs(): void {
  const env = parseEnv();
  if (env.JOBS === "off") {
    console.log("[jobs] off (JOBS=off)");
    return;
  }
  if (!env.DATABASE_URL) {
    console.log("[jobs] not started: DATABASE_URL is not set");
    return;
  }
  // No stop on exit: a run cut short is idempotent and pg-boss retries it
  // once its expiry (15 minutes) has passed.
  startJobs({ url: env.DATABASE_URL, db: prisma }).catch((error: unknown) =>
    console.error("[jobs] could not start:", error instanceof Error ? error.message : String(error)),
  );
}
