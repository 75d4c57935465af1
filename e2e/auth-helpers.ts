import { expect, type Browser, type Cookie, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "registry-demo-2026";

/** Signs in through the form, as a person does: for the journeys about signing in, sessions and their end. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // The first sign-in after a server start (argon2, cold caches, first jobs) can take many seconds on a loaded machine.
  await expect(page).toHaveURL(/\/my-work$/, { timeout: 30_000 });
}

/** A person signed in through the form in a browser context of their own (several people act in one journey). */
export async function signedInPage(browser: Browser, email: string, password?: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, password);
  return page;
}

// The session cookies of demo accounts, one sign-in per account and
// Playwright worker (each run has its own server and worker).
const sessions = new Map<string, Cookie[]>();

/**
 * Leaves `page` on My work, signed in as a demo account, for journeys that are
 * not about signing in: the first call signs in through the form, later ones
 * reuse that session. A journey that ended it (sign-out, a new password, a
 * disabled account) makes the next call sign in through the form again.
 */
export async function actAs(page: Page, email: string): Promise<void> {
  const cookies = sessions.get(email);
  if (cookies) {
    await page.context().addCookies(cookies);
    await page.goto("/my-work");
    if (new URL(page.url()).pathname === "/my-work") return;
    await page.context().clearCookies();
  }
  await signIn(page, email);
  sessions.set(email, (await page.context().storageState()).cookies);
}

/** `actAs` in a browser context of its own (several people act in one journey). */
export async function pageAs(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await actAs(page, email);
  return page;
}
