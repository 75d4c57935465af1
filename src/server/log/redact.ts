// What the logs must never hold (decision 0027): secrets (passwords, tokens,
// session cookies, authorization headers, second-factor codes, passwords in
// connection URLs) and personal data (e-mail addresses, client addresses).
// Two passes, both plain functions: the logger scrubs each value handed to it
// by key name (redactValue), then the finished JSON line by pattern
// (redactLine), which also catches what sits inside messages and stacks.
// No "server-only" marker: the production server uses it too.

export const REDACTED = "[redacted]";
export const EMAIL_REDACTED = "[e-mail]";

// Key names compared in lower case without "-" and "_": "X-Forwarded-For"
// is "xforwardedfor", "new_password" is "newpassword".
const secretKeyParts = [
  "password",
  "passcode",
  "passphrase",
  "secret",
  "token",
  "authorization",
  "cookie",
  "apikey",
  "credential",
  "privatekey",
  "recoverycode",
];
const secretKeys = new Set(["otp", "totp", "code", "pin"]);
const personalKeyParts = ["email", "phone"];
// Client addresses: the audit trail keeps them for security events; the logs do not.
const addressKeys = new Set(["ip", "clientip", "remoteaddress", "xforwardedfor", "xrealip", "forwarded"]);

export function isRedactedKey(key: string): boolean {
  const name = key.toLowerCase().replace(/[-_]/g, "");
  return (
    secretKeys.has(name) ||
    addressKeys.has(name) ||
    secretKeyParts.some((part) => name.includes(part)) ||
    personalKeyParts.some((part) => name.includes(part))
  );
}

const MAX_DEPTH = 6;
const MAX_ITEMS = 50;
const MAX_STRING = 8_000;

/**
 * A copy of `value` fit for a log line: the values of secret or personal keys
 * replaced, errors as plain objects (type, message, stack, code, cause), and
 * strings passed through redactText. Deep structures and long arrays are cut.
 */
export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return redactText(value);
  if (value === null || typeof value !== "object") {
    return typeof value === "function" || typeof value === "symbol" ? undefined : value;
  }
  if (depth >= MAX_DEPTH) return "[…]";
  if (value instanceof Error) return redactError(value, depth);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_ITEMS).map((item) => redactValue(item, depth + 1));
    return value.length > MAX_ITEMS ? [...items, `[${value.length - MAX_ITEMS} more]`] : items;
  }
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] = isRedactedKey(key) ? REDACTED : redactValue(item, depth + 1);
  }
  return copy;
}

function redactError(error: Error, depth: number): Record<string, unknown> {
  const plain: Record<string, unknown> = {
    type: error.name,
    message: redactText(error.message),
  };
  if (error.stack) plain.stack = redactText(error.stack);
  const { code, cause } = error as { code?: unknown; cause?: unknown };
  if (typeof code === "string" || typeof code === "number") plain.code = code;
  if (cause !== undefined) plain.cause = redactValue(cause, depth + 1);
  return plain;
}

const email = /[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const bearer = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi;
// scheme://user:password@host: the password goes (before the e-mail pattern sees "password@host").
const urlPassword = /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@"]*):[^\s@/"]*@/gi;

/** `text` (cut to a sane length) with e-mail addresses, bearer/basic credentials and URL passwords replaced. */
export function redactText(text: string): string {
  return redactLine(text.length > MAX_STRING ? `${text.slice(0, MAX_STRING)}…` : text);
}

/** The patterns of redactText over a finished JSON log line: what sits inside messages and stacks too. */
export function redactLine(line: string): string {
  return line
    .replace(urlPassword, `$1:${REDACTED}@`)
    .replace(bearer, `$1 ${REDACTED}`)
    .replace(email, EMAIL_REDACTED);
}
