import type { NextConfig } from "next";

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
  serverExternalPackages: ["argon2", "@electric-sql/pglite", "@electric-sql/pglite-socket", "pg"],
};

export default nextConfig;
