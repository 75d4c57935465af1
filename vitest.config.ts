import path from "node:path";

import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname, "src"),
  // Next's marker package throws outside the react-server condition.
  "server-only": path.resolve(import.meta.dirname, "tests/support/empty-module.ts"),
};

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.integration.test.ts"],
          environment: "node",
          // Migrates and seeds each kind of database once; every file then
          // works on its own copy, so files run in parallel.
          globalSetup: ["tests/support/test-templates.ts"],
          // Two workers on the 2 cores: PostgreSQL files mostly wait on the
          // server, PGlite files keep their own core. More would starve the
          // tests that race transactions against Prisma's 2 s start limit.
          maxWorkers: Number(process.env.INTEGRATION_WORKERS ?? 2),
          // next-auth's ESM imports "next/server" without an extension, which only a bundler
          // resolves: let Vite load it (tests that drive Auth.js's own route handler).
          server: { deps: { inline: ["next-auth"] } },
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
