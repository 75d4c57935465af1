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
  await expect(page.getByText("Norway")).toBeVisible();
  await expect(page.getByText("Informatics and Telemedicine")).toBeVisible();
  await expect(page.getByText("Providing technical advice to WHO")).toBeVisible();
});

test("an unknown reference answers with a 404 page", async ({ page }) => {
  const response = await page.goto("/centres/XYZ-999");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});
