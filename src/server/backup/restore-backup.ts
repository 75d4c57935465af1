import pg from "pg";

import {
  BackupFileError,
  countMismatches,
  misorderedTable,
  planMigrations,
  schemaDifferences,
  tablesInUse,
  type BackupHeader,
  type BackupTrailer,
} from "@/domain/backup";
import { withClient } from "@/server/db/connection";
import { readMigrationsList } from "@/server/db/migrations-dir";
import { applyMigrations } from "@/server/db/schema-engine";

import {
  countRows,
  numberedTables,
  quote,
  readCatalog,
  readMigrationState,
  setPortableSession,
  type Catalog,
  type CatalogTable,
} from "./catalog";
import { readBackup, readHeader, verifyBackup, type BackupEvent } from "./read-backup";

// `npm run db:restore`: a backup file (src/domain/backup.ts) into PostgreSQL
// or the embedded PGlite. Checks the file and the target first, then changes
// the target in one transaction that commits only once every row is in and
// every count matches, so a refused or failed restore leaves it as it was
// (save the migrations an empty target was given). Decision 0028.

export class RestoreRefused extends Error {
  override name = "RestoreRefused";
}

export interface RestoreResult {
  header: BackupHeader;
  trailer: BackupTrailer;
  /** Migrations applied to the target first (an empty or older database). */
  migrated: string[];
  /** Tables that held rows and were emptied (--force). */
  emptied: Record<string, number>;
  /** Rows per table after the restore, counted in the target. */
  rows: Record<string, number>;
}

/** How long the restore waits for a table the app is using before giving up. */
const LOCK_TIMEOUT = "15s";
const STAGE = "registry_restore_stage";

export async function restoreBackup(options: {
  url: string;
  file: string;
  migrationsDir: string;
  /** Empty a target that holds data. */
  force?: boolean;
}): Promise<RestoreResult> {
  const known = (await readMigrationsList(options.migrationsDir)).migrationDirectories.map(
    (directory) => directory.path,
  );
  // A backup from a newer release is refused first: nothing else matters then.
  const level = planMigrations({
    backup: (await readHeader(options.file)).migrations,
    known,
    target: [],
    failed: [],
  });
  if (!level.ok) throw new RestoreRefused(level.reason);
  // The whole file is read and checked once before the database is touched,
  // so a damaged or truncated file is refused with the target as it was
  // (an empty one not even migrated). The second reading, which loads the
  // rows, checks everything again.
  const { header } = await verifyBackup(options.file);
  return withClient(options.url, async (client) => {
    await setPortableSession(client);
    const migrated = await prepareTarget(client, { ...options, header, known });
    const catalog = await readCatalog(client);
    const emptied = await checkTarget(client, catalog, header, options.force ?? false);
    const events = readBackup(options.file);
    try {
      const first = await events.next();
      if (
        first.done ||
        first.value.kind !== "header" ||
        JSON.stringify(first.value.header) !== JSON.stringify(header)
      )
        throw new BackupFileError("The file changed while it was being restored.");
      const { trailer, rows } = await load(client, catalog, header, events);
      return { header, trailer, migrated, emptied, rows };
    } finally {
      await events.return(undefined);
    }
  });
}

/** Brings the target to the backup's migration level, or refuses. */
async function prepareTarget(
  client: pg.Client,
  options: { url: string; migrationsDir: string; header: BackupHeader; known: string[]; force?: boolean },
): Promise<string[]> {
  const state = await readMigrationState(client);
  if (state.kind === "unknown")
    throw new RestoreRefused(
      `The target database has ${state.tables === 1 ? "a table" : `${state.tables} tables`} but no record of the registry's migrations: it is not a registry database. Restore into an empty database.`,
    );
  const plan = planMigrations({
    backup: options.header.migrations,
    known: options.known,
    target: state.kind === "migrated" ? state.applied : [],
    failed: state.kind === "migrated" ? state.failed : [],
  });
  if (!plan.ok) throw new RestoreRefused(plan.reason);
  if (plan.apply.length === 0) return [];
  // A database behind the backup that is in use is refused before it is migrated.
  if (state.kind === "migrated" && !options.force) await refuseInUse(client, await readCatalog(client));
  return applyMigrations({
    url: options.url,
    migrationsDir: options.migrationsDir,
    upTo: options.header.migrations,
  });
}

