import "server-only";

import type { PrismaClient } from "@/generated/prisma/client";

import { trackPool } from "@/server/metrics/metrics";

import { createPrismaClientWithPool } from "./create-client";

// The one Prisma client of the application. It is created on first use, not
// at import, so that `next build` can load modules without a database; dev
// mode's module reloads reuse the instance kept on globalThis.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function instance(): PrismaClient {
  if (!globalForPrisma.prisma) {
    const url = process.env.DATABASE_URL;
    if (!url) {
      throw new Error(
        "DATABASE_URL is not set: start the app with `npm start`, which provides the embedded database.",
      );
    }
    const { prisma, pool } = createPrismaClientWithPool(url, Number(process.env.DATABASE_POOL_SIZE ?? 10));
    trackPool("app", pool);
    globalForPrisma.prisma = prisma;
  }
  return globalForPrisma.prisma;
}

export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = instance();
    const value = Reflect.get(client, property, client) as unknown;
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(client) : value;
  },
});
