import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";

import autocannon from "autocannon";

const root = path.resolve(import.meta.dirname, "..");

export type Throughput = { path: string; requestsPerSecond: number; non2xx: number; p99Ms: number };

async function waitFor(url: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`The app did not answer at ${url} in time.`);
}

function cannon(url: string, seconds: number): Promise<Throughput> {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: 10, duration: seconds }, (error, result) => {
      if (error) return reject(error);
      resolve({
        path: new URL(url).pathname + new URL(url).search,
        requestsPerSecond: result.requests.average,
        non2xx: result.non2xx,
        p99Ms: result.latency.p99,
      });
    });
  });
}

/**
 * Serves the production build (BENCH_NEXT_DIST_DIR, default .next) on a
 * loopback port against the benchmark database and loads the search page and a
 * static route in turn. Returns null when there is no build.
 */
export async function measureThroughput(
  databaseUrl: string,
  { port, seconds, searchPath }: { port: number; seconds: number; searchPath: string },
): Promise<{ search: Throughput; static: Throughput } | null> {
  const distDir = process.env.BENCH_NEXT_DIST_DIR ?? ".next";
  if (!existsSync(path.join(root, distDir, "BUILD_ID"))) return null;
  const server: ChildProcess = spawn(
    process.execPath,
    [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      cwd: root,
      stdio: ["ignore", "ignore", "inherit"],
      env: {
        ...process.env,
        NEXT_DIST_DIR: distDir,
        DATABASE_URL: databaseUrl,
        DATABASE_POOL_SIZE: "10",
        AUTH_SECRET: randomBytes(33).toString("base64"),
        APP_URL: `http://127.0.0.1:${port}`,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
      },
    },
  );
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/api/v1/openapi.json`, Date.now() + 60_000);
    // Warm both routes (JIT, connection pool, caches) before measuring.
    await cannon(`${base}${searchPath}`, 2);
    const search = await cannon(`${base}${searchPath}`, seconds);
    await cannon(`${base}/api/v1/openapi.json`, 2);
    const staticRoute = await cannon(`${base}/api/v1/openapi.json`, seconds);
    return { search, static: staticRoute };
  } finally {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
  }
}
