// Shared by db:backup and db:restore: what they print, and how they end.
import { readFileSync } from "node:fs";
import path from "node:path";

import { BackupFileError } from "../../src/domain/backup";
import { BackupRefused } from "../../src/server/backup/write-backup";
import { RestoreRefused } from "../../src/server/backup/restore-backup";
import { root } from "./database-cli";

/** The release writing the backup (package.json's version), for the header. */
export function appVersion(): string {
  return (JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { version: string }).version;
}

/** One line per table, names padded, counts right-aligned; then the total. */
export function rowCountLines(rows: Readonly<Record<string, number>>): string[] {
  const tables = Object.keys(rows).sort();
  const width = Math.max(...tables.map((table) => table.length));
  const total = Object.values(rows).reduce((sum, count) => sum + count, 0);
  const countWidth = Math.max(String(total).length, 5);
  return [
    ...tables.map((table) => `  ${table.padEnd(width)}  ${String(rows[table]).padStart(countWidth)}`),
    `  ${"total".padEnd(width)}  ${String(total).padStart(countWidth)}`,
  ];
}

export function totalRows(rows: Readonly<Record<string, number>>): number {
  return Object.values(rows).reduce((sum, count) => sum + count, 0);
}

export function describeBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Exit codes: 0 done, 1 refused or failed (the message says why), 2 wrong usage. */
export function runCli(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      const expected =
        error instanceof BackupFileError || error instanceof BackupRefused || error instanceof RestoreRefused;
      if (process.env.DEBUG && error instanceof Error && !expected) console.error(error.stack);
      else console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
