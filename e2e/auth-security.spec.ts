import { expect, test, type APIRequestContext } from "@playwright/test";

import { DEMO_PASSWORD, signIn } from "./auth-helpers";

// docs/security.md scenarios 4, 5, 9, 10 and 12 against the built server.

const protectedPages = ["/my-work", "/admin/users", "/admin/users/1", "/admin/mail", "/invite"];
// Strings that appear only on protected pages (the admin's name, an account address, section titles).
const protectedData = [
  "admin@registry.example",
  "Amira Haddad",
  "Invitations not yet accepted",
  "Audit trail",
  "registry.session",
];

test.describe("headers and caching (scenario 12)", () => {
  test("every HTML response has the security headers with a fresh nonce that Next's scripts carry", async ({
    request,
  }) => {
    const nonces = new Set<string>();
    for (const path of ["/", "/sign-in", "/forgot-password", "/no-such-page"]) {
      const response = await request.get(path);
      const headers = response.headers();
      const csp = headers["content-security-policy"] ?? "";
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
      expect(nonce, path).toBeTruthy();
      nonces.add(nonce!);
      expect(csp).toContain("'strict-dynamic'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(headers["strict-transport-security"]).toMatch(/max-age=\d+/);
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      const html = await response.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
      expect(scripts.length, path).toBeGreaterThan(0);
      for (const script of scripts) expect(script, path).toContain(`nonce="${nonce}"`);
    }
    expect(nonces.size).toBe(4);
  });

  test("signed-in pages are private, no-store; an anonymous request afterwards gets none of the user's data", async ({
    page,
    request,
  }) => {
    await signIn(page, "admin@registry.example");
    const response = await page.request.get("/my-work");
    expect(response.headers()["cache-control"]).toContain("no-store");
    expect(response.headers()["cache-control"]).toContain("private");
    expect(await response.text()).toContain("Amira Haddad");
    const anonymous = await request.get("/my-work", { maxRedirects: 0 });
    expect([303, 307, 308]).toContain(anonymous.status());
    expect(anonymous.headers()["location"]).toContain("/sign-in");
    const home = await request.get("/");
    expect(await home.text()).not.toContain("Amira Haddad");
  });

  test("an inline script without the nonce is blocked by the CSP, while the page's own scripts run", async ({
    page,
  }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    // Stands in for stored XSS: the server's response with a script tag added, headers unchanged.
    await page.route("**/sign-in", async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(
        "</body>",
        "<script>window.__injected = true</script></body>",
      );
      await route.fulfill({ response, body: html });
    });
    await page.goto("/sign-in");
    await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
    expect(
      await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected === true),
    ).toBe(false);
    expect(violations.length).toBeGreaterThan(0);
    // Next's own (nonce'd) scripts ran: the client-side form shows errors without a page load.
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("#field-email-error")).toContainText("Enter your e-mail address.");
  });
});

