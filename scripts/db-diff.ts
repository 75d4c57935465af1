// `npm run db:diff -- <name>`: writes prisma/migrations/<timestamp>_<name>/
// migration.sql with the SQL that takes the database the migrations produce
// to prisma/schema.prisma (what `prisma migrate dev --create-only` writes).
// The migrations are replayed in a throwaway shadow database; the target
// database itself is not changed: run `npm run db:migrate` afterwards.
import { existsSync } from "node:fs";
import { mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";

import { ensureMigrationLock, migrationFolderName } from "../src/server/db/migrations-dir";
import { diffMigration } from "../src/server/db/schema-engine";
import { migrationsDir, root, runScript, schemaPath, withDatabase } from "./lib/database-cli";

runScript(async () => {
  const name = process.argv.slice(2).find((argument) => !argument.startsWith("-"));
  if (!name) throw new Error("Usage: npm run db:diff -- <migration_name>   (e.g. add_centre_notes)");
  const folder = migrationFolderName(name);

  await ensureMigrationLock(migrationsDir);
  // Folder names sort by time; a new one must come last or deploy order breaks.
  const latest = (await readdir(migrationsDir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .pop();
  if (latest && latest >= folder)
    throw new Error(`Migration ${latest} is not older than ${folder}: check the clock.`);

  const sql = await withDatabase((database) =>
    diffMigration({ url: database.url, schemaPath, migrationsDir }),
  );
  if (!sql) {
    console.log("No schema changes: prisma/schema.prisma matches the migrations.");
    return;
  }
  const target = path.join(migrationsDir, folder, "migration.sql");
  if (existsSync(target)) throw new Error(`${path.relative(root, target)} already exists.`);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, sql);
  console.log(`Wrote ${path.relative(root, target)}. Review it, then run \`npm run db:migrate\`.`);
});
