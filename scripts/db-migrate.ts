// `npm run db:migrate`: applies the pending migrations of prisma/migrations to
// DATABASE_URL, or to the embedded database when it is unset; the same as
// `prisma migrate deploy`, which needs a native engine we cannot download.
import { applyMigrations } from "../src/server/db/schema-engine";
import { describeDatabase, migrationsDir, runScript, withDatabase } from "./lib/database-cli";

runScript(() =>
  withDatabase(async (database) => {
    const applied = await applyMigrations({ url: database.url, migrationsDir });
    if (applied.length === 0) {
      console.log(`No pending migrations: ${describeDatabase(database)} is up to date.`);
      return;
    }
    console.log(
      `Applied ${applied.length} migration${applied.length > 1 ? "s" : ""} to ${describeDatabase(database)}:`,
    );
    for (const name of applied) console.log(`  ${name}`);
  }),
);
