#!/usr/bin/env node
// Stand-in for Prisma's native `schema-engine` binary, which the CLI cannot
// download offline (prisma.config.ts points PRISMA_SCHEMA_ENGINE_BINARY here
// only when the real binary is absent). `prisma generate` merely checks that
// the file exists; `prisma --version` runs it with --version. Every other use
// (migrate, db push/pull, ...) speaks JSON-RPC over stdio, which this shim does
// not: it fails at once and names the project's commands, which run the same
// engine as WebAssembly (src/server/db/schema-engine.ts).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const args = process.argv.slice(2);

if (args.includes("--version") || args.includes("-V")) {
  const require = createRequire(import.meta.url);
  // The package exports no ./package.json: find it beside its entry point.
  const entry = require.resolve("@prisma/schema-engine-wasm");
  const { version } = JSON.parse(readFileSync(path.join(path.dirname(entry), "package.json"), "utf8"));
  console.log(
    `schema-engine-cli ${version.split(".").pop()} (WebAssembly engine via the project's npm scripts)`,
  );
  process.exit(0);
}

const message = [
  "This project runs Prisma's schema engine as WebAssembly; the Prisma CLI's migrate/db commands are not available offline.",
  "Use instead:",
  "  npm run db:migrate          apply pending migrations (prisma migrate deploy)",
  "  npm run db:diff -- <name>   write a new migration from prisma/schema.prisma (prisma migrate dev --create-only)",
  "  npm run db:reset            empty the database and apply all migrations (prisma migrate reset)",
].join("\n");
// The CLI skips the first stderr line and reads the others as the engine's
// JSON log records; an ERROR record is what it shows to the user.
console.error("schema-engine shim: not available offline");
console.error(
  JSON.stringify({
    timestamp: new Date().toISOString(),
    level: "ERROR",
    fields: { message },
    target: "schema_engine::logger",
  }),
);
process.exit(1);
