// `npm test`: the whole suite — lint, format, schema format, types, unit,
// integration, build, end-to-end — then a table of each step's result, wall
// time and CPU time, the total time and one summary line
// ("summary: N passed, N failed"). A run that executes no test fails.
//
// Integration tests always run on PGlite and also on PostgreSQL when
// TEST_DATABASE_URL is set; the end-to-end journeys likewise run against an
// embedded database and, with TEST_DATABASE_URL, a PostgreSQL one. All start
// from the run's templates, migrated and seeded once per kind of database.
//
// Three lanes run side by side (docs/decisions/0021-fast-test-suite.md) once
// the templates are under way: the static checks and unit tests (all at
// once); the
// integration tests; the build and then the journeys, each kind of
// database's split over E2E_SHARDS (2) Playwright runs at once, each against
// its own server and database on the one build (scripts/lib/e2e-shards.ts).
// The tests with the tightest time limits get the CPU first (see
// `niceness`). Each step's output is printed as a block when it ends.
//
// E2E_PORT (3100; the runs take it and the next ports, one each),
// E2E_EMBEDDED_DB_PORT (54339, and the next per further run),
// E2E_EMBEDDED_DB_DIR (data/e2e-pglite, "-1", "-2" per run), E2E_DATABASE_NAME
// (registry_e2e, "_1", "_2" per run) and NEXT_DIST_DIR let two `npm test`s
// share a machine.
import { spawn } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { startPgliteServer } from "../src/server/db/pglite-server";
import {
  buildTemplates,
  TEMPLATES_ENV,
  type Built,
  type TestTemplates,
} from "../tests/support/test-templates";
import { shardJourneys } from "./lib/e2e-shards";
import { freshDatabase } from "./lib/fresh-database";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name: string) => path.join(root, "node_modules/.bin", name);
const withCpuTime = path.join(root, "scripts/lib/with-cpu-time.mjs");
const reports = mkdtempSync(path.join(os.tmpdir(), "registry-test-"));

type Counts = { passed: number; failed: number; skipped: number };
type Outcome = Counts & { step: string; ok: boolean; wallSeconds: number; cpuSeconds?: number };

/** How many Playwright runs share each kind of database's journeys (scripts/lib/e2e-shards.ts). */
const e2eShards = Math.max(1, Number(process.env.E2E_SHARDS ?? 2));
type Kind = "PGlite" | "PostgreSQL";
const e2eStep = (kind: Kind, shard: number) =>
  e2eShards === 1 ? `end-to-end (${kind})` : `end-to-end (${kind}) ${shard + 1}/${e2eShards}`;
const shardIndexes = Array.from({ length: e2eShards }, (_, shard) => shard);

/** The results table's rows, in this order whatever order the steps end in. */
const steps = [
  "database templates",
  "lint",
  "format",
  "schema format",
  "types",
  "unit tests",
  "integration tests",
  "build",
  ...shardIndexes.map((shard) => e2eStep("PGlite", shard)),
  ...shardIndexes.map((shard) => e2eStep("PostgreSQL", shard)),
];
const outcomes = new Map<string, Outcome>();
/**
 * Each failed or flaky test by name, printed again under the
 * results table: a step's output can be thousands of lines long, and a CI
 * log that keeps only its end must still say which test failed.
 */
const failures: string[] = [];
/**
 * CPU priority (nice) per step. The build goes first with the unit and
 * integration tests (some race transactions or work against 2–5 s limits):
 * every journey waits for it. The journeys wait seconds for the page; the
 * static checks have no clock in them; they share what is left (at nice 10
 * the static checks took 430 s for 70 s of CPU and ended last).
 */
const niceness: Partial<Record<string, number>> = {
  lint: 5,
  format: 5,
  "schema format": 5,
  types: 5,
  ...Object.fromEntries(steps.filter((step) => step.startsWith("end-to-end")).map((step) => [step, 5])),
};

/** Runs one step, its output kept in a file and printed once it ends; true when it exited with 0. */
async function run(
  step: string,
  command: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ ok: boolean; wallSeconds: number; cpuSeconds?: number }> {
  const file = step.replaceAll("/", " of ");
  const log = path.join(reports, `${file}.log`);
  const cpuFile = path.join(reports, `${file}.cpu`);
  const output = openSync(log, "w");
  const started = Date.now();
  console.log(`━━ ${step} ━━ started: ${path.basename(command)} ${args.join(" ")}`);
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, [withCpuTime, command, ...args], {
      cwd: root,
      stdio: ["ignore", output, output],
      env: {
        ...process.env,
        NEXT_TELEMETRY_DISABLED: "1",
        ...env,
        CPU_TIME_FILE: cpuFile,
        ...(niceness[step] ? { STEP_NICE: String(niceness[step]) } : {}),
      },
    });
    child.once("error", () => resolve(null));
    child.once("exit", (exitCode) => resolve(exitCode));
  });
  closeSync(output);
  const wallSeconds = (Date.now() - started) / 1000;
  const cpuSeconds = existsSync(cpuFile) ? Number(readFileSync(cpuFile, "utf8")) : undefined;
  console.log(`\n━━ ${step} ━━ ${path.basename(command)} ${args.join(" ")}`);
  process.stdout.write(readFileSync(log, "utf8"));
  console.log(`━━ ${step} ━━ ended (exit ${code}) after ${Math.round(wallSeconds)} s`);
  return { ok: code === 0, wallSeconds, cpuSeconds };
}

