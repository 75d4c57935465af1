import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

import { expect as baseExpect, test, type Page, type TestInfo } from "@playwright/test";

import {
  mapPoint,
  mapWidth,
  projectWorld,
  type WorldTopology,
} from "../src/components/directory/world-projection";
import { signedInPage } from "./auth-helpers";
import { expectNoSeriousA11yViolations } from "./axe";

// Issue #12 item 8 (accessibility and layout) and the map page's weight (item 11).

// The machine runs several builds and journeys at once.
const expect = baseExpect.configure({ timeout: 30_000 });

const phone = { width: 375, height: 812 };
const desktop = { width: 1280, height: 720 };
// Short enough that the page is taller than the window (the footer is pushed
// to the bottom of a taller window), so any empty area shows in its height.
const shortDesktop = { width: 1280, height: 560 };

async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
}

const words = (text: string | null) => (text ?? "").replace(/\s+/g, " ").trim();

test("badges are separate words: a search result's reference and status, a report's state and Overdue", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await page.goto("/centres?q=telemedicine");
  const meta = page.getByRole("list", { name: "Centres found" }).getByRole("listitem").first();
  // textContent is what copying and most screen readers get: no space, one word.
  const first = await meta.evaluate((item) => item.firstElementChild?.textContent ?? "");
  expect(first).toMatch(/^[A-Z]{3}-\d+\s+\S/);

  await page.goto("/centres/NOR-18");
  const badgeRow = page.locator(".status-badge").first().locator("..");
  expect(await badgeRow.evaluate((row) => row.textContent)).toMatch(/Active\s+This centre as JSON/);

  // SOA-14's year-1 report stays unsubmitted and overdue in every journey
  // (NOR-18's is accepted by the annual-report journey; the autosave journey
  // may have turned SOA-14's into a draft).
  const admin = await signedInPage(browser, "admin@registry.example");
  await admin.goto("/dashboard");
  await admin
    .getByTestId("overdue-reports")
    .getByRole("row")
    .filter({ hasText: "SOA-14" })
    .getByRole("link", { name: /Annual report, year 1/ })
    .click();
  await admin.waitForURL(/\/reports\/\d+$/, { timeout: 120_000 });
  const states = admin.getByTestId("report-state").locator("..");
  expect(await states.evaluate((row) => row.textContent)).toMatch(/^\s*(Open|Draft)\s+Overdue\s*$/);
});

test("statistics: every bar shows its value and its whole label, on a phone and on a desktop", async ({
  page,
}, testInfo) => {
  for (const viewport of [phone, desktop]) {
    await page.setViewportSize(viewport);
    await page.goto("/stats");
    for (const title of [
      "Centres by region",
      "Centres by type of activity",
      "Centres by subject (the 20 most common)",
    ]) {
      const section = page.getByRole("region", { name: title });
      // The table alternative holds the figures the chart must show.
      const rows = await section.locator("table tbody tr").evaluateAll((trs) =>
        trs.map((tr) => ({
          label: tr.querySelector("th")?.textContent ?? "",
          value: tr.querySelector("td")?.textContent ?? "",
        })),
      );
      expect(rows.length).toBeGreaterThan(0);
      const bars = section.getByRole("list").getByRole("listitem");
      await expect(bars).toHaveCount(rows.length);
      for (const [index, row] of rows.entries()) {
        const bar = bars.nth(index);
        await expect(bar).toBeVisible();
        const text = words(await bar.innerText());
        expect(text).toContain(row.label);
        expect(text).toContain(row.value);
        expect(text).not.toContain("…");
      }
      // Nothing cut off: no label is wider than the room it is given.
      const clipped = await section
        .getByRole("list")
        .locator("li > *")
        .evaluateAll((cells) => cells.filter((cell) => cell.scrollWidth > cell.clientWidth + 1).length);
      expect(clipped).toBe(0);
    }
    await screenshot(page, testInfo, `stats-${viewport.width}`);
  }
  await expectNoSeriousA11yViolations(page);
});

