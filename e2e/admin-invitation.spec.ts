import { expect, test } from "@playwright/test";

import { actAs } from "./auth-helpers";
import { expectNoSeriousA11yViolations } from "./axe";

test("an administrator invites a focal point, who sets a password from the mail page link and lands on My work", async ({
  page,
  browser,
}) => {
  // Two accounts, a mail page, axe twice: a minute is not enough on a busy 2-core machine.
  test.setTimeout(180_000);
  const cspViolations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  const email = `focal.${Date.now()}@who.example`;

  await page.goto("/sign-in");
  await expectNoSeriousA11yViolations(page);
  await actAs(page, "admin@registry.example");
  await expect(page.getByRole("heading", { level: 1, name: "My work" })).toBeVisible();
  await expect(page.getByTestId("admin-invitations")).toBeVisible();

  await page
    .getByRole("navigation", { name: "Workspace" })
    .getByRole("link", { name: "Invite someone" })
    .click();
  // Bad input first: messages next to the fields, what was typed is kept.
  await page.getByLabel("Name").fill("Farida Rahman");
  await page.getByLabel("E-mail address").fill("not-an-address");
  await page.getByLabel("Role").selectOption("FOCAL_POINT");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.locator("#field-email-error")).toContainText("Enter an e-mail address like");
  await expect(page.getByLabel("Name")).toHaveValue("Farida Rahman");
  await expect(page.getByLabel("E-mail address")).toHaveValue("not-an-address");

  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Role").selectOption("FOCAL_POINT");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.locator("#field-region-error")).toContainText("Choose a region");
  await page.getByLabel("Region").selectOption("EMRO");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Farida Rahman" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Remove Regional focal point (EMRO)" })).toBeVisible();
  await expect(page.getByTestId("audit-trail")).toContainText("user.invited");

  await page
    .getByRole("navigation", { name: "Workspace" })
    .getByRole("link", { name: "Mail (demo)" })
    .click();
  const message = page.getByTestId("mail-message").filter({ hasText: email });
  await expect(message).toHaveCount(1);
  const link = await message.getByRole("link").getAttribute("href");
  expect(link).toMatch(/\/set-password\/[\w-]{43}$/);

  // The invitee, in their own browser.
  const context = await browser.newContext();
  const invitee = await context.newPage();
  await invitee.goto(link!);
  await expect(invitee.getByRole("heading", { level: 1, name: "Welcome, Farida Rahman" })).toBeVisible();
  await invitee.getByLabel("New password").fill("password123");
  await invitee.getByLabel("Type it again").fill("password123");
  await invitee.getByRole("button", { name: "Set password" }).click();
  await expect(invitee.locator("#field-password-error")).toContainText("too common");
  const password = "saffron kettle over the dunes";
  await invitee.getByLabel("New password").fill(password);
  await invitee.getByLabel("Type it again").fill(password);
  await invitee.getByRole("button", { name: "Set password" }).click();
  await expect(invitee).toHaveURL(/\/sign-in\?password=set/);
  await expect(invitee.getByText("Your password is set")).toBeVisible();
  await expect(invitee.getByLabel("E-mail address")).toHaveValue(email);
  await invitee.getByLabel("Password", { exact: true }).fill(password);
  await invitee.getByRole("button", { name: "Sign in" }).click();
  await expect(invitee).toHaveURL(/\/my-work$/);
  await expect(invitee.getByRole("heading", { level: 1, name: "My work" })).toBeVisible();
  await expect(
    invitee.getByRole("heading", { name: /Your region's designations in progress/ }),
  ).toBeVisible();
  await expect(invitee.getByRole("heading", { name: /Overdue annual reports in your region/ })).toBeVisible();
  // A focal point's navigation has no administration.
  await expect(invitee.getByRole("link", { name: "People" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(invitee);

  // The link is spent: opening it again says so and offers a new one.
  await invitee.goto(link!);
  await expect(invitee.getByRole("heading", { level: 1, name: "This link has been used" })).toBeVisible();
  await expect(invitee.getByRole("link", { name: "Get a new link" })).toBeVisible();
  await context.close();

  await expectNoSeriousA11yViolations(page);
  expect(cspViolations).toEqual([]);
});

test("pages outside a role's rights answer not-found, and the navigation shows only what the role may use", async ({
  page,
}) => {
  await actAs(page, "staff.nor18@centre.example");
  await expect(page.getByTestId(/staff-reports-/)).toBeVisible();
  await expect(page.getByRole("link", { name: "People" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /Invite/ })).toHaveCount(0);
  for (const path of ["/admin/users", "/admin/mail", "/admin/users/1", "/invite"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  }
});

test("an officer may invite staff only for their own centres", async ({ page }) => {
  await actAs(page, "officer@who.example");
  await page.getByRole("link", { name: "Invite centre staff" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Invite centre staff" })).toBeVisible();
  const centres = await page.getByLabel("Centre").locator("option").allTextContents();
  expect(centres).toContain("NOR-18 · WHO Collaborating Centre for Digital Health and Telemedicine");
  expect(centres.some((label) => label.startsWith("SOA-13"))).toBe(false);
});
