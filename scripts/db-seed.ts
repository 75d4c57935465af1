// `npm run db:seed`: reference data and the 2022 centres; the demo accounts
// and workflows too when demo mode is on (by default only for the embedded
// database; never against a real database unless DEMO_MODE=true is given).
import { parseEnv } from "../src/server/config/env";
import { seedAll } from "../src/server/seed/seed-all";
import { runScript, withRegistryDatabase } from "./lib/database-cli";

async function main() {
  const env = parseEnv();
  await withRegistryDatabase((prisma) => seedAll(prisma, { demoMode: env.demoMode }), { poolSize: 4 });
}

runScript(main);
