// `npm run db:backup -- <file> [--force]`: the whole registry database
// (DATABASE_URL, or the embedded one when it is unset) into one portable
// file that `npm run db:restore` loads into either kind. --force replaces an
// existing file. Format and reasons: docs/decisions/0028-backup-and-restore.md.
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

import { existingFileMessage, writeBackup } from "../src/server/backup/write-backup";
import { appVersion, describeBytes, rowCountLines, runCli, totalRows } from "./lib/backup-cli";
import { describeDatabase, root, withDatabase } from "./lib/database-cli";
import { loadEnvFiles } from "./lib/load-env";

const usage = "Usage: npm run db:backup -- <file> [--force]";

runCli(async () => {
  loadEnvFiles(root);
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { force: { type: "boolean", default: false } },
  });
  if (positionals.length !== 1) {
    console.error(usage);
    return 2;
  }
  const file = path.resolve(positionals[0]!);
  // Before the embedded database is started for nothing (writeBackup checks again).
  if (existsSync(file) && !values.force) {
    console.error(existingFileMessage(file));
    return 1;
  }
  return withDatabase(async (database) => {
    const started = Date.now();
    const result = await writeBackup({
      url: database.url,
      file,
      appVersion: appVersion(),
      embedded: database.embedded,
      overwrite: values.force,
    });
    const { header, rows } = result;
    console.log(
      `Backed up ${describeDatabase(database)} to ${file} (${describeBytes(result.bytes)}, ${((Date.now() - started) / 1000).toFixed(1)} s):`,
    );
    console.log(
      `  ${header.tables.length} tables, ${totalRows(rows)} rows; migration level ${header.migrations.at(-1)} (${header.migrations.length} migrations); release ${header.appVersion}.`,
    );
    for (const line of rowCountLines(rows)) console.log(line);
    return 0;
  });
});
