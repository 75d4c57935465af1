import { expect, test } from "@playwright/test";

import { signIn } from "./auth-helpers";

// Auth.js's own sign-out endpoint ends every session of the person, as the
// registry's Sign out button does (auth-security.spec.ts): a copied cookie
// stops working the moment its owner signs out.

test("POST /api/auth/signout with its CSRF token ends the session everywhere: a copied cookie is refused", async ({
  page,
  browser,
  baseURL,
}) => {
  await signIn(page, "focal.euro@who.example");
  const copied = await page.context().cookies();
  expect(copied.map((cookie) => cookie.name)).toContain("registry.session");

  // As a browser does it: the CSRF token (and its cookie) from Auth.js, then the form post.
  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const signOut = await page.request.post("/api/auth/signout", {
    form: { csrfToken, callbackUrl: "/" },
    headers: { Origin: new URL(baseURL!).origin },
    maxRedirects: 0,
  });
  expect(signOut.status()).toBe(302);
  expect(signOut.headers()["set-cookie"] ?? "").toContain("registry.session=;");

  const replay = await browser.newContext();
  await replay.addCookies(copied);
  const response = await replay.request.get("/my-work", { maxRedirects: 0 });
  expect(response.headers()["location"] ?? "").toContain("/sign-in");
  expect(await response.text()).not.toContain("Lena Novak");
  await replay.close();

  // The person signs in again as usual.
  await signIn(page, "focal.euro@who.example");
  await expect(page.getByText("Lena Novak").first()).toBeVisible();
});
