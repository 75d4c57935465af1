// `npm run soak`: issue #15's soak. The production server (scripts/serve.ts,
// on the current build, jobs on) on a loopback port against a fresh seeded
// database, under a steady mixed load for SOAK_MINUTES (default 10): public
// directory pages and centre pages, the public API, sign-ins through the
// sign-in form, signed-in pages and report draft saves (the autosave server
// action). Prints the requests by kind, the 5xx and unanswered count, p50/p95
// latency, and the server process's resident memory (VmRSS from
// /proc/<pid>/status) after the warm-up and at the end, sampled every 30 s.
// Exits 1 on any 5xx or unanswered request. Not part of `npm test`.
//
// SOAK_DATABASE_URL / TEST_DATABASE_URL name the PostgreSQL server (default:
// local PostgreSQL); the database `registry_soak` (SOAK_DATABASE_NAME) on it
// is dropped, recreated, migrated and seeded with the demo data.
// SOAK_RATE: requests a second (default 5), started on the clock whatever
// the answers take (open loop; at most SOAK_MAX_IN_FLIGHT, default 100, at
// once: beyond that a request is counted as not sent). SOAK_PORT: 3992.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";

import pg from "pg";

import { autosave, serverActionId, signIn, type Session } from "./lib/http-client";
import { databaseUrl, freshDatabase } from "./lib/fresh-database";
import { startProductionServer, type ProductionServer } from "./lib/production-server";

const root = path.resolve(import.meta.dirname, "..");
const adminUrl =
  process.env.SOAK_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  "postgresql://postgres@127.0.0.1:5432/postgres";
const databaseName = process.env.SOAK_DATABASE_NAME ?? "registry_soak";
const minutes = Number(process.env.SOAK_MINUTES ?? 10);
const rate = Number(process.env.SOAK_RATE ?? 5);
const maxInFlight = Number(process.env.SOAK_MAX_IN_FLIGHT ?? 100);
const port = Number(process.env.SOAK_PORT ?? 3992);
const base = `http://127.0.0.1:${port}`;
const DEMO_PASSWORD = "registry-demo-2026";
const accounts = ["admin@registry.example", "officer@who.example", "staff.nor18@centre.example"];
const metricsToken = randomBytes(24).toString("hex");
const words = ["health", "nursing", "malaria", "nutrition", "radiation", "tobacco", "vaccines", "mental"];

function run(script: string, env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(root, script)], {
      cwd: root,
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, ...env },
    });
    child.once("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${script} exited with ${code}`)),
    );
  });
}

function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((text) => text.startsWith("VmRSS:"));
  return Math.round(Number(/(\d+)/.exec(line ?? "")?.[1] ?? 0) / 1024);
}

/** The production server on the soak's database, jobs on, once /readyz says it is ready. */
async function startServer(url: string): Promise<ProductionServer> {
  const server = await startProductionServer({
    port,
    echo: true,
    timeoutMs: 90_000,
    env: {
      DATABASE_URL: url,
      AUTH_SECRET: randomBytes(33).toString("base64"),
      APP_URL: base,
      JOBS: "on",
      LOG_LEVEL: "warn",
      METRICS_TOKEN: metricsToken,
      // The load is one client on loopback: far more than a client's share of the public API.
      API_RATE_LIMIT_PER_MINUTE: "100000",
    },
  });
  for (const deadline = Date.now() + 90_000; ;) {
    if (Date.now() > deadline) throw new Error("The server did not become ready.");
    const ready = await fetch(`${base}/readyz`).then(
      (response) => response.status === 200,
      () => false,
    );
    if (ready) return server;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** The server's V8 heap in use (its /metrics), in MB: a leak grows it, a bigger allocator arena does not. */
async function heapMb(): Promise<number> {
  const response = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } });
  const line = (await response.text())
    .split("\n")
    .find((text) => text.startsWith("nodejs_heap_size_used_bytes"));
  return Math.round(Number(line?.split(" ").at(-1) ?? 0) / 2 ** 20);
}

