// Shared by the npm commands (db:*, admin:create, audit:verify, jobs:run,
// import): which database, the project's Prisma paths, and failing with one
// readable line rather than a stack trace (DEBUG=1 shows it).
import path from "node:path";

import type { PrismaClient } from "../../src/generated/prisma/client";
import { createPrismaClient } from "../../src/server/db/create-client";
import {
  checkDatabaseReachable,
  resolveDatabaseUrl,
  type ResolvedDatabase,
} from "../../src/server/db/embedded";

export const root = path.resolve(import.meta.dirname, "../..");
export const schemaPath = path.join(root, "prisma/schema.prisma");
export const migrationsDir = path.join(root, "prisma/migrations");

/** Runs `fn` against DATABASE_URL or the embedded database, then stops what it started. */
export async function withDatabase<T>(fn: (database: ResolvedDatabase) => Promise<T>): Promise<T> {
  const database = await resolveDatabaseUrl({ root });
  try {
    await checkDatabaseReachable(database.url, database.embedded ? "embedded database" : "DATABASE_URL");
    return await fn(database);
  } finally {
    await database.stop();
  }
}

/** withDatabase with a Prisma client of `poolSize` connections, closed after. */
export async function withRegistryDatabase<T>(
  fn: (db: PrismaClient, database: ResolvedDatabase) => Promise<T>,
  { poolSize = 2 }: { poolSize?: number } = {},
): Promise<T> {
  return withDatabase(async (database) => {
    const db = createPrismaClient(database.url, poolSize);
    try {
      return await fn(db, database);
    } finally {
      await db.$disconnect();
    }
  });
}

export function describeDatabase(database: ResolvedDatabase): string {
  if (database.embedded) return "the embedded database";
  const url = new URL(database.url);
  return `${url.hostname}:${url.port || "5432"}${url.pathname}`;
}

/**
 * Runs a command's `main` as the process: the number it returns is the exit
 * code (0 when it returns nothing). An error prints its message after
 * `errorPrefix` (its stack with DEBUG set) and exits with `errorCode`.
 */
export function runScript(
  main: () => Promise<number | void>,
  { errorPrefix = "", errorCode = 1 }: { errorPrefix?: string; errorCode?: number } = {},
): void {
  main().then(
    (code) => process.exit(code ?? 0),
    (error: unknown) => {
      if (process.env.DEBUG && error instanceof Error) console.error(error.stack);
      else console.error(`${errorPrefix}${error instanceof Error ? error.message : String(error)}`);
      process.exit(errorCode);
    },
  );
}