test("search on a phone: results first, the filters in a closed disclosure that opens without JavaScript; beside the results on a desktop", async ({
  browser,
}, testInfo) => {
  const context = await browser.newContext({ viewport: phone, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/centres?q=health");
  const firstResult = page.getByRole("list", { name: "Centres found" }).getByRole("listitem").first();
  const filters = page.getByRole("complementary", { name: "Filters" });
  const resultBox = (await firstResult.boundingBox())!;
  const filtersBox = (await filters.boundingBox())!;
  expect(resultBox.y).toBeLessThan(filtersBox.y);
  const disclosure = filters.locator("details");
  await expect(disclosure).not.toHaveAttribute("open");
  const europe = page.getByRole("checkbox", { name: /European Region/ });
  await expect(europe).toBeHidden();
  await screenshot(page, testInfo, "centres-375");
  await filters.getByText("Filters").first().click();
  await expect(europe).toBeVisible();
  await screenshot(page, testInfo, "centres-375-filters-open");
  await context.close();

  // axe needs scripts: the same phone layout, filters open, checked with them on.
  const phoneContext = await browser.newContext({ viewport: phone });
  const phonePage = await phoneContext.newPage();
  await phonePage.goto("/centres?q=health");
  await phonePage.getByRole("complementary", { name: "Filters" }).getByText("Filters").first().click();
  await expect(phonePage.getByRole("checkbox", { name: /European Region/ })).toBeVisible();
  await expectNoSeriousA11yViolations(phonePage);
  await phoneContext.close();

  const wide = await browser.newContext({ viewport: desktop });
  const desk = await wide.newPage();
  await desk.goto("/centres?q=health");
  await expect(desk.getByRole("checkbox", { name: /European Region/ })).toBeVisible();
  await expect(desk.getByRole("heading", { name: "Filters" })).toBeVisible();
  const heading = (await desk.locator("#results-heading").boundingBox())!;
  const results = (await desk.getByRole("list", { name: "Centres found" }).boundingBox())!;
  const aside = (await desk.getByRole("complementary", { name: "Filters" }).boundingBox())!;
  // Side by side: the filters' column starts level with the results' heading.
  expect(Math.abs(aside.y - heading.y)).toBeLessThan(40);
  expect(aside.x).toBeGreaterThan(results.x + results.width - 1);
  await screenshot(desk, testInfo, "centres-1280");
  await expectNoSeriousA11yViolations(desk);
  await wide.close();
});

// The map as the page draws it, to find places on it.
const world = projectWorld(
  JSON.parse(
    readFileSync(createRequire(import.meta.url).resolve("world-atlas/countries-110m.json"), "utf8"),
  ) as WorldTopology,
);

// Places along the middle of Norway, where it is narrowest beside Sweden.
const centralNorway: Record<string, [number, number]> = {
  Trondheim: [10.4, 63.43],
  Namsos: [11.5, 64.47],
  Mosjøen: [13.2, 65.84],
  "Mo i Rana": [14.14, 66.31],
};

test("map: clicking the middle of Norway opens Norway's centres, on a desktop and on a phone", async ({
  page,
}) => {
  test.setTimeout(120_000);
  for (const viewport of [desktop, phone]) {
    await page.setViewportSize(viewport);
    for (const [place, [longitude, latitude]] of Object.entries(centralNorway)) {
      await page.goto("/map");
      const svg = page.getByRole("group", { name: /^World map/ });
      const box = (await svg.boundingBox())!;
      // The viewBox fills the box inside the 1 px border.
      const scale = (box.width - 2) / mapWidth;
      const [x, y] = mapPoint(world, longitude, latitude);
      await page.mouse.click(box.x + 1 + x * scale, box.y + 1 + y * scale);
      await expect(page, `${place} at ${viewport.width} px`).toHaveURL(/\/centres\?country=NOR$/);
    }
  }
});

test("map: a country link works from the keyboard", async ({ page }) => {
  await page.goto("/map");
  const norway = page
    .getByRole("group", { name: /^World map/ })
    .getByRole("link", { name: /^Norway: \d+ centres?$/ });
  // A keyboard user (the focus outline is for :focus-visible) on Norway.
  await page.keyboard.press("Tab");
  await norway.focus();
  // The focus outline (globals.css) shows which country Enter opens.
  await expect(norway).toHaveCSS("stroke-width", "1.5px");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/centres\?country=NOR$/);
});

test("map: no large empty area after the map, and its page stays light", async ({
  page,
  request,
}, testInfo) => {
  await page.setViewportSize(shortDesktop);
  await page.goto("/map");
  // The legend under the map (the figure itself stretches to its grid row).
  const legend = page.locator("figure figcaption").first();
  const { bottom, pageHeight, footer } = await legend.evaluate((element) => ({
    bottom: element.getBoundingClientRect().bottom + window.scrollY,
    pageHeight: document.documentElement.scrollHeight,
    footer: document.querySelector("body > footer")!.getBoundingClientRect().height,
  }));
  // After the map and its legend come only the main area's padding and the footer.
  expect(pageHeight - bottom - footer).toBeLessThan(64);
  // The country table beside the map is as tall as the map and scrolls.
  const table = page.getByRole("region", { name: "Centres by country" }).last();
  const tableBox = (await table.boundingBox())!;
  expect(tableBox.y + tableBox.height).toBeLessThanOrEqual(bottom + 1);
  await screenshot(page, testInfo, "map-1280");
  await page.setViewportSize(phone);
  await page.goto("/map");
  await screenshot(page, testInfo, "map-375");
  await expectNoSeriousA11yViolations(page);

  // 465 KB before (paths to 3 decimals, Antarctica, attributes on every path).
  const html = await (await request.get("/map")).text();
  expect(Buffer.byteLength(html)).toBeLessThan(MAP_HTML_BUDGET);
});

/** Measured at 170 KB after the change (465 KB before); the margin allows for more countries with centres. */
const MAP_HTML_BUDGET = 200_000;
