// `npm run db:reset`: empties the target database (drops and recreates the
// `public` schema, with everything in it) and applies all migrations. Refused
// when NODE_ENV=production unless `--force` is given.
import { withClient } from "../src/server/db/connection";
import { applyMigrations } from "../src/server/db/schema-engine";
import { describeDatabase, migrationsDir, runScript, withDatabase } from "./lib/database-cli";

runScript(async () => {
  if (process.env.NODE_ENV === "production" && !process.argv.includes("--force")) {
    throw new Error(
      "Refusing to reset a database with NODE_ENV=production; add --force if you really mean it.",
    );
  }
  await withDatabase(async (database) => {
    // Plain SQL, so it is the same on PostgreSQL and PGlite. The grants are
    // PostgreSQL 15's defaults for a fresh `public`, which DROP takes away.
    await withClient(database.url, (client) =>
      client.query(`DROP SCHEMA IF EXISTS public CASCADE;
CREATE SCHEMA public;
GRANT USAGE ON SCHEMA public TO PUBLIC;`),
    );
    console.log(`Emptied the public schema of ${describeDatabase(database)}.`);
    const applied = await applyMigrations({ url: database.url, migrationsDir });
    console.log(
      `Applied ${applied.length} migration${applied.length === 1 ? "" : "s"}${applied.length ? ":" : "."}`,
    );
    for (const name of applied) console.log(`  ${name}`);
  });
});