test.describe("middleware bypass variants (scenario 4)", () => {
  const variants: { name: string; headers: Record<string, string>; suffix?: string }[] = [
    { name: "plain", headers: {} },
    {
      name: "x-middleware-subrequest (proxy)",
      headers: { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" },
    },
    {
      name: "x-middleware-subrequest (middleware)",
      headers: { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" },
    },
    {
      name: "x-middleware-subrequest (src path)",
      headers: { "x-middleware-subrequest": "src/proxy:src/proxy:src/proxy:src/proxy:src/proxy" },
    },
    { name: "RSC", headers: { RSC: "1" } },
    { name: "prefetch", headers: { RSC: "1", "Next-Router-Prefetch": "1" } },
    {
      name: "segment prefetch",
      headers: { RSC: "1", "Next-Router-Prefetch": "1", "Next-Router-Segment-Prefetch": "/_tree" },
    },
    { name: "_rsc query", headers: { RSC: "1" }, suffix: "?_rsc=abcde" },
    { name: ".rsc suffix", headers: {}, suffix: ".rsc" },
    { name: ".prefetch.rsc suffix", headers: { RSC: "1" }, suffix: ".prefetch.rsc" },
  ];

  async function expectNoProtectedData(
    request: APIRequestContext,
    path: string,
    headers: Record<string, string>,
  ) {
    const response = await request.get(path, { headers, maxRedirects: 0 });
    const body = await response.text();
    for (const secret of protectedData)
      expect(body, `${path} ${JSON.stringify(headers)} leaked ${secret}`).not.toContain(secret);
    return response.status();
  }

  for (const variant of variants) {
    test(`anonymous ${variant.name} requests get no protected data`, async ({ request }) => {
      for (const page of protectedPages) {
        const status = await expectNoProtectedData(
          request,
          `${page}${variant.suffix ?? ""}`,
          variant.headers,
        );
        expect(status).not.toBe(500);
      }
    });
  }

  test("a signed-in centre staff member gets nothing of the admin pages through any variant", async ({
    page,
  }) => {
    await signIn(page, "staff.nor18@centre.example");
    for (const variant of variants) {
      for (const path of ["/admin/users", "/admin/users/1", "/admin/mail"]) {
        const response = await page.request.get(`${path}${variant.suffix ?? ""}`, {
          headers: variant.headers,
          maxRedirects: 0,
        });
        const body = await response.text();
        for (const secret of ["admin@registry.example", "Amira Haddad", "Audit trail"]) {
          expect(body, `${path} ${variant.name}`).not.toContain(secret);
        }
      }
    }
  });
});

test.describe("foreign Origin on state-changing requests (scenario 5)", () => {
  test("route handlers and server actions refuse a foreign Origin before running", async ({ request }) => {
    for (const path of [
      "/api/auth/signout",
      "/api/auth/callback/credentials",
      "/api/auth/session",
      "/sign-in",
      "/my-work",
      "/admin/users/1",
    ]) {
      const response = await request.post(path, {
        headers: {
          Origin: "https://evil.example",
          "Content-Type": "application/x-www-form-urlencoded",
          "Next-Action": "0".repeat(42),
        },
        data: `email=admin%40registry.example&password=${DEMO_PASSWORD}`,
        maxRedirects: 0,
      });
      expect(response.status(), path).toBe(403);
      expect(await response.json()).toMatchObject({ error: { code: "foreign_origin" } });
      expect(response.headers()["set-cookie"] ?? "").not.toContain("registry.session");
    }
  });
});

test.describe("brute force (scenario 9)", () => {
  test("after 10 failures the account is throttled from this address; unknown and wrong answers are identical", async ({
    page,
  }) => {
    const attempt = async (email: string, password: string) => {
      await page.getByLabel("E-mail address").fill(email);
      await page.getByLabel("Password", { exact: true }).fill(password);
      const answered = page.waitForResponse((response) => response.request().method() === "POST");
      await page.getByRole("button", { name: "Sign in" }).click();
      await answered;
      await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
      await expect(page.locator("form [role=alert]")).toBeVisible();
      return (await page.locator("form").innerText()).replace(email, "EMAIL");
    };
    await page.goto("/sign-in");
    const unknown = await attempt("nobody.here@example.org", "wrong password 1");
    const wrong = await attempt("staff.soa13@centre.example", "wrong password 1");
    expect(wrong).toBe(unknown);
    expect(wrong).toContain("The e-mail address or password is not right.");
    // What was typed stays (except the password).
    await expect(page.getByLabel("E-mail address")).toHaveValue("staff.soa13@centre.example");
    await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");
    for (let i = 2; i <= 10; i += 1) await attempt("staff.soa13@centre.example", `wrong password ${i}`);
    const throttled = await attempt("staff.soa13@centre.example", DEMO_PASSWORD);
    expect(throttled).toContain("Too many failed attempts");
    await expect(page).toHaveURL(/\/sign-in/);
  });
});

test.describe("revocation (scenario 10)", () => {
  test("after sign-out the old cookie is rejected", async ({ page, browser }) => {
    await signIn(page, "focal.euro@who.example");
    const cookies = await page.context().cookies();
    const session = cookies.find((cookie) => cookie.name === "registry.session");
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false });
    // Idle timeout: the cookie lives 8 hours from the latest request (the proxy keeps it rolling).
    const hoursLeft = (session!.expires * 1000 - Date.now()) / 3_600_000;
    expect(hoursLeft).toBeGreaterThan(7.9);
    expect(hoursLeft).toBeLessThanOrEqual(8);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

    const replay = await browser.newContext();
    await replay.addCookies(cookies);
    const response = await replay.request.get("/my-work", { maxRedirects: 0 });
    expect(response.headers()["location"] ?? "").toContain("/sign-in");
    expect(await response.text()).not.toContain("Lena Novak");
    await replay.close();
  });

  test("a disabled user's session ends at their next request", async ({ page, browser }) => {
    const victim = await browser.newContext();
    const victimPage = await victim.newPage();
    await signIn(victimPage, "focal.afro@who.example");

    await signIn(page, "admin@registry.example");
    await page.goto("/admin/users?q=focal.afro");
    await page.getByRole("link", { name: "Nomvula Dlamini" }).click();
    await page.getByRole("button", { name: "Disable account" }).click();
    await expect(page.getByText("Account disabled; their sessions have ended.")).toBeVisible();
    await expect(page.getByTestId("audit-trail")).toContainText("user.disabled");

    const response = await victimPage.goto("/my-work");
    expect(response?.url()).toContain("/sign-in");
    await expect(victimPage.getByText("Nomvula Dlamini")).toHaveCount(0);
    await victim.close();
    // Later journeys sign in as this focal point: leave the demo account as it was.
    await page.getByRole("button", { name: "Enable account" }).click();
    await expect(page.getByTestId("audit-trail")).toContainText("user.enabled");
  });
});
