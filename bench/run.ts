// `npm run bench`: for 1,000, 10,000 and 100,000 centres in a fresh database,
// p50/p95 of the server-side search next to the same SQL through pg, and the
// search page's throughput next to a static route. Prints figures; asserts none.
// BENCH_DATABASE_URL / TEST_DATABASE_URL name the server (default: local
// PostgreSQL); the database `registry_bench` (BENCH_DATABASE_NAME) on it is
// dropped and recreated.
import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";

import { databaseUrl, freshDatabase } from "../scripts/lib/fresh-database";

import { existingCentres, generateCentres } from "./generate";
import { measureThroughput } from "./throughput";

const root = path.resolve(import.meta.dirname, "..");
const adminUrl =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  "postgresql://postgres@127.0.0.1:5432/postgres";
const sizes = (process.env.BENCH_SIZES ?? "1000,10000,100000").split(",").map(Number);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const port = Number(process.env.BENCH_PORT ?? 3990);
const searchPath = process.env.BENCH_SEARCH_PATH ?? "/centres?q=health&region=EURO";
// Generating 100,000 centres takes minutes: BENCH_DATABASE_NAME keeps one
// size's database apart from another run's (with BENCH_REUSE=1 to measure it again).
const databaseName = process.env.BENCH_DATABASE_NAME ?? "registry_bench";
const only = process.env.BENCH_ONLY;

type SearchResult = {
  name: string;
  matches: number;
  appP50: number;
  appP95: number;
  coldP50: number;
  coldP95: number;
  rawP50: number;
  rawP95: number;
};

function measureSearch(databaseUrl: string): Promise<SearchResult[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", path.join(root, "bench/measure-search.ts")],
      { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: ["ignore", "pipe", "inherit"] },
    );
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill("SIGTERM"), 10 * 60_000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      const line = output.split("\n").find((text) => text.startsWith("RESULT "));
      if (code !== 0 || !line) return reject(new Error(`search measurement failed (exit ${code})`));
      resolve(JSON.parse(line.slice("RESULT ".length)) as SearchResult[]);
    });
  });
}

const ms = (value: number) => value.toFixed(1).padStart(7);

async function main() {
  const lines: string[] = [];
  const print = (text: string) => {
    lines.push(text);
    console.log(text);
  };
  for (const size of sizes) {
    // BENCH_REUSE=1 measures the database a previous run left (one size only).
    const url =
      process.env.BENCH_REUSE === "1"
        ? databaseUrl(adminUrl, databaseName)
        : await freshDatabase(adminUrl, databaseName);
    const generated =
      process.env.BENCH_REUSE === "1" ? await existingCentres(url) : await generateCentres(url, size);
    print(
      `\n## ${generated.centres.toLocaleString("en")} centres (generated in ${generated.seconds.toFixed(0)} s)`,
    );
    print(
      "| search | matches | app p50 ms | app p95 ms | app, no caches p50 / p95 ms | raw SQL via pg p50 / p95 ms | no-cache app/raw p95 |",
    );
    print("|---|---:|---:|---:|---:|---:|---:|");
    // BENCH_ONLY=throughput or =search measures one half (e.g. again when the machine is quieter).
    for (const result of only === "throughput" ? [] : await measureSearch(url)) {
      print(
        `| ${result.name} | ${result.matches.toLocaleString("en")} | ${ms(result.appP50)} | ${ms(result.appP95)} | ${ms(result.coldP50)} / ${ms(result.coldP95)} | ${ms(result.rawP50)} / ${ms(result.rawP95)} | ${(result.coldP95 / result.rawP95).toFixed(2)} |`,
      );
    }
    const load = only === "search" ? null : await measureThroughput(url, { port, seconds, searchPath });
    if (only === "search") {
      print("(throughput not measured: BENCH_ONLY=search)");
    } else if (!load) {
      print(
        `(throughput skipped: no production build in ${process.env.BENCH_NEXT_DIST_DIR ?? ".next"}; run \`npm run build\`)`,
      );
    } else {
      const ratio = (load: { requestsPerSecond: number }, base: { requestsPerSecond: number }) =>
        `${((100 * load.requestsPerSecond) / base.requestsPerSecond).toFixed(0)} %`;
      for (const run of [load.search, load.searchUncached, load.distinct]) {
        print(
          `| throughput | ${run.path}: ${run.requestsPerSecond.toFixed(0)} req/s (p99 ${run.p99Ms} ms, non-2xx ${run.non2xx}) | static ${load.static.path}: ${load.static.requestsPerSecond.toFixed(0)} req/s | ratio ${ratio(run, load.static)} |`,
        );
      }
    }
    print(
      `(load average during this size: ${os
        .loadavg()
        .map((value) => value.toFixed(2))
        .join(", ")})`,
    );
  }
  console.log(
    "\nTargets: p95 ≤ 25 ms at 100,000 centres; search page ≥ 50 % of the static route's requests per second.",
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
