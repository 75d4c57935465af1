import { TOTP } from "otpauth";
import { describe, expect, it } from "vitest";

import { actions } from "@/domain/permissions";
import {
  blockedUntilEnrolled,
  formatRecoveryCode,
  mustEnrolNow,
  mustUseTwoFactor,
  parseSecondFactor,
  RECOVERY_CODE_ALPHABET,
  stepIsFresh,
} from "@/domain/two-factor";
import { openSecret, sealSecret } from "@/server/auth/two-factor/secret-box";
import { twoFactorRequired } from "@/server/auth/two-factor/settings";
import { matchingStep, newTotpSecret, otpauthUri, qrCodeSvg } from "@/server/auth/two-factor/totp";
import { parseEnv } from "@/server/config/env";

const admin = { roles: [{ role: "ADMIN" as const }] };
const officer = { roles: [{ role: "OFFICER" as const }] };
const staff = { roles: [{ role: "CENTRE_STAFF" as const }] };
const focal = { roles: [{ role: "FOCAL_POINT" as const }, { role: "UNIT_HEAD" as const }] };

describe("who must use two-factor sign-in", () => {
  it("administrators and WHO officers, only when REQUIRE_TWO_FACTOR is on", () => {
    expect(mustUseTwoFactor(admin.roles, true)).toBe(true);
    expect(mustUseTwoFactor(officer.roles, true)).toBe(true);
    expect(mustUseTwoFactor([...staff.roles, ...officer.roles], true)).toBe(true);
    expect(mustUseTwoFactor(staff.roles, true)).toBe(false);
    expect(mustUseTwoFactor(focal.roles, true)).toBe(false);
    expect(mustUseTwoFactor(admin.roles, false)).toBe(false);
  });

  it("sends someone who must and is not enrolled to set-up first", () => {
    expect(mustEnrolNow({ ...admin, twoFactorEnrolled: false }, true)).toBe(true);
    expect(mustEnrolNow(admin, true)).toBe(true);
    expect(mustEnrolNow({ ...admin, twoFactorEnrolled: true }, true)).toBe(false);
    expect(mustEnrolNow({ ...staff, twoFactorEnrolled: false }, true)).toBe(false);
    expect(mustEnrolNow({ ...officer, twoFactorEnrolled: false }, false)).toBe(false);
  });

  it("blocks every action but set-up, being signed in and public ones until then", () => {
    const pending = { ...officer, twoFactorEnrolled: false };
    const allowed = actions.filter((action) => !blockedUntilEnrolled(pending, action, true));
    expect(allowed.sort()).toEqual(
      [
        "account.request-password-reset",
        "account.set-password",
        "account.sign-in",
        "account.two-factor",
        "workspace.my-work",
      ].sort(),
    );
    for (const action of actions) {
      expect(blockedUntilEnrolled({ ...officer, twoFactorEnrolled: true }, action, true)).toBe(false);
      expect(blockedUntilEnrolled(pending, action, false)).toBe(false);
    }
  });
});

describe("what the code field accepts", () => {
  it("six digits from the app, with the spaces apps show", () => {
    expect(parseSecondFactor("123456")).toEqual({ kind: "totp", code: "123456" });
    expect(parseSecondFactor(" 123 456 ")).toEqual({ kind: "totp", code: "123456" });
  });

  it("a recovery code in any case, with or without its hyphen", () => {
    expect(parseSecondFactor("abcde-23456")).toEqual({ kind: "recovery", code: "abcde-23456" });
    expect(parseSecondFactor("ABCDE23456")).toEqual({ kind: "recovery", code: "abcde-23456" });
    expect(parseSecondFactor(" abcde 23456 ")).toEqual({ kind: "recovery", code: "abcde-23456" });
  });

  it("nothing typed is 'none'; anything else is malformed", () => {
    expect(parseSecondFactor(undefined)).toEqual({ kind: "none" });
    expect(parseSecondFactor("   ")).toEqual({ kind: "none" });
    for (const bad of [
      "12345",
      "1234567",
      "12345a",
      "abcde-2345",
      "abcde-23450",
      "abc-de-23456",
      "ilo01-23456",
      "🙂",
    ]) {
      expect(parseSecondFactor(bad), bad).toEqual({ kind: "malformed" });
    }
  });

  it("recovery codes are ten characters of an alphabet without look-alikes", () => {
    expect(formatRecoveryCode("abcdefghjk")).toBe("abcde-fghjk");
    expect(() => formatRecoveryCode("abcdefghj")).toThrow();
    expect(() => formatRecoveryCode("abcdefghj1")).toThrow();
    for (const lookalike of "01ilo") expect(RECOVERY_CODE_ALPHABET).not.toContain(lookalike);
  });

  it("a 30-second step counts once", () => {
    expect(stepIsFresh(null, 5)).toBe(true);
    expect(stepIsFresh(4, 5)).toBe(true);
    expect(stepIsFresh(5, 5)).toBe(false);
    expect(stepIsFresh(6, 5)).toBe(false);
  });
});

