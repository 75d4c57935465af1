import { expect, test, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";

// Issue #12, items 1 and 3: a search typed into the form ranks by relevance
// like a link does, and the values of one facet can be combined (OR) while
// every value keeps its count.

const regionGroup = (page: Page) => page.getByRole("group", { name: "Region" });

/** The count shown next to a facet value. */
async function facetCount(page: Page, group: string, label: RegExp): Promise<number> {
  const option = page.getByRole("group", { name: group }).locator(".facet-option").filter({ hasText: label });
  return Number((await option.locator(".facet-count").innerText()).replace(/,/g, ""));
}

/** The number in the results heading ("123 centres"). */
async function shownTotal(page: Page): Promise<number> {
  const heading = page.getByRole("heading", { level: 2, name: /^[\d,]+ centres?/ });
  return Number((await heading.innerText()).split(" ")[0]!.replace(/,/g, ""));
}

async function regionCounts(page: Page): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const option of await regionGroup(page).locator(".facet-option").all()) {
    const code = await option.locator("input").getAttribute("value");
    counts[code!] = Number((await option.locator(".facet-count").innerText()).replace(/,/g, ""));
  }
  return counts;
}

const referencesShown = (page: Page) =>
  page.getByRole("list", { name: "Centres found" }).locator(".result-reference").allInnerTexts();

test("“telemedicine” typed into the form ranks NOR-18 first, with and without JavaScript; a chosen order is kept", async ({
  browser,
  page,
}) => {
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  for (const visitor of [page, await noScript.newPage()]) {
    await visitor.goto("/centres");
    await visitor.getByRole("searchbox", { name: "Keywords" }).fill("telemedicine");
    await visitor.getByRole("button", { name: "Search", exact: true }).click();

    // The form's empty fields and default order are not in the address.
    await expect(visitor).toHaveURL(/\/centres\?q=telemedicine$/);
    const shown = await referencesShown(visitor);
    expect(shown[0]).toBe("NOR-18");
    expect(shown).toContain("ARG-34");
    // The sort box shows the default, so the next words are ranked too.
    await expect(visitor.getByRole("combobox", { name: "Sort by" })).toHaveValue("");
    for (const link of ["CSV", "JSON", "NDJSON"]) {
      await expect(visitor.getByRole("link", { name: link, exact: true })).not.toHaveAttribute(
        "href",
        /sort=/,
      );
    }
  }
  await noScript.close();

  // A visitor who picks an order keeps it, also for the next words.
  await page.getByRole("combobox", { name: "Sort by" }).selectOption("reference");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/\/centres\?q=telemedicine&sort=reference$/);
  let shown = await referencesShown(page);
  expect(shown.indexOf("ARG-34")).toBeLessThan(shown.indexOf("NOR-18"));
  await page.getByRole("searchbox", { name: "Keywords" }).fill("telemedicine digital");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/sort=reference/);
  await expect(page.getByRole("combobox", { name: "Sort by" })).toHaveValue("reference");

  // The API ranks by relevance too when no sort is given.
  const api = await page.request.get("/api/v1/centres?q=telemedicine");
  const body = (await api.json()) as { meta: { sort: string }; items: { reference: string }[] };
  expect(body.meta.sort).toBe("relevance");
  expect(body.items[0]?.reference).toBe("NOR-18");
  shown = body.items.map((item) => item.reference);
  expect(shown).toContain("ARG-34");
});

