// `npm run import -- <file.csv>`: loads a legacy registry export into the
// database of DATABASE_URL, or into the embedded PGlite when it is unset.
// The file is read and checked before the database is touched; then pending
// migrations are applied, the reference data (prisma/data/*.csv) is seeded,
// and the centres are written in one transaction. A malformed file ends the
// run with one line, "<file>:<line>: <what is wrong>", and exit code 1.
import path from "node:path";

import { applyMigrations } from "../src/server/db/schema-engine";
import { formatLegacyImport, formatReferenceSeed } from "../src/server/import/format-summary";
import { readLegacyFile, writeLegacyFile } from "../src/server/import/legacy-centres";
import { loadReferenceData, seedReferenceData } from "../src/server/import/reference-data";
import { runScript, withRegistryDatabase } from "./lib/database-cli";

const root = path.resolve(import.meta.dirname, "..");

const usage = `Usage: npm run import -- <file.csv>

Imports a legacy export of the registry (columns: reference, initiator, region,
country, designated_on, last_redesignated_on, expires_on, status, title,
website, subject_1..3, activity_type_1..3), e.g.
  npm run import -- prisma/data/who-collaborating-centres-2022.csv
Re-importing a file updates the centres it holds and never duplicates them.
The database is DATABASE_URL's, or the embedded one when it is unset.`;

async function main(args: string[]): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    console.log(usage);
    return 0;
  }
  const [file, ...extra] = args;
  if (file === undefined || extra.length > 0 || file.startsWith("-")) {
    console.error(usage);
    return 2;
  }

  let started = performance.now();
  const referenceData = await loadReferenceData();
  const parsed = await readLegacyFile(path.resolve(file), { referenceData });
  const readSeconds = (performance.now() - started) / 1000;

  return withRegistryDatabase(
    async (prisma, database) => {
      const applied = await applyMigrations({
        url: database.url,
        migrationsDir: path.join(root, "prisma/migrations"),
      });
      if (applied.length > 0) console.log(`Applied migrations: ${applied.join(", ")}`);
      console.log(formatReferenceSeed(await seedReferenceData(prisma, referenceData)));
      started = performance.now();
      const summary = await writeLegacyFile(prisma, parsed);
      console.log(formatLegacyImport(summary, readSeconds + (performance.now() - started) / 1000));
      console.log(database.embedded ? "Database: embedded (PGlite)." : "Database: DATABASE_URL.");
      return 0;
    },
    { poolSize: 4 },
  );
}

// ImportFileError's message is already "<file>:<line>: <problem>"; other
// errors (database unreachable, a concurrent change) are one line too.
runScript(() => main(process.argv.slice(2)));
