import { PrismaPg } from "@prisma/adapter-pg";
import {
  ColumnTypeEnum,
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlQueryable,
  type Transaction,
} from "@prisma/driver-adapter-utils";
import pg from "pg";

// @prisma/adapter-pg 7.10, patched for the WASM schema engine. Two gaps, both
// found by running the engine against PostgreSQL 15 and PGlite; the app's own
// Prisma client does not go through this file.
//
// 1. executeScript() splits the script on every ";" and runs the pieces one by
//    one. That breaks any migration with a ";" inside a function body, a
//    string or a comment, and a failing migration is left half-applied. The
//    native engine sends the whole script as one simple-protocol query, which
//    PostgreSQL runs as one implicit transaction: we do the same.
//
// 2. The engine's introspection queries return PostgreSQL's internal one-byte
//    type `"char"` (pg_constraint.contype, ...), which adapter-pg does not map
//    ("Column type 'char' could not be deserialized"), so every diff that
//    reads a database (the shadow database) fails. The native engine reads
//    those columns as ColumnTypeEnum.Character. adapter-pg decides column
//    types from the pg result before we see it, hence two steps: a pg Client
//    that relabels `"char"` fields as text (the value already is a
//    one-character string) and remembers, keyed by the rows array, which
//    columns they were; and a wrapper over queryRaw that marks those columns
//    as Character. Keying by the rows array keeps concurrent queries apart;
//    adapter-pg 7.10 hands that same array through.

const CHAR_OID = 18;
const TEXT_OID = 25;

const charColumnsByRows = new WeakMap<object, number[]>();

function relabelCharFields<T>(result: T): T {
  for (const one of Array.isArray(result) ? result : [result]) {
    const { fields, rows } = (one ?? {}) as Partial<pg.QueryResult>;
    if (!fields || !rows) continue;
    const charColumns: number[] = [];
    fields.forEach((field, index) => {
      if (field.dataTypeID === CHAR_OID) {
        field.dataTypeID = TEXT_OID;
        charColumns.push(index);
      }
    });
    if (charColumns.length > 0) charColumnsByRows.set(rows, charColumns);
  }
  return result;
}

type AnyQuery = (...args: unknown[]) => unknown;

class CharAsTextClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    const query = this.query.bind(this) as AnyQuery;
    // pg.Pool calls query with a trailing callback; adapter-pg's transactions
    // call it without one and await the promise: patch both forms.
    const patched: AnyQuery = (...args) => {
      const last = args[args.length - 1];
      if (typeof last === "function") {
        const callback = last as (error: unknown, result: unknown) => void;
        args[args.length - 1] = (error: unknown, result: unknown) =>
          callback(error, error ? result : relabelCharFields(result));
        return query(...args);
      }
      const returned = query(...args);
      return returned instanceof Promise ? returned.then(relabelCharFields) : returned;
    };
    this.query = patched as pg.Client["query"];
  }
}

function markCharColumns<T extends SqlQueryable>(queryable: T): T {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const index of charColumnsByRows.get(result.rows) ?? []) {
      result.columnTypes[index] = ColumnTypeEnum.Character;
    }
    return result;
  };
  return queryable;
}

/** The engine formats a DriverAdapterError (code, message) like a native driver error. */
function toDriverAdapterError(error: unknown): unknown {
  if (!(error instanceof pg.DatabaseError)) return error;
  return new DriverAdapterError({
    kind: "postgres",
    code: error.code ?? "N/A",
    severity: error.severity ?? "N/A",
    message: error.message,
    detail: error.detail,
    column: error.column,
    hint: error.hint,
  });
}

/** A connected adapter for the schema engine; dispose() ends its pool. */
export async function connectEngineAdapter(connectionString: string): Promise<SqlDriverAdapter> {
  const adapter = await new PrismaPg({ connectionString, Client: CharAsTextClient }).connect();
  markCharColumns(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) =>
    markCharColumns<Transaction>(await startTransaction(isolationLevel));
  const pool = adapter.underlyingDriver() as pg.Pool;
  adapter.executeScript = async (script) => {
    try {
      await pool.query(script);
    } catch (error) {
      throw toDriverAdapterError(error);
    }
  };
  return adapter;
}
