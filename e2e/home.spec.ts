import { expect, test, type APIRequestContext, type Page } from "@playwright/test";

// Issue #12 item 4 (a home page that searches and tells the truth) and item 9
// (the site's icon and web manifest).

const resultsHeading = (page: Page) => page.locator("#results-heading");
const resultCount = async (page: Page) =>
  Number((await resultsHeading(page).innerText()).split(" ")[0]!.replace(/,/g, ""));
const numberIn = (text: string) => Number(text.replace(/,/g, "").match(/\d+/)![0]);

/**
 * After a fresh seed the expiry job moves ~800 imported centres from Active to
 * Pending, ten per transaction, for a minute or two on PGlite: compare counts
 * only once no Active centre's term has ended (the soonest-ending Active
 * centre, from the API, ends today or later).
 */
async function waitForExpiryJob(request: APIRequestContext) {
  const today = new Date().toISOString().slice(0, 10);
  await expect(async () => {
    const response = await request.get("/api/v1/centres?status=active&sort=expiry&limit=1");
    const body = (await response.json()) as { items: { termEnd: string | null }[] };
    expect((body.items[0]?.termEnd ?? today) >= today).toBe(true);
  }).toPass({ timeout: 180_000, intervals: [2000] });
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the search box comes first on the home page and submits to /centres", async ({ page }) => {
    await page.goto("/");
    // The first field on the page is the search box.
    const search = page.getByRole("searchbox", { name: "Search the centres" });
    await expect(page.locator("main input").first()).toHaveAttribute(
      "id",
      (await search.getAttribute("id"))!,
    );
    await search.fill("telemedicine");
    await search.press("Enter");
    await expect(page).toHaveURL(/\/centres\?q=telemedicine$/);
    await expect(
      page.getByRole("link", { name: "WHO Collaborating Centre for Digital Health and Telemedicine" }),
    ).toBeVisible();
  });

  test("searching NOR-18's host institution by name finds it", async ({ page }) => {
    await page.goto("/");
    await page
      .getByRole("searchbox", { name: "Search the centres" })
      .fill("Norwegian Centre for E-health Research");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await expect(page).toHaveURL(/\/centres\?q=Norwegian/);
    const first = page.getByRole("list", { name: "Centres found" }).getByRole("listitem").first();
    await expect(first).toContainText("NOR-18");
    await first
      .getByRole("link", { name: "WHO Collaborating Centre for Digital Health and Telemedicine" })
      .click();
    await expect(page.locator('dt:text-is("Institution") + dd')).toHaveText(
      "Norwegian Centre for E-health Research",
    );
  });
});

test("every region card and figure links to the matching search", async ({ page, request }) => {
  test.setTimeout(240_000);
  await waitForExpiryJob(request);
  await page.goto("/");
  const card = page.getByRole("listitem").filter({ hasText: "European Region" });
  const current = numberIn(await card.getByTestId("region-count-EURO").innerText());
  await card.getByRole("link", { name: /European Region/ }).click();
  await expect(page).toHaveURL(/\/centres\?region=EURO$/);
  expect(await resultCount(page)).toBe(current);

  await page.goto("/");
  const pendingLink = card.getByRole("link", { name: /pending renewal/ });
  const pending = numberIn(await pendingLink.innerText());
  await pendingLink.click();
  await expect(page).toHaveURL(/\/centres\?region=EURO&status=pending$/);
  expect(await resultCount(page)).toBe(pending);
});

