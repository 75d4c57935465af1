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
        // Real databases, each file on its own copy of a template.
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.integration.test.ts"],
          environment: "node",
          // Migrates and seeds each kind of database once per run; every file
          // then works on its own copy.
          globalSetup: ["tests/support/test-templates.ts"],
          // next-auth's ESM imports "next/server" without an extension, which only a bundler
          // resolves: let Vite load it (tests that drive Auth.js's own route handler).
          server: { deps: { inline: ["next-auth"] } },
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // Two workers on the 2 cores: PostgreSQL files mostly wait on the
          // server, PGlite files keep their own core. The sign-in races, once
          // a project of their own run after the others (Prisma gave up on a
          // transaction not started within 2 s on a busy machine), run beside
          // the rest since the client waits up to 10 s (create-client.ts).
          maxWorkers: Number(process.env.INTEGRATION_WORKERS ?? 2),
          // As the journeys (playwright.config.ts): in CI a failed test runs once
          // more, and `npm test` names it under its results as flaky, so a race
          // that a loaded machine lost once is seen without sinking the run.
          retry: process.env.CI ? 1 : 0,
        },
      },
    ],
  },
});