test("two regions ticked with JavaScript: both kept, every region keeps its count, results and CSV are either region", async ({
  page,
}) => {
  await page.goto("/centres");
  const before = await regionCounts(page);
  expect(Object.keys(before).length).toBe(6);
  expect(before.EURO).toBeGreaterThan(0);
  expect(before.AFRO).toBeGreaterThan(0);

  await regionGroup(page)
    .getByLabel(/European Region/)
    .check();
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/\/centres\?region=EURO$/);
  expect(await shownTotal(page)).toBe(before.EURO);
  // Ticking a region does not hide the others: each still says how many it has.
  expect(await regionCounts(page)).toEqual(before);

  await regionGroup(page)
    .getByLabel(/African Region/)
    .check();
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/\/centres\?region=AFRO&region=EURO$/);
  await expect(regionGroup(page).getByLabel(/European Region/)).toBeChecked();
  await expect(regionGroup(page).getByLabel(/African Region/)).toBeChecked();
  const total = await shownTotal(page);
  expect(total).toBe(before.EURO! + before.AFRO!);
  expect(await regionCounts(page)).toEqual(before);

  // Another facet narrows (AND), and the regions' counts follow it.
  const activeAfroEuro = await facetCount(page, "Status", /Active/);
  await page
    .getByRole("group", { name: "Status" })
    .getByLabel(/Active/)
    .check();
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/\/centres\?region=AFRO&region=EURO&status=active$/);
  expect(await shownTotal(page)).toBe(activeAfroEuro);
  const activeByRegion = await regionCounts(page);
  expect(activeByRegion.EURO! + activeByRegion.AFRO!).toBe(activeAfroEuro);
  await page
    .getByRole("group", { name: "Status" })
    .getByLabel(/Active/)
    .uncheck();
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/\/centres\?region=AFRO&region=EURO$/);

  const places = await page
    .getByRole("list", { name: "Centres found" })
    .locator(".result-place")
    .allInnerTexts();
  expect(places.length).toBeGreaterThan(0);
  expect(places.every((place) => /· (AFRO|EURO)$/.test(place.trim()))).toBe(true);

  const csvLink = page.getByRole("link", { name: "CSV", exact: true });
  await expect(csvLink).toHaveAttribute("href", "/api/v1/centres.csv?region=AFRO&region=EURO");
  const csv = await page.request.get((await csvLink.getAttribute("href"))!);
  const rows = parse(await csv.text(), { columns: true }) as { Region: string }[];
  expect(rows).toHaveLength(total);
  expect([...new Set(rows.map((row) => row.Region))].sort()).toEqual(["AFRO", "EURO"]);

  // The API: OR within region, its counts without the region filter, unknown codes a 400.
  const api = await page.request.get("/api/v1/centres?region=EURO&region=AFRO&limit=1");
  const body = (await api.json()) as {
    meta: { count: number; facets: { region: { value: string; count: number; selected: boolean }[] } };
  };
  expect(body.meta.count).toBe(total);
  expect(Object.fromEntries(body.meta.facets.region.map((value) => [value.value, value.count]))).toEqual(
    before,
  );
  const bad = await page.request.get("/api/v1/centres?region=EURO&region=ATLANTIS");
  expect(bad.status()).toBe(400);
  expect(((await bad.json()) as { errors: string[] }).errors.join(" ")).toContain(
    'Unknown region "ATLANTIS"',
  );

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: "test-results/facets-two-regions-1280.png", fullPage: true });
});

test("without JavaScript, a second region is ticked in the plain form and both apply", async ({
  browser,
}) => {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  await page.goto("/centres?region=EURO");
  const before = await regionCounts(page);
  expect(Object.keys(before).length).toBe(6);
  await expect(regionGroup(page).getByLabel(/European Region/)).toBeChecked();

  await regionGroup(page)
    .getByLabel(/Region of the Americas/)
    .check();
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/\/centres\?region=AMRO&region=EURO$/);
  await expect(regionGroup(page).getByLabel(/European Region/)).toBeChecked();
  await expect(regionGroup(page).getByLabel(/Region of the Americas/)).toBeChecked();
  expect(await shownTotal(page)).toBe(before.EURO! + before.AMRO!);
  expect(await regionCounts(page)).toEqual(before);
  const places = await page
    .getByRole("list", { name: "Centres found" })
    .locator(".result-place")
    .allInnerTexts();
  expect(places.every((place) => /· (AMRO|EURO)$/.test(place.trim()))).toBe(true);
  await page.screenshot({ path: "test-results/facets-no-js-1280.png", fullPage: true });
  await context.close();
});

test("“Show all” of a facet comes back at the filters, on a phone and a wide screen, with and without JavaScript", async ({
  browser,
}) => {
  for (const javaScriptEnabled of [true, false]) {
    for (const viewport of [
      { width: 390, height: 844 },
      { width: 1280, height: 900 },
    ]) {
      const context = await browser.newContext({ javaScriptEnabled, viewport });
      const page = await context.newPage();
      const where = `${viewport.width}px, JavaScript ${javaScriptEnabled ? "on" : "off"}`;
      await page.goto("/centres?region=EURO");
      const filters = page.getByRole("complementary", { name: "Filters" });
      // On a phone the filters are a closed disclosure after the results.
      if (viewport.width < 1024) await filters.getByText("Filters", { exact: true }).first().click();
      const countries = page.getByRole("group", { name: "Country" });
      const shownBefore = await countries.locator(".facet-option").count();
      await countries.getByRole("link", { name: /^Show all \d+ values of country$/ }).click();

      await expect(page, where).toHaveURL(/\/centres\?region=EURO&expand=country#filters$/);
      // The visitor is at the filters, the facet now whole, not back at the top of the results.
      await expect(filters, where).toBeFocused();
      await expect(filters, where).toBeInViewport();
      await expect(countries.getByRole("link", { name: /^Show all/ }), where).toHaveCount(0);
      expect(await countries.locator(".facet-option").count(), where).toBeGreaterThan(shownBefore);
      await expect(countries.getByRole("checkbox").first(), where).toBeVisible();
      await context.close();
    }
  }
});
