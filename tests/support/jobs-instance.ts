// One "app instance" for the jobs integration test: starts the scheduled jobs
// on JOBS_TEST_URL the way src/server/jobs/app-jobs.ts does inside the app,
// with the reminders job scheduled every minute. Run with
// `tsx --conditions=react-server` (the jobs modules are server-only).
// Prints "ready" once pg-boss runs; stops cleanly on SIGTERM.
import { createPrismaClient } from "../../src/server/db/create-client";
import { startJobs } from "../../src/server/jobs/start-jobs";

async function main(): Promise<void> {
  const url = process.env.JOBS_TEST_URL;
  if (!url) throw new Error("JOBS_TEST_URL is not set");
  const db = createPrismaClient(url, 2);
  const handle = await startJobs({
    url,
    db,
    catchUp: false,
    cron: { reminders: "* * * * *" },
    pollingIntervalSeconds: 1,
    cronMonitorIntervalSeconds: 1,
  });
  console.log("ready");
  process.once("SIGTERM", () => {
    void handle
      .stop()
      .then(() => db.$disconnect())
      .finally(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exit(1);
});
