import { existsSync } from "node:fs";

/** Debian's `chromium-headless-shell` package: the headless-only build Playwright itself prefers. */
export const DEBIAN_HEADLESS_SHELL = "/usr/bin/chromium-headless-shell";
/** Where Debian's `chromium` package puts its browser. */
export const DEBIAN_CHROMIUM = "/usr/bin/chromium";

/**
 * The browser the end-to-end tests (and scripts/make-icons.ts) launch:
 * CHROMIUM_PATH when set; else Debian's headless shell, which does the same
 * rendering for about half the CPU of the full browser in headless mode (no
 * browser UI or GPU process: decision 0021); else Debian's Chromium, because
 * machines without internet cannot download Playwright's; else undefined,
 * which makes Playwright use its own (`npx playwright install chromium`).
 */
export function chromiumExecutable(
  env: Partial<Record<string, string>> = process.env,
  exists: (file: string) => boolean = existsSync,
): string | undefined {
  if (env.CHROMIUM_PATH) return env.CHROMIUM_PATH;
  return [DEBIAN_HEADLESS_SHELL, DEBIAN_CHROMIUM].find((file) => exists(file));
}
