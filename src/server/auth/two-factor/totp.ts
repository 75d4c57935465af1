import "server-only";

import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";

import { TOTP_DIGITS, TOTP_PERIOD_SECONDS, TOTP_WINDOW } from "@/domain/two-factor";

// The RFC 6238 arithmetic is the otpauth library's; this file only fixes the
// parameters (SHA-1, 6 digits, 30 s: what every authenticator app reads).
const ISSUER = "Collaborating Centres Registry";

function totp(secretBase32: string, label = ""): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: "SHA1",
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** A new random 160-bit secret (RFC 4226's recommended length), base32. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The 30-second step `code` belongs to (within one step of now), or null when it matches none. */
export function matchingStep(secretBase32: string, code: string, now: Date): number | null {
  const delta = totp(secretBase32).validate({ token: code, timestamp: now.getTime(), window: TOTP_WINDOW });
  if (delta === null) return null;
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS) + delta;
}

/** The otpauth:// address an authenticator app scans. */
export function otpauthUri(secretBase32: string, email: string): string {
  return totp(secretBase32, email).toString();
}

/** The QR code of that address as SVG markup, drawn on the server (no outside service). */
export function qrCodeSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
}
