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
          // Each file gets its own database, but the machine has 2 cores and
          // PGlite is single-threaded: run files one after another.
          fileParallelism: false,
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
