import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { rename, rm, stat } from "node:fs/promises";
import { createGzip } from "node:zlib";

import { to as copyTo } from "pg-copy-streams";

import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  END_OF_TABLE,
  loadOrder,
  type BackupHeader,
  type BackupTrailer,
} from "@/domain/backup";
import { withClient } from "@/server/db/connection";

import { quote, readCatalog, readMigrationState, setPortableSession } from "./catalog";

// `npm run db:backup`: the whole `public` schema of a database (PostgreSQL or
// the embedded PGlite) into one gzip'd file (format: src/domain/backup.ts),
// streamed table by table from one consistent snapshot, so its size is
// bounded by the disk, not by memory. The file appears under its name only
// once complete: it is written as `<file>.partial` and renamed at the end.

export interface BackupResult {
  file: string;
  bytes: number;
  header: BackupHeader;
  rows: Record<string, number>;
}

export class BackupRefused extends Error {
  override name = "BackupRefused";
}

export const existingFileMessage = (file: string) =>
  `${file} already exists; choose another name, or add --force to replace it.`;

export async function writeBackup(options: {
  url: string;
  file: string;
  appVersion: string;
  embedded: boolean;
  /** Replace an existing file. */
  overwrite?: boolean;
  now?: Date;
}): Promise<BackupResult> {
  const { file } = options;
  const exists = await stat(file).then(
    () => true,
    () => false,
  );
  if (exists && !options.overwrite) throw new BackupRefused(existingFileMessage(file));

  const partial = `${file}.partial`;
  const gzip = createGzip();
  const output = createWriteStream(partial, { mode: 0o600 });
  const written = new Promise<void>((resolve) => output.once("close", () => resolve()));
  gzip.pipe(output);
  // A write error (full disk) surfaces on the next write or at the end.
  let failure: Error | undefined;
  output.on("error", (error) => (failure ??= error));
  gzip.on("error", (error) => (failure ??= error));
  const hash = createHash("sha256");
  const write = async (chunk: Buffer | string) => {
    if (failure) throw failure;
    hash.update(chunk);
    if (gzip.write(chunk)) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        gzip.off("drain", done);
        output.off("error", done);
        resolve();
      };
      gzip.once("drain", done);
      output.once("error", done);
    });
  };

  try {
    const { header, rows } = await withClient(options.url, async (client) => {
      await setPortableSession(client);
      // One snapshot for every table: the file is what the database held at
      // one moment, even while the app keeps writing.
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      const migrations = await readMigrationState(client);
      if (migrations.kind !== "migrated" || migrations.applied.length === 0)
        throw new BackupRefused(
          "This database has no registry tables (it was never migrated): nothing to back up.",
        );
      if (migrations.failed.length > 0)
        throw new BackupRefused(
          `This database has a failed migration (${migrations.failed.join(", ")}); fix it (npm run db:migrate says how) before backing up.`,
        );
      const catalog = await readCatalog(client);
      const byName = new Map(catalog.tables.map((table) => [table.name, table]));
      const order = loadOrder([...byName.keys()], catalog.foreignKeys);
      const { rows: server } = await client.query<{ version: string }>("SELECT version() AS version");
      const sequences = [];
      for (const sequence of catalog.sequences) {
        const { rows: value } = await client.query<{ lastValue: string; isCalled: boolean }>(
          `SELECT last_value::text AS "lastValue", is_called AS "isCalled" FROM ${quote(sequence.name)}`,
        );
        sequences.push({ ...sequence, ...value[0]! });
      }
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        formatVersion: BACKUP_FORMAT_VERSION,
        appVersion: options.appVersion,
        createdAt: (options.now ?? new Date()).toISOString(),
        source: { embedded: options.embedded, server: server[0]!.version },
        migrations: migrations.applied,
        tables: order.map((name) => ({
          name,
          columns: byName.get(name)!.columns.map((column) => column.name),
        })),
        sequences,
      };
      await write(`${JSON.stringify(header)}\n`);

      const rows: Record<string, number> = {};
      for (const table of header.tables) {
        const columns = table.columns.map(quote).join(", ");
        // In key order: two backups of the same data are the same text.
        const key = byName.get(table.name)!.primaryKey.map(quote).join(", ");
        const select = `SELECT ${columns} FROM ${quote(table.name)}${key ? ` ORDER BY ${key}` : ""}`;
        const stream = client.query(copyTo(`COPY (${select}) TO STDOUT`));
        let lines = 0;
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          for (const byte of chunk) if (byte === 0x0a) lines++;
          await write(chunk);
        }
        if (lines !== stream.rowCount)
          throw new Error(`COPY of "${table.name}" sent ${stream.rowCount} rows in ${lines} lines.`);
        rows[table.name] = lines;
        await write(`${END_OF_TABLE}\n`);
      }
      await client.query("COMMIT");
      return { header, rows };
    });

    const trailer: BackupTrailer = { end: true, rows, sha256: hash.digest("hex") };
    gzip.end(`${JSON.stringify(trailer)}\n`);
    await written;
    if (failure) throw failure;
    await rename(partial, file);
    return { file, bytes: (await stat(file)).size, header, rows };
  } catch (error) {
    gzip.destroy();
    output.destroy();
    await rm(partial, { force: true });
    throw error;
  }
}
