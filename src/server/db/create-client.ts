import { PrismaPg } from "@prisma/adapter-pg";

import { PrismaClient } from "@/generated/prisma/client";

// Free of "server-only" so that scripts (import, seed) and tests can build a
// client for a URL of their choosing; the app itself uses ./client.ts.
export function createPrismaClient(connectionString: string, poolSize = 10): PrismaClient {
  const adapter = new PrismaPg({ connectionString, max: poolSize });
  // A burst (parallel sign-in guesses, a job batch beside page loads) queues
  // for a pooled connection; Prisma's 2 s default to start a transaction
  // turned that queue into errors on a busy embedded database.
  return new PrismaClient({ adapter, transactionOptions: { maxWait: 10_000 } });
}
