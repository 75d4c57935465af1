import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";

import autocannon from "autocannon";
import pg from "pg";

import { startProductionServer, type ProductionServer } from "../scripts/lib/production-server";

const root = path.resolve(import.meta.dirname, "..");

export type Throughput = { path: string; requestsPerSecond: number; non2xx: number; p99Ms: number };

function cannon(url: string, seconds: number, paths?: string[]): Promise<Throughput> {
  let next = 0;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        connections: 10,
        duration: seconds,
        // Every request a different search, so no cache of the app can answer it.
        ...(paths
          ? {
              requests: [{ setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] }) }],
            }
          : {}),
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({
          path: paths
            ? `${paths.length.toLocaleString("en")} distinct searches`
            : new URL(url).pathname + new URL(url).search,
          requestsPerSecond: result.requests.average,
          non2xx: result.non2xx,
          p99Ms: result.latency.p99,
        });
      },
    );
  });
}

/** Distinct keyword searches (words of the word list, each with a region) nobody has run yet. */
async function distinctSearches(databaseUrl: string, count: number): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ word: string }>(
      `SELECT word FROM "SearchWord" WHERE word ~ '^[a-z]{5,}$' ORDER BY md5(word) LIMIT $1`,
      [count],
    );
    const regions = ["AFRO", "AMRO", "SEARO", "EURO", "EMRO", "WPRO"];
    return rows.map((row, index) => `/centres?q=${row.word}&region=${regions[index % regions.length]}`);
  } finally {
    await client.end();
  }
}

type Runs = { search: Throughput; searchUncached: Throughput; distinct: Throughput; static: Throughput };

/** Starts the production server (scripts/serve.ts) and waits until the search page answers quickly. */
async function startServer(
  databaseUrl: string,
  { port, searchPath, pageCache }: { port: number; searchPath: string; pageCache: boolean },
): Promise<ProductionServer> {
  const server = await startProductionServer({
    port,
    echo: true,
    env: {
      NEXT_DIST_DIR: process.env.BENCH_NEXT_DIST_DIR ?? ".next",
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_SIZE: "10",
      AUTH_SECRET: randomBytes(33).toString("base64"),
      APP_URL: `http://127.0.0.1:${port}`,
      JOBS: "off",
      PAGE_CACHE: pageCache ? "on" : "off",
    },
  });
  // Warm the routes (module loading, JIT, connection pool, caches) before
  // measuring: the first renders of a fresh server take seconds on a busy machine.
  for (const deadline = Date.now() + 30_000; Date.now() < deadline;) {
    const started = performance.now();
    await fetch(`${server.base}${searchPath}`).then((response) => response.arrayBuffer());
    if (performance.now() - started < 500) break;
  }
  return server;
}

/**
 * Serves the production build (BENCH_NEXT_DIST_DIR, default .next) through
 * the production server on a loopback port against the benchmark database and
 * loads, in turn: one search page repeated (what a popular search or shared
 * link sees: answered by the anonymous page cache), the same with the page
 * cache off (every request rendered; the per-instance query caches still
 * answer), distinct searches (every request new: nothing cached can answer)
 * and a static route. Returns null when there is no build.
 */
export async function measureThroughput(
  databaseUrl: string,
  { port, seconds, searchPath }: { port: number; seconds: number; searchPath: string },
): Promise<Runs | null> {
  const distDir = process.env.BENCH_NEXT_DIST_DIR ?? ".next";
  if (!existsSync(path.join(root, distDir, "BUILD_ID"))) return null;
  const base = `http://127.0.0.1:${port}`;
  let server = await startServer(databaseUrl, { port, searchPath, pageCache: false });
  try {
    await cannon(`${base}${searchPath}`, 2);
    const searchUncached = await cannon(`${base}${searchPath}`, seconds);
    await server.stop();
    server = await startServer(databaseUrl, { port, searchPath, pageCache: true });
    await cannon(`${base}${searchPath}`, 2);
    const search = await cannon(`${base}${searchPath}`, seconds);
    const distinct = await cannon(base, seconds, await distinctSearches(databaseUrl, 5000));
    await cannon(`${base}/api/v1/openapi.json`, 2);
    const staticRoute = await cannon(`${base}/api/v1/openapi.json`, seconds);
    return {
      search: { ...search, path: `${search.path} (page cache)` },
      searchUncached: { ...searchUncached, path: `${searchUncached.path} (PAGE_CACHE=off)` },
      distinct,
      static: staticRoute,
    };
  } finally {
    await server.stop();
  }
}
