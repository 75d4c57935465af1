import "server-only";

import path from "node:path";

import type { PrismaClient } from "@/generated/prisma/client";
import { readMigrationsList } from "@/server/db/migrations-dir";
import type { JobsStatus } from "@/server/jobs/jobs-status";

import { isDatabaseUnavailableError } from "./database-errors";
import { TimeLimitExceeded, withinTime } from "./time-limit";

// What /readyz checks (decision 0027): that this instance can do its work,
// so a load balancer sends it requests only then. Each check has a short
// time limit and says only how it went (no host names, no error text: the
// page is public); the logs have the details.

export type Check = { ok: boolean; status: string; ms: number; pending?: string[] };
export type Readiness = { ready: boolean; checks: { database: Check; migrations: Check; jobs: Check } };

export type ReadinessDeps = {
  db: PrismaClient;
  /** prisma/migrations of this release. */
  migrationsDir: string;
  jobs: () => JobsStatus | undefined;
  timeoutMs?: number;
  /** Told about each failed check with its error, for the logs. */
  onFailure?: (check: string, error: unknown) => void;
};

export const defaultMigrationsDir = () => path.join(process.cwd(), "prisma", "migrations");

async function timed(
  name: string,
  deps: ReadinessDeps,
  run: () => Promise<Omit<Check, "ms">>,
): Promise<Check> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  try {
    const outcome = await withinTime(run(), deps.timeoutMs ?? 2_000);
    return { ...outcome, ms: ms() };
  } catch (error) {
    deps.onFailure?.(name, error);
    const status =
      error instanceof TimeLimitExceeded
        ? "timeout"
        : isDatabaseUnavailableError(error)
          ? "unreachable"
          : "error";
    return { ok: false, status, ms: ms() };
  }
}

// The folder's migrations do not change while the process runs: read once.
const expectedByDir = new Map<string, Promise<string[]>>();
function expectedMigrations(dir: string): Promise<string[]> {
  let names = expectedByDir.get(dir);
  if (!names) {
    names = readMigrationsList(dir).then((list) => list.migrationDirectories.map((entry) => entry.path));
    expectedByDir.set(dir, names);
    names.catch(() => expectedByDir.delete(dir));
  }
  return names;
}

export async function checkReadiness(deps: ReadinessDeps): Promise<Readiness> {
  const [database, migrations, jobs] = await Promise.all([
    timed("database", deps, async () => {
      await deps.db.$queryRaw`SELECT 1`;
      return { ok: true, status: "reachable" };
    }),
    timed("migrations", deps, async () => {
      const expected = await expectedMigrations(deps.migrationsDir);
      const rows = await deps.db.$queryRaw<{ name: string; finished: boolean }[]>`
        SELECT migration_name AS name, finished_at IS NOT NULL AS finished
        FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`;
      if (rows.some((row) => !row.finished)) return { ok: false, status: "failed" };
      const applied = new Set(rows.map((row) => row.name));
      // Migrations the database has beyond ours are a newer release's (applied before its instances start): fine.
      const pending = expected.filter((name) => !applied.has(name));
      return pending.length === 0
        ? { ok: true, status: "current" }
        : { ok: false, status: "pending", pending };
    }),
    timed("jobs", deps, async () => {
      const status = deps.jobs();
      if (!status) return { ok: false, status: "not started" };
      if (status.state === "off") return { ok: true, status: "off" };
      if (status.state !== "running") return { ok: false, status: status.state };
      // Through pg-boss's own connections: its workers poll through the same.
      await status.boss.getQueue("outbox-sender");
      return { ok: true, status: "running" };
    }),
  ]);
  return { ready: database.ok && migrations.ok && jobs.ok, checks: { database, migrations, jobs } };
}
