import { expect, type Browser, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "registry-demo-2026";

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // The first sign-in after a server start (argon2, cold caches, first jobs) can take many seconds on a loaded machine.
  await expect(page).toHaveURL(/\/my-work$/, { timeout: 30_000 });
}

/** A person signed in in a browser context of their own (several people act in one journey). */
export async function signedInPage(browser: Browser, email: string, password?: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, password);
  return page;
}
