import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * The embedded demo needs a session-signing secret without asking anyone to
 * make one: generate it once and keep it next to the demo database (mode
 * 0600), so sessions survive a restart. Real deployments set AUTH_SECRET.
 */
export function devAuthSecret(dataDir: string): string {
  const file = path.join(path.dirname(path.resolve(dataDir)), "auth-secret");
  if (existsSync(file)) {
    const stored = readFileSync(file, "utf8").trim();
    if (stored.length >= 32) return stored;
  }
  const secret = randomBytes(33).toString("base64url");
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