describe("TOTP through the otpauth library", () => {
  const secret = newTotpSecret();
  const app = new TOTP({ secret, algorithm: "SHA1", digits: 6, period: 30 });
  const now = new Date("2026-12-01T10:00:10Z");
  const step = Math.floor(now.getTime() / 30_000);

  it("accepts the code of now and of one step either side, and names its step", () => {
    expect(matchingStep(secret, app.generate({ timestamp: now.getTime() }), now)).toBe(step);
    expect(matchingStep(secret, app.generate({ timestamp: now.getTime() - 30_000 }), now)).toBe(step - 1);
    expect(matchingStep(secret, app.generate({ timestamp: now.getTime() + 30_000 }), now)).toBe(step + 1);
    expect(matchingStep(secret, app.generate({ timestamp: now.getTime() - 90_000 }), now)).toBeNull();
  });

  it("matches RFC 6238's SHA-1 test vector", () => {
    // RFC 6238 appendix B: secret "12345678901234567890", T = 59 s → 94287082 (8 digits).
    const rfc = new TOTP({ secret: "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", digits: 8, period: 30 });
    expect(rfc.generate({ timestamp: 59_000 })).toBe("94287082");
  });

  it("draws the otpauth:// address as an SVG QR code", async () => {
    const uri = otpauthUri(secret, "someone@who.example");
    expect(uri).toMatch(/^otpauth:\/\/totp\/.*someone%40who\.example\?.*secret=/);
    expect(uri).toContain("digits=6");
    const svg = await qrCodeSvg(uri);
    expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  });
});

describe("secrets at rest", () => {
  const key = "k".repeat(40);

  it("are sealed with a key from AUTH_SECRET and open only with it", () => {
    const sealed = sealSecret("JBSWY3DPEHPK3PXP", key);
    expect(sealed).not.toContain("JBSWY3DPEHPK3PXP");
    expect(sealed).not.toBe(sealSecret("JBSWY3DPEHPK3PXP", key)); // a fresh IV each time
    expect(openSecret(sealed, key)).toBe("JBSWY3DPEHPK3PXP");
    expect(openSecret(sealed, "x".repeat(40))).toBeNull();
  });

  it("refuse a tampered or malformed value instead of yielding another secret", () => {
    const sealed = sealSecret("JBSWY3DPEHPK3PXP", key);
    const [version, iv, tag, body] = sealed.split(".");
    const flipped = `${body![0] === "A" ? "B" : "A"}${body!.slice(1)}`;
    expect(openSecret([version, iv, tag, flipped].join("."), key)).toBeNull();
    expect(openSecret("v1.x", key)).toBeNull();
    expect(openSecret("plain", key)).toBeNull();
  });
});

describe("REQUIRE_TWO_FACTOR", () => {
  it("is off unless set, and a wrong value stops start-up naming it", () => {
    expect(parseEnv({}).REQUIRE_TWO_FACTOR).toBe(false);
    expect(parseEnv({ REQUIRE_TWO_FACTOR: "true" }).REQUIRE_TWO_FACTOR).toBe(true);
    expect(() => parseEnv({ REQUIRE_TWO_FACTOR: "yes" })).toThrow(/REQUIRE_TWO_FACTOR/);
    expect(twoFactorRequired({})).toBe(false);
    expect(twoFactorRequired({ REQUIRE_TWO_FACTOR: "1" })).toBe(true);
    expect(twoFactorRequired({ REQUIRE_TWO_FACTOR: "false" })).toBe(false);
  });
});
