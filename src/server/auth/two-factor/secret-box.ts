import "server-only";

import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

// TOTP secrets are encrypted at rest (decision 0014): a copy of the database
// alone (a backup, a read-only leak) does not let anyone compute codes. The
// key is derived from AUTH_SECRET with HKDF, so there is no second secret to
// manage; rotating AUTH_SECRET means everyone enrolled enrols again (an
// administrator resets them). AES-256-GCM from Node's crypto: authenticated,
// so a tampered value fails to open instead of yielding another secret.
const VERSION = "v1";
const INFO = "collaborating-centres-registry two-factor secret v1";

function key(secret = process.env.AUTH_SECRET): Buffer {
  if (!secret) throw new Error("AUTH_SECRET is needed to encrypt two-factor secrets");
  return Buffer.from(hkdfSync("sha256", secret, Buffer.alloc(0), INFO, 32));
}

export function sealSecret(plain: string, authSecret?: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(authSecret), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), body].map((part) => part.toString("base64url"));
  return [VERSION, ...parts].join(".");
}

/** The plain secret, or null when the value was sealed with another key or altered. */
export function openSecret(sealed: string, authSecret?: string): string | null {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || body === undefined) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(authSecret), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString(
      "utf8",
    );
  } catch {
    return null;
  }
}
