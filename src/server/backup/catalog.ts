import pg from "pg";

import { MIGRATIONS_TABLE, type ForeignKey } from "@/domain/backup";

// What a backup copies, read from the database's own catalog at run time:
// every table of the `public` schema with its columns, so a table or column
// a later migration adds is backed up and restored without a change here.
// Left out: Prisma's `_prisma_migrations` (the migration level is compared,
// not copied), tables an extension owns, generated columns (computed again on
// insert), and other schemas (pg-boss's `pgboss` holds only the job queue,
// which every app instance rebuilds at start).

export type CatalogColumn = {
  name: string;
  /** Without its modifier: the column applies it. */ type: string;
};
export type CatalogTable = {
  name: string;
  columns: CatalogColumn[];
  /** Primary key columns, in key order: the order rows are written in (none: as stored). */
  primaryKey: string[];
  /** Has a foreign key to itself: its rows are loaded in one statement. */
  selfReferencing: boolean;
};
export type CatalogSequence = { name: string; table: string | null; column: string | null };

export interface Catalog {
  tables: CatalogTable[];
  foreignKeys: ForeignKey[];
  sequences: CatalogSequence[];
}

export const quote = (identifier: string) => pg.escapeIdentifier(identifier);

export async function readCatalog(client: pg.ClientBase): Promise<Catalog> {
  const { rows: columns } = await client.query<{ table: string; column: string; type: string }>(
    `SELECT c.relname AS "table", a.attname AS "column", format_type(a.atttypid, a.atttypmod) AS "type"
     FROM pg_class c
     JOIN pg_namespace n ON n.oid = c.relnamespace
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
       AND c.relname <> $1
       AND NOT EXISTS (SELECT 1 FROM pg_depend d
                       WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
     ORDER BY c.relname, a.attnum`,
    [MIGRATIONS_TABLE],
  );
  const tables = new Map<string, CatalogTable>();
  for (const row of columns) {
    const table = tables.get(row.table) ?? {
      name: row.table,
      columns: [],
      primaryKey: [],
      selfReferencing: false,
    };
    table.columns.push({ name: row.column, type: row.type });
    tables.set(row.table, table);
  }

  const { rows: keys } = await client.query<{ table: string; column: string }>(
    `SELECT c.relname AS "table", a.attname AS "column"
     FROM pg_index i
     JOIN pg_class c ON c.oid = i.indrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, position)
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
     WHERE i.indisprimary AND n.nspname = 'public'
     ORDER BY c.relname, k.position`,
  );
  for (const key of keys) tables.get(key.table)?.primaryKey.push(key.column);

  const { rows: foreignKeys } = await client.query<ForeignKey>(
    `SELECT DISTINCT src.relname AS "from", dst.relname AS "to"
     FROM pg_constraint con
     JOIN pg_class src ON src.oid = con.conrelid
     JOIN pg_class dst ON dst.oid = con.confrelid
     JOIN pg_namespace n ON n.oid = src.relnamespace
     WHERE con.contype = 'f' AND n.nspname = 'public'`,
  );

  // Every sequence of the schema, with the column it numbers (serial and
  // identity columns own theirs) when it has one.
  const { rows: sequences } = await client.query<CatalogSequence>(
    `SELECT s.relname AS "name", t.relname AS "table", a.attname AS "column"
     FROM pg_class s
     JOIN pg_namespace n ON n.oid = s.relnamespace
     LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = s.oid
       AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
     LEFT JOIN pg_class t ON t.oid = d.refobjid
     LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
     WHERE s.relkind = 'S' AND n.nspname = 'public'
     ORDER BY s.relname`,
  );

  for (const { from, to } of foreignKeys) {
    const table = tables.get(from);
    if (table && from === to) table.selfReferencing = true;
  }
  return { tables: [...tables.values()], foreignKeys, sequences };
}

/** Tables of the schema that have an automatically numbered column. */
export function numberedTables(catalog: Catalog): string[] {
  const tables = new Set(catalog.tables.map((table) => table.name));
  return [...new Set(catalog.sequences.flatMap((sequence) => sequence.table ?? []))].filter((table) =>
    tables.has(table),
  );
}

export async function countRows(
  client: pg.ClientBase,
  tables: readonly string[],
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const { rows } = await client.query<{ count: string }>(`SELECT count(*) AS count FROM ${quote(table)}`);
    counts[table] = Number(rows[0]!.count);
  }
  return counts;
}

export type MigrationState =
  | { kind: "empty" }
  | { kind: "unknown"; tables: number }
  | { kind: "migrated"; applied: string[]; failed: string[] };

/** The migration level: the migrations Prisma recorded as applied, and any that failed. */
export async function readMigrationState(client: pg.ClientBase): Promise<MigrationState> {
  const { rows } = await client.query<{ bookkeeping: string | null; tables: string }>(
    `SELECT to_regclass($1) AS bookkeeping,
            (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm')) AS tables`,
    [`public.${quote(MIGRATIONS_TABLE)}`],
  );
  const tables = Number(rows[0]!.tables);
  if (!rows[0]!.bookkeeping) return tables === 0 ? { kind: "empty" } : { kind: "unknown", tables };
  const { rows: migrations } = await client.query<{ name: string; finished: boolean; rolledBack: boolean }>(
    `SELECT migration_name AS name, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS "rolledBack"
     FROM ${quote(MIGRATIONS_TABLE)} ORDER BY migration_name`,
  );
  const applied = migrations.filter((row) => row.finished && !row.rolledBack).map((row) => row.name);
  const failed = migrations.filter((row) => !row.finished && !row.rolledBack).map((row) => row.name);
  return { kind: "migrated", applied: [...new Set(applied)], failed };
}

/**
 * Session settings under which COPY's text output reads back the same on
 * PostgreSQL 15+ and PGlite whatever the server's defaults (as pg_dump sets
 * them): UTF-8, ISO dates in UTC, exact floats, hex bytea.
 */
export async function setPortableSession(client: pg.ClientBase): Promise<void> {
  await client.query(`SET client_encoding = 'UTF8';
SET DateStyle = 'ISO, YMD';
SET IntervalStyle = 'postgres';
SET TimeZone = 'UTC';
SET extra_float_digits = 3;
SET bytea_output = 'hex';`);
}
