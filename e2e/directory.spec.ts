import { expect, test } from "@playwright/test";

import { pageAs } from "./auth-helpers";

test("a visitor finds NOR-18 by typing “telemedicine” with the EURO filter and exports the CSV", async ({
  page,
}) => {
  await page.goto("/centres");
  await page.getByRole("searchbox", { name: "Keywords" }).fill("telemedicine");
  await page
    .getByRole("group", { name: "Region" })
    .getByLabel(/European Region/)
    .check();
  await page.getByRole("button", { name: "Search", exact: true }).click();

  // Every filter lives in the URL: the link can be shared.
  await expect(page).toHaveURL(/q=telemedicine/);
  await expect(page).toHaveURL(/region=EURO/);
  await expect(page.getByRole("heading", { level: 2, name: /centres? for “telemedicine”/ })).toBeVisible();
  const result = page.getByRole("link", {
    name: "WHO Collaborating Centre for Digital Health and Telemedicine",
  });
  await expect(result).toBeVisible();

  const shown = Number(
    (await page.getByRole("heading", { level: 2, name: /for “telemedicine”/ }).innerText()).split(" ")[0],
  );
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "CSV" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe("centres.csv");
  const csv = await (await download.createReadStream()).toArray();
  const lines = Buffer.concat(csv).toString("utf8").trimEnd().split("\r\n");
  // Column headings in the page's language (header=machine gives the stable names).
  expect(lines[0]).toMatch(/^Reference,Title,Status,Region,Country,/);
  expect(lines).toHaveLength(shown + 1);
  expect(
    lines.some((line) =>
      line.startsWith("NOR-18,WHO Collaborating Centre for Digital Health and Telemedicine"),
    ),
  ).toBe(true);

  await result.click();
  await expect(page).toHaveURL(/\/centres\/NOR-18$/);
  await expect(page.getByRole("heading", { name: "Terms of reference and work plan" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Designation history" })).toBeVisible();
});

test("typos and prefixes still find centres; an empty result suggests what to loosen", async ({ page }) => {
  await page.goto("/centres?q=tubercolosis");
  await expect(page.getByText("Also searched for")).toContainText("tuberculosis");
  await expect(page.getByRole("list", { name: "Centres found" }).getByRole("listitem").first()).toBeVisible();

  await page.goto("/centres?q=zzzzqqq&region=EURO");
  await expect(page.getByText("No centre matches this search.")).toBeVisible();
  await page.getByRole("link", { name: "Remove the region filter “EURO”" }).click();
  await expect(page).not.toHaveURL(/region=EURO/);
});

test("bad input gets a friendly message, never a 500 or a reflected script", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  for (const query of [
    `q=${"x".repeat(10_000)}`,
    "region=ATLANTIS",
    "page=-1",
    `q=${encodeURIComponent("<script>alert(1)</script><img src=x onerror=alert(2)>")}&country=ZZZ`,
  ]) {
    const response = await page.goto(`/centres?${query}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("alert").filter({ hasText: "We could not run this search" })).toBeVisible();
  }
  const response = await page.goto(
    `/centres?q=${encodeURIComponent("<script>alert(1)</script>' OR 1=1 --")}`,
  );
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 2, name: /0 centres/ })).toBeVisible();
  expect(dialogs).toEqual([]);
});

test("the whole API can be walked with the cursor, every centre exactly once", async ({ request }) => {
  const first = await request.get("/api/v1/centres?limit=100&sort=title");
  expect(first.status()).toBe(200);
  const firstBody = await first.json();
  const total: number = firstBody.meta.count;
  expect(total).toBeGreaterThan(800);
  expect(firstBody.meta.facets.region.length).toBe(6);

  const seen: string[] = firstBody.items.map((item: { reference: string }) => item.reference);
  let next: string | null = firstBody.links.next;
  for (let guard = 0; next && guard < 50; guard++) {
    const response = await request.get(next);
    expect(response.status()).toBe(200);
    const body = await response.json();
    seen.push(...body.items.map((item: { reference: string }) => item.reference));
    next = body.links.next;
  }
  expect(next).toBeNull();
  expect(seen).toHaveLength(total);
  expect(new Set(seen).size).toBe(total);

  const detail = await request.get("/api/v1/centres/NOR-18");
  expect((await detail.json()).title).toBe("WHO Collaborating Centre for Digital Health and Telemedicine");
  const bad = await request.get("/api/v1/centres?limit=500&colour=red");
  expect(bad.status()).toBe(400);
  expect((await bad.json()).errors.join(" ")).toMatch(/colour|limit/);
  const openapi = await request.get("/api/v1/openapi.json");
  expect((await openapi.json()).openapi).toBe("3.1.0");
});

test("map, statistics, feed, sitemap and robots answer", async ({ page, request }) => {
  await page.goto("/map");
  await expect(page.getByRole("link", { name: /^Norway: \d+ centres?$/ })).toHaveAttribute(
    "href",
    "/centres?country=NOR",
  );
  await page.getByRole("table").getByRole("link", { name: "Norway" }).click();
  await expect(page).toHaveURL(/\/centres\?country=NOR$/);
  await expect(
    page.getByRole("link", { name: "WHO Collaborating Centre for Digital Health and Telemedicine" }),
  ).toBeVisible();

  await page.goto("/stats");
  await expect(page.getByRole("heading", { name: "Centres by region" })).toBeVisible();

  const feed = await request.get("/feeds/designations.atom");
  expect(feed.headers()["content-type"]).toContain("application/atom+xml");
  expect(await feed.text()).toContain("<entry>");
  expect(await (await request.get("/sitemap.xml")).text()).toContain("/centres/NOR-18</loc>");
  expect(await (await request.get("/robots.txt")).text()).toContain("Sitemap:");
});

test("repeated anonymous searches come from the page cache, each with its own working nonce; signed-in people never do", async ({
  browser,
  page,
}) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  // An extra parameter (ignored by the page, as a tracking tag is) makes the URL new to the cache.
  const url = `/centres?q=telemedicine&region=EURO&ref=e2e-${Date.now()}`;
  const first = await page.goto(url);
  const second = await page.goto(url);
  expect(first?.headers()["x-page-cache"]).toBe("miss");
  expect(second?.headers()["x-page-cache"]).toBe("hit");

  const nonceOf = (csp: string | undefined) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];
  const nonces = [first, second].map((response) => nonceOf(response?.headers()["content-security-policy"]));
  expect(nonces[0]).toBeTruthy();
  expect(nonces[1]).toBeTruthy();
  expect(nonces[1]).not.toBe(nonces[0]);
  const body = await second!.text();
  expect(body).toContain(`nonce="${nonces[1]}"`);
  expect(body).not.toContain(nonces[0]!);

  // The cached page is the real page: results, running scripts, no CSP refusals.
  await expect(
    page.getByRole("link", { name: "WHO Collaborating Centre for Digital Health and Telemedicine" }),
  ).toBeVisible();
  // Next's bootstrap (nonce'd scripts) ran and hydrated the page.
  await expect
    .poll(() =>
      page.evaluate(() => Boolean((window as unknown as { next?: { version?: string } }).next?.version)),
    )
    .toBe(true);
  expect(violations).toEqual([]);

  const officer = await pageAs(browser, "officer@who.example");
  const signedIn = await officer.goto(url);
  expect(signedIn?.headers()["x-page-cache"]).toBeUndefined();
  expect(signedIn?.headers()["cache-control"]).toContain("private");
  await expect(officer.getByTestId("signed-in-as")).toBeVisible();
});
