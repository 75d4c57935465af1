// Next.js calls register() once when a server instance starts (never during
// `next build`). The scheduled jobs start here, so every way of running the
// app — `npm start`, `npm run serve` on several instances, `next dev` — runs
// them, on the same database and Prisma client as the app
// (docs/decisions/0007-scheduled-jobs.md).
export async function register(): Promise<void> {
  // The edge runtime has no TCP sockets; the jobs live in the Node.js server only.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  // Standard output holds only JSON lines in production, Next's own messages
  // included (src/server/log/logger.ts, decision 0027).
  if (process.env.NODE_ENV === "production") {
    const { routeConsoleToLogger } = await import("./server/log/logger");
    routeConsoleToLogger();
  }
  const { startAppJobs } = await import("./server/jobs/app-jobs");
  startAppJobs();
}
