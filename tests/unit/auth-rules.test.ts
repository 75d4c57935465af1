import { describe, expect, it } from "vitest";

import {
  INVITATION_TTL_MS,
  PASSWORD_RESET_TTL_MS,
  retryInMinutes,
  tokenStatus,
  tokenTtl,
} from "@/domain/auth-tokens";
import { checkPassword, passwordLength } from "@/domain/password-policy";
import { SESSION_ABSOLUTE_SECONDS, sessionExpired } from "@/domain/session-timeouts";

describe("password policy", () => {
  it("takes 8 to 128 characters counted as the person sees them, without composition rules", () => {
    expect(checkPassword("short7!")).toBe("too-short");
    expect(checkPassword("plain lowercase words")).toBeNull();
    expect(checkPassword("x".repeat(128).replace(/^x{4}/, "abcd"))).toBeNull();
    expect(checkPassword("y".repeat(129))).toBe("too-long");
    expect(passwordLength("🙂🙂🙂🙂")).toBe(4);
    expect(checkPassword("🙂🙂🙂🙂🙂🙂🙂")).toBe("too-short");
  });

  it("never trims: spaces count", () => {
    expect(checkPassword("       a")).toBeNull();
    expect(passwordLength("  abc  ")).toBe(7);
  });

  it("refuses common passwords whatever their case", () => {
    expect(checkPassword("password123")).toBe("common");
    expect(checkPassword("Qwertyuiop")).toBe("common");
    expect(checkPassword("12345678")).toBe("common");
    expect(checkPassword("registry-demo-2026")).toBeNull();
  });

  it("refuses the person's own e-mail address", () => {
    expect(checkPassword("Someone@Example.org", { email: "someone@example.org" })).toBe("contains-email");
  });
});

describe("link tokens and sessions", () => {
  const now = new Date("2026-11-25T10:00:00Z");
  it("expire invitations after 72 hours and resets after at most 60 minutes", () => {
    expect(tokenTtl("INVITATION")).toBe(INVITATION_TTL_MS);
    expect(PASSWORD_RESET_TTL_MS).toBeLessThanOrEqual(60 * 60_000);
    expect(tokenStatus({ expiresAt: new Date(now.getTime() + 1), usedAt: null }, now)).toBe("valid");
    expect(tokenStatus({ expiresAt: now, usedAt: null }, now)).toBe("expired");
    expect(tokenStatus({ expiresAt: new Date(now.getTime() + 1), usedAt: now }, now)).toBe("used");
    expect(tokenStatus(null, now)).toBe("unknown");
  });

  it("ends a session 12 hours after sign-in whatever happens", () => {
    expect(sessionExpired(0, SESSION_ABSOLUTE_SECONDS)).toBe(false);
    expect(sessionExpired(0, SESSION_ABSOLUTE_SECONDS + 1)).toBe(true);
  });
});

describe("reset request limits", () => {
  it("says how long to wait in whole minutes, never zero", () => {
    expect(retryInMinutes(0)).toBe(1);
    expect(retryInMinutes(1)).toBe(1);
    expect(retryInMinutes(60)).toBe(1);
    expect(retryInMinutes(61)).toBe(2);
    expect(retryInMinutes(3600)).toBe(60);
  });
});
