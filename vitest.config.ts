import path from "node:path";

import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname, "src"),
  // Next's marker package throws outside the react-server condition.
  "server-only": path.resolve(import.meta.dirname, "tests/support/empty-module.ts"),
};

/** Integration files that must not share the machine with another file. */
const alone = ["tests/integration/sign-in.integration.test.ts"];

/** An integration project: real databases, each file on its own copy of a template. */
function integration(test: TestProjectInlineConfiguration["test"]): TestProjectInlineConfiguration {
  return {
    resolve: { alias },
    test: {
      include: ["tests/integration/**/*.integration.test.ts"],
      environment: "node",
      // Migrates and seeds each kind of database once per run (both projects
      // share it); every file then works on its own copy.
      globalSetup: ["tests/support/test-templates.ts"],
      // next-auth's ESM imports "next/server" without an extension, which only a bundler
      // resolves: let Vite load it (tests that drive Auth.js's own route handler).
      server: { deps: { inline: ["next-auth"] } },
      testTimeout: 120_000,
      hookTimeout: 180_000,
      // As the journeys (playwright.config.ts): in CI a failed test runs once
      // more, and `npm test` names it under its results as flaky, so a race
      // that a loaded machine lost once is seen without sinking the run.
      retry: process.env.CI ? 1 : 0,
      ...test,
    },
  };
}

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" },
      },
      integration({
        name: "integration",
        exclude: [...alone],
        // Two workers on the 2 cores: PostgreSQL files mostly wait on the
        // server, PGlite files keep their own core.
        maxWorkers: Number(process.env.INTEGRATION_WORKERS ?? 2),
      }),
      integration({
        // Races of parallel transactions against Prisma's 2 s limit to start
        // one, on PGlite in the test's own process: starved when another file
        // runs beside them. They run alone, after the others.
        name: "integration-alone",
        include: [...alone],
        fileParallelism: false,
        sequence: { groupOrder: 1 },
      }),
    ],
  },
});
