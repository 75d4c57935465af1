import { describe, expect, it } from "vitest";

import { SESSION_COOKIE_HTTP, SESSION_COOKIE_HTTPS } from "@/server/auth/config";
import {
  acceptsGzip,
  hasSessionCookie,
  maxCachedBodyBytes,
  nonceOf,
  pageCacheKey,
  storablePage,
  withNonce,
} from "@/server/http/anonymous-page-cache";
import { VersionedLru } from "@/server/cache/versioned-lru";

const get = (url: string, headers: Record<string, string> = {}) => ({
  method: "GET",
  url,
  headers: { host: "registry.example", ...headers },
});

describe("pageCacheKey", () => {
  it("keys an anonymous GET of the search page by host and URL", () => {
    const key = pageCacheKey(get("/centres?q=nursing&region=EURO"));
    expect(key).toContain("registry.example");
    expect(key).toContain("/centres?q=nursing&region=EURO");
    expect(pageCacheKey(get("/centres"))).not.toBeNull();
  });

  it("keeps sites and forwarded schemes apart", () => {
    const plain = pageCacheKey(get("/centres"));
    expect(pageCacheKey(get("/centres", { host: "other.example" }))).not.toBe(plain);
    expect(pageCacheKey(get("/centres", { "x-forwarded-host": "other.example" }))).not.toBe(plain);
    expect(pageCacheKey(get("/centres", { "x-forwarded-proto": "https" }))).not.toBe(plain);
  });

  it("keeps crawlers' pages apart from browsers'", () => {
    const browser = pageCacheKey(
      get("/centres", { "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/130" }),
    );
    const crawler = pageCacheKey(
      get("/centres", { "user-agent": "Mozilla/5.0 (compatible; Googlebot/2.1)" }),
    );
    expect(browser).not.toBeNull();
    expect(crawler).not.toBeNull();
    expect(crawler).not.toBe(browser);
    expect(pageCacheKey(get("/centres", { "user-agent": "Twitterbot/1.0" }))).toBe(crawler);
  });

  it("answers only the search page", () => {
    for (const url of [
      "/",
      "/centres/NOR-18",
      "/centres/",
      "/map",
      "/stats",
      "/my-work",
      "/api/v1/centres",
    ]) {
      expect(pageCacheKey(get(url)), url).toBeNull();
    }
  });

  it("never answers a signed-in visitor (session cookie or its chunks)", () => {
    for (const cookie of [
      `${SESSION_COOKIE_HTTP}=abc`,
      `${SESSION_COOKIE_HTTPS}=abc`,
      `theme=dark; ${SESSION_COOKIE_HTTP}.0=abc`,
      `a=1;${SESSION_COOKIE_HTTPS}.1=x`,
      // Auth.js reads any cookie whose name starts with the session cookie's.
      `${SESSION_COOKIE_HTTP}X=abc`,
      `${SESSION_COOKIE_HTTPS}-copy=abc`,
    ]) {
      expect(pageCacheKey(get("/centres", { cookie })), cookie).toBeNull();
    }
    expect(pageCacheKey(get("/centres", { authorization: "Bearer x" }))).toBeNull();
  });

  it("answers visitors with unrelated cookies", () => {
    expect(pageCacheKey(get("/centres", { cookie: "authjs.csrf-token=abc; theme=dark" }))).not.toBeNull();
    expect(hasSessionCookie(`x${SESSION_COOKIE_HTTP}=1`)).toBe(false);
    expect(hasSessionCookie(undefined)).toBe(false);
  });

  it("leaves flight requests, server actions, other methods and very long URLs to the app", () => {
    expect(pageCacheKey(get("/centres", { rsc: "1" }))).toBeNull();
    expect(pageCacheKey(get("/centres", { "next-router-prefetch": "1" }))).toBeNull();
    expect(pageCacheKey(get("/centres", { "next-action": "abc" }))).toBeNull();
    expect(pageCacheKey(get("/centres?q=a&_rsc=xyz"))).toBeNull();
    expect(pageCacheKey({ ...get("/centres"), method: "HEAD" })).toBeNull();
    expect(pageCacheKey({ ...get("/centres"), method: "POST" })).toBeNull();
    expect(pageCacheKey(get(`/centres?q=${"a".repeat(3000)}`))).toBeNull();
  });
});

