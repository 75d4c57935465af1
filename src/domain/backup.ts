import { z } from "zod";

// `npm run db:backup` / `npm run db:restore` (README, "Operations";
// decision 0028): the rules a backup file and a restore follow, without I/O.
//
// A backup is one gzip'd UTF-8 text file:
//   line 1            the header (JSON): format, versions, migration level,
//                     the tables in load order with their columns, sequences
//   per table         its rows in PostgreSQL's COPY text format, one per line,
//                     then a line `\.`
//   last line         the trailer (JSON): rows per table and the SHA-256 of
//                     every byte before it
// The trailer comes last so the file streams out in one pass; a file cut
// short has none and is refused.

export const BACKUP_FORMAT = "collaborating-centres-registry-backup";
export const BACKUP_FORMAT_VERSION = 1;
/** Ends each table's rows; COPY's text format escapes every backslash in data, so no row reads so. */
export const END_OF_TABLE = "\\.";
/** Prisma's bookkeeping: compared (the migration level), never copied. */
export const MIGRATIONS_TABLE = "_prisma_migrations";

const migrationName = z.string().regex(/^\d{14}_\w+$/, "is not a migration folder name");
const identifier = z.string().min(1).max(63);

export const backupHeaderSchema = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    formatVersion: z.literal(BACKUP_FORMAT_VERSION),
    appVersion: z.string().min(1),
    createdAt: z.iso.datetime(),
    source: z.object({ embedded: z.boolean(), server: z.string() }),
    migrations: z.array(migrationName).min(1),
    tables: z
      .array(z.object({ name: identifier, columns: z.array(identifier).min(1) }))
      .min(1)
      .refine(
        (tables) => new Set(tables.map((table) => table.name)).size === tables.length,
        "names a table twice",
      ),
    sequences: z.array(
      z.object({
        name: identifier,
        table: identifier.nullable(),
        column: identifier.nullable(),
        lastValue: z.string().regex(/^-?\d+$/),
        isCalled: z.boolean(),
      }),
    ),
  })
  .refine((header) => !header.tables.some((table) => table.name === MIGRATIONS_TABLE), {
    message: `copies ${MIGRATIONS_TABLE}, which is never copied`,
  });

export type BackupHeader = z.infer<typeof backupHeaderSchema>;