/** A step that is one check (lint, types, build). */
async function check(step: string, command: string, args: string[]): Promise<boolean> {
  const result = await run(step, command, args);
  outcomes.set(step, { step, ...result, passed: result.ok ? 1 : 0, failed: result.ok ? 0 : 1, skipped: 0 });
  return result.ok;
}

/**
 * The migrated and seeded databases every integration test file and both
 * end-to-end servers start from (tests/support/test-templates.ts): migrating
 * and seeding the 821 centres is done once per kind of database, not four
 * times. Built in this process, whose id their names carry, so that nothing
 * takes them for a crashed run's leftovers before this run drops them.
 */
async function databaseTemplates(): Promise<Built | undefined> {
  const step = "database templates";
  const started = Date.now();
  const cpuBefore = process.cpuUsage();
  console.log(`━━ ${step} ━━ started`);
  const built = await buildTemplates().catch((error: unknown) => {
    console.error(error);
    return undefined;
  });
  const cpu = process.cpuUsage(cpuBefore);
  const wallSeconds = (Date.now() - started) / 1000;
  console.log(`━━ ${step} ━━ ended (${built ? "built" : "failed"}) after ${Math.round(wallSeconds)} s`);
  outcomes.set(step, {
    step,
    ok: Boolean(built),
    passed: 0,
    failed: built ? 0 : 1,
    skipped: 0,
    wallSeconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
  });
  return built;
}

