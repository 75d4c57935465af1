import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { connect } from "node:net";

import { expect, test, type APIResponse } from "@playwright/test";

import { DEMO_PASSWORD } from "./auth-helpers";
import { query, startSecondServer, type SecondServer } from "./second-server";

// Issue #11 items 1, 6 and 7 against the real production server
// (scripts/serve.ts): the suite's server (demo mode, no trusted proxy) and a
// second one on the same build and database, in production mode behind one
// trusted proxy (decision 0012).

const loopback = ["127.0.0.1", "::1"];
const suitePort = Number(process.env.E2E_PORT ?? 3100);

/**
 * A raw GET, so that Host and X-Forwarded-* say what a client chooses. A
 * connection of its own each time: Node's agent keeps connections alive, and
 * reusing one just as the server closes it for idleness (5 s, e.g. while the
 * test reads a sitemap of six languages) is a "socket hang up".
 */
function rawGet(
  url: string,
  headers: Record<string, string>,
): Promise<{ headers: IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    httpRequest(url, { headers, agent: false }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ headers: response.headers, body }));
    })
      .on("error", reject)
      .end();
  });
}

const rateLimitKeys = async (addresses: string[]) =>
  (
    await query<{ key: string }>(`SELECT key FROM "ApiRateLimit" WHERE key = ANY($1)`, [
      addresses.map((address) => `api:${address}`),
    ])
  ).map((row) => row.key);

function expectSecurityHeaders(response: APIResponse, what: string) {
  const headers = response.headers();
  expect(headers["content-security-policy"], what).toContain("frame-ancestors 'none'");
  expect(headers["strict-transport-security"], what).toMatch(/max-age=\d+/);
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["referrer-policy"], what).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"], what).toBe("DENY");
}

test.describe("no trusted proxy (the suite's server)", () => {
  test("a forged X-Forwarded-For changes nothing: audit row and API rate limit keyed by the socket's address", async ({
    browser,
    request,
  }) => {
    const forged = "203.0.113.66";
    const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": forged } });
    const page = await context.newPage();
    const email = `forged-${Date.now()}@example.org`;
    await page.goto("/sign-in");
    await page.getByLabel("E-mail address").fill(email);
    await page.getByLabel("Password", { exact: true }).fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("form [role=alert]")).toContainText(
      "The e-mail address or password is not right.",
    );
    await context.close();
    const audit = await query<{ ip: string }>(
      `SELECT ip FROM "AuditEvent" WHERE action = 'auth.sign-in.failed' AND details->>'email' = $1`,
      [email],
    );
    expect(audit).toHaveLength(1);
    expect(loopback).toContain(audit[0]!.ip);

    const api = await request.get("/api/v1/centres?limit=1", {
      headers: { "X-Forwarded-For": "198.51.100.77" },
    });
    expect(api.status()).toBe(200);
    expect(await rateLimitKeys(["198.51.100.77"])).toEqual([]);
    expect((await rateLimitKeys(loopback)).length).toBeGreaterThan(0);
  });

  test("a person who opens the demo at 127.0.0.1 instead of localhost can sign in", async ({ browser }) => {
    const context = await browser.newContext({ baseURL: `http://127.0.0.1:${suitePort}` });
    const page = await context.newPage();
    await page.goto("/sign-in");
    await page.getByLabel("E-mail address").fill("focal.euro@who.example");
    await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(`http://127.0.0.1:${suitePort}/my-work`, { timeout: 30_000 });
    await expect(page.getByText("Lena Novak").first()).toBeVisible();
    await context.close();
  });

  test("every answer carries the security headers: the proxy's 403, a page-cache hit, a static file", async ({
    request,
  }) => {
    const refused = await request.post("/sign-in", {
      headers: { Origin: "https://evil.example", "Content-Type": "application/x-www-form-urlencoded" },
      data: "a=1",
      maxRedirects: 0,
    });
    expect(refused.status()).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: "foreign_origin" } });
    expectSecurityHeaders(refused, "foreign origin 403");

    // A new URL each try: a job that changes the directory meanwhile (at start-up) makes the next answer a miss.
    let page = "";
    await expect(async () => {
      const search = `/centres?q=nursing&ref=headers-${Date.now()}`;
      page = await (await request.get(search)).text();
      const again = await request.get(search);
      expect(again.headers()["x-page-cache"]).toBe("hit");
      expectSecurityHeaders(again, "page-cache hit");
    }).toPass({ timeout: 90_000, intervals: [1000] });

    const script = /<script[^>]+src="(\/_next\/static\/[^"]+)"/.exec(page)?.[1];
    expect(script).toBeTruthy();
    const file = await request.get(script!);
    expect(file.status()).toBe(200);
    expectSecurityHeaders(file, "static file");

    // A request Node itself cannot parse never reaches Next: Node answers it.
    const raw = await new Promise<string>((resolve, reject) => {
      let answer = "";
      const socket = connect(suitePort, "localhost", () =>
        socket.write("GET / HTTP/1.1\r\nHost: localhost\r\nNot a header\r\n\r\n"),
      );
      socket.setEncoding("utf8");
      socket.on("data", (chunk: string) => (answer += chunk));
      socket.on("end", () => resolve(answer));
      socket.on("error", reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400 /);
    expect(raw.toLowerCase()).toContain("content-security-policy: default-src 'self'");
    expect(raw.toLowerCase()).toContain("x-content-type-options: nosniff");
  });

  test("robots.txt and sitemap.xml name APP_URL whatever Host and X-Forwarded-Host say", async () => {
    const forged = { Host: "evil.example", "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https" };
    const appUrl = `http://localhost:${suitePort}`;
    const robots = await rawGet(`http://127.0.0.1:${suitePort}/robots.txt`, forged);
    expect(robots.body).toContain(`Sitemap: ${appUrl}/sitemap.xml`);
    const sitemap = await rawGet(`http://127.0.0.1:${suitePort}/sitemap.xml`, forged);
    const urls = [...sitemap.body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!);
    expect(urls.length).toBeGreaterThan(100);
    expect(urls.filter((url) => !url.startsWith(`${appUrl}/`))).toEqual([]);
    const centre = JSON.parse(
      (await rawGet(`http://127.0.0.1:${suitePort}/api/v1/centres/NOR-18`, forged)).body,
    );
    expect(centre.links.html).toBe(`${appUrl}/centres/NOR-18`);
    const list = JSON.parse(
      (await rawGet(`http://127.0.0.1:${suitePort}/api/v1/centres?limit=1`, forged)).body,
    );
    expect(list.links.self).toBe(`${appUrl}/api/v1/centres?limit=1`);
    expect(list.links.next.startsWith(`${appUrl}/api/v1/centres?`)).toBe(true);
    const feed = (await rawGet(`http://127.0.0.1:${suitePort}/feeds/designations.atom`, forged)).body;
    expect(feed).toContain(`${appUrl}/`);
    expect(feed).not.toContain("evil.example");
  });
});

