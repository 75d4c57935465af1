// The embedded database server: PGlite with its data in ./data/pglite, served
// on 127.0.0.1:EMBEDDED_DB_PORT (default 54329) in this process of its own, so
// that the app, the migration tooling and psql all connect to it like to any
// PostgreSQL. Usually started by `resolveDatabaseUrl()` (npm start, db:*);
// can be run by hand: `npx tsx scripts/embedded-db.ts`, Ctrl-C to stop.
//
// PGlite must never have one data folder open twice: an exclusive lock file
// is held from before PGlite opens until after it has closed, and the state
// file (data/pglite.server.json beside data/pglite: {pid, port, url}) exists only while the server
// listens.
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";

import { embeddedDbPaths, isProcessAlive, portInUseMessage, portIsFree } from "../src/server/db/embedded";
import { startPgliteServer, type PgliteServer } from "../src/server/db/pglite-server";

const paths = embeddedDbPaths();
let server: PgliteServer | undefined;
let lockHeld = false;
let stateWritten = false;
let stopping = false;

async function acquireLock(): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(paths.lockFile, String(process.pid), { flag: "wx" });
      lockHeld = true;
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(await readFile(paths.lockFile, "utf8").catch(() => ""));
      if (holder && holder !== process.pid && isProcessAlive(holder)) {
        throw new Error(
          `The embedded database in ${paths.dataDir} is already open by process ${holder}; stop it first (if no such server runs, delete ${paths.lockFile}).`,
        );
      }
      await rm(paths.lockFile, { force: true }); // left by a killed server
    }
  }
  throw new Error(`Could not take the lock ${paths.lockFile}.`);
}

async function main(): Promise<void> {
  await mkdir(paths.dataDir, { recursive: true });
  await acquireLock();
  // Checked before opening PGlite, which takes a few seconds.
  if (!(await portIsFree(paths.port))) throw new Error(portInUseMessage(paths.port));

  server = await startPgliteServer({ dataDir: paths.dataDir, port: paths.port }).catch(
    (error: NodeJS.ErrnoException) => {
      throw error.code === "EADDRINUSE" ? new Error(portInUseMessage(paths.port)) : error;
    },
  );

  // Written atomically: a reader never sees half a file.
  const state = { pid: process.pid, port: server.port, url: server.url };
  await writeFile(`${paths.stateFile}.tmp`, JSON.stringify(state, null, 2));
  await rename(`${paths.stateFile}.tmp`, paths.stateFile);
  stateWritten = true;
  console.log(`Embedded database (PGlite) listening at ${server.url}, data in ${paths.dataDir}`);

  watchOwner();
}

/** When started for another process, stop if that process dies without stopping us. */
function watchOwner(): void {
  const owner = Number(process.env.EMBEDDED_DB_OWNER_PID);
  if (!owner) return;
  setInterval(() => {
    if (!isProcessAlive(owner)) void shutdown(0);
  }, 1000).unref();
}

async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  try {
    // First the state file, so that nobody picks up a closing server; the
    // lock last, once PGlite has flushed and closed its files.
    if (stateWritten) await rm(paths.stateFile, { force: true });
    await server?.stop();
  } catch (error) {
    console.error(`Error while stopping the embedded database: ${(error as Error).message}`);
    code = code || 1;
  } finally {
    if (lockHeld) await rm(paths.lockFile, { force: true });
  }
  process.exit(code);
}

// A parent that reads our stderr may go away; never crash on a broken pipe.
process.stdout.on("error", () => {});
process.stderr.on("error", () => {});
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
process.on("SIGHUP", () => void shutdown(0));
process.on("uncaughtException", (error) => {
  console.error(error.message);
  void shutdown(1);
});

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  void shutdown(1);
});
