import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";

import { PrismaClient } from "@/generated/prisma/client";

import { createObservedPool } from "./pool";

// Free of "server-only" so that scripts (import, seed) and tests can build a
// client for a URL of their choosing; the app itself uses ./client.ts.
export function createPrismaClient(connectionString: string, poolSize = 10): PrismaClient {
  return createPrismaClientWithPool(connectionString, poolSize).prisma;
}

/** The client and its connection pool (for the pool's metrics). */
export function createPrismaClientWithPool(
  connectionString: string,
  poolSize = 10,
): { prisma: PrismaClient; pool: pg.Pool } {
  const pool = createObservedPool(connectionString, poolSize);
  // Our pool, so $disconnect() must end it.
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  // A burst (parallel sign-in guesses, a job batch beside page loads) queues
  // for a pooled connection; Prisma's 2 s default to start a transaction
  // turned that queue into errors on a busy embedded database.
  return { prisma: new PrismaClient({ adapter, transactionOptions: { maxWait: 10_000 } }), pool };
}
