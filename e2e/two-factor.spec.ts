import { expect, test, type Page } from "@playwright/test";
import { TOTP } from "otpauth";

import { DEMO_PASSWORD, signIn, signedInPage } from "./auth-helpers";

// Two-factor sign-in (decision 0014) in the browser, with the codes an
// authenticator app would show computed here by the same library. The demo
// account is reset by an administrator at the end: other journeys sign in as
// this person with the password alone.
// Not staff.soa13: the brute-force journey (auth-security.spec.ts) leaves that account throttled at this address.
const EMAIL = "staff.nor18@centre.example";
const NAME = "Eirik Hansen";
// Sign-in and set-up run argon2 (password, ten recovery codes): allow for a loaded machine.
const slow = { timeout: 30_000 };

async function submitSignIn(page: Page, code: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail address").fill(EMAIL);
  await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByLabel("Two-factor code").fill(code);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
}

test("enrol, sign in with an app code, use a recovery code once, and an administrator's reset", async ({
  page,
  browser,
}) => {
  // Eight sign-ins and a set-up, each with argon2, on a machine that may be busy.
  test.setTimeout(240_000);
  await signIn(page, EMAIL);
  await page.getByRole("link", { name: "Two-factor sign-in" }).click();
  await expect(page.getByTestId("two-factor-status")).toHaveText("Two-factor sign-in is off.");
  await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();

  // The QR code is drawn by the server as a data: image (the CSP allows no other host).
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toHaveAttribute(
    "src",
    /^data:image\/svg\+xml;base64,/,
  );
  const secret = (await page.getByTestId("two-factor-secret").textContent())!.replace(/\s/g, "");
  const app = new TOTP({ secret, algorithm: "SHA1", digits: 6, period: 30 });
  const codeAt = (offsetSeconds: number) => app.generate({ timestamp: Date.now() + offsetSeconds * 1000 });

  // A code from long ago is refused with its own message; the set-up stays pending.
  await page.getByLabel("Code from your app").fill(codeAt(-600));
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("That code is not right.", slow);

  await page.getByLabel("Code from your app").fill(codeAt(0));
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(page.getByRole("main").getByRole("status").first()).toContainText(
    "Two-factor sign-in is on.",
    slow,
  );
  const recoveryCodes = await page.getByTestId("recovery-codes").getByRole("listitem").allTextContents();
  expect(recoveryCodes).toHaveLength(10);
  await expect(page.getByTestId("two-factor-status")).toContainText("10 of 10 recovery codes are unused");
  await signOut(page);

  // The password alone is no longer enough, and says why.
  await submitSignIn(page, "");
  await expect(page.getByRole("main").getByRole("alert")).toContainText(
    "This account uses two-factor sign-in.",
    slow,
  );
  // The app's next code (the one just used for set-up counts once).
  await submitSignIn(page, codeAt(30));
  await expect(page).toHaveURL(/\/my-work$/, slow);
  await signOut(page);

  // A recovery code works once; the second time it is refused with its own message.
  await submitSignIn(page, recoveryCodes[0]!);
  await expect(page).toHaveURL(/\/my-work$/, slow);
  await page.goto("/account/two-factor");
  await expect(page.getByTestId("two-factor-status")).toContainText("9 of 10 recovery codes are unused");
  await signOut(page);
  await submitSignIn(page, recoveryCodes[0]!);
  await expect(page.getByRole("main").getByRole("alert")).toContainText(
    "That recovery code has already been used.",
    slow,
  );
  await expect(page).toHaveURL(/\/sign-in/);

  // The administrator resets it (a lost phone); the audit trail shows every step.
  const admin = await signedInPage(browser, "admin@registry.example");
  await admin.goto("/admin/users?q=staff.nor18");
  await admin.getByRole("link", { name: NAME }).click();
  await expect(admin.getByTestId("two-factor-status")).toHaveText("On.");
  await admin.getByRole("button", { name: "Reset two-factor sign-in" }).click();
  await expect(admin.getByText("Two-factor sign-in is off for this person")).toBeVisible(slow);
  await expect(admin.getByTestId("two-factor-status")).toHaveText("Off.");
  const trail = admin.getByTestId("audit-trail");
  for (const action of [
    "auth.two-factor.reset",
    "auth.two-factor.recovery-code-used",
    "auth.two-factor.failed",
    "auth.two-factor.enrolled",
  ]) {
    await expect(trail).toContainText(action);
  }
  await admin.context().close();

  // Back to the password alone, as the other journeys expect.
  await signIn(page, EMAIL);
});
