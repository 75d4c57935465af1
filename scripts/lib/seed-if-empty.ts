import { createPrismaClient } from "../../src/server/db/create-client";
import { seedIfEmpty as seed } from "../../src/server/seed/seed-all";

export async function seedIfEmpty(url: string, demoMode: boolean): Promise<void> {
  const prisma = createPrismaClient(url, 4);
  try {
    await seed(prisma, { demoMode });
  } finally {
    await prisma.$disconnect();
  }
}
