// `npm test`: the whole suite in order — lint, format, types, unit,
// integration, build, end-to-end — then one summary line
// ("summary: N passed, N failed"). A run that executes no test fails.
//
// Integration tests always run on PGlite and also on PostgreSQL when
// TEST_DATABASE_URL is set; the end-to-end journeys likewise run against a
// fresh embedded database and, with TEST_DATABASE_URL, a fresh PostgreSQL one.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import pg from "pg";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name: string) => path.join(root, "node_modules/.bin", name);
const reports = mkdtempSync(path.join(os.tmpdir(), "registry-test-"));

type Outcome = { step: string; passed: number; failed: number; skipped: number; ok: boolean };
const outcomes: Outcome[] = [];

function run(step: string, command: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n━━ ${step} ━━ ${path.basename(command)} ${args.join(" ")}`);
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
  });
  return result.status === 0;
}

/** A step that is one check (lint, types, build). */
function check(step: string, command: string, args: string[]) {
  const ok = run(step, command, args);
  outcomes.push({ step, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0, ok });
}

function vitest(project: "unit" | "integration") {
  const output = path.join(reports, `${project}.json`);
  const ok = run(`${project} tests`, bin("vitest"), [
    "run",
    "--project",
    project,
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${output}`,
  ]);
  const counts = { passed: 0, failed: 0, skipped: 0 };
  if (existsSync(output)) {
    const report = JSON.parse(readFileSync(output, "utf8")) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
      numTodoTests: number;
    };
    counts.passed = report.numPassedTests;
    counts.failed = report.numFailedTests;
    counts.skipped = report.numPendingTests + report.numTodoTests;
  }
  outcomes.push({ step: `${project} tests`, ...counts, failed: counts.failed || (ok ? 0 : 1), ok });
}

function playwright(label: string, env: Record<string, string>) {
  const output = path.join(reports, `e2e-${label}.json`);
  const ok = run(`end-to-end (${label})`, bin("playwright"), ["test"], {
    ...env,
    PLAYWRIGHT_JSON_OUTPUT_NAME: output,
  });
  const counts = { passed: 0, failed: 0, skipped: 0 };
  if (existsSync(output)) {
    const report = JSON.parse(readFileSync(output, "utf8")) as {
      stats: { expected: number; unexpected: number; flaky: number; skipped: number };
    };
    counts.passed = report.stats.expected + report.stats.flaky;
    counts.failed = report.stats.unexpected;
    counts.skipped = report.stats.skipped;
  }
  outcomes.push({ step: `end-to-end (${label})`, ...counts, failed: counts.failed || (ok ? 0 : 1), ok });
}

/** A fresh, empty PostgreSQL database beside TEST_DATABASE_URL's, for the e2e server. */
async function freshPostgresDatabase(baseUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function main() {
  const started = Date.now();
  check("lint", bin("eslint"), [".", "--max-warnings", "0"]);
  check("format", bin("prettier"), ["--check", "."]);
  check("types", bin("tsc"), ["--noEmit"]);
  vitest("unit");
  vitest("integration");
  check("build", bin("next"), ["build"]);

  if (outcomes.find((o) => o.step === "build")?.ok) {
    const embeddedDir = path.join("data", "e2e-pglite");
    rmSync(path.join(root, embeddedDir), { recursive: true, force: true });
    playwright("PGlite", {
      E2E_EMBEDDED_DB_DIR: embeddedDir,
      E2E_PORT: "3100",
      E2E_EMBEDDED_DB_PORT: "54339",
    });
    const testDatabaseUrl = process.env.TEST_DATABASE_URL;
    if (testDatabaseUrl) {
      const url = await freshPostgresDatabase(testDatabaseUrl, "registry_e2e");
      playwright("PostgreSQL", { E2E_DATABASE_URL: url, E2E_PORT: "3101" });
    }
  } else {
    outcomes.push({ step: "end-to-end", passed: 0, failed: 1, skipped: 0, ok: false });
  }

  const total = outcomes.reduce(
    (sum, o) => ({
      passed: sum.passed + o.passed,
      failed: sum.failed + o.failed,
      skipped: sum.skipped + o.skipped,
    }),
    { passed: 0, failed: 0, skipped: 0 },
  );
  console.log("\n━━ results ━━");
  for (const o of outcomes) {
    console.log(
      `${o.ok ? "✓" : "✗"} ${o.step.padEnd(26)} ${o.passed} passed, ${o.failed} failed, ${o.skipped} skipped`,
    );
  }
  console.log(`time: ${Math.round((Date.now() - started) / 1000)} s`);
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
