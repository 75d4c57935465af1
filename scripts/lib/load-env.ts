import { loadEnvConfig } from "@next/env";

/**
 * Loads `.env` files as Next does (`.env.production.local`, `.env.local`,
 * `.env.production`, `.env`; the process environment wins), so the checks
 * and the page cache of our scripts see the same settings as the app.
 */
export function loadEnvFiles(root: string): void {
  loadEnvConfig(root, false, { info: () => {}, error: (...args: unknown[]) => console.error(...args) });
}
