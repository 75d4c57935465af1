import { spawn } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";

import pg from "pg";

import { embeddedDbPaths, findRunningEmbeddedDb } from "../src/server/db/embedded";

// A second production server (scripts/serve.ts on the same build and the
// same database as the suite's server) with settings of its own, e.g.
// TRUSTED_PROXY_HOPS or production mode; and queries against that database.

const root = path.resolve(import.meta.dirname, "..");

/** The database of the suite's server (playwright.config.ts): E2E_DATABASE_URL or the embedded one. */
export async function e2eDatabaseUrl(): Promise<string> {
  if (process.env.E2E_DATABASE_URL) return process.env.E2E_DATABASE_URL;
  const paths = embeddedDbPaths(root, {
    ...process.env,
    EMBEDDED_DB_DIR: process.env.E2E_EMBEDDED_DB_DIR ?? "data/e2e-pglite",
    EMBEDDED_DB_PORT: process.env.E2E_EMBEDDED_DB_PORT ?? "54339",
  });
  const url = await findRunningEmbeddedDb(paths);
  if (!url) throw new Error(`The suite's embedded database is not running (${paths.stateFile}).`);
  return url;
}

export async function query<T>(sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: await e2eDatabaseUrl() });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows as T[];
  } finally {
    await client.end();
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export type SecondServer = {
  base: string;
  port: number;
  /** Everything it has written to standard output and error so far (its JSON log lines). */
  output: () => string;
  /** The server process's id (scripts/serve.ts; Next runs inside it). */
  pid: number;
  /** Sends `signal` and waits until the process has exited; its exit code or signal. */
  kill: (signal: NodeJS.Signals) => Promise<number | NodeJS.Signals | null>;
  stop: () => Promise<void>;
};

export async function startSecondServer(
  env: (port: number) => Record<string, string>,
): Promise<SecondServer> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      path.join(root, "scripts/serve.ts"),
      "--port",
      String(port),
      "--hostname",
      "localhost",
    ],
    {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        DATABASE_URL: await e2eDatabaseUrl(),
        AUTH_SECRET: "a-second-e2e-server-secret-0123456789abcdef",
        PORT: String(port),
        JOBS: "off",
        NEXT_TELEMETRY_DISABLED: "1",
        ...env(port),
      },
    },
  );
  let output = "";
  const keep = (chunk: Buffer) => void (output += chunk.toString());
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve.ts did not start:\n${output}`)), 60_000);
    const read = () => {
      if (output.includes("Ready on")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`serve.ts exited with ${code}:\n${output}`));
    });
  });
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) =>
    child.once("exit", (code, signal) => resolve(code ?? signal)),
  );
  return {
    base: `http://localhost:${port}`,
    port,
    output: () => output,
    pid: child.pid!,
    kill: async (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
