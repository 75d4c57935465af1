import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createGunzip } from "node:zlib";

import {
  BackupFileError,
  END_OF_TABLE,
  parseBackupHeader,
  parseBackupTrailer,
  type BackupHeader,
  type BackupTrailer,
} from "@/domain/backup";

import { decodeCopyLine, readLines } from "./copy-text";

// Reads a backup file (format: src/domain/backup.ts) as a stream of events,
// checking as it goes: the header, each row's number of values, each table's
// end, and at the end the trailer's row counts and checksum. A restore
// applies the rows as they come inside one transaction and commits only after
// the last event, so a damaged or truncated file changes nothing.

export type BackupEvent =
  | { kind: "header"; header: BackupHeader }
  | { kind: "rows"; table: string; rows: (string | null)[][] }
  | { kind: "end"; trailer: BackupTrailer };

/** Rows handed over at once: bounded by number and by size, whatever the table. */
const BATCH_ROWS = 1000;
const BATCH_CHARACTERS = 4 * 1024 * 1024;

export async function* readBackup(file: string): AsyncGenerator<BackupEvent> {
  const found = await stat(file).catch(() => undefined);
  if (!found?.isFile()) throw new BackupFileError(`There is no file ${file}.`);
  const input = createReadStream(file);
  const gunzip = createGunzip();
  input.on("error", (error) => gunzip.destroy(error));
  input.pipe(gunzip);
  try {
    yield* events(readLines(gunzip));
  } catch (error) {
    throw readError(error);
  } finally {
    input.destroy();
    gunzip.destroy();
  }
}

async function* events(lines: AsyncGenerator<string>): AsyncGenerator<BackupEvent> {
  const hash = createHash("sha256");
  const next = async (): Promise<string | undefined> => {
    const { value, done } = await lines.next();
    return done ? undefined : value;
  };
  const hashed = (line: string) => hash.update(`${line}\n`);

  const first = await next();
  if (first === undefined) throw new BackupFileError("The file is empty.");
  const header = parseBackupHeader(first);
  hashed(first);
  yield { kind: "header", header };

  const counted: Record<string, number> = {};
  for (const table of header.tables) {
    let rows: (string | null)[][] = [];
    let characters = 0;
    let count = 0;
    for (;;) {
      const line = await next();
      if (line === undefined)
        throw new BackupFileError(
          `The file ends in the middle of table "${table.name}": it is incomplete (cut short while copying?).`,
        );
      hashed(line);
      if (line === END_OF_TABLE) break;
      const values = decodeCopyLine(line);
      count++;
      if (values.length !== table.columns.length)
        throw new BackupFileError(
          `Row ${count} of table "${table.name}" has ${values.length} values for ${table.columns.length} columns: the file is damaged.`,
        );
      rows.push(values);
      characters += line.length;
      if (rows.length >= BATCH_ROWS || characters >= BATCH_CHARACTERS) {
        yield { kind: "rows", table: table.name, rows };
        rows = [];
        characters = 0;
      }
    }
    if (rows.length > 0) yield { kind: "rows", table: table.name, rows };
    counted[table.name] = count;
  }

  const last = await next();
  if (last === undefined)
    throw new BackupFileError("The file has no trailer: it is incomplete (cut short while copying?).");
  const trailer = parseBackupTrailer(last, header);
  if ((await next()) !== undefined)
    throw new BackupFileError("The file goes on after its trailer: it is damaged.");
  if (hash.digest("hex") !== trailer.sha256)
    throw new BackupFileError("The file's checksum does not match its contents: it is damaged.");
  const wrong = Object.keys(counted).filter((table) => counted[table] !== trailer.rows[table]);
  if (wrong.length > 0)
    throw new BackupFileError(
      `The row counts of ${wrong.map((table) => `"${table}"`).join(", ")} do not match the trailer's: the file is damaged.`,
    );
  yield { kind: "end", trailer };
}

/** gzip's own errors, in words an operator can act on. */
function readError(error: unknown): unknown {
  if (error instanceof BackupFileError) return error;
  const { code, message } = error as NodeJS.ErrnoException;
  if (code === "Z_BUF_ERROR" || /unexpected end of file/i.test(message ?? ""))
    return new BackupFileError("The file ends too soon: it is incomplete (cut short while copying?).");
  if (code === "Z_DATA_ERROR" || code === "ERR_INVALID_ARG_TYPE")
    return new BackupFileError(`The file is damaged or not a registry backup (gzip: ${message}).`);
  return error;
}

/** The header of a backup file (checked), without reading further. */
export async function readHeader(file: string): Promise<BackupHeader> {
  const events = readBackup(file);
  try {
    const first = await events.next();
    if (first.done || first.value.kind !== "header") throw new BackupFileError("The file has no header.");
    return first.value.header;
  } finally {
    await events.return(undefined);
  }
}

/** Reads a whole backup file and checks it, without a database. */
export async function verifyBackup(file: string): Promise<{ header: BackupHeader; trailer: BackupTrailer }> {
  let header: BackupHeader | undefined;
  for await (const event of readBackup(file)) {
    if (event.kind === "header") header = event.header;
    if (event.kind === "end") return { header: header!, trailer: event.trailer };
  }
  throw new BackupFileError("The file ended without a trailer.");
}
