import { defineConfig, devices } from "@playwright/test";

import { chromiumExecutable } from "./scripts/lib/chromium-path";

// End-to-end journeys against a production build served by `npm start` on
// its own port, with its own database (scripts/test.ts prepares it and passes
// E2E_* variables). The browser: scripts/lib/chromium-path.ts.
const port = Number(process.env.E2E_PORT ?? 3100);
const chromium = chromiumExecutable();

export default defineConfig({
  testDir: "e2e",
  // `npm test` (scripts/test.ts) names the files each of its runs takes:
  // per kind of database, split over several runs with their own servers and
  // databases (scripts/lib/e2e-shards.ts).
  outputDir: process.env.E2E_OUTPUT_DIR ?? "test-results",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : "list",
  use: {
    baseURL: `http://localhost:${port}`,
    // A journey that fails is run again (CI) with a trace of DOM snapshots;
    // recording every passing journey cost about a second each on a busy
    // machine, and the screencast more CPU than it tells.
    trace: { mode: "on-first-retry", snapshots: true, screenshots: false },
    screenshot: "only-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: {
      executablePath: chromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    command: "npx tsx scripts/start.ts",
    url: `http://localhost:${port}/`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(port),
      HOSTNAME: "localhost",
      NEXT_TELEMETRY_DISABLED: "1",
      // A request log line per page load buried the journeys' own output;
      // warnings and errors still show (E2E_LOG_LEVEL=info brings them back).
      LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? "warn",
      ...(process.env.E2E_DATABASE_URL
        ? { DATABASE_URL: process.env.E2E_DATABASE_URL, DEMO_MODE: "true" }
        : {}),
      EMBEDDED_DB_DIR: process.env.E2E_EMBEDDED_DB_DIR ?? "data/e2e-pglite",
      EMBEDDED_DB_PORT: process.env.E2E_EMBEDDED_DB_PORT ?? "54339",
    },
  },
});
