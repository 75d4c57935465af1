import { existsSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { defineConfig } from "prisma/config";

// Prisma's CLI downloads a native schema engine at run time, even for
// `prisma generate`, and fails offline. Where that binary is not installed
// (and nobody chose one with PRISMA_SCHEMA_ENGINE_BINARY), point the CLI at our
// shim: `generate` only checks that the file exists, and migrate/db commands
// get a clear message naming `npm run db:migrate | db:diff | db:reset`, which
// run the same engine as WebAssembly. Where the binary could be downloaded,
// the standard CLI is left alone. This file is loaded before the CLI looks
// for the engine, so setting the variable here is enough.
const root = path.dirname(fileURLToPath(import.meta.url));

function nativeSchemaEngineInstalled(): boolean {
  try {
    // The CLI looks in @prisma/engines (resolved from prisma) and in prisma's own folder.
    const prismaDir = path.dirname(createRequire(import.meta.url).resolve("prisma/package.json"));
    const enginesDir = path.dirname(
      createRequire(path.join(prismaDir, "package.json")).resolve("@prisma/engines/package.json"),
    );
    return [enginesDir, prismaDir].some(
      (dir) => existsSync(dir) && readdirSync(dir).some((name) => name.startsWith("schema-engine-")),
    );
  } catch {
    return false;
  }
}

if (!process.env.PRISMA_SCHEMA_ENGINE_BINARY && !nativeSchemaEngineInstalled()) {
  process.env.PRISMA_SCHEMA_ENGINE_BINARY = path.join(root, "scripts/prisma-schema-engine.mjs");
}

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  // Only migrate/db commands need it; `prisma generate` must work without it.
  ...(process.env.DATABASE_URL ? { datasource: { url: process.env.DATABASE_URL } } : {}),
});
