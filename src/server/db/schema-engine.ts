import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";

import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import * as engineGlue from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaEngine, SchemaFilter } from "@prisma/schema-engine-wasm/schema_engine_bg";

import { withClient } from "./connection";
import { connectEngineAdapter } from "./engine-adapter";
import { readMigrationsList } from "./migrations-dir";
import { createShadowDatabase } from "./shadow-database";

// Prisma's schema engine, run as WebAssembly inside this process. Prisma's CLI
// wants a native `schema-engine` binary that it downloads at run time, which
// is impossible offline; @prisma/schema-engine-wasm is the same engine
// published to npm, talking to the database through a driver adapter
// (@prisma/adapter-pg, patched in engine-adapter.ts) instead of its own
// driver. The results are standard: the same migration SQL as `prisma migrate
// dev`, the same `_prisma_migrations` bookkeeping as `prisma migrate deploy`,
// so the real CLI keeps working on these folders wherever its binary can be
// downloaded.

type EngineModule = typeof engineGlue;

let engineModule: Promise<EngineModule> | undefined;

// The package targets bundlers (`import wasm from "./x.wasm"`), which Node
// cannot do: instantiate the .wasm ourselves with the JS glue as its imports.
function loadEngineModule(): Promise<EngineModule> {
  engineModule ??= (async () => {
    const require = createRequire(import.meta.url);
    const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await readFile(gluePath.replace(/\.js$/, ".wasm"));
    const imports = { "./schema_engine_bg.js": engineGlue } as unknown as WebAssembly.Imports;
    const { instance } = await WebAssembly.instantiate(bytes, imports);
    engineGlue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return engineGlue;
  })();
  return engineModule;
}

// A Rust panic reports its message through this global (Prisma's client sets
// its own, which throws); we capture it while the engine runs.
type PanicRegistry = { set_message(message: string): void };
const panicHost = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: PanicRegistry };

const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };

type Cleanup = () => Promise<void>;

/** Adapters to `url` (and to a shadow database on demand), closed by `cleanups`. */
function adapterFactory(url: string, cleanups: Cleanup[]): SqlMigrationAwareDriverAdapterFactory {
  const open = async (connectionString: string, afterDispose?: Cleanup): Promise<SqlDriverAdapter> => {
    const adapter = await connectEngineAdapter(connectionString);
    // The engine may or may not dispose what it opened; we also do at the
    // end. pg's Pool.end() throws when called twice, hence once().
    const dispose = adapter.dispose.bind(adapter);
    let disposed: Promise<void> | undefined;
    adapter.dispose = () => (disposed ??= dispose().then(afterDispose));
    cleanups.push(() => adapter.dispose());
    return adapter;
  };
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: () => open(url),
    connectToShadowDb: async () => {
      const shadow = await createShadowDatabase(url);
      return open(shadow.url, shadow.drop);
    },
  };
}

/** Runs `fn` on a fresh engine connected to `url`, then frees everything. */
async function withEngine<T>(
  url: string,
  datamodels: [string, string][] | undefined,
  fn: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const { SchemaEngine } = await loadEngineModule();
  const cleanups: Cleanup[] = [];
  const factory = bindMigrationAwareSqlAdapterFactory(adapterFactory(url, cleanups));
  const log = (line: string) => {
    if (process.env.DEBUG?.includes("schema-engine")) console.error(line);
  };

  const registry = (panicHost.PRISMA_WASM_PANIC_REGISTRY ??= { set_message: () => {} });
  const previous = registry.set_message;
  let panic: string | undefined;
  registry.set_message = (message) => void (panic = message);

  let engine: SchemaEngine | undefined;
  try {
    engine = await SchemaEngine.new({ datamodels }, log, factory);
    return await fn(engine);
  } catch (error) {
    if (panic) engineModule = undefined; // a panicked WASM instance is unusable
    throw engineError(error, panic, (id) => factory.errorRegistry.consumeError(id)?.error);
  } finally {
    registry.set_message = previous;
    engine?.free();
    for (const cleanup of cleanups) await cleanup();
  }
}

