// Shared by the db:* scripts: which database, the project's Prisma paths, and
// failing with one readable line rather than a stack trace (DEBUG=1 shows it).
import path from "node:path";

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

export function describeDatabase(database: ResolvedDatabase): string {
  if (database.embedded) return "the embedded database";
  const url = new URL(database.url);
  return `${url.hostname}:${url.port || "5432"}${url.pathname}`;
}

export function runScript(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      if (process.env.DEBUG && error instanceof Error) console.error(error.stack);
      else console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