export const backupTrailerSchema = z.object({
  end: z.literal(true),
  rows: z.record(identifier, z.number().int().nonnegative()),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export type BackupTrailer = z.infer<typeof backupTrailerSchema>;

export class BackupFileError extends Error {
  override name = "BackupFileError";
}

/** The header line of a backup file, or a BackupFileError saying what is wrong with it. */
export function parseBackupHeader(line: string): BackupHeader {
  const json = parseJsonLine(line, "Its first line is not a backup header");
  const kind = json as { format?: unknown; formatVersion?: unknown };
  if (kind.format !== BACKUP_FORMAT) throw new BackupFileError("This is not a registry backup file.");
  if (kind.formatVersion !== BACKUP_FORMAT_VERSION)
    throw new BackupFileError(
      `This backup has format version ${String(kind.formatVersion)}; this release reads version ${BACKUP_FORMAT_VERSION}. Restore it with the release that made it (or a newer one).`,
    );
  const parsed = backupHeaderSchema.safeParse(json);
  if (!parsed.success)
    throw new BackupFileError(`The backup's header is damaged: ${describeIssues(parsed.error)}.`);
  return parsed.data;
}

/** The trailer line, checked against the header's tables. */
export function parseBackupTrailer(line: string, header: BackupHeader): BackupTrailer {
  const json = parseJsonLine(line, "The file does not end with the backup's trailer");
  const parsed = backupTrailerSchema.safeParse(json);
  if (!parsed.success)
    throw new BackupFileError(`The backup's trailer is damaged: ${describeIssues(parsed.error)}.`);
  const named = Object.keys(parsed.data.rows).sort();
  const expected = header.tables.map((table) => table.name).sort();
  if (named.join("\n") !== expected.join("\n"))
    throw new BackupFileError("The backup's trailer does not count the tables its header lists.");
  return parsed.data;
}

function parseJsonLine(line: string, what: string): unknown {
  try {
    const value: unknown = JSON.parse(line);
    if (value && typeof value === "object" && !Array.isArray(value)) return value;
  } catch {
    // reported below
  }
  throw new BackupFileError(`${what}: the file is damaged, or not a registry backup.`);
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join(".") || "header"} ${issue.message}`)
    .join("; ");
}

// ── Migration level ─────────────────────────────────────────────────────────

export type MigrationPlan =
  | { ok: true; /** Migrations to apply to the target first (the backup's, in order). */ apply: string[] }
  | { ok: false; reason: string };

/**
 * Whether a backup at migration level `backup` may be restored into a
 * database at `target` by code that knows the migrations `known`. The target
 * ends at exactly the backup's level: an empty or older database is migrated
 * up to it (never beyond: `npm run db:migrate` or `npm start` does that after
 * the restore, on the restored data); a database at another level is refused.
 */
export function planMigrations(input: {
  backup: readonly string[];
  known: readonly string[];
  target: readonly string[];
  failed: readonly string[];
}): MigrationPlan {
  const { backup, known, target, failed } = input;
  const unknown = backup.filter((name) => !known.includes(name));
  if (unknown.length > 0)
    return {
      ok: false,
      reason: `The backup was made by a newer release: its database has migration${plural(unknown)} ${list(unknown)}, which this release does not have. Restore it with that release (or a newer one).`,
    };
  if (failed.length > 0)
    return {
      ok: false,
      reason: `The target database has a failed migration (${list(failed)}): restore into an empty database instead.`,
    };
  const extra = target.filter((name) => !backup.includes(name));
  if (extra.length > 0)
    return {
      ok: false,
      reason: `The target database is at another migration level than the backup: it has ${list(extra)}, which the backup's database did not. Restore into an empty database (it is migrated to the backup's level), then run npm run db:migrate.`,
    };
  return { ok: true, apply: [...backup].filter((name) => !target.includes(name)).sort() };
}

// ── Tables ──────────────────────────────────────────────────────────────────

export type ForeignKey = { from: string; to: string };

/**
 * The tables in an order in which each is loaded after every table it
 * references (ties by name, so the order is stable). A table referencing
 * itself is fine: one statement's rows are checked together. A cycle between
 * tables is not, and is reported by name.
 */
export function loadOrder(tables: readonly string[], foreignKeys: readonly ForeignKey[]): string[] {
  const waitsFor = new Map(tables.map((table) => [table, new Set<string>()]));
  for (const { from, to } of foreignKeys) {
    if (from !== to && waitsFor.has(from) && waitsFor.has(to)) waitsFor.get(from)!.add(to);
  }
  const ordered: string[] = [];
  const remaining = new Set([...tables].sort());
  while (remaining.size > 0) {
    const ready = [...remaining].filter((table) =>
      [...waitsFor.get(table)!].every((to) => !remaining.has(to)),
    );
    if (ready.length === 0)
      throw new Error(
        `The foreign keys between ${list([...remaining])} form a cycle; the backup cannot order them.`,
      );
    for (const table of ready) {
      ordered.push(table);
      remaining.delete(table);
    }
  }
  return ordered;
}

/** The first table loaded before a table it references, if any. */
export function misorderedTable(
  order: readonly string[],
  foreignKeys: readonly ForeignKey[],
): string | undefined {
  const position = new Map(order.map((table, index) => [table, index]));
  for (const { from, to } of foreignKeys) {
    const fromAt = position.get(from);
    const toAt = position.get(to);
    if (fromAt !== undefined && toAt !== undefined && fromAt < toAt) return from;
  }
  return undefined;
}

export type TableColumns = { name: string; columns: readonly string[] };

/**
 * How the target's tables differ from the backup's (both at the same
 * migration level, so only a hand-made change shows here): one line each.
 */
export function schemaDifferences(
  backup: readonly TableColumns[],
  target: readonly TableColumns[],
): string[] {
  const targetByName = new Map(target.map((table) => [table.name, table.columns]));
  const backupNames = new Set(backup.map((table) => table.name));
  const differences: string[] = [];
  for (const table of backup) {
    const columns = targetByName.get(table.name);
    if (!columns) {
      differences.push(`table "${table.name}" is missing`);
      continue;
    }
    const missing = table.columns.filter((column) => !columns.includes(column));
    const extra = columns.filter((column) => !table.columns.includes(column));
    if (missing.length) differences.push(`"${table.name}" lacks column${plural(missing)} ${list(missing)}`);
    if (extra.length)
      differences.push(`"${table.name}" has column${plural(extra)} ${list(extra)} the backup lacks`);
  }
  for (const table of target) {
    if (!backupNames.has(table.name)) differences.push(`table "${table.name}" is not in the backup`);
  }
  return differences;
}

/**
 * Tables that show the target is in use: rows in a table with an
 * automatically numbered column (every entity: accounts, centres, reports,
 * audit events, mail). A freshly migrated database has none, though the
 * migrations put rows in a few bookkeeping tables (the search's version row).
 */
export function tablesInUse(
  counts: Readonly<Record<string, number>>,
  numberedTables: readonly string[],
): string[] {
  return numberedTables.filter((table) => (counts[table] ?? 0) > 0).sort();
}

/** Tables whose restored row count differs from the backup's, one line each. */
export function countMismatches(
  expected: Readonly<Record<string, number>>,
  actual: Readonly<Record<string, number>>,
): string[] {
  return Object.keys(expected)
    .sort()
    .filter((table) => expected[table] !== actual[table])
    .map((table) => `"${table}": ${actual[table] ?? 0} rows, the backup has ${expected[table]}`);
}

function plural(items: readonly unknown[]): string {
  return items.length === 1 ? "" : "s";
}

function list(items: readonly string[]): string {
  return items.join(", ");
}