/**
 * One readable Error from what the engine throws: the panic message if it
 * panicked, the original JS error behind "External error id#N", and the
 * engine's message without its Rust span trace.
 */
function engineError(error: unknown, panic: string | undefined, external: (id: number) => unknown): Error {
  if (panic) return new Error(`Prisma schema engine panicked: ${panic}`);
  if (!(error instanceof Error)) return new Error(String(error));
  const id = /External error id#(\d+)/.exec(error.message)?.[1];
  const original = id === undefined ? undefined : external(Number(id));
  if (original instanceof Error) return original;
  const message = (error.message.split(/\n\s+0: /)[0] ?? error.message)
    .replaceAll("external connector error\n", "")
    .trim();
  const code = (error as { code?: string }).code;
  return Object.assign(new Error(code ? `${code}: ${message}` : message, { cause: error }), { code });
}

/**
 * Applies the migrations of `migrationsDir` that `url` has not recorded yet,
 * like `prisma migrate deploy`; returns the names of those it applied.
 * `upTo` limits them to the named ones (a restore migrates an empty database
 * to its backup's level, not beyond).
 */
export async function applyMigrations(options: {
  url: string;
  migrationsDir: string;
  upTo?: readonly string[];
}): Promise<string[]> {
  const migrationsList = await readMigrationsList(options.migrationsDir);
  const { upTo } = options;
  if (upTo) {
    migrationsList.migrationDirectories = migrationsList.migrationDirectories.filter((directory) =>
      upTo.includes(directory.path),
    );
  }
  try {
    return await withEngine(options.url, undefined, async (engine) => {
      const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: NO_FILTER });
      return appliedMigrationNames;
    });
  } catch (error) {
    // The engine's error does not say which migration broke; its record does.
    const failed = await lastFailedMigration(options.url);
    if (!failed) throw error;
    const earlier = (error as { code?: string }).code === "P3009"; // "found failed migrations"
    throw new Error(
      `Migration ${failed} failed${earlier ? " in an earlier run" : `: ${(error as Error).message}`}\n` +
        `Once it is fixed: npm run db:reset (development), or on a shared database mark it rolled back with ` +
        `UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = '${failed}'; and run db:migrate again.`,
      { cause: error },
    );
  }
}

async function lastFailedMigration(url: string): Promise<string | undefined> {
  try {
    return await withClient(url, async (client) => {
      const { rows } = await client.query<{ migration_name: string }>(
        `SELECT migration_name FROM _prisma_migrations
         WHERE finished_at IS NULL AND rolled_back_at IS NULL ORDER BY started_at DESC LIMIT 1`,
      );
      return rows[0]?.migration_name;
    });
  } catch {
    return undefined; // unreachable, or no migrations table yet
  }
}

/**
 * The SQL that takes a database from what the migrations produce to what
 * `schemaPath` describes ("" when they agree). The migrations are replayed in
 * a shadow database next to `url` (see shadow-database.ts); `url` itself is
 * only read from, never changed.
 */
export async function diffMigration(options: {
  url: string;
  schemaPath: string;
  migrationsDir: string;
}): Promise<string> {
  const content = await readFile(options.schemaPath, "utf8");
  const files = [{ path: options.schemaPath, content }];
  const migrationsList = await readMigrationsList(options.migrationsDir);
  return withEngine(options.url, [[options.schemaPath, content]], async (engine) => {
    const { stdout } = await engine.diff({
      from: { tag: "migrations", ...migrationsList },
      to: { tag: "schemaDatamodel", files },
      script: true,
      exitCode: null,
      filters: NO_FILTER,
    });
    const script = stdout ?? "";
    // With nothing to do the engine still prints a comment-only script.
    return script.trim() === "-- This is an empty migration." ? "" : script;
  });
}
