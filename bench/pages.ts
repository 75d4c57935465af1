// `npm run bench:pages`: for each public page of a running production server
// (BENCH_PAGES_URL, default http://localhost:3000, e.g. `npm start`), the
// bytes a first visit transfers (HTML, and the JavaScript and CSS it loads,
// gzipped as served) and, when Lighthouse can be run, its mobile performance
// score, Largest Contentful Paint, Total Blocking Time and Cumulative Layout
// Shift: each the median of LIGHTHOUSE_RUNS (default 3) runs with Lighthouse's
// simulated throttling. Lighthouse is fetched by npx at run time, not a
// dependency; LIGHTHOUSE=off skips it, CHROME_PATH names the browser.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { request } from "node:http";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { gunzipSync } from "node:zlib";

const base = (process.env.BENCH_PAGES_URL ?? "http://localhost:3000").replace(/\/$/, "");
const pages = (process.env.BENCH_PAGES ?? "/,/centres?q=health,/centres/NOR-18,/map,/stats").split(",");
const runs = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const lighthouseOn = process.env.LIGHTHOUSE !== "off";
const chromeFlags =
  "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking";

type Fetched = { status: number; transferred: number; body: string };

/** One GET asking for gzip, counting the bytes on the wire (not decompressed). */
function get(url: string): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { "accept-encoding": "gzip" } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        const raw = Buffer.concat(chunks);
        const gzipped = response.headers["content-encoding"] === "gzip";
        resolve({
          status: response.statusCode ?? 0,
          transferred: raw.length,
          body: (gzipped ? gunzipSync(raw) : raw).toString("utf8"),
        });
      });
      response.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

/** Scripts a modern browser runs (not `nomodule` ones) and style sheets. */
function assets(html: string): { scripts: string[]; styles: string[] } {
  const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)]
    .filter((match) => !/\bnoModule\b|\bnomodule\b/.test(match[0]))
    .map((match) => match[1]!);
  const styles = [...html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]!);
  return { scripts: [...new Set(scripts)], styles: [...new Set(styles)] };
}

async function weigh(page: string) {
  const html = await get(base + page);
  if (html.status !== 200) throw new Error(`${page} answered ${html.status}`);
  const { scripts, styles } = assets(html.body);
  const sum = async (urls: string[]) =>
    (await Promise.all(urls.map((url) => get(new URL(url, base).toString())))).reduce(
      (total, answer) => total + answer.transferred,
      0,
    );
  return {
    htmlRaw: Buffer.byteLength(html.body),
    html: html.transferred,
    js: await sum(scripts),
    scripts: scripts.length,
    css: await sum(styles),
  };
}

type Lighthouse = { score: number; lcp: number; tbt: number; cls: number };

/** The median of each of Lighthouse's figures, taken separately over the runs. */
async function lighthouseRuns(page: string, folder: string): Promise<Lighthouse | null> {
  const results: Lighthouse[] = [];
  for (let run = 0; run < runs; run += 1) {
    const output = path.join(folder, `run-${run}.json`);
    try {
      await promisify(execFile)(
        "npx",
        [
          "--yes",
          "lighthouse@12",
          base + page,
          "--only-categories=performance",
          "--form-factor=mobile",
          "--throttling-method=simulate",
          "--output=json",
          `--output-path=${output}`,
          "--quiet",
          `--chrome-flags=${chromeFlags}`,
        ],
        {
          env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? "/usr/bin/chromium" },
          timeout: 180_000,
        },
      );
      const report = JSON.parse(await readFile(output, "utf8")) as {
        categories: { performance: { score: number } };
        audits: Record<string, { numericValue: number }>;
      };
      const audit = (id: string) => report.audits[id]?.numericValue ?? NaN;
      results.push({
        score: Math.round(report.categories.performance.score * 100),
        lcp: audit("largest-contentful-paint"),
        tbt: audit("total-blocking-time"),
        cls: audit("cumulative-layout-shift"),
      });
    } catch (error) {
      console.error(
        `(Lighthouse could not run: ${error instanceof Error ? error.message.split("\n")[0] : error})`,
      );
      return null;
    }
  }
  if (results.length === 0) return null;
  const median = (key: keyof Lighthouse) => {
    const values = results.map((result) => result[key]).sort((a, b) => a - b);
    return values[Math.floor(values.length / 2)]!;
  };
  return { score: median("score"), lcp: median("lcp"), tbt: median("tbt"), cls: median("cls") };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function main() {
  console.log(`Public pages of ${base} (transferred, gzipped as served)`);
  console.log(
    `| page | HTML | HTML unzipped | JavaScript (files) | CSS |${
      lighthouseOn ? ` Lighthouse mobile, LCP, TBT, CLS (medians of ${runs}) |` : ""
    }`,
  );
  console.log(`|---|---:|---:|---:|---:|${lighthouseOn ? "---:|" : ""}`);
  const folder = await mkdtemp(path.join(os.tmpdir(), "bench-pages-"));
  let lighthouse = lighthouseOn;
  try {
    for (const page of pages) {
      const weight = await weigh(page);
      const measured = lighthouse ? await lighthouseRuns(page, folder) : null;
      if (lighthouse && measured === null) lighthouse = false;
      const figures = measured
        ? `${measured.score}, ${(measured.lcp / 1000).toFixed(2)} s, ${Math.round(measured.tbt)} ms, ${measured.cls.toFixed(3)}`
        : "–";
      console.log(
        `| ${page} | ${kb(weight.html)} | ${kb(weight.htmlRaw)} | ${kb(weight.js)} (${weight.scripts}) | ${kb(weight.css)} |${
          lighthouseOn ? ` ${figures} |` : ""
        }`,
      );
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
