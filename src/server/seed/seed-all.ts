import path from "node:path";
import { fileURLToPath } from "node:url";

import type { PrismaClient } from "@/generated/prisma/client";
import { importLegacyCentres } from "@/server/import/legacy-centres";
import { loadReferenceData, seedReferenceData } from "@/server/import/reference-data";

import { seedDemo } from "./seed-demo";

const centresFile = fileURLToPath(
  new URL("../../../prisma/data/who-collaborating-centres-2022.csv", import.meta.url),
);

/**
 * Reference data and the 821 real centres (always safe: both are idempotent),
 * then the demo accounts and workflows when demo mode is on and they are not
 * there yet. Prints what it did.
 */
export async function seedAll(
  prisma: PrismaClient,
  { demoMode, now = new Date() }: { demoMode: boolean; now?: Date },
) {
  await seedReferenceData(prisma, await loadReferenceData());
  const imported = await importLegacyCentres(prisma, centresFile, { now });
  console.log(
    `Centres from ${path.basename(centresFile)}: ${imported.created} created, ${imported.updated} updated, ${imported.unchanged} unchanged, ${imported.skipped.length} skipped.`,
  );
  if (!demoMode) return;
  if ((await prisma.user.count()) > 0) {
    console.log("Demo data: users exist already; nothing seeded.");
    return;
  }
  const demo = await seedDemo(prisma, { now });
  console.log(
    `Demo data: ${demo.users} accounts, ${demo.proposals} proposals, ${demo.terms} current terms, ${demo.reports} annual reports.`,
  );
}

/** For `npm start`: seed only a database that has no centres yet. */
export async function seedIfEmpty(
  prisma: PrismaClient,
  options: { demoMode: boolean; now?: Date },
): Promise<boolean> {
  if ((await prisma.centre.count()) > 0) return false;
  console.log("Empty database: loading the reference data and the 2022 centres…");
  await seedAll(prisma, options);
  return true;
}
