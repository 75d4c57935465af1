import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";

import pg from "pg";

import { autosave, serverActionId, signIn, submitForm, type Session } from "../scripts/lib/http-client";
import { freshDatabase } from "../scripts/lib/fresh-database";
import { activityField, sectionFields } from "../src/domain/annual-report";
import { embeddedDbPaths, findRunningEmbeddedDb } from "../src/server/db/embedded";
import { startPgliteServer } from "../src/server/db/pglite-server";
import { TEMPLATES_ENV, type TestTemplates } from "../tests/support/test-templates";
import { freePort } from "./second-server";
import { DEMO_PASSWORD } from "./auth-helpers";

// What the crash drills (drill-sigterm.spec.ts, drill-sigkill.spec.ts) share:
// a seeded database of their own, 20 clients saving report drafts over HTTP
// with a record of every save the server acknowledged, and the check that
// each acknowledged save is in the database, none half-written. Beside them,
// clients that submit report forms for review and return them (the report
// form's and the review's own actions), with the same check for each step.

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
  password = DEMO_PASSWORD,
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
        count(`no answer: ${noAnswerReason(error)}`);
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

export const SUBMITTERS = 5;

/** A report a submitter takes round its review: its state and version, and its work plan's activities. */
export type SubmitReport = { id: number; version: number; state: string; activities: number[] };

/** The submitters' reports, and where the rows the drill adds begin (the seed has audit rows and comments of its own). */
export type SubmitDrill = { reports: SubmitReport[]; auditsAfter: string; commentsAfter: number };

/** The submitters' reports, as they are in the database now. */
export async function submitReportsNow(url: string, ids: number[]): Promise<SubmitReport[]> {
  return sql<SubmitReport>(
    url,
    `SELECT r.id, r.version, r.state::text AS state,
            ARRAY(SELECT a.id FROM "WorkPlanActivity" a WHERE a."designationId" = r."designationId" ORDER BY a.id) AS activities
       FROM "AnnualReport" r WHERE r.id = ANY($1) ORDER BY r.id`,
    [ids],
  );
}

/**
 * Editable reports other than `taken` (the autosaving clients'), one per
 * submitter: openReports() has opened the scheduled and submitted ones, so
 * the drill's own database opens the accepted and cancelled ones too.
 */
export async function openSubmitReports(url: string, taken: number[]): Promise<SubmitDrill> {
  await sql(url, `UPDATE "AnnualReport" SET state = 'OPEN' WHERE state IN ('ACCEPTED', 'CANCELLED')`);
  const ids = await sql<{ id: number }>(
    url,
    `SELECT id FROM "AnnualReport" WHERE state IN ('OPEN', 'DRAFT', 'RETURNED') AND NOT (id = ANY($1))
      ORDER BY id LIMIT $2`,
    [taken, SUBMITTERS],
  );
  if (ids.length < SUBMITTERS)
    throw new Error(`Only ${ids.length} editable reports left for the submitters.`);
  const [after] = await sql<{ audits: string; comments: number }>(
    url,
    `SELECT (SELECT COALESCE(max(id), 0)::text FROM "AuditEvent") AS audits,
            (SELECT COALESCE(max(id), 0)::int FROM "Comment") AS comments`,
  );
  return {
    reports: await submitReportsNow(
      url,
      ids.map((row) => row.id),
    ),
    auditsAfter: after!.audits,
    commentsAfter: after!.comments,
  };
}

type StepKind = "submit" | "return";

/** A form a submitter sent: its kind, the version it was based on, its idempotency key and its text. */
type Step = {
  reportId: number;
  kind: StepKind;
  base: number;
  key: string;
  text: string;
  /** "refused": the action answered with an error (nothing may have been written); "none": no answer, or not a 200. */
  answer: "acknowledged" | "refused" | "none";
};

export type SubmitLoad = {
  steps: Step[];
  /** Answers other than success: HTTP status, refusal or error name, counted. */
  failures: Map<string, number>;
  stop: () => Promise<void>;
};

/**
 * One client per report, each taking its report round the review as fast as
 * the server answers: "Submit report" (the report form's action, with every
 * activity and section filled in with the step's text, as the submission
 * needs), then the officer's "Return" with the step's text as its note, then
 * submit again, and so on. Each form carries an idempotency key of its own,
 * as the page's do. A success answer means the compare-and-set from the
 * version sent committed, so the report is then at that version + 1 (no other
 * client writes it): the next step is based on it. A client stops at its
 * first answer that is not a success (the server is going) or when told.
 */
