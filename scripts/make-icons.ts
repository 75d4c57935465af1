// Renders the site icon (public/icon.svg) as the PNGs that browsers and the
// web manifest want, with the Chromium the end-to-end tests use: nothing is
// downloaded. Run after changing the SVG and commit the PNGs:
//   npx tsx scripts/make-icons.ts
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import { chromium } from "@playwright/test";

import { chromiumExecutable } from "./lib/chromium-path";

const publicDir = path.resolve(import.meta.dirname, "../public");

// [file, size in pixels, whether the corners are cut]: iOS rounds the
// apple-touch-icon itself, so that one fills the square.
const outputs = [
  ["icon-192.png", 192, true],
  ["icon-512.png", 512, true],
  ["apple-touch-icon.png", 180, false],
] as const;

async function main(): Promise<void> {
  const svg = readFileSync(path.join(publicDir, "icon.svg"), "utf8");
  const browser = await chromium.launch({
    executablePath: chromiumExecutable(),
    args: ["--no-sandbox"],
  });
  try {
    for (const [file, size, rounded] of outputs) {
      const page = await browser.newPage({ viewport: { width: size, height: size } });
      const source = rounded ? svg : svg.replace(/ rx="\d+"/, "");
      await page.setContent(
        `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${source}`,
      );
      writeFileSync(path.join(publicDir, file), await page.screenshot({ omitBackground: true, type: "png" }));
      await page.close();
      console.log(`public/${file}: ${size}×${size}`);
    }
  } finally {
    await browser.close();
  }
}

await main();
