import { expect, test } from "@playwright/test";

test("a visitor goes from the home page to NOR-18", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Collaborating centres" })).toBeVisible();
  // The counts come from the database: EURO has active centres in the real data.
  await expect(page.getByTestId("region-count-EURO")).not.toHaveText(/^0/);

  await page.getByRole("link", { name: "NOR-18" }).first().click();
  await expect(page).toHaveURL(/\/centres\/NOR-18$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "WHO Collaborating Centre for Digital Health and Telemedicine",
  );
  // Each fact is a <dt>/<dd> pair: read the value next to its label.
  const fact = (label: string) => page.locator(`dt:text-is("${label}") + dd`);
  await expect(fact("Country")).toHaveText("Norway");
  await expect(fact("Region")).toContainText("EURO");
  await expect(fact("First designated")).toHaveText("5 July 2002");
  await expect(page.getByText("Active", { exact: true }).first()).toBeVisible();
  await expect(
    page.getByRole("listitem").filter({ hasText: "Informatics and Telemedicine" }).first(),
  ).toBeVisible();
  await expect(
    page.getByRole("listitem").filter({ hasText: "Providing technical advice to WHO" }).first(),
  ).toBeVisible();
});

test("an unknown reference answers with a 404 page", async ({ page }) => {
  const response = await page.goto("/centres/XYZ-999");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});
