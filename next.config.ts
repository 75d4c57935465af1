import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

import { acceptedOriginHosts } from "./src/domain/site-address";

const nextConfig: NextConfig = {
  // Parallel builds (e.g. two engineers' test runs on one machine) each use
  // their own folder; everyone else keeps the default.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  // Types are checked once, for the whole repository, by `npm run typecheck`
  // (part of `npm test`); the first `npm start` should not wait for it twice.
  typescript: { ignoreBuildErrors: true },
  reactStrictMode: true,
  // Native and WASM packages stay outside the server bundle.
  // prom-client and pino (external by Next's default) too: the production
  // server loads them beside the bundle, and both share one registry and logger.
  serverExternalPackages: [
    "argon2",
    "@electric-sql/pglite",
    "@electric-sql/pglite-socket",
    "pg",
    "prom-client",
  ],
  experimental: {
    // Next refuses a server action whose Origin is not the Host it was sent
    // to, unless listed here; our proxy refuses any Origin outside the same
    // list first (src/server/auth/origin-guard.ts). Read when the server
    // starts (scripts/serve.ts has set APP_URL and DEMO_MODE by then).
    serverActions: { allowedOrigins: acceptedOriginHosts(process.env) },
  },
};

// Finds src/i18n/request.ts, where each request's language and catalogue are chosen (decision 0026).
const withNextIntl = createNextIntlPlugin();

export default withNextIntl(nextConfig);