const csp = (nonce: string) => `default-src 'self'; script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`;
const nonce = "otMI/48JLygsS2ki2Y6Z+aQw";
const html = (value: string) =>
  Buffer.from(
    `<html><script nonce="${value}">self.__next_f.push([1,"{\\"nonce\\":\\"${value}\\"}"])</script></html>`,
  );
const headers = {
  "content-type": "text/html; charset=utf-8",
  "content-security-policy": csp(nonce),
  link: `</a.css>; rel=preload; as="style"; nonce="${nonce}"`,
  date: "Wed, 25 Nov 2026 19:00:00 GMT",
  "content-length": "123",
  etag: '"abc"',
  "x-request-id": "0d9f2c1e-7b7a-4c55-9a1e-2f0c7a1b3c4d",
  vary: "rsc, Accept-Encoding",
};

describe("storablePage", () => {
  it("keeps a 200 HTML page with its nonce and without per-response headers", () => {
    const page = storablePage(200, headers, html(nonce));
    expect(page).not.toBeNull();
    expect(page!.nonce).toBe(nonce);
    const names = page!.headers.map(([name]) => name);
    expect(names).toEqual(
      expect.arrayContaining(["content-type", "content-security-policy", "link", "vary"]),
    );
    expect(names).not.toContain("date");
    expect(names).not.toContain("content-length");
    expect(names).not.toContain("etag");
    expect(names).not.toContain("x-request-id");
  });

  it("refuses what must not be shared or replayed", () => {
    expect(storablePage(404, headers, html(nonce))).toBeNull();
    expect(storablePage(302, headers, html(nonce))).toBeNull();
    expect(storablePage(200, { ...headers, "set-cookie": ["a=1"] }, html(nonce))).toBeNull();
    expect(storablePage(200, { ...headers, "content-type": "application/json" }, html(nonce))).toBeNull();
    expect(storablePage(200, { ...headers, "content-encoding": "gzip" }, html(nonce))).toBeNull();
    expect(storablePage(200, { ...headers, "content-security-policy": undefined }, html(nonce))).toBeNull();
    expect(storablePage(200, headers, Buffer.alloc(maxCachedBodyBytes + 1, "a"))).toBeNull();
  });
});

describe("withNonce", () => {
  it("gives every answer its own nonce, in headers, markup and flight data", () => {
    const page = storablePage(200, headers, html(nonce))!;
    const fresh = "NEWnonceNEWnonceNEWnonce";
    const answer = withNonce(page, fresh);
    expect(answer.body).toBe(html(fresh).toString());
    expect(answer.body).not.toContain(nonce);
    expect(Object.fromEntries(answer.headers)["content-security-policy"]).toBe(csp(fresh));
    expect(Object.fromEntries(answer.headers).link).toContain(`nonce="${fresh}"`);
    // The stored page is unchanged for the next answer.
    expect(page.body).toContain(nonce);
  });

  it("finds the nonce of a CSP", () => {
    expect(nonceOf(csp(nonce))).toBe(nonce);
    expect(nonceOf("default-src 'self'")).toBeNull();
    expect(nonceOf(undefined)).toBeNull();
  });
});

describe("acceptsGzip", () => {
  it.each([
    ["gzip, deflate, br", true],
    ["br;q=1.0, gzip;q=0.8", true],
    ["*", true],
    ["gzip;q=0", false],
    ["br", false],
    ["identity", false],
    ["", false],
  ])("%s → %s", (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });

  it("reads a repeated header", () => {
    expect(acceptsGzip(["br", "gzip"])).toBe(true);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});

describe("VersionedLru", () => {
  it("evicts the least recently used entry and misses on another version", () => {
    const cache = new VersionedLru<string>(2);
    cache.put("a", "1", "A");
    cache.put("b", "1", "B");
    expect(cache.peek("a", "1")).toBe("A");
    cache.put("c", "1", "C");
    expect(cache.peek("b", "1")).toBeUndefined();
    expect(cache.peek("a", "1")).toBe("A");
    expect(cache.peek("a", "2")).toBeUndefined();
    expect(cache.size).toBe(2);
  });

  it("does nothing while disabled", () => {
    let enabled = false;
    const cache = new VersionedLru<string>(2, () => enabled);
    cache.put("a", "1", "A");
    enabled = true;
    expect(cache.peek("a", "1")).toBeUndefined();
  });
});
