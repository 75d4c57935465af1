import { readFile } from "node:fs/promises";
import path from "node:path";

import { CsvError, parse } from "csv-parse/sync";

// Reading a CSV file for an import: the whole file is checked before anything
// is written, and a structural problem (not UTF-8, wrong header, wrong number
// of columns, an unclosed quote) stops the import with "<file>:<line>: <what>".
// Line numbers are physical lines (1 = header) where the record starts, so an
// editor's "go to line" lands on it.

export class ImportFileError extends Error {
  readonly file: string;

  constructor(
    filePath: string,
    readonly line: number | null,
    readonly problem: string,
  ) {
    const file = displayPath(filePath);
    super(line === null ? `${file}: ${problem}` : `${file}:${line}: ${problem}`);
    this.name = "ImportFileError";
    this.file = file;
  }
}

/** Relative to the working directory when inside it, else as given. */
function displayPath(filePath: string): string {
  const relative = path.relative(process.cwd(), filePath);
  return relative === "" || relative.startsWith("..") || path.isAbsolute(relative) ? filePath : relative;
}

export interface CsvRecord<Column extends string> {
  line: number;
  record: Record<Column, string>;
}

const readErrors: Record<string, string> = {
  ENOENT: "no such file",
  EISDIR: "is a folder, not a file",
  EACCES: "cannot be read (permission denied)",
};

export async function readCsvFile<Column extends string>(
  filePath: string,
  columns: readonly Column[],
): Promise<CsvRecord<Column>[]> {
  let bytes: Buffer;
  try {
    bytes = await readFile(filePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    const reason = readErrors[code] ?? `cannot be read (${code || String(error)})`;
    throw new ImportFileError(filePath, null, reason);
  }
  return parseCsvText(filePath, decodeUtf8(filePath, bytes), columns);
}

export function parseCsvText<Column extends string>(
  file: string,
  content: string,
  columns: readonly Column[],
): CsvRecord<Column>[] {
  // csv-parse miscounts lines when a quoted value holds "\r\n"; one kind of
  // line break makes its line numbers exact.
  const text = content.replace(/\r\n?/g, "\n");
  const rows: Row[] = [];
  try {
    parse(text, {
      bom: true,
      skip_empty_lines: true,
      // Checked below, after the header, so that a wrong header is reported as such.
      relax_column_count: true,
      on_record: (record: string[], context) => {
        rows.push({ values: record, endLine: context.lines });
        return null;
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    throw new ImportFileError(file, nextRecordLine(text, rows.at(-1)?.endLine ?? 0), describeCsvError(error));
  }

  const [header, ...body] = rows;
  if (!header) throw new ImportFileError(file, 1, "the file is empty: expected a header line");
  const order = columnOrder(file, startLine(header), header.values, columns);
  return body.map((row) => {
    const line = startLine(row);
    if (row.values.length !== header.values.length) {
      const problem = `wrong number of columns: found ${row.values.length}, the header has ${header.values.length}`;
      throw new ImportFileError(file, line, problem);
    }
    const record = Object.fromEntries(columns.map((column, i) => [column, row.values[order[i] ?? -1] ?? ""]));
    return { line, record: record as Record<Column, string> };
  });
}

/** Where each expected column sits in the header; any other header is an error. */
function columnOrder(
  file: string,
  line: number,
  header: readonly string[],
  columns: readonly string[],
): number[] {
  const names = header.map((name) => name.trim());
  const missing = columns.filter((column) => !names.includes(column));
  const unknown = names.filter((name) => !columns.includes(name));
  const repeated = names.filter((name, i) => names.indexOf(name) !== i);
  const problems = [
    missing.length > 0 ? `missing ${missing.join(", ")}` : "",
    unknown.length > 0 ? `unexpected ${unknown.map((name) => `"${name}"`).join(", ")}` : "",
    repeated.length > 0 ? `repeated ${repeated.join(", ")}` : "",
  ].filter((problem) => problem !== "");
  if (problems.length > 0) {
    throw new ImportFileError(
      file,
      line,
      `wrong header (${problems.join("; ")}); expected ${columns.join(",")}`,
    );
  }
  return columns.map((column) => names.indexOf(column));
}

interface Row {
  values: string[];
  /** csv-parse reports the line where a record ends; a quoted value may span lines. */
  endLine: number;
}

function startLine(row: Row): number {
  const breaks = row.values.reduce((sum, value) => sum + (value.match(/\n/g)?.length ?? 0), 0);
  return row.endLine - breaks;
}

// The failing record starts at the first non-blank line after the last good one.
function nextRecordLine(text: string, lastRecordEnd: number): number {
  const lines = text.split("\n");
  let index = lastRecordEnd;
  while (index < lines.length - 1 && (lines[index] ?? "").trim() === "") index += 1;
  return index + 1;
}

function describeCsvError(error: CsvError): string {
  const code: string = error.code;
  switch (code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return "a quoted value that starts in this record is never closed";
    // csv-parse 7 raises this one without its usual "CSV_" prefix.
    case "INVALID_OPENING_QUOTE":
    case "CSV_INVALID_OPENING_QUOTE":
      return 'a quote inside an unquoted value (quote the whole value and write "" for a literal quote)';
    case "CSV_INVALID_CLOSING_QUOTE":
      return 'a quote inside a value is not doubled (write "" for a literal quote)';
    default:
      return error.message;
  }
}

function decodeUtf8(file: string, bytes: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // Find the first line that fails, so the message can point at it.
    const decoder = new TextDecoder("utf-8", { fatal: true });
    let line = 1;
    let start = 0;
    for (let end = bytes.indexOf(0x0a); ; end = bytes.indexOf(0x0a, start)) {
      const slice = bytes.subarray(start, end === -1 ? bytes.length : end);
      try {
        decoder.decode(slice);
      } catch {
        throw new ImportFileError(file, line, "is not UTF-8 text (save the file as UTF-8)");
      }
      if (end === -1) break;
      start = end + 1;
      line += 1;
    }
    throw new ImportFileError(file, null, "is not UTF-8 text (save the file as UTF-8)");
  }
}
