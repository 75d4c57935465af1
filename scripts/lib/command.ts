import type { PrismaClient } from "../../src/generated/prisma/client";
import { createPrismaClient } from "../../src/server/db/create-client";
import { resolveDatabaseUrl, type ResolvedDatabase } from "../../src/server/db/embedded";

// What the registry's npm commands (admin:create, audit:verify, jobs:run,
// db:seed, import) share: the database they work on and how they end.

/**
 * Runs `work` on DATABASE_URL's database or the embedded one (started for
 * the command when no app holds it), with a Prisma client of `poolSize`
 * connections; closes the client and stops that embedded database after.
 */
export async function withRegistryDatabase<T>(
  work: (db: PrismaClient, database: ResolvedDatabase) => Promise<T>,
  { poolSize = 2 }: { poolSize?: number } = {},
): Promise<T> {
  const database = await resolveDatabaseUrl();
  const db = createPrismaClient(database.url, poolSize);
  try {
    return await work(db, database);
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

/**
 * Runs a command's `main` as the process: the number it returns is the exit
 * code (0 when it returns nothing). An error prints its message, after
 * `errorPrefix`, in one line (the whole error too with DEBUG set) and exits
 * with `errorCode`.
 */
export function runCommand(
  main: () => Promise<number | void>,
  { errorPrefix = "", errorCode = 1 }: { errorPrefix?: string; errorCode?: number } = {},
): void {
  main().then(
    (code) => process.exit(code ?? 0),
    (error: unknown) => {
      console.error(`${errorPrefix}${error instanceof Error ? error.message : String(error)}`);
      if (process.env.DEBUG) console.error(error);
      process.exit(errorCode);
    },
  );
}
