// `npm run db:restore -- <file> [--force]`: a file made by `npm run db:backup`
// into DATABASE_URL, or into the embedded database when it is unset. An
// empty database is first migrated to the backup's migration level; a
// database that holds data is refused unless --force (which replaces all of
// it); one at another migration level is refused. Prints the rows restored
// per table, checked against the backup's own counts.
// `npm run db:restore -- --check <file>` reads and checks the file only.
// Format and reasons: docs/decisions/0028-backup-and-restore.md.
import path from "node:path";
import { parseArgs } from "node:util";

import type { BackupHeader } from "../src/domain/backup";
import { verifyBackup } from "../src/server/backup/read-backup";
import { restoreBackup } from "../src/server/backup/restore-backup";
import { rowCountLines, runCli, totalRows } from "./lib/backup-cli";
import { describeDatabase, migrationsDir, root, withDatabase } from "./lib/database-cli";
import { loadEnvFiles } from "./lib/load-env";

const usage = "Usage: npm run db:restore -- <file> [--force]   or   npm run db:restore -- --check <file>";

function describeBackup(header: BackupHeader): string {
  const source = header.source.embedded ? "the embedded database" : "PostgreSQL";
  return `made ${header.createdAt} from ${source} by release ${header.appVersion}, migration level ${header.migrations.at(-1)} (${header.migrations.length} migrations)`;
}

runCli(async () => {
  loadEnvFiles(root);
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      force: { type: "boolean", default: false },
      check: { type: "boolean", default: false },
    },
  });
  if (positionals.length !== 1 || (values.check && values.force)) {
    console.error(usage);
    return 2;
  }
  const file = path.resolve(positionals[0]!);

  if (values.check) {
    const { header, trailer } = await verifyBackup(file);
    console.log(`${file} is a complete backup, ${describeBackup(header)}.`);
    console.log(`  ${header.tables.length} tables, ${totalRows(trailer.rows)} rows; checksum verified:`);
    for (const line of rowCountLines(trailer.rows)) console.log(line);
    return 0;
  }

  return withDatabase(async (database) => {
    const started = Date.now();
    const target = describeDatabase(database);
    console.log(`Restoring ${file} into ${target}…`);
    const result = await restoreBackup({ url: database.url, file, migrationsDir, force: values.force });
    console.log(`The backup was ${describeBackup(result.header)}.`);
    if (result.migrated.length > 0)
      console.log(`Migrated ${target} to the backup's level first (${result.migrated.length} migrations).`);
    const emptied = Object.keys(result.emptied);
    if (emptied.length > 0)
      console.log(
        `Replaced what it held (--force): ${totalRows(result.emptied)} rows in ${emptied.length} tables.`,
      );
    console.log(
      `Restored ${totalRows(result.rows)} rows in ${Object.keys(result.rows).length} tables (${((Date.now() - started) / 1000).toFixed(1)} s), each count the same as in the backup:`,
    );
    for (const line of rowCountLines(result.rows)) console.log(line);
    console.log("Next: npm start (it applies any newer migrations), or npm run db:migrate.");
    return 0;
  });
});