/** Refuses a target in use (unless forced) and one whose tables are not the backup's; returns what --force empties. */
async function checkTarget(
  client: pg.Client,
  catalog: Catalog,
  header: BackupHeader,
  force: boolean,
): Promise<Record<string, number>> {
  const differences = schemaDifferences(
    header.tables,
    catalog.tables.map((table) => ({
      name: table.name,
      columns: table.columns.map((column) => column.name),
    })),
  );
  if (differences.length > 0)
    throw new RestoreRefused(
      `The target database's tables differ from the backup's at the same migration level (changed by hand?): ${differences.join("; ")}.`,
    );
  const misordered = misorderedTable(
    header.tables.map((table) => table.name),
    catalog.foreignKeys,
  );
  if (misordered)
    throw new BackupFileError(
      `The backup lists "${misordered}" before a table it references: the file is damaged.`,
    );
  if (!force) {
    await refuseInUse(client, catalog);
    return {};
  }
  const counts = await countRows(
    client,
    catalog.tables.map((table) => table.name),
  );
  return Object.fromEntries(Object.entries(counts).filter(([, count]) => count > 0));
}

async function refuseInUse(client: pg.Client, catalog: Catalog): Promise<void> {
  const numbered = numberedTables(catalog);
  const counts = await countRows(client, numbered);
  const inUse = tablesInUse(counts, numbered);
  if (inUse.length === 0) return;
  const shown = inUse.slice(0, 5).map((table) => `${table} ${counts[table]}`);
  const more = inUse.length - shown.length;
  throw new RestoreRefused(
    `The target database holds data (rows in ${shown.join(", ")}${more > 0 ? ` and ${more} more tables` : ""}). Restore into an empty database, or add --force to replace everything in this one.`,
  );
}

/** Empties the tables and loads the file's rows in one transaction. */
async function load(
  client: pg.Client,
  catalog: Catalog,
  header: BackupHeader,
  events: AsyncGenerator<BackupEvent>,
): Promise<{ trailer: BackupTrailer; rows: Record<string, number> }> {
  const tables = new Map(catalog.tables.map((table) => [table.name, table]));
  const columnsOf = new Map(header.tables.map((table) => [table.name, table.columns]));
  const names = [...tables.keys()].map(quote);
  await client.query("BEGIN");
  try {
    await client.query(`SET LOCAL lock_timeout = '${LOCK_TIMEOUT}'`);
    // The rows come as they were, so the app's triggers must not act on them:
    // not the search index's (its rows are in the file), not the letter
    // snapshot's, not the audit trail's. Foreign keys are not user triggers
    // and stay checked: the file lists tables parents first.
    for (const name of names) await client.query(`ALTER TABLE ${name} DISABLE TRIGGER USER`);
    await client.query(`TRUNCATE ${names.join(", ")}`);

    // A table referencing itself is loaded in one statement, whose foreign
    // keys are checked at its end: its batches wait in a temporary table.
    let staged: string | undefined;
    const unstage = async () => {
      if (!staged) return;
      const columns = columnsOf.get(staged)!.map(quote).join(", ");
      await client.query(
        `INSERT INTO ${quote(staged)} (${columns}) OVERRIDING SYSTEM VALUE SELECT ${columns} FROM ${STAGE}`,
      );
      await client.query(`DROP TABLE ${STAGE}`);
      staged = undefined;
    };
    let trailer: BackupTrailer | undefined;
    for await (const event of events) {
      if (event.kind === "end") {
        await unstage();
        trailer = event.trailer;
      }
      if (event.kind !== "rows") continue;
      if (staged !== event.table) await unstage();
      const table = tables.get(event.table)!;
      const columns = columnsOf.get(event.table)!;
      if (table.selfReferencing && staged !== event.table) {
        await client.query(
          `CREATE TEMPORARY TABLE ${STAGE} AS SELECT ${columns.map(quote).join(", ")} FROM ${quote(table.name)} WITH NO DATA`,
        );
        staged = table.name;
      }
      const into = table.selfReferencing ? STAGE : quote(table.name);
      await client
        .query(insertStatement(into, table, columns), transpose(event.rows))
        .catch((error: Error) => {
          throw new Error(`Could not load the rows of "${table.name}": ${error.message}`, { cause: error });
        });
    }
    if (!trailer) throw new BackupFileError("The file ended without a trailer.");

    await restoreSequences(client, catalog, header);
    for (const name of names) await client.query(`ALTER TABLE ${name} ENABLE TRIGGER USER`);
    const rows = await countRows(client, [...tables.keys()]);
    const mismatches = countMismatches(trailer.rows, rows);
    if (mismatches.length > 0)
      throw new Error(`The restored row counts differ from the backup's: ${mismatches.join("; ")}.`);
    await client.query("COMMIT");
    return { trailer, rows };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    if ((error as { code?: string }).code === "55P03")
      throw new RestoreRefused(
        `A table stayed locked for ${LOCK_TIMEOUT}: the app is still using this database. Stop every app instance, then restore again.`,
      );
    throw error;
  }
}