type Kind = "directory" | "centre page" | "api" | "sign-in" | "signed-in page" | "save";
type Result = { kind: Kind; ms: number; status: number | "no answer" };

const pick = <T>(list: T[]): T => list[Math.floor(Math.random() * list.length)]!;
const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0;

async function main(): Promise<void> {
  console.log(
    `soak: ${minutes} min at ${rate} requests/s on ${base}; database ${databaseName} (fresh, seeded)…`,
  );
  const url = await freshDatabase(adminUrl, databaseName);
  await run("scripts/db-migrate.ts", { DATABASE_URL: url });
  await run("scripts/db-seed.ts", { DATABASE_URL: url, DEMO_MODE: "true" });
  const db = new pg.Client({ connectionString: databaseUrl(adminUrl, databaseName) });
  await db.connect();
  // Reports to save drafts of: the seed's open ones and its scheduled ones, opened for the soak.
  await db.query(`UPDATE "AnnualReport" SET state = 'OPEN' WHERE state = 'SCHEDULED'`);
  const reports = (
    await db.query<{ id: number; version: number }>(
      `SELECT id, version FROM "AnnualReport" WHERE state IN ('OPEN', 'DRAFT', 'RETURNED') ORDER BY id`,
    )
  ).rows.map((row) => ({ ...row, busy: false }));
  const references = (
    await db.query<{ reference: string }>(
      `SELECT reference FROM "Centre" WHERE status = 'ACTIVE' ORDER BY id`,
    )
  ).rows.map((row) => row.reference);
  await db.end();

  const server = await startServer(url);
  const pid = server.pid;
  const actionId = serverActionId("autosaveReportAction");
  const admin: Session = await signIn(base, "admin@registry.example", DEMO_PASSWORD);
  const results: Result[] = [];
  let notSent = 0;
  let inFlight = 0;

  const timed = async (kind: Kind, request: () => Promise<number>) => {
    const started = performance.now();
    let status: number | "no answer";
    try {
      status = await request();
    } catch {
      status = "no answer";
    }
    results.push({ kind, ms: performance.now() - started, status });
  };
  const get = (pathname: string, session?: Session) => async () => {
    const response = await fetch(`${base}${pathname}`, {
      headers: session ? { cookie: session.cookie } : {},
      redirect: "manual",
      signal: AbortSignal.timeout(30_000),
    });
    await response.arrayBuffer();
    return response.status;
  };
  const save = async () => {
    const report =
      reports.find((candidate) => !candidate.busy && Math.random() < 0.5) ?? reports.find((r) => !r.busy);
    if (!report) throw new Error("No report free.");
    report.busy = true;
    try {
      const text = `soak ${new Date().toISOString()} ${Math.random().toString(36).slice(2)}`;
      const answer = await autosave(admin, actionId, report.id, report.version, { difficulties: text });
      if (answer.status === "success" && answer.version) report.version = answer.version;
      else if (answer.http === 200) throw new Error(`save refused: ${answer.message}`);
      return answer.http;
    } finally {
      report.busy = false;
    }
  };
  // The mix, by weight: mostly anonymous reading, a steady share of saves, a few sign-ins.
  const mix: [number, () => Promise<void>][] = [
    [30, () => timed("directory", get(`/centres?q=${pick(words)}${Math.random() < 0.3 ? "&page=2" : ""}`))],
    [15, () => timed("centre page", get(`/centres/${pick(references)}`))],
    [
      25,
      () =>
        timed(
          "api",
          Math.random() < 0.5
            ? get(`/api/v1/centres?limit=20&q=${pick(words)}`)
            : get(`/api/v1/centres/${pick(references)}`),
        ),
    ],
    [3, () => timed("sign-in", async () => (await signIn(base, pick(accounts), DEMO_PASSWORD), 303))],
    [
      7,
      () =>
        timed("signed-in page", get(pick(["/my-work", "/dashboard", `/reports/${pick(reports).id}`]), admin)),
    ],
    // Every report's previous save still waiting: this one reads the directory instead.
    [
      20,
      () =>
        reports.some((report) => !report.busy)
          ? timed("save", save)
          : timed("directory", get(`/centres?q=${pick(words)}`)),
    ],
  ];
  const total = mix.reduce((sum, [weight]) => sum + weight, 0);
  const launch = () => {
    if (inFlight >= maxInFlight) return void (notSent += 1);
    let draw = Math.random() * total;
    const [, send] = mix.find(([weight]) => (draw -= weight) < 0) ?? mix[0]!;
    inFlight += 1;
    void send().finally(() => (inFlight -= 1));
  };

  const durationMs = minutes * 60_000;
  const warmUpMs = Math.min(30_000, durationMs / 5);
  const samples: { at: number; mb: number; heap: number }[] = [
    { at: 0, mb: rssMb(pid), heap: await heapMb() },
  ];
  const started = Date.now();
  let rssAfterWarmUp = 0;
  const sampler = setInterval(() => {
    const at = Date.now() - started;
    void heapMb().then((heap) => {
      samples.push({ at, mb: rssMb(pid), heap });
      console.log(
        `  ${Math.round(at / 1000)} s: ${results.length} answers, RSS ${samples.at(-1)!.mb} MB, heap ${heap} MB`,
      );
    });
  }, 30_000);
  const warmUp = setTimeout(() => (rssAfterWarmUp = rssMb(pid)), warmUpMs);
  // Steady: each tick launches the requests due by then.
  let launched = 0;
  await new Promise<void>((resolve) => {
    const tick = setInterval(() => {
      const elapsed = Date.now() - started;
      if (elapsed >= durationMs) {
        clearInterval(tick);
        resolve();
        return;
      }
      while (launched < (elapsed / 1000) * rate) {
        launched += 1;
        launch();
      }
    }, 10);
  });
  while (inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 100));
  clearInterval(sampler);
  clearTimeout(warmUp);
  const rssEnd = rssMb(pid);
  const heapEnd = await heapMb();
  await server.stop();

  const serverErrors = results.filter((result) => typeof result.status === "number" && result.status >= 500);
  const unanswered = results.filter((result) => result.status === "no answer");
  const line = (label: string, list: Result[]) => {
    const ms = list.map((result) => result.ms).sort((a, b) => a - b);
    const statuses = new Map<string, number>();
    for (const result of list)
      statuses.set(String(result.status), (statuses.get(String(result.status)) ?? 0) + 1);
    return (
      `${label.padEnd(16)} ${String(list.length).padStart(7)}  p50 ${Math.round(percentile(ms, 50))
        .toString()
        .padStart(5)} ms  p95 ${Math.round(percentile(ms, 95)).toString().padStart(5)} ms  ` +
      [...statuses].map(([status, count]) => `${status}×${count}`).join(" ")
    );
  };
  console.log(
    `\nsoak: ${minutes} min, ${rate} requests/s planned, ${launched} launched, ${notSent} not sent (over ${maxInFlight} in flight)`,
  );
  for (const kind of ["directory", "centre page", "api", "sign-in", "signed-in page", "save"] as Kind[])
    console.log(
      line(
        kind,
        results.filter((result) => result.kind === kind),
      ),
    );
  console.log(line("all", results));
  console.log(`5xx: ${serverErrors.length}; no answer: ${unanswered.length}`);
  console.log(
    `server RSS (VmRSS of pid ${pid}): ${samples[0]!.mb} MB when ready, ${rssAfterWarmUp || "—"} MB after the ${Math.round(
      warmUpMs / 1000,
    )} s warm-up, ${rssEnd} MB at the end; max ${Math.max(...samples.map((sample) => sample.mb), rssEnd)} MB`,
  );
  console.log(
    `server V8 heap in use: ${samples[0]!.heap} MB when ready, ${heapEnd} MB at the end\n` +
      `samples (s: RSS/heap MB): ${samples.map((sample) => `${Math.round(sample.at / 1000)}: ${sample.mb}/${sample.heap}`).join(", ")}`,
  );
  process.exit(serverErrors.length || unanswered.length ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
