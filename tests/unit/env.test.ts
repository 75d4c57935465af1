import { describe, expect, it } from "vitest";

import { EnvError, parseEnv } from "@/server/config/env";

describe("parseEnv", () => {
  it("defaults to the embedded database in demo mode on port 3000", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PORT).toBe(3000);
    expect(env.demoMode).toBe(true);
  });

  it("turns demo mode off for a real database unless asked", () => {
    expect(parseEnv({ DATABASE_URL: "postgres://u@h/db" }).demoMode).toBe(false);
    expect(parseEnv({ DATABASE_URL: "postgres://u@h/db", DEMO_MODE: "true" }).demoMode).toBe(true);
  });

  it("names the variable that is wrong", () => {
    expect(() => parseEnv({ PORT: "http" })).toThrow(EnvError);
    expect(() => parseEnv({ PORT: "70000" })).toThrow(/PORT/);
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL: must be a postgres/);
    expect(() => parseEnv({ DEMO_MODE: "maybe" })).toThrow(/DEMO_MODE/);
  });

  it("treats empty values as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", PORT: "" }).PORT).toBe(3000);
  });
});

describe("PAGE_CACHE", () => {
  it("is on with 200 pages unless configured", () => {
    expect(parseEnv({})).toMatchObject({ PAGE_CACHE: "on", PAGE_CACHE_ENTRIES: 200 });
    expect(parseEnv({ PAGE_CACHE: "off", PAGE_CACHE_ENTRIES: "50" })).toMatchObject({
      PAGE_CACHE: "off",
      PAGE_CACHE_ENTRIES: 50,
    });
  });

  it("refuses values that would switch it silently or make it unbounded", () => {
    expect(() => parseEnv({ PAGE_CACHE: "false" })).toThrow(/PAGE_CACHE: must be "on" or "off"/);
    expect(() => parseEnv({ PAGE_CACHE_ENTRIES: "lots" })).toThrow(/PAGE_CACHE_ENTRIES/);
    expect(() => parseEnv({ PAGE_CACHE_ENTRIES: "0" })).toThrow(/PAGE_CACHE_ENTRIES/);
  });
});

describe("METRICS_TOKEN and LOG_LEVEL", () => {
  it("leave /metrics off and log at info unless configured", () => {
    const defaults = parseEnv({});
    expect(defaults.METRICS_TOKEN).toBeUndefined();
    expect(defaults.LOG_LEVEL).toBe("info");
    const token = "0123456789abcdef0123456789abcdef";
    expect(parseEnv({ METRICS_TOKEN: token, LOG_LEVEL: "warn" })).toMatchObject({
      METRICS_TOKEN: token,
      LOG_LEVEL: "warn",
    });
  });

  it("refuse a token too short to resist guessing or unfit for a header, and unknown levels", () => {
    expect(() => parseEnv({ METRICS_TOKEN: "short" })).toThrow(
      /METRICS_TOKEN: must be at least 24 characters/,
    );
    expect(() => parseEnv({ METRICS_TOKEN: "0123456789abcdef 0123456789abcdef" })).toThrow(
      /METRICS_TOKEN: may hold only/,
    );
    expect(() => parseEnv({ LOG_LEVEL: "verbose" })).toThrow(/LOG_LEVEL: must be one of/);
  });
});