export async function startSubmits(
  base: string,
  reports: SubmitReport[],
  email = "admin@registry.example",
  password = DEMO_PASSWORD,
): Promise<SubmitLoad> {
  const session: Session = await signIn(base, email, password);
  const actions: Record<StepKind, string> = {
    submit: serverActionId("reportFormAction"),
    return: serverActionId("returnReportAction"),
  };
  const load: SubmitLoad = { steps: [], failures: new Map(), stop: async () => {} };
  const count = (kind: string) => load.failures.set(kind, (load.failures.get(kind) ?? 0) + 1);
  let running = true;
  const client = async (report: SubmitReport, index: number) => {
    let { version, state } = report;
    for (let n = 1; running; n++) {
      const kind: StepKind = state === "SUBMITTED" ? "return" : "submit";
      const text = `submitter ${index} ${kind} ${n} ${Math.random().toString(36).slice(2)}`;
      const step: Step = {
        reportId: report.id,
        kind,
        base: version,
        key: randomUUID(),
        text,
        answer: "none",
      };
      load.steps.push(step);
      const form = { reportId: String(report.id), version: String(version), idempotencyKey: step.key };
      const fields =
        kind === "return"
          ? { ...form, note: text }
          : {
              ...form,
              intent: "submit",
              ...Object.fromEntries(sectionFields.map((field) => [field, text])),
              ...Object.fromEntries(
                report.activities.flatMap((id) => [
                  [activityField(id, "status"), "ONGOING"],
                  [activityField(id, "narrative"), text],
                ]),
              ),
            };
      try {
        const answer = await submitForm(session, actions[kind], `/reports/${report.id}`, fields);
        if (answer.http === 200 && answer.status === "success") {
          step.answer = "acknowledged";
          version += 1;
          state = kind === "submit" ? "SUBMITTED" : "RETURNED";
          continue;
        }
        // A 200 without the action's answer in it was cut off while the
        // server stopped: unanswered, so whole or absent, not refused.
        const refused = answer.http === 200 && answer.status === "error";
        if (refused) step.answer = "refused";
        count(
          refused
            ? `${kind} refused: ${answer.message}`
            : answer.http === 200
              ? `${kind} no answer: cut off`
              : `${kind} HTTP ${answer.http}`,
        );
        return;
      } catch (error) {
        count(`${kind} no answer: ${noAnswerReason(error)}`);
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

export type SubmitVerdict = Record<
  StepKind,
  {
    sent: number;
    acknowledged: number;
    /** Acknowledged ones in the database (its key, its audit row, its state and content). */
    found: number;
    /** Sent without a success answer: written whole, or not at all. */
    unansweredWritten: number;
    unansweredAbsent: number;
  }
> & { problems: string[] };

/**
 * Each submitter's report after the restart. A step took effect exactly when
 * its idempotency key is in the database (claimed in the step's transaction);
 * then the steps that took effect must be the first ones the client sent, in
 * order, every acknowledged one among them and no refused one; one audit row
 * each, of that kind, from the state the one before left (and no other row
 * for the report); the report's version moved on by one each and its state
 * the last one's; its sections and its activities' narratives all the text
 * of the last submit that took effect; and one comment per return that took
 * effect, its note, the one its audit row names.
 */
export async function verifySubmits(
  url: string,
  load: SubmitLoad,
  drill: SubmitDrill,
): Promise<SubmitVerdict> {
  const ids = drill.reports.map((report) => report.id);
  const claimed = new Set(
    (
      await sql<{ key: string }>(
        url,
        `SELECT split_part(key, ':', 3) AS key FROM "IdempotencyKey" WHERE split_part(key, ':', 3) = ANY($1)`,
        [load.steps.map((step) => step.key)],
      )
    ).map((row) => row.key),
  );
  const audits = await sql<{
    entityId: string;
    action: string;
    fromState: string | null;
    toState: string | null;
    commentId: number | null;
  }>(
    url,
    `SELECT "entityId", action, "fromState", "toState", (details->>'commentId')::int AS "commentId"
       FROM "AuditEvent" WHERE id > $1::bigint AND "entityType" = 'AnnualReport' AND "entityId" = ANY($2)
      ORDER BY id`,
    [drill.auditsAfter, ids.map(String)],
  );
  const rows = await sql<
    Record<string, string | number | null> & { id: number; version: number; state: string }
  >(
    url,
    `SELECT id, version, state::text AS state, ${sectionFields.map((field) => `"${field}"`).join(", ")}
       FROM "AnnualReport" WHERE id = ANY($1)`,
    [ids],
  );
  const progress = await sql<{
    reportId: number;
    activityId: number;
    status: string | null;
    narrative: string | null;
  }>(
    url,
    `SELECT "reportId", "activityId", status::text AS status, narrative FROM "ActivityProgress" WHERE "reportId" = ANY($1)`,
    [ids],
  );
  const comments = await sql<{ id: number; reportId: number; body: string }>(
    url,
    `SELECT id, "reportId", body FROM "Comment" WHERE id > $1 AND "reportId" = ANY($2) ORDER BY id`,
    [drill.commentsAfter, ids],
  );
  const problems: string[] = [];
  const tally = () => ({ sent: 0, acknowledged: 0, found: 0, unansweredWritten: 0, unansweredAbsent: 0 });
  const verdict: SubmitVerdict = { submit: tally(), return: tally(), problems };
  for (const step of load.steps) {
    const figures = verdict[step.kind];
    figures.sent += 1;
    if (step.answer === "acknowledged") figures.acknowledged += 1;
    else if (claimed.has(step.key)) figures.unansweredWritten += 1;
    else figures.unansweredAbsent += 1;
  }
  for (const report of drill.reports) {
    const say = (text: string) => problems.push(`report ${report.id}: ${text}`);
    const sent = load.steps.filter((step) => step.reportId === report.id);
    const written = sent.filter((step) => claimed.has(step.key));
    for (const step of sent) {
      if (step.answer === "acknowledged" && !claimed.has(step.key))
        say(`${step.kind} from version ${step.base} acknowledged but not in the database`);
      if (step.answer === "refused" && claimed.has(step.key))
        say(`${step.kind} from version ${step.base} refused but written`);
    }
    if (written.some((step, index) => sent[index] !== step || step.base !== report.version + index)) {
      say(`the steps written are not the first ones sent: ${written.map((step) => step.base).join(", ")}`);
      continue;
    }
    const audited = audits.filter((audit) => audit.entityId === String(report.id));
    const expected = written.map((step) => `report.${step.kind}`);
    if (audited.map((audit) => audit.action).join() !== expected.join()) {
      say(`audit rows ${audited.map((audit) => audit.action).join()} for steps ${expected.join()}`);
      continue;
    }
    let state = report.state;
    for (const audit of audited) {
      const to = audit.action === "report.submit" ? "SUBMITTED" : "RETURNED";
      if (audit.fromState !== state || audit.toState !== to)
        say(`${audit.action} audited ${audit.fromState} → ${audit.toState}, expected ${state} → ${to}`);
      state = to;
    }
    const row = rows.find((candidate) => candidate.id === report.id);
    if (!row) {
      say("no row");
      continue;
    }
    if (row.version !== report.version + written.length || row.state !== state)
      say(
        `version ${row.version} ${row.state} after ${written.length} steps from ${report.version} ${report.state}`,
      );
    const lastSubmit = written.findLast((step) => step.kind === "submit");
    if (lastSubmit) {
      const sections = sectionFields.filter((field) => row[field] !== lastSubmit.text);
      if (sections.length) say(`sections ${sections.join(", ")} are not the last submit's text`);
      for (const activityId of report.activities) {
        const entry = progress.find((line) => line.reportId === report.id && line.activityId === activityId);
        if (entry?.status !== "ONGOING" || entry.narrative !== lastSubmit.text)
          say(`activity ${activityId}: ${entry?.status} "${entry?.narrative}", not the last submit's`);
      }
    }
    const returns = written.filter((step) => step.kind === "return");
    const notes = comments.filter((comment) => comment.reportId === report.id);
    if (notes.map((comment) => comment.body).join("\n") !== returns.map((step) => step.text).join("\n"))
      say(`${notes.length} comments for ${returns.length} returns written`);
    audited
      .filter((audit) => audit.action === "report.return")
      .forEach((audit, index) => {
        if (notes.find((comment) => comment.id === audit.commentId)?.body !== returns[index]?.text)
          say(`return ${index + 1}'s audit row names comment ${audit.commentId}, not its note`);
      });
    for (const step of written) if (step.answer === "acknowledged") verdict[step.kind].found += 1;
  }
  return verdict;
}

/** Why a request got no answer: fetch's own error names the socket's in its cause. */
function noAnswerReason(error: unknown): string {
  const failure = error as Error;
  return failure.cause ? String((failure.cause as Error).message) : failure.message;
}