/** Vitest projects (vitest.config.ts): the integration tests are two, run as one step. */
async function vitest(
  step: "unit tests" | "integration tests",
  projects: string[],
  env: Record<string, string> = {},
) {
  const output = path.join(reports, `${step}.json`);
  const result = await run(
    step,
    bin("vitest"),
    [
      "run",
      ...projects.flatMap((project) => ["--project", project]),
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${output}`,
    ],
    env,
  );
  const counts: Counts = { passed: 0, failed: 0, skipped: 0 };
  if (existsSync(output)) {
    const report = JSON.parse(readFileSync(output, "utf8")) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
      numTodoTests: number;
      testResults: {
        name: string;
        status: string;
        message?: string;
        assertionResults: { fullName: string; status: string; failureMessages?: string[] }[];
      }[];
    };
    for (const file of report.testResults) {
      const where = path.relative(root, file.name);
      const failed = file.assertionResults.filter((test) => test.status === "failed");
      for (const test of failed)
        failures.push(`${step}: ${where} › ${test.fullName}\n    ${firstLine(test.failureMessages?.[0])}`);
      // Passed on a retry (vitest.config.ts): the first try's error is kept.
      for (const test of file.assertionResults.filter(
        (test) => test.status === "passed" && test.failureMessages?.length,
      ))
        failures.push(
          `${step}: ${where} › ${test.fullName} (flaky: passed on retry)\n    ${firstLine(test.failureMessages?.[0])}`,
        );
      if (file.status === "failed" && failed.length === 0)
        failures.push(`${step}: ${where}\n    ${firstLine(file.message)}`);
    }
    counts.passed = report.numPassedTests;
    counts.failed = report.numFailedTests;
    counts.skipped = report.numPendingTests + report.numTodoTests;
  }
  outcomes.set(step, { step, ...result, ...counts, failed: counts.failed || (result.ok ? 0 : 1) });
}

/** The seeded templates, once built, for the end-to-end runs. */
let seededTemplates: TestTemplates | undefined;

/** One Playwright run: `kind`'s journeys in `files`, the `shard`th of its runs. */
async function playwright(kind: Kind, shard: number, files: string[], env: Record<string, string>) {
  const step = e2eStep(kind, shard);
  const label = e2eShards === 1 ? kind.toLowerCase() : `${kind.toLowerCase()}-${shard + 1}`;
  const output = path.join(reports, `e2e-${label}.json`);
  const result = await run(step, bin("playwright"), ["test", ...files], {
    ...env,
    // The crash drills (e2e/drill-*.spec.ts) copy the seeded templates for databases of their own.
    ...(seededTemplates ? { [TEMPLATES_ENV]: JSON.stringify(seededTemplates) } : {}),
    // Runs at once: each keeps its traces and screenshots apart.
    E2E_OUTPUT_DIR: path.join("test-results", label),
    PLAYWRIGHT_JSON_OUTPUT_NAME: output,
  });
  const counts: Counts = { passed: 0, failed: 0, skipped: 0 };
  if (existsSync(output)) {
    const report = JSON.parse(readFileSync(output, "utf8")) as PlaywrightReport;
    for (const { spec, status } of playwrightSpecs(report.suites ?? []))
      if (status === "unexpected" || status === "flaky")
        failures.push(
          `${step}: ${spec.file}:${spec.line} › ${spec.title}${status === "flaky" ? " (flaky: passed on retry)" : ""}`,
        );
    counts.passed = report.stats.expected + report.stats.flaky;
    counts.failed = report.stats.unexpected;
    counts.skipped = report.stats.skipped;
  }
  outcomes.set(step, { step, ...result, ...counts, failed: counts.failed || (result.ok ? 0 : 1) });
}

type PlaywrightSpec = { title: string; file: string; line: number; tests: { status: string }[] };
type PlaywrightSuite = { specs?: PlaywrightSpec[]; suites?: PlaywrightSuite[] };
type PlaywrightReport = {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  suites?: PlaywrightSuite[];
};

/** Every spec of a Playwright JSON report with its worst test status. */
function* playwrightSpecs(suites: PlaywrightSuite[]): Generator<{ spec: PlaywrightSpec; status: string }> {
  for (const suite of suites) {
    for (const spec of suite.specs ?? []) {
      const statuses = spec.tests.map((test) => test.status);
      const status = ["unexpected", "flaky"].find((worst) => statuses.includes(worst)) ?? "expected";
      yield { spec, status };
    }
    yield* playwrightSpecs(suite.suites ?? []);
  }
}

/** A failure message's first line, without colour codes, for the failures list. */
function firstLine(message: string | undefined): string {
  const plain = (message ?? "").replace(/\u001b\[[0-9;]*m/g, "");
  return (
    plain
      .split("\n")
      .find((line) => line.trim())
      ?.trim()
      .slice(0, 300) ?? "(no message)"
  );
}

/**
 * The static checks side by side, at the journeys' priority: each is one
 * process waiting for spare CPU, so one after the other they took longer
 * than the rest of the suite; the unit tests, with their clocks, beside them.
 */
async function staticChecksAndUnitTests() {
  await Promise.all([
    check("lint", bin("eslint"), [".", "--max-warnings", "0"]),
    check("format", bin("prettier"), ["--check", "."]).then(() =>
      check("schema format", bin("prisma"), ["format", "--check"]),
    ),
    check("types", bin("tsc"), ["--noEmit"]),
    vitest("unit tests", ["unit"]),
  ]);
}

async function integrationTests(templates: Promise<Built | undefined>) {
  const built = await templates;
  if (!built) return notRun("integration tests");
  await vitest("integration tests", ["integration"], {
    [TEMPLATES_ENV]: JSON.stringify(built.templates),
  });
}

async function buildAndEndToEnd(templates: Promise<Built | undefined>) {
  const built = await check("build", bin("next"), ["build"]);
  const seeded = (await templates)?.templates;
  if (!built || !seeded) return steps.filter((step) => step.startsWith("end-to-end")).forEach(notRun);
  seededTemplates = seeded;
  const port = Number(process.env.E2E_PORT ?? 3100);
  const embeddedPort = Number(process.env.E2E_EMBEDDED_DB_PORT ?? 54339);
  const embeddedDir = path.join(root, process.env.E2E_EMBEDDED_DB_DIR ?? path.join("data", "e2e-pglite"));
  const databaseName = process.env.E2E_DATABASE_NAME ?? "registry_e2e";
  const testDatabaseUrl = process.env.TEST_DATABASE_URL;
  const numbered = (name: string, shard: number) => (e2eShards === 1 ? name : `${name}-${shard + 1}`);
  const pgliteFiles = shardJourneys(journeyFiles(testDatabaseUrl ? oneRunOnly.pglite : []), e2eShards);
  const postgresFiles = shardJourneys(journeyFiles(oneRunOnly.postgres), e2eShards);
  await Promise.all([
    ...pgliteFiles.map(async (files, shard) => {
      const dir = numbered(embeddedDir, shard);
      await copyPgliteTemplate(seeded.pglite.seeded, dir);
      await playwright("PGlite", shard, files, {
        E2E_EMBEDDED_DB_DIR: dir,
        E2E_PORT: String(port + shard),
        E2E_EMBEDDED_DB_PORT: String(embeddedPort + shard),
      });
    }),
    ...(testDatabaseUrl ? postgresFiles : []).map(async (files, shard) => {
      const name = numbered(databaseName, shard).replaceAll("-", "_");
      const url = await freshDatabase(testDatabaseUrl!, name, seeded.postgres?.seeded);
      await playwright("PostgreSQL", shard, files, {
        E2E_DATABASE_URL: url,
        E2E_PORT: String(port + e2eShards + shard),
      });
    }),
  ]);
}

/** The journey files (e2e/*.spec.ts) but `leftOut`, as paths from the project's root. */
function journeyFiles(leftOut: string[]): string[] {
  return readdirSync(path.join(root, "e2e"))
    .filter((file) => file.endsWith(".spec.ts") && !leftOut.includes(file))
    .map((file) => `e2e/${file}`);
}

/**
 * With both runs, the journeys that test no more of the database than any
 * other journey run in one of them each, about the same minutes on either
 * side: those that only check markup (axe, layout, the home page, the
 * directory's facets) and those about the HTTP layer (the six languages,
 * malformed input, client addresses and hosts, security headers, middleware
 * bypasses and sign-in throttling, whose races the sign-in integration file
 * runs on both kinds). Both kinds are the same PostgreSQL engine; what
 * differs is the connection layer, which the other journeys, both drills and
 * the integration tests run on each kind. The two-instance journey runs on
 * PostgreSQL, the database several instances share in production. The crash
 * drills: SIGTERM on PostgreSQL, SIGKILL on the embedded database, whose
 * data folder is what it checks. The lists name what each kind leaves out.
 */
const oneRunOnly = {
  pglite: [
    "a11y.spec.ts",
    "two-instances.spec.ts",
    "drill-sigterm.spec.ts",
    "languages.spec.ts",
    "auth-security.spec.ts",
  ],
  postgres: [
    "layout.spec.ts",
    "home.spec.ts",
    "drill-sigkill.spec.ts",
    "malformed-input.spec.ts",
    "client-address-and-hosts.spec.ts",
    "directory-facets.spec.ts",
  ],
};

/** The embedded database's data folder, made from the seeded template's tarball. */
async function copyPgliteTemplate(tarball: string, dataDir: string): Promise<void> {
  rmSync(dataDir, { recursive: true, force: true });
  const server = await startPgliteServer({ dataDir, loadDataDir: new Blob([readFileSync(tarball)]) });
  await server.stop();
}

/** A step that could not run because one it needs failed. */
function notRun(step: string): void {
  outcomes.set(step, { step, ok: false, passed: 0, failed: 1, skipped: 0, wallSeconds: 0 });
}

function printResults(started: number) {
  const seconds = (value: number | undefined) =>
    value === undefined ? "    -" : `${Math.round(value)} s`.padStart(5);
  console.log("\n━━ results ━━");
  console.log(`  ${"step".padEnd(30)} ${"result".padEnd(34)} ${"wall".padStart(5)} ${"cpu".padStart(5)}`);
  for (const step of steps) {
    const o = outcomes.get(step);
    if (!o) continue;
    const counts = `${o.passed} passed, ${o.failed} failed, ${o.skipped} skipped`;
    console.log(
      `${o.ok ? "✓" : "✗"} ${step.padEnd(30)} ${counts.padEnd(34)} ${seconds(o.wallSeconds)} ${seconds(o.cpuSeconds)}`,
    );
  }
  const cpu = [...outcomes.values()].reduce((sum, o) => sum + (o.cpuSeconds ?? 0), 0);
  if (failures.length > 0)
    console.log(`\nfailed or flaky:\n${failures.map((line) => `  ${line}`).join("\n")}\n`);
  console.log(`cpu: ${Math.round(cpu)} s over ${os.availableParallelism()} cores`);
  console.log(`time: ${Math.round((Date.now() - started) / 1000)} s`);
}

async function main() {
  const started = Date.now();
  const templates = databaseTemplates();
  await Promise.all([staticChecksAndUnitTests(), integrationTests(templates), buildAndEndToEnd(templates)]);
  await (await templates)?.drop();

  const total = [...outcomes.values()].reduce(
    (sum, o) => ({
      passed: sum.passed + o.passed,
      failed: sum.failed + o.failed,
      skipped: sum.skipped + o.skipped,
    }),
    { passed: 0, failed: 0, skipped: 0 },
  );
  printResults(started);
  if (total.passed === 0) console.log("No test was executed: that is a failure.");
  console.log(`summary: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  rmSync(reports, { recursive: true, force: true });
  process.exit(total.failed === 0 && total.passed > 0 ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  console.log("summary: 0 passed, 1 failed");
  process.exit(1);
});
