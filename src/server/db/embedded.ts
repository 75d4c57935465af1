import { existsSync } from "node:fs";
import { spawn, type ChildProcess } from "node:child_process";
import { readFile, rm } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { checkDatabaseReachable } from "./connection";

export { checkDatabaseReachable } from "./connection";

// Which database the tooling (npm start, db:* scripts) talks to: DATABASE_URL
// when set, otherwise the embedded PGlite served by scripts/embedded-db.ts in
// its own process. PGlite must never be opened twice on one data folder, so an
// embedded server that is already running (per its state file) is reused, and
// the server process itself refuses to start while another one holds the lock.

export interface ResolvedDatabase {
  url: string;
  embedded: boolean;
  /** Stops the embedded server if this call started it; otherwise a no-op. */
  stop: () => Promise<void>;
}

export interface EmbeddedDbPaths {
  dataDir: string;
  /** {pid, port, url}, written once the server listens, removed on exit. */
  stateFile: string;
  /** Held (exclusive create) by the server process while PGlite is open. */
  lockFile: string;
  port: number;
}

interface EmbeddedDbState {
  pid: number;
  port: number;
  url: string;
}

const DEFAULT_PORT = 54329;
const HOST = "127.0.0.1";
const START_TIMEOUT_MS = 60_000;
const projectRoot = fileURLToPath(new URL("../../..", import.meta.url));

/** Where the embedded database lives; EMBEDDED_DB_DIR and EMBEDDED_DB_PORT override. */
export function embeddedDbPaths(root = projectRoot, env: NodeJS.ProcessEnv = process.env): EmbeddedDbPaths {
  const dataDir = path.resolve(root, env.EMBEDDED_DB_DIR || "data/pglite");
  const port = Number(env.EMBEDDED_DB_PORT || DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`EMBEDDED_DB_PORT must be a port number (1-65535), not "${env.EMBEDDED_DB_PORT}".`);
  }
  // Beside the data folder, not inside it: PGlite's initdb wants it empty.
  // Named after the folder, so two databases side by side (the app's and the
  // test suite's) never read each other's server state.
  const stateDir = path.dirname(dataDir);
  const name = path.basename(dataDir);
  return {
    dataDir,
    port,
    stateFile: path.join(stateDir, `${name}.server.json`),
    lockFile: path.join(stateDir, `${name}.server.lock`),
  };
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function portIsFree(port: number, host = HOST): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

export function portInUseMessage(port: number): string {
  return `Port ${port} (EMBEDDED_DB_PORT) is already in use by another program; set EMBEDDED_DB_PORT to a free port, or set DATABASE_URL to use a PostgreSQL server.`;
}

async function readState(stateFile: string): Promise<EmbeddedDbState | undefined> {
  try {
    const state = JSON.parse(await readFile(stateFile, "utf8")) as Partial<EmbeddedDbState>;
    if (typeof state.pid === "number" && typeof state.port === "number" && typeof state.url === "string") {
      return state as EmbeddedDbState;
    }
  } catch {
    // Missing or half-written: treated as "not running".
  }
  return undefined;
}

/** The URL of an embedded server that is running and answering, if any. */
export async function findRunningEmbeddedDb(paths: EmbeddedDbPaths): Promise<string | undefined> {
  const state = await readState(paths.stateFile);
  if (!state) return undefined;
  if (!isProcessAlive(state.pid)) {
    // Left behind by a killed server; its lock is stale too and the next
    // server process clears it.
    await rm(paths.stateFile, { force: true });
    return undefined;
  }
  const answering = await checkDatabaseReachable(state.url).then(
    () => true,
    () => false,
  );
  return answering ? state.url : undefined;
}

export async function resolveDatabaseUrl(
  options: { root?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<ResolvedDatabase> {
  const env = options.env ?? process.env;
  const noop = async () => {};
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, embedded: false, stop: noop };

  const root = options.root ?? projectRoot;
  const paths = embeddedDbPaths(root, env);
  const running = await findRunningEmbeddedDb(paths);
  if (running) return { url: running, embedded: true, stop: noop };

  if (!(await portIsFree(paths.port))) throw new Error(portInUseMessage(paths.port));
  return startEmbeddedDb(root, paths, env);
}

/** Spawns scripts/embedded-db.ts and waits until its state file says it listens. */
async function startEmbeddedDb(
  root: string,
  paths: EmbeddedDbPaths,
  env: NodeJS.ProcessEnv,
): Promise<ResolvedDatabase> {
  // Node itself runs the script (tsx as a loader, not its CLI, which relays
  // signals to a process of its own): SIGTERM reaches the script directly.
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts/embedded-db.ts")], {
    cwd: root,
    // The server shuts itself down when this process dies without stop().
    env: {
      ...env,
      EMBEDDED_DB_DIR: paths.dataDir,
      EMBEDDED_DB_PORT: String(paths.port),
      EMBEDDED_DB_OWNER_PID: String(process.pid),
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  let ready = false;
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    // Kept until ready to explain a failed start; later passed through.
    if (ready) process.stderr.write(chunk);
    else stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

  try {
    const url = await waitUntilListening(paths, child, exited, () => stderr);
    ready = true;
    return { url, embedded: true, stop: () => stopChild(child, exited, paths) };
  } catch (error) {
    await stopChild(child, exited, paths);
    throw error;
  }
}

async function waitUntilListening(
  paths: EmbeddedDbPaths,
  child: ChildProcess,
  exited: Promise<number | null>,
  stderr: () => string,
): Promise<string> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  while (Date.now() < deadline) {
    if (exitCode !== undefined || child.exitCode !== null) {
      const lastLine = stderr().trim().split("\n").pop();
      throw new Error(
        lastLine || `The embedded database process exited with code ${exitCode ?? child.exitCode}.`,
      );
    }
    const url = await findRunningEmbeddedDb(paths);
    if (url) return url;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(
    `The embedded database did not start within ${START_TIMEOUT_MS / 1000} s (data in ${paths.dataDir}); run \`npx tsx scripts/embedded-db.ts\` to see why.`,
  );
}

/** How long a stopping embedded database may take to close before it is killed. */
const STOP_GRACE_MS = 60_000;

async function stopChild(
  child: ChildProcess,
  exited: Promise<number | null>,
  paths: Pick<EmbeddedDbPaths, "stateFile" | "lockFile">,
): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
  // Stopped means the script removed its state and lock files, which it
  // does last (an exit alone was seen before PGlite had closed).
  const deadline = Date.now() + STOP_GRACE_MS;
  while ((existsSync(paths.stateFile) || existsSync(paths.lockFile)) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