test("home, map and statistics show the same headline figure, each number a link to its search", async ({
  page,
  request,
}) => {
  test.setTimeout(240_000);
  await waitForExpiryJob(request);
  const headlines: string[] = [];
  for (const path of ["/", "/map", "/stats"]) {
    await page.goto(path);
    headlines.push(await page.getByTestId("headline-figure").innerText());
  }
  expect(headlines[0]).toMatch(/^[\d,]+ current centres: [\d,]+ active, [\d,]+ pending renewal\.$/);
  expect(new Set(headlines).size).toBe(1);
  const [current, active, pending] = headlines[0]!.replace(/,/g, "").match(/\d+/g)!.map(Number);
  // Both numbers are shown, and they add up.
  expect(active).toBeGreaterThan(0);
  expect(pending).toBeGreaterThan(0);
  expect(active! + pending!).toBe(current);

  const figure = page.getByTestId("headline-figure");
  for (const [name, url, count] of [
    [/current centres/, /\/centres$/, current],
    [/ active$/, /\/centres\?status=active$/, active],
    [/pending renewal/, /\/centres\?status=pending$/, pending],
  ] as const) {
    await page.goto("/stats");
    await figure.getByRole("link", { name }).click();
    await expect(page).toHaveURL(url);
    expect(await resultCount(page)).toBe(count);
  }
});

test("a status badge comes with what the status means, in words", async ({ page }) => {
  await page.goto("/centres?status=pending&region=AMRO");
  const badge = page.locator(".status-badge").first();
  await expect(badge).toHaveText("Pending");
  await expect(badge).toHaveAccessibleDescription(
    /Pending means .* no renewal .* WHO's public list of collaborating centres of 2022/,
  );
  await expect(page.getByText(/^Pending means/)).toBeVisible();

  await page.goto("/centres/NOR-18");
  const active = page.locator(".status-badge");
  await expect(active).toHaveText("Active");
  await expect(active).toHaveAccessibleDescription(/^Active means WHO designated the centre/);
  await expect(page.getByText(/^Active means/)).toBeVisible();
});

test("an imported centre without an institution says it is not recorded in WHO's 2022 list", async ({
  page,
}) => {
  await page.goto("/centres/ARG-34");
  await expect(page.locator('dt:text-is("Institution") + dd')).toHaveText("Not recorded in WHO's 2022 list");
  await expect(page.locator(".status-badge")).toHaveAccessibleDescription(/2022/);
});

test("the site's icon and web manifest are served and linked from the head", async ({ page, request }) => {
  await page.goto("/");
  const head = page.locator("head");
  await expect(head.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
  await expect(head.locator('link[rel="icon"][type="image/svg+xml"]')).toHaveAttribute("href", "/icon.svg");
  await expect(head.locator('link[rel="apple-touch-icon"]')).toHaveAttribute("href", "/apple-touch-icon.png");
  await expect(head.locator('meta[name="theme-color"]')).toHaveAttribute("content", "#084b70");

  const manifest = await request.get("/manifest.webmanifest");
  expect(manifest.status()).toBe(200);
  expect(manifest.headers()["content-type"]).toContain("application/manifest+json");
  const body = (await manifest.json()) as {
    name: string;
    short_name: string;
    theme_color: string;
    icons: { src: string; sizes: string; type: string }[];
  };
  expect(body).toMatchObject({
    name: "Collaborating Centres Registry",
    short_name: "Centres",
    theme_color: "#084b70",
  });
  expect(body.icons.map((icon) => icon.sizes)).toEqual(["any", "192x192", "512x512"]);
  for (const icon of [...body.icons, { src: "/apple-touch-icon.png", type: "image/png" }]) {
    const response = await request.get(icon.src);
    expect(response.status(), icon.src).toBe(200);
    expect(response.headers()["content-type"], icon.src).toContain(icon.type);
    const bytes = await response.body();
    if (icon.type === "image/png") {
      // A PNG's width and height sit at bytes 16–23 of its header.
      const [width, height] = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
      const size = "sizes" in icon ? icon.sizes : "180x180";
      expect(`${width}x${height}`, icon.src).toBe(size);
    } else {
      expect(bytes.toString("utf8")).toContain("<svg");
    }
  }
});

test("public pages fetch no other page in the background (no prefetch of links in view)", async ({
  page,
}) => {
  const prefetches: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).searchParams.has("_rsc")) prefetches.push(request.url());
  });
  for (const path of ["/", "/centres?q=health", "/centres/NOR-18", "/map", "/stats"]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
  }
  expect(prefetches).toEqual([]);
});
