import { describe, expect, it } from "vitest";

import { acceptedOriginHosts, acceptedOrigins, configuredAppUrl } from "@/domain/site-address";

describe("site address", () => {
  it("is APP_URL without a trailing slash, or localhost on the port", () => {
    expect(configuredAppUrl({ APP_URL: "https://registry.example.org/" })).toBe(
      "https://registry.example.org",
    );
    expect(configuredAppUrl({ PORT: "4000" })).toBe("http://localhost:4000");
    expect(configuredAppUrl({})).toBe("http://localhost:3000");
    // The app has no basePath: a path in APP_URL would only break links.
    expect(configuredAppUrl({ APP_URL: "https://Registry.Example.org:443/registry/" })).toBe(
      "https://registry.example.org",
    );
  });

  it("accepts only APP_URL's origin in production", () => {
    expect(acceptedOrigins({ APP_URL: "https://registry.example.org", NODE_ENV: "production" })).toEqual([
      "https://registry.example.org",
    ]);
    expect(acceptedOrigins({ APP_URL: "http://localhost:3000", DEMO_MODE: "false" })).toEqual([
      "http://localhost:3000",
    ]);
  });

  it("adds every loopback name on the app's port in demo mode and development", () => {
    const loopback = ["http://localhost:3100", "http://127.0.0.1:3100", "http://[::1]:3100"];
    expect(acceptedOrigins({ APP_URL: "http://localhost:3100", PORT: "3100", DEMO_MODE: "true" })).toEqual(
      loopback,
    );
    expect(acceptedOrigins({ PORT: "3100", NODE_ENV: "development" })).toEqual(loopback);
    expect(acceptedOrigins({ APP_URL: "https://demo.example.org", PORT: "3100", DEMO_MODE: "1" })).toEqual([
      "https://demo.example.org",
      ...loopback,
    ]);
  });

  it("gives Next's allowedOrigins the same set, as hosts", () => {
    expect(
      acceptedOriginHosts({ APP_URL: "http://localhost:3100", PORT: "3100", DEMO_MODE: "true" }),
    ).toEqual(["localhost:3100", "127.0.0.1:3100", "[::1]:3100"]);
    expect(acceptedOriginHosts({ APP_URL: "https://registry.example.org" })).toEqual([
      "registry.example.org",
    ]);
  });
});
