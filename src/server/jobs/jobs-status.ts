import type PgBoss from "pg-boss";

// Whether this instance runs the scheduled jobs, for /readyz: "off" by
// JOBS=off (or without a database URL), "starting" until pg-boss has started
// (retried while it cannot), "running" with the pg-boss instance, "stopped"
// once pg-boss has stopped. Kept on globalThis like the logger and the
// metrics (src/instrumentation.ts and the route handlers load separate copies
// of modules in development).

export type JobsStatus =
  | { state: "off"; reason: string }
  | { state: "starting"; attempts: number }
  | { state: "running"; boss: PgBoss }
  | { state: "stopped" };

const statusKey = Symbol.for("registry.jobs-status");
const holder = globalThis as { [statusKey]?: JobsStatus };

export function jobsStatus(): JobsStatus | undefined {
  return holder[statusKey];
}

export function setJobsStatus(status: JobsStatus): void {
  holder[statusKey] = status;
}
