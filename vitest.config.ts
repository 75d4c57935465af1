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
          // Most of a file's time is spent waiting on its database (PostgreSQL
          // is another process; argon2 runs on libuv's threads): one more
          // worker than the 2 cores keeps both busy.
          maxWorkers: Number(process.env.INTEGRATION_WORKERS ?? 3),
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
