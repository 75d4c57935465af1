// `npm run bench:pages`: for each public page of a running production server
// (BENCH_PAGES_URL, default http://localhost:3000, e.g. `npm start`), the
// bytes a first visit transfers (HTML, and the JavaScript and CSS it loads,
// gzipped as served) and, when Lighthouse can be run, its mobile performance
// score: the median of LIGHTHOUSE_RUNS (default 3) runs with Lighthouse's
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

async function lighthouseScore(page: string, folder: string): Promise<number | null> {
  const scores: number[] = [];
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
      };
      scores.push(Math.round(report.categories.performance.score * 100));
    } catch (error) {
      console.error(
        `(Lighthouse could not run: ${error instanceof Error ? error.message.split("\n")[0] : error})`,
      );
      return null;
    }
  }
  scores.sort((a, b) => a - b);
  return scores[Math.floor(scores.length / 2)] ?? null;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function main() {
  console.log(`Public pages of ${base} (transferred, gzipped as served)`);
  console.log(
    `| page | HTML | HTML unzipped | JavaScript (files) | CSS |${lighthouseOn ? ` Lighthouse mobile (median of ${runs}) |` : ""}`,
  );
  console.log(`|---|---:|---:|---:|---:|${lighthouseOn ? "---:|" : ""}`);
  const folder = await mkdtemp(path.join(os.tmpdir(), "bench-pages-"));
  let lighthouse = lighthouseOn;
  try {
    for (const page of pages) {
      const weight = await weigh(page);
      const score = lighthouse ? await lighthouseScore(page, folder) : null;
      if (lighthouse && score === null) lighthouse = false;
      console.log(
        `| ${page} | ${kb(weight.html)} | ${kb(weight.htmlRaw)} | ${kb(weight.js)} (${weight.scripts}) | ${kb(weight.css)} |${
          lighthouseOn ? ` ${score ?? "–"} |` : ""
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
