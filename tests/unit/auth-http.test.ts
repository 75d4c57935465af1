import { describe, expect, it } from "vitest";

import { foreignOriginResponse, isForeignOrigin } from "@/server/auth/origin-guard";
import { clientIp } from "@/server/auth/request-meta";
import { contentSecurityPolicy, createNonce } from "@/server/auth/security-headers";
import { EnvError, parseEnv } from "@/server/config/env";

describe("foreign Origin guard", () => {
  const post = (headers: Record<string, string>, url = "http://localhost:3000/api/auth/signout") =>
    new Request(url, { method: "POST", headers });
  const production = { APP_URL: "https://registry.example.org", NODE_ENV: "production" };
  const demo = { APP_URL: "http://localhost:3000", PORT: "3000", DEMO_MODE: "true" };
  it("refuses a state-changing request from another site", () => {
    expect(isForeignOrigin(post({ origin: "https://evil.example" }), demo)).toBe(true);
    expect(isForeignOrigin(post({ origin: "null" }), demo)).toBe(true);
    expect(isForeignOrigin(post({ "sec-fetch-site": "cross-site" }), demo)).toBe(true);
  });
  it("accepts APP_URL's origin, and safe methods from anywhere", () => {
    expect(isForeignOrigin(post({ origin: "https://registry.example.org" }), production)).toBe(false);
    expect(
      isForeignOrigin(new Request("http://localhost:3000/", { headers: { origin: "https://evil.example" } })),
    ).toBe(false);
  });
  it("accepts every loopback name in demo mode and development, none of them in production", () => {
    for (const origin of ["http://localhost:3000", "http://127.0.0.1:3000", "http://[::1]:3000"]) {
      expect(isForeignOrigin(post({ origin }), demo), origin).toBe(false);
      expect(isForeignOrigin(post({ origin }), { NODE_ENV: "development" }), origin).toBe(false);
      expect(isForeignOrigin(post({ origin }), production), origin).toBe(true);
    }
    // The request's own URL or Host header is no reason to accept an origin.
    expect(
      isForeignOrigin(
        post({ origin: "http://10.0.0.5:3000", host: "10.0.0.5:3000" }, "http://10.0.0.5:3000/"),
        demo,
      ),
    ).toBe(true);
  });
  it("sends a person on this server under another name to the page that names APP_URL; other sites get a 403", async () => {
    const underAnotherName = { origin: "http://10.0.0.5:3000", host: "10.0.0.5:3000" };
    const action = foreignOriginResponse(
      post({ ...underAnotherName, "next-action": "abc" }, "http://x/sign-in"),
      production,
    );
    expect(action.status).toBe(403);
    expect(action.headers.get("x-action-redirect")).toBe("/wrong-address?from=%2Fsign-in;replace");
    const form = foreignOriginResponse(
      post({ ...underAnotherName, "sec-fetch-mode": "navigate" }, "http://x/sign-in"),
      production,
    );
    expect(form.status).toBe(303);
    expect(form.headers.get("location")).toBe("/wrong-address?from=%2Fsign-in");
    const attack = foreignOriginResponse(
      post({ origin: "https://evil.example", host: "registry.example.org", "next-action": "abc" }),
      production,
    );
    expect(attack.status).toBe(403);
    expect(attack.headers.get("x-action-redirect")).toBeNull();
    expect(await attack.json()).toMatchObject({
      error: { code: "foreign_origin", message: expect.stringContaining("https://registry.example.org") },
    });
  });
});

describe("client address as the app reads it", () => {
  it("is the one address the production server wrote, or unknown", () => {
    expect(clientIp("198.51.100.4")).toBe("198.51.100.4");
    expect(clientIp("::ffff:127.0.0.1")).toBe("127.0.0.1");
    // A list or a name was not written by scripts/serve.ts.
    expect(clientIp("6.6.6.6, 127.0.0.1")).toBe("unknown");
    expect(clientIp("evil")).toBe("unknown");
    expect(clientIp(null)).toBe("unknown");
  });
});

describe("content security policy", () => {
  it("carries a fresh nonce with strict-dynamic and the required lock-downs", () => {
    const nonce = createNonce();
    expect(nonce).not.toBe(createNonce());
    const csp = contentSecurityPolicy(nonce, { https: true, dev: false });
    expect(csp).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    for (const part of [
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "upgrade-insecure-requests",
    ]) {
      expect(csp).toContain(part);
    }
    expect(csp).not.toContain("unsafe-eval");
  });
});

describe("auth environment", () => {
  it("requires AUTH_SECRET in production, of at least 32 characters", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(EnvError);
    expect(() => parseEnv({ NODE_ENV: "production", AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET/);
    expect(parseEnv({ NODE_ENV: "production", AUTH_SECRET: "x".repeat(32) }).AUTH_SECRET).toHaveLength(32);
    expect(() => parseEnv({ SMTP_URL: "http://mail" })).toThrow(/SMTP_URL/);
    expect(() => parseEnv({ APP_URL: "ftp://x" })).toThrow(/APP_URL/);
  });
});
