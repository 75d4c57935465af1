import { existsSync } from "node:fs";

/** Where Debian's `chromium` package puts its browser. */
export const DEBIAN_CHROMIUM = "/usr/bin/chromium";

/**
 * The browser the end-to-end tests (and scripts/make-icons.ts) launch:
 * CHROMIUM_PATH when set; else Debian's Chromium when it is installed, because
 * machines without internet cannot download Playwright's; else undefined, which
 * makes Playwright use its own Chromium (`npx playwright install chromium`).
 */
export function chromiumExecutable(
  env: Partial<Record<string, string>> = process.env,
  exists: (file: string) => boolean = existsSync,
): string | undefined {
  if (env.CHROMIUM_PATH) return env.CHROMIUM_PATH;
  return exists(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined;
}
