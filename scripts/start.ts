// `npm start`: one command from a fresh clone to a running registry.
// Validates the environment, provides the database (the embedded PGlite when
// DATABASE_URL is unset), migrates, seeds demo data into an empty demo
// database, builds the app when the build is missing or stale, and serves it.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import path from "node:path";

import { EnvError, parseEnv } from "../src/server/config/env";
import { checkDatabaseReachable, resolveDatabaseUrl } from "../src/server/db/embedded";
import { applyMigrations } from "../src/server/db/schema-engine";
import { ensurePortFree, PortInUseError } from "./lib/port";
import { newestModification } from "./lib/files";
import { seedIfEmpty } from "./lib/seed-if-empty";
import { devAuthSecret } from "./lib/dev-auth-secret";
import { loadEnvFiles } from "./lib/load-env";

const root = path.resolve(import.meta.dirname, "..");

async function main(): Promise<void> {
  loadEnvFiles(root);
  const env = parseEnv();
  await ensurePortFree(env.PORT, env.HOSTNAME);

  const database = await resolveDatabaseUrl();
  // Filled once the app server runs; the stop handler may fire before that.
  const running: { server?: ChildProcess } = {};
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    const server = running.server;
    if (server && server.exitCode === null) {
      server.kill("SIGTERM");
      await new Promise((resolve) => server.once("exit", resolve));
    }
    await database.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));

  try {
    await checkDatabaseReachable(database.url);
    const applied = await applyMigrations({
      url: database.url,
      migrationsDir: path.join(root, "prisma/migrations"),
    });
    console.log(
      applied.length ? `Applied migrations: ${applied.join(", ")}` : "Database schema is up to date.",
    );
    await seedIfEmpty(database.url, env.demoMode);

    if (needsBuild()) {
      console.log("Building the application (first start or changed sources)…");
      await run(process.execPath, [nextBin(), "build"], { DATABASE_URL: database.url });
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    await stop(1);
    return;
  }

  console.log(
    `Serving on http://${env.HOSTNAME}:${env.PORT} (${database.embedded ? "embedded database" : "DATABASE_URL"}). Ctrl-C stops.`,
  );
  // Only a demo may run without a configured AUTH_SECRET (NODE_ENV=production
  // always requires one: parseEnv refuses to start without it).
  if (!env.AUTH_SECRET && !database.embedded && !env.demoMode) {
    console.error("AUTH_SECRET is required with DATABASE_URL (e.g. `openssl rand -base64 33`).");
    await stop(1);
    return;
  }
  const auth = {
    AUTH_SECRET: env.AUTH_SECRET ?? devAuthSecret(env.EMBEDDED_DB_DIR),
    APP_URL: env.APP_URL ?? `http://${env.HOSTNAME}:${env.PORT}`,
  };
  // The production server (Next behind the anonymous page cache, scripts/serve.ts).
  const serve = ["--import", "tsx", path.join(root, "scripts/serve.ts")];
  const server = spawn(process.execPath, [...serve, "--port", String(env.PORT), "--hostname", env.HOSTNAME], {
    cwd: root,
    stdio: "inherit",
    env: {
      ...process.env,
      ...auth,
      DATABASE_URL: database.url,
      DEMO_MODE: String(env.demoMode),
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  running.server = server;
  server.once("exit", (code) => void stop(code ?? 0));
}

function nextBin(): string {
  return path.join(root, "node_modules/next/dist/bin/next");
}

/** A build is needed when there is none or a source file is newer than it. */
function needsBuild(): boolean {
  const buildId = path.join(root, process.env.NEXT_DIST_DIR ?? ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const builtAt = statSync(buildId).mtimeMs;
  const sources = ["src", "public", "next.config.ts", "package-lock.json", "postcss.config.mjs"].map(
    (entry) => path.join(root, entry),
  );
  return newestModification(sources) > builtAt;
}

function run(command: string, args: string[], extraEnv: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, ...extraEnv, NEXT_TELEMETRY_DISABLED: "1" },
    });
    child.once("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${args.join(" ")} failed with exit code ${code}`)),
    );
  });
}

main().catch((error: unknown) => {
  if (error instanceof EnvError || error instanceof PortInUseError) {
    console.error(error.message);
  } else {
    console.error(error instanceof Error ? error.message : String(error));
  }
  process.exit(1);
});