test.describe("production mode behind one trusted proxy (a second server)", () => {
  let server: SecondServer;
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    server = await startSecondServer((port) => ({
      TRUSTED_PROXY_HOPS: "1",
      DEMO_MODE: "false",
      APP_URL: `http://localhost:${port}`,
    }));
  });
  test.afterAll(async () => {
    await server?.stop();
  });

  test("the client address is the last X-Forwarded-For entry, or the socket's when that entry is malformed", async ({
    request,
  }) => {
    const api = (forwardedFor: string) =>
      request.get(`${server.base}/api/v1/centres?limit=1`, { headers: { "X-Forwarded-For": forwardedFor } });
    expect((await api("192.0.2.44, 198.51.100.88")).status()).toBe(200);
    expect(await rateLimitKeys(["198.51.100.88"])).toEqual(["api:198.51.100.88"]);
    expect(await rateLimitKeys(["192.0.2.44"])).toEqual([]);

    expect((await api("198.51.100.99, not-an-address")).status()).toBe(200);
    expect(await rateLimitKeys(["198.51.100.99", "not-an-address"])).toEqual([]);
  });

  test("a person on another address of the server is shown the registry's address, not an error", async ({
    browser,
  }) => {
    const context = await browser.newContext({ baseURL: `http://127.0.0.1:${server.port}` });
    const page = await context.newPage();
    await page.goto("/sign-in");
    await page.getByLabel("E-mail address").fill("focal.euro@who.example");
    await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/wrong-address\?from=%2Fsign-in$/);
    await expect(page.getByRole("heading", { name: "Open the registry at its own address" })).toBeVisible();
    await expect(page.getByRole("link", { name: `Continue at ${server.base}` })).toHaveAttribute(
      "href",
      `${server.base}/sign-in`,
    );
    await expect(page.getByText("Something went wrong")).toHaveCount(0);
    await context.close();
  });
});
