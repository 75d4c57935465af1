// `npm run db:seed`: reference data and the 2022 centres; the demo accounts
// and workflows too when demo mode is on (by default only for the embedded
// database; never against a real database unless DEMO_MODE=true is given).
import { parseEnv } from "../src/server/config/env";
import { checkDatabaseReachable } from "../src/server/db/embedded";
import { seedAll } from "../src/server/seed/seed-all";
import { runCommand, withRegistryDatabase } from "./lib/command";

async function main() {
  const env = parseEnv();
  await withRegistryDatabase(
    async (prisma, database) => {
      await checkDatabaseReachable(database.url);
      await seedAll(prisma, { demoMode: env.demoMode });
    },
    { poolSize: 4 },
  );
}

runCommand(main);
