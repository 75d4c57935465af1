import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";

import pg from "pg";

import { autosave, serverActionId, signIn, type Session } from "../scripts/lib/http-client";
import { freshDatabase } from "../scripts/lib/fresh-database";
import { embeddedDbPaths, findRunningEmbeddedDb } from "../src/server/db/embedded";
import { startPgliteServer } from "../src/server/db/pglite-server";
import { TEMPLATES_ENV, type TestTemplates } from "../tests/support/test-templates";
import { freePort } from "./second-server";

// What the crash drills (drill-sigterm.spec.ts, drill-sigkill.spec.ts) share:
// a seeded database of their own, 20 clients saving report drafts over HTTP
// with a record of every save the server acknowledged, and the check that
// each acknowledged save is in the database, none half-written.

const root = path.resolve(import.meta.dirname, "..");
const tsx = (script: string, env: Record<string, string>) =>
  new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(root, script)], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, ...env },
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => void (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => void (output += chunk.toString()));
    child.once("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${script}: ${code}\n${output}`)),
    );
  });

/** `npm test` passes the seeded templates it built; a run of its own migrates and seeds (about 20 s). */
const templates = (): TestTemplates | undefined =>
  process.env[TEMPLATES_ENV] ? (JSON.parse(process.env[TEMPLATES_ENV]) as TestTemplates) : undefined;

async function migrateAndSeed(url: string): Promise<void> {
  await tsx("scripts/db-migrate.ts", { DATABASE_URL: url });
  await tsx("scripts/db-seed.ts", { DATABASE_URL: url, DEMO_MODE: "true" });
}

export type Database = { url: string; drop: () => Promise<void> };

/** A seeded PostgreSQL database beside the suite's (E2E_DATABASE_URL), for one drill. */
export async function seededPostgres(suffix: string): Promise<Database> {
  const admin = process.env.E2E_DATABASE_URL!;
  const name = `${new URL(admin).pathname.slice(1)}_${suffix}`;
  const template = templates()?.postgres?.seeded;
  const url = await freshDatabase(admin, name, template);
  if (!template) await migrateAndSeed(url);
  return {
    url,
    drop: () => sql(admin, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).then(() => {}),
  };
}

/** The embedded database as `npm start` runs it: scripts/embedded-db.ts, a process of its own on a data folder. */
export type EmbeddedDatabase = {
  url: string;
  pid: number;
  dataDir: string;
  /** Sends `signal` and waits for the process to end. */
  kill: (signal: NodeJS.Signals) => Promise<void>;
};

