// A default import: the package is CommonJS without named exports Node's ESM loader can detect.
import nextEnv from "@next/env";

/**
 * Loads `.env` files as Next does (`.env.production.local`, `.env.local`,
 * `.env.production`, `.env`; the process environment wins), so the checks
 * and the page cache of our scripts see the same settings as the app.
 */
export function loadEnvFiles(root: string): void {
  nextEnv.loadEnvConfig(root, false, {
    info: () => {},
    error: (...args: unknown[]) => console.error(...args),
  });
}
