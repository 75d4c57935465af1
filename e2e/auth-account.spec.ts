import { expect, test } from "@playwright/test";

import { DEMO_PASSWORD, signIn } from "./auth-helpers";

test("a signed-in person changes their password, is signed out everywhere and signs in with the new one", async ({
  page,
}) => {
  await signIn(page, "unit.head@who.example");
  await page.getByRole("link", { name: "Change password" }).click();
  await page.getByLabel("Current password").fill("not my password");
  await page.getByLabel("New password").fill("river stones and quiet mornings");
  await page.getByLabel("Type it again").fill("river stones and quiet mornings");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.locator("#field-current-error")).toContainText("Type the password you signed in with.");

  await page.getByLabel("Current password").fill(DEMO_PASSWORD);
  await page.getByLabel("New password").fill("river stones and quiet mornings");
  await page.getByLabel("Type it again").fill("river stones and quiet mornings");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/sign-in\?password=set/);
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await signIn(page, "unit.head@who.example", "river stones and quiet mornings");
  await expect(page.getByRole("heading", { name: /Technical clearance for your unit/ })).toBeVisible();

  // Put the demo password back: the other journeys sign in as this person.
  await page.getByRole("link", { name: "Change password" }).click();
  await page.getByLabel("Current password").fill("river stones and quiet mornings");
  await page.getByLabel("New password").fill(DEMO_PASSWORD);
  await page.getByLabel("Type it again").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/sign-in\?password=set/);
});

test("an expired or unknown link says so and offers a new one; forgot-password answers without revealing accounts", async ({
  page,
}) => {
  await page.goto("/set-password/this-is-not-a-valid-token-at-all-123");
  await expect(page.getByRole("heading", { level: 1, name: "This link does not work" })).toBeVisible();
  await page.getByRole("link", { name: "Get a new link" }).click();
  await page.getByLabel("E-mail address").fill("nobody@nowhere.example");
  await page.getByRole("button", { name: "Send me a link" }).click();
  await expect(page.getByRole("status")).toContainText("If an account exists for that address");
});