export async function startEmbedded(dir: string, port: number): Promise<EmbeddedDatabase> {
  const env = { EMBEDDED_DB_DIR: dir, EMBEDDED_DB_PORT: String(port) };
  const paths = embeddedDbPaths(root, { ...process.env, ...env });
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", path.join(root, "scripts/embedded-db.ts")],
    {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, ...env },
    },
  );
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => void (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => void (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const started = Date.now();
  let url: string | undefined;
  while (!url) {
    if (child.exitCode !== null)
      throw new Error(`scripts/embedded-db.ts exited with ${child.exitCode}:\n${output}`);
    if (Date.now() - started > 60_000) throw new Error(`The embedded database did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    url = await findRunningEmbeddedDb(paths);
  }
  return {
    url,
    pid: child.pid!,
    dataDir: paths.dataDir,
    kill: async (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

/** A data folder (`dir`, relative to the project) holding a seeded database. */
export async function seededEmbeddedDir(dir: string): Promise<void> {
  const paths = embeddedDbPaths(root, { ...process.env, EMBEDDED_DB_DIR: dir });
  rmSync(paths.dataDir, { recursive: true, force: true });
  const tarball = templates()?.pglite.seeded;
  if (tarball) {
    const server = await startPgliteServer({
      dataDir: paths.dataDir,
      loadDataDir: new Blob([readFileSync(tarball)]),
    });
    await server.stop();
    return;
  }
  const database = await startEmbedded(dir, await freePort());
  try {
    await migrateAndSeed(database.url);
  } finally {
    await database.kill("SIGTERM");
  }
}

/** Removes the data folder `dir` and its lock and state files (the database stopped). */
export function removeEmbedded(dir: string): void {
  const paths = embeddedDbPaths(root, { ...process.env, EMBEDDED_DB_DIR: dir });
  for (const file of [paths.dataDir, paths.lockFile, paths.stateFile])
    rmSync(file, { recursive: true, force: true });
}

export async function sql<T>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

export const CLIENTS = 20;

/**
 * The reports the clients save, one each: the seed has four open ones, so
 * the drill's own database opens scheduled and submitted reports too (a
 * report is editable when OPEN, DRAFT or RETURNED).
 */
export async function openReports(url: string): Promise<{ id: number; version: number }[]> {
  await sql(url, `UPDATE "AnnualReport" SET state = 'OPEN' WHERE state IN ('SCHEDULED', 'SUBMITTED')`);
  const reports = await sql<{ id: number; version: number }>(
    url,
    `SELECT id, version FROM "AnnualReport" WHERE state IN ('OPEN', 'DRAFT', 'RETURNED') ORDER BY id LIMIT $1`,
    [CLIENTS],
  );
  if (reports.length < CLIENTS) throw new Error(`Only ${reports.length} editable reports.`);
  return reports;
}

/** A save sent: the version it was based on and the text of both fields. */
type Sent = { reportId: number; base: number; text: string };
/** A save the server said was saved, with the version it made. */
type Acknowledged = Sent & { version: number };

export type SaveLoad = {
  sent: Sent[];
  acknowledged: Acknowledged[];
  /** Answers other than "saved": HTTP status or error name, counted. */
  failures: Map<string, number>;
  stop: () => Promise<void>;
};

/**
 * One client per report, each saving its draft as fast as the server
 * answers: two fields with the same new text, so that a save half written
 * (one field new, the other old) shows. A client stops at its first
 * connection failure (the server is gone) or when told.
 */
export async function startSaves(
  base: string,
  reports: { id: number; version: number }[],
  email = "admin@registry.example",
  password = "registry-demo-2026",
): Promise<SaveLoad> {
  const session: Session = await signIn(base, email, password);
  const actionId = serverActionId("autosaveReportAction");
  const load: SaveLoad = { sent: [], acknowledged: [], failures: new Map(), stop: async () => {} };
  const count = (kind: string) => load.failures.set(kind, (load.failures.get(kind) ?? 0) + 1);
  let running = true;
  const client = async (report: { id: number; version: number }, index: number) => {
    let version = report.version;
    for (let n = 1; running; n++) {
      const text = `client ${index} save ${n} ${Math.random().toString(36).slice(2)}`;
      load.sent.push({ reportId: report.id, base: version, text });
      try {
        const answer = await autosave(session, actionId, report.id, version, {
          difficulties: text,
          suggestions: text,
        });
        if (answer.status === "success" && typeof answer.version === "number") {
          load.acknowledged.push({ reportId: report.id, base: version, text, version: answer.version });
          version = answer.version;
        } else {
          count(answer.http === 200 ? `refused: ${answer.message}` : `HTTP ${answer.http}`);
          if (answer.http !== 200) return;
        }
      } catch (error) {
        count(
          `no answer: ${(error as Error).cause ? String(((error as Error).cause as Error).message) : (error as Error).message}`,
        );
        return;
      }
    }
  };
  const clients = reports.map(client);
  load.stop = async () => {
    running = false;
    await Promise.all(clients);
  };
  return load;
}

export type Verdict = {
  acknowledged: number;
  found: number;
  /** Reports whose row is not what the saves say it must be. */
  problems: string[];
};

/**
 * Each report's row after the restart: both fields the same text (never half
 * a save), that text the one its version was saved with, and that version at
 * least the last one acknowledged (a later save may have been written whose
 * answer never arrived: its text is then one that was sent from the last
 * acknowledged version).
 */
export async function verify(
  url: string,
  load: SaveLoad,
  reports: { id: number; version: number }[],
): Promise<Verdict> {
  const ids = reports.map((report) => report.id);
  // Each save moves the version on by one and writes its audit event in the same transaction.
  const audited = await sql<{ id: string; saves: number }>(
    url,
    `SELECT "entityId" AS id, count(*)::int AS saves FROM "AuditEvent"
      WHERE action = 'report.save-draft' AND "entityId" = ANY($1) GROUP BY "entityId"`,
    [ids.map(String)],
  );
  const rows = await sql<{
    id: number;
    version: number;
    difficulties: string | null;
    suggestions: string | null;
  }>(url, `SELECT id, version, difficulties, suggestions FROM "AnnualReport" WHERE id = ANY($1)`, [ids]);
  const problems: string[] = [];
  let found = 0;
  for (const id of ids) {
    const row = rows.find((candidate) => candidate.id === id);
    const acknowledged = load.acknowledged.filter((save) => save.reportId === id);
    const last = acknowledged.at(-1);
    if (!row) {
      problems.push(`report ${id}: no row`);
      continue;
    }
    const saves = audited.find((entry) => entry.id === String(id))?.saves ?? 0;
    const initial = reports.find((report) => report.id === id)!.version;
    if (row.version - initial !== saves) {
      problems.push(`report ${id}: version ${initial} → ${row.version} but ${saves} saves audited`);
      continue;
    }
    if (row.difficulties !== row.suggestions) {
      problems.push(`report ${id}: half written (${row.difficulties} / ${row.suggestions})`);
      continue;
    }
    if (!last) continue;
    if (row.version === last.version && row.difficulties === last.text) {
      found += acknowledged.length;
      continue;
    }
    const unanswered = load.sent.find(
      (save) => save.reportId === id && save.base === last.version && save.text === row.difficulties,
    );
    if (row.version === last.version + 1 && unanswered) {
      found += acknowledged.length;
      continue;
    }
    problems.push(
      `report ${id}: version ${row.version} "${row.difficulties}", last acknowledged ${last.version} "${last.text}"`,
    );
  }
  return { acknowledged: load.acknowledged.length, found, problems };
}
