import { expect, test } from "@playwright/test";

import { actAs } from "./auth-helpers";

// The scheduled jobs in a running app (they start with the server and catch
// up once at start-up): the expiry job has moved an imported centre whose
// term ended in 2024 to Pending on its public page, with the reason, and the
// reminders job has queued NOR-18's overdue-report reminder, once. Reads
// only: nothing here changes the demo data. The first run after a fresh seed
// takes up to a minute on PGlite, hence the polling.

test("the expiry job shows an imported centre whose term ended as Pending, with the reason", async ({
  page,
}) => {
  await expect(async () => {
    await page.goto("/centres/ARG-29");
    await expect(page.getByText("Pending", { exact: true }).first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 120_000, intervals: [2000] });
  await expect(page.getByText("WHO is reviewing whether it was renewed").first()).toBeVisible();
});

test("the reminders job queues NOR-18's overdue-report reminder to its staff once", async ({ page }) => {
  await actAs(page, "admin@registry.example");
  const reminder = page
    .getByTestId("mail-message")
    .filter({ hasText: "staff.nor18@centre.example" })
    .filter({ hasText: "NOR-18: annual report overdue since" });
  await expect(async () => {
    await page.goto("/admin/mail");
    await expect(reminder).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 120_000, intervals: [2000] });
  await expect(reminder).toContainText("/reports/");
});
