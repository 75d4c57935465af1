import type { PrismaClient } from "@/generated/prisma/client";
import type { Viewer } from "@/server/auth/load-viewer";

import type { TestDatabase } from "./test-database";

/** The demo accounts the workflow tests act as (src/server/seed), by the name the tests use. */
export const demoAccounts = {
  admin: "admin@registry.example",
  officer: "officer@who.example",
  unitHead: "unit.head@who.example",
  focalEuro: "focal.euro@who.example",
  focalAfro: "focal.afro@who.example",
  staffNor18: "staff.nor18@centre.example",
  staffSoa13: "staff.soa13@centre.example",
} as const;

/**
 * The viewers of demo accounts, as a signed-in request would load them.
 * Imported lazily: the app's modules read DATABASE_URL when first loaded,
 * which a test sets in its beforeAll.
 */
export async function loadViewers<K extends string>(
  prisma: PrismaClient,
  emails: Record<K, string>,
): Promise<Record<K, Viewer>> {
  const { loadViewer } = await import("@/server/auth/load-viewer");
  const viewers = {} as Record<K, Viewer>;
  for (const [key, email] of Object.entries(emails) as [K, string][]) {
    const user = await prisma.user.findUniqueOrThrow({
      where: { email },
      select: { id: true, sessionVersion: true },
    });
    const viewer = await loadViewer(prisma, {
      uid: user.id,
      sv: user.sessionVersion,
      sat: Math.floor(Date.now() / 1000),
    });
    if (!viewer) throw new Error(`no viewer for ${email}`);
    viewers[key] = viewer;
  }
  return viewers;
}

/** Closes the test's client and the app's own, then drops the database. */
export async function closeTestDatabase(
  prisma: PrismaClient | undefined,
  database: TestDatabase | undefined,
): Promise<void> {
  await prisma?.$disconnect();
  const { prisma: appPrisma } = await import("@/server/db/client");
  await appPrisma.$disconnect().catch(() => {});
  (globalThis as { prisma?: unknown }).prisma = undefined;
  await database?.drop();
}

/**
 * A fresh database of `kind` with the reference data, the 2022 centres and
 * the demo workflows (a copy of the run's seeded template, seeded at
 * `seededAt()`), the app pointed at it (DATABASE_URL) and a client of the
 * test's own: the set-up every workflow test starts from.
 */
export async function seededDemoDatabase(
  kind: TestDatabase["kind"],
): Promise<{ database: TestDatabase; prisma: PrismaClient }> {
  const { createSeededTestDatabase } = await import("./test-database");
  const database = await createSeededTestDatabase(kind);
  process.env.DATABASE_URL = database.url;
  const { createPrismaClient } = await import("@/server/db/create-client");
  return { database, prisma: createPrismaClient(database.url) };
}
