// `npm run db:seed`: reference data and the 2022 centres; the demo accounts
// and workflows too when demo mode is on (by default only for the embedded
// database; never against a real database unless DEMO_MODE=true is given).
import { parseEnv } from "../src/server/config/env";
import { createPrismaClient } from "../src/server/db/create-client";
import { checkDatabaseReachable, resolveDatabaseUrl } from "../src/server/db/embedded";
import { seedAll } from "../src/server/seed/seed-all";

async function main() {
  const env = parseEnv();
  const database = await resolveDatabaseUrl();
  const prisma = createPrismaClient(database.url, 4);
  try {
    await checkDatabaseReachable(database.url);
    await seedAll(prisma, { demoMode: env.demoMode });
  } finally {
    await prisma.$disconnect();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
