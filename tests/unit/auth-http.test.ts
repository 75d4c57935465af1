import { describe, expect, it } from "vitest";

import { isForeignOrigin } from "@/server/auth/origin-guard";
import { clientIp } from "@/server/auth/request-meta";
import { contentSecurityPolicy, createNonce } from "@/server/auth/security-headers";
import { EnvError, parseEnv } from "@/server/config/env";

describe("foreign Origin guard", () => {
  const post = (headers: Record<string, string>) =>
    new Request("http://localhost:3000/api/auth/signout", { method: "POST", headers });
  it("refuses a state-changing request from another site", () => {
    expect(isForeignOrigin(post({ origin: "https://evil.example" }))).toBe(true);
    expect(isForeignOrigin(post({ origin: "null" }))).toBe(true);
    expect(isForeignOrigin(post({ "sec-fetch-site": "cross-site" }))).toBe(true);
  });
  it("accepts the app's own origin, APP_URL, and safe methods", () => {
    expect(isForeignOrigin(post({ origin: "http://localhost:3000" }))).toBe(false);
    expect(
      isForeignOrigin(post({ origin: "https://registry.example.org" }), "https://registry.example.org"),
    ).toBe(false);
    expect(
      isForeignOrigin(new Request("http://localhost:3000/", { headers: { origin: "https://evil.example" } })),
    ).toBe(false);
  });
});

describe("client address", () => {
  it("takes the entry appended by the nearest trusted hop, ignoring what the client made up", () => {
    expect(clientIp("6.6.6.6, 127.0.0.1", 0)).toBe("127.0.0.1");
    expect(clientIp("6.6.6.6, 198.51.100.4, 10.0.0.2", 1)).toBe("198.51.100.4");
    expect(clientIp(null, 0)).toBe("unknown");
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