/**
 * One INSERT per batch, the values sent as one text array per column (in the
 * file's order) and read by the target column's own type. PGlite cannot take
 * COPY FROM STDIN over the wire, so this is the one way for both databases.
 */
function insertStatement(into: string, table: CatalogTable, columns: readonly string[]): string {
  const types = new Map(table.columns.map((column) => [column.name, column.type]));
  const names = columns.map(quote);
  const casts = columns.map((column) => `r.${quote(column)}::${types.get(column)!}`);
  const arrays = columns.map((_, index) => `$${index + 1}::text[]`);
  return `INSERT INTO ${into} (${names.join(", ")}) OVERRIDING SYSTEM VALUE
SELECT ${casts.join(", ")} FROM unnest(${arrays.join(", ")}) AS r(${names.join(", ")})`;
}

function transpose(rows: (string | null)[][]): (string | null)[][] {
  const columns: (string | null)[][] = rows[0]!.map(() => []);
  for (const row of rows) row.forEach((value, index) => columns[index]!.push(value));
  return columns;
}

/**
 * Each sequence where the backup's was (as pg_dump does), and never behind
 * the highest number its column holds, so the next row gets a fresh id.
 */
async function restoreSequences(client: pg.Client, catalog: Catalog, header: BackupHeader): Promise<void> {
  const saved = new Map(header.sequences.map((sequence) => [sequence.name, sequence]));
  for (const sequence of catalog.sequences) {
    const name = quote(sequence.name);
    const backup = saved.get(sequence.name);
    if (backup)
      await client.query("SELECT setval($1::regclass, $2::bigint, $3)", [
        name,
        backup.lastValue,
        backup.isCalled,
      ]);
    if (!sequence.table || !sequence.column) continue;
    // Past the highest id, if the backup's sequence was not (or is unknown).
    await client.query(
      `SELECT setval($1::regclass, m.max)
       FROM (SELECT max(${quote(sequence.column)})::bigint AS max FROM ${quote(sequence.table)}) m,
            (SELECT last_value, is_called FROM ${name}) s
       WHERE m.max IS NOT NULL AND (m.max > s.last_value OR (m.max = s.last_value AND NOT s.is_called))`,
      [name],
    );
    if (!backup)
      await client.query(
        `SELECT setval($1::regclass, 1, false) WHERE NOT EXISTS (SELECT 1 FROM ${quote(sequence.table)})`,
        [name],
      );
  }
}
