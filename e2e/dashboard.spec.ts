import { readFile } from "node:fs/promises";

import { expect, test } from "@playwright/test";

import { actAs } from "./auth-helpers";
import { expectNoSeriousA11yViolations } from "./axe";

// The deadline dashboard and the calendar subscription in a real browser.
// SOA-14's overdue year-1 report is used because no other journey changes it
// (the annual-report journey changes NOR-18's). The calendar journey revokes
// the address it creates, so the demo account is left as it was.

test("a focal point sees the region's overdue report on the dashboard and downloads the list as CSV", async ({
  page,
}, testInfo) => {
  await actAs(page, "focal.afro@who.example");
  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Dashboard" }).click();
  // The first render reads every list of the region: give a loaded test machine time.
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText("Deadlines for the AFRO region")).toBeVisible();

  const overdue = page.getByTestId("overdue-reports");
  await expect(overdue.getByRole("heading", { name: /Overdue annual reports \(\d+\)/ })).toBeVisible();
  const row = overdue.getByRole("row").filter({ hasText: "SOA-14" });
  await expect(row).toContainText("Annual report, year 1");
  await expect(row).toContainText(/\d+ days overdue/);
  await expect(row.getByRole("link", { name: /Annual report, year 1/ })).toHaveAttribute(
    "href",
    /^\/reports\/\d+$/,
  );
  // Another region's items never show.
  await expect(page.getByText("NOR-18")).toHaveCount(0);
  for (const id of ["expiring-terms", "pending-centres", "missing-evaluations"])
    await expect(page.getByTestId(id)).toBeVisible();

  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: testInfo.outputPath("dashboard.png"), fullPage: true });

  const downloading = page.waitForEvent("download");
  await overdue.getByRole("link", { name: /Download .* as CSV/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^overdue-reports-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile((await download.path())!, "utf8");
  const lines = csv.trimEnd().split("\r\n");
  expect(lines[0]).toBe("reference,title,region,item,date,days_late,lateness,note,url");
  expect(lines.some((line) => line.startsWith("SOA-14,") && line.includes(",AFRO,"))).toBe(true);
  expect(csv).not.toContain("NOR-18");
});

test("the EURO focal point sees the region's overdue report (FIN-35, returned) and none of AFRO's", async ({
  page,
}) => {
  await actAs(page, "focal.euro@who.example");
  await page.goto("/dashboard");
  await expect(page.getByText("Deadlines for the EURO region")).toBeVisible({ timeout: 20_000 });
  const row = page.getByTestId("overdue-reports").getByRole("row").filter({ hasText: "FIN-35" });
  await expect(row).toContainText("Annual report, year 1");
  await expect(row).toContainText("Returned for changes");
  await expect(row).toContainText(/\d+ days? overdue/);
  await expect(page.getByText("SOA-14")).toHaveCount(0);
});

test("centre staff have no dashboard and cannot download its lists", async ({ page }) => {
  await actAs(page, "staff.nor18@centre.example");
  await expect(page.getByRole("link", { name: "Dashboard" })).toHaveCount(0);
  const pageResponse = await page.goto("/dashboard");
  expect(pageResponse?.status()).toBe(404);
  const csv = await page.request.get("/dashboard/export/overdue-reports.csv");
  expect(csv.status()).toBe(404);
  expect(await csv.text()).not.toContain("SOA-14");
});

test("a signed-in person creates a calendar address, a calendar app reads the deadlines, and revoking stops it", async ({
  page,
  playwright,
}, testInfo) => {
  await actAs(page, "staff.nor18@centre.example");
  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Calendar" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Calendar subscription" })).toBeVisible({
    timeout: 15_000,
  });
  await expect(page.getByTestId("calendar-status")).toHaveText("You have no calendar address.");
  await page.getByRole("button", { name: "Create a calendar address" }).click();
  await expect(page.getByRole("status")).toHaveText("Your calendar address is ready.");
  const address = page.getByLabel("Your calendar address");
  const url = await address.inputValue();
  expect(url).toMatch(/\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: testInfo.outputPath("calendar.png"), fullPage: true });

  // A calendar app has no session: a fresh client without cookies.
  const app = await playwright.request.newContext();
  const feed = await app.get(url);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  expect(feed.headers()["cache-control"]).toMatch(/^private/);
  const ics = await feed.text();
  expect(ics).toContain("BEGIN:VCALENDAR");
  expect(ics).toContain("BEGIN:VEVENT");
  // Year 3 stays scheduled whatever the annual-report journey does to year 2.
  expect(ics).toContain("SUMMARY:Annual report due: NOR-18\\, year 3");

  await page.getByRole("button", { name: "Revoke the calendar address" }).click();
  await expect(page.getByRole("status")).toContainText("Your calendar address is revoked");
  await expect(page.getByTestId("calendar-status")).toHaveText("You have no calendar address.");
  expect((await app.get(url)).status()).toBe(404);
  await app.dispose();
});
