// Runs under `node --conditions=react-server --import tsx` (the app's server
// modules are "server-only"). Times the server-side search functions and the
// very same SQL statements sent through a plain pg pool, and prints JSON.
import pg from "pg";

import { encodeCursor } from "../src/domain/directory/cursor";
import {
  pageSize,
  parseApiSearch,
  parsePageSearch,
  toParamsRecord,
} from "../src/domain/directory/search-params";
import type { Prisma } from "../src/generated/prisma/client";
import { hydratedPageSql } from "../src/server/queries/directory-centres";
import { facetsSql } from "../src/server/queries/directory-facets";
import {
  resolveSearch,
  versionAndCorrectionsSql,
  type ResolvedSearch,
} from "../src/server/queries/directory-resolve";
import {
  cursorFingerprint,
  pageAndCountsSql,
  pageIdsSql,
  searchDirectoryAfter,
  searchDirectoryPage,
} from "../src/server/queries/directory-search";
import { vocabularySql } from "../src/server/queries/directory-vocabulary";
import { searchWords } from "../src/domain/directory/search-params";

import { percentile } from "./percentiles";

const iterations = Number(process.env.BENCH_ITERATIONS ?? 40);
const warmup = 5;

type Scenario = { name: string; query: string; deep?: boolean };

const scenarios: Scenario[] = [
  { name: "keyword (telemedicine)", query: "q=telemedicine" },
  { name: "keyword + 2 facets (health, EURO, Nursing)", query: "q=health&region=EURO&subject=Nursing" },
  { name: "facets only (EURO, Nursing)", query: "region=EURO&subject=Nursing" },
  // Two values of one facet: the region counts come from the search without the region filter.
  { name: "keyword + 2 regions (health, EURO, AFRO)", query: "q=health&region=AFRO&region=EURO" },
  { name: "one facet (EURO)", query: "region=EURO" },
  { name: "no filter (landing page)", query: "" },
  { name: "deep page (API cursor, row ~50%)", query: "sort=reference", deep: true },
];

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const run = (sql: Prisma.Sql) =>
  pool.query({ text: sql.text, values: sql.values as unknown[] }).then((r) => r.rows);

async function deepCursor(resolved: ResolvedSearch): Promise<string> {
  const rows = await run(
    pageIdsSql(resolved, { limit: 1, offset: Math.floor((await matchCount(resolved)) / 2) }),
  );
  const row = rows[0] as { id: number; key: string };
  return encodeCursor(
    { sort: resolved.sort, key: row.key, id: row.id },
    cursorFingerprint(resolved.search, resolved.sort),
  );
}

async function matchCount(resolved: ResolvedSearch): Promise<number> {
  const rows = (await run(facetsSql(resolved))) as { facet: string; count: number }[];
  return rows.filter((row) => row.facet === "status").reduce((sum, row) => sum + Number(row.count), 0);
}

async function time(fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  return samples;
}

async function main() {
  const results = [];
  for (const scenario of scenarios) {
    const record = toParamsRecord(new URLSearchParams(scenario.query).entries());
    const parsed = scenario.deep ? parseApiSearch(record) : parsePageSearch(record);
    if (!parsed.ok) throw new Error(parsed.errors.join("; "));
    const resolvedResult = await resolveSearch(parsed.value);
    if (!resolvedResult.ok) throw new Error(resolvedResult.errors.join("; "));
    const resolved = resolvedResult.value;
    const cursor = scenario.deep ? await deepCursor(resolved) : undefined;
    const words = searchWords(parsed.value.q);

    // The app's path: parse → resolve (vocabulary + spelling) → page + facets → rows.
    const appSearch = async () => {
      const again = await resolveSearch(parsed.value);
      if (!again.ok) throw new Error("resolve");
      if (scenario.deep)
        await searchDirectoryAfter(again.value, { cursor, limit: pageSize, withFacets: false });
      else await searchDirectoryPage(again.value, { page: 1, pageSize });
    };
    const app = await time(appSearch);
    // The same without the facet-count cache: what the first visitor after a change waits.
    process.env.DIRECTORY_FACET_CACHE = "off";
    const cold = await time(appSearch);
    delete process.env.DIRECTORY_FACET_CACHE;

    // The same statements, same parallelism, straight through pg.
    const after = scenario.deep
      ? (() => {
          const payload = JSON.parse(Buffer.from(cursor!, "base64url").toString()) as {
            k: string;
            i: number;
          };
          return { sort: resolved.sort, key: payload.k, id: payload.i };
        })()
      : undefined;
    // The app's statements without its caches: version and spelling, the
    // vocabulary, then the page (with its rows) and the facet counts at once.
    const raw = await time(async () => {
      await run(versionAndCorrectionsSql(words));
      await run(vocabularySql);
      // A keyword search reads page and counts in one statement (see pageAndFacets).
      if (resolved.tsQuery && !scenario.deep) {
        await run(pageAndCountsSql(resolved, { limit: pageSize, offset: 0 }));
        return;
      }
      await Promise.all([
        run(
          hydratedPageSql(
            pageIdsSql(resolved, after ? { limit: pageSize + 1, after } : { limit: pageSize, offset: 0 }),
            resolved.sort === "relevance",
          ),
        ),
        scenario.deep ? Promise.resolve([]) : run(facetsSql(resolved)),
      ]);
    });

    results.push({
      name: scenario.name,
      matches: await matchCount(resolved),
      appP50: percentile(app, 50),
      appP95: percentile(app, 95),
      coldP50: percentile(cold, 50),
      coldP95: percentile(cold, 95),
      rawP50: percentile(raw, 50),
      rawP95: percentile(raw, 95),
    });
  }
  process.stdout.write(`RESULT ${JSON.stringify(results)}\n`);
  await pool.end();
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
