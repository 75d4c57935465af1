import { execFile, execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, realpathSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

// A PostgreSQL server of the test's own, made with the installed PostgreSQL's
// initdb and pg_ctl in a temporary folder, which the test can stop and start
// again for real: the outage drill (e2e/operations.spec.ts) restarts it under
// load. The programs are found through `pg_config --bindir`, else beside the
// `postgres` on PATH; as root the server runs as the `postgres` user
// (PostgreSQL refuses to run as root). Without either, there is none to run.

const run = promisify(execFile);
const programs = ["initdb", "pg_ctl", "postgres"];

/** The folder of initdb, pg_ctl and postgres, or null when PostgreSQL is not installed here. */
export function postgresBinaries(): string | null {
  const complete = (dir: string) => programs.every((name) => existsSync(path.join(dir, name)));
  try {
    const dir = execFileSync("pg_config", ["--bindir"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
    if (complete(dir)) return dir;
  } catch {
    // No pg_config (a client-only install): look for the server on PATH.
  }
  for (const dir of (process.env.PATH ?? "").split(path.delimiter).filter(Boolean)) {
    const postgres = path.join(dir, "postgres");
    if (!existsSync(postgres)) continue;
    const real = path.dirname(realpathSync(postgres));
    if (complete(real)) return real;
  }
  return null;
}

/** The user the server runs as: this process's own, or `postgres` when this process is root. */
function serverUser(): { uid: number; gid: number } | undefined | null {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    return null;
  }
}

export type PrivatePostgres = {
  /** The `postgres` database of the server, as its superuser `postgres` (trust on 127.0.0.1). */
  url: string;
  /** A fast shutdown (`pg_ctl stop -m fast`, as a service restart does): sessions ended, new connections refused. */
  stop: () => Promise<void>;
  /** Starts it again on the same port and data folder; resolves once it accepts connections. */
  start: () => Promise<void>;
  /** Stops it (if running) and removes its folder. */
  close: () => Promise<void>;
};

/**
 * A new PostgreSQL server on 127.0.0.1:`port`, running; null when PostgreSQL
 * is not installed here (or this process is root and there is no `postgres`
 * user to run it as). Made for throwing away: no fsync.
 */
export async function startPrivatePostgres(port: number): Promise<PrivatePostgres | null> {
  const bindir = postgresBinaries();
  const user = serverUser();
  if (!bindir || user === null) return null;
  const folder = mkdtempSync(path.join(os.tmpdir(), "registry-postgres-"));
  if (user) chownSync(folder, user.uid, user.gid);
  const dataDir = path.join(folder, "data");
  const program = (name: string, args: string[]) =>
    run(path.join(bindir, name), args, { cwd: folder, ...user }).catch(
      (error: Error & { stderr?: string }) => {
        throw new Error(`${name} ${args.join(" ")}: ${error.message}\n${error.stderr ?? ""}`);
      },
    );
  const options = [
    `-p ${port}`,
    "-c listen_addresses=127.0.0.1",
    `-c unix_socket_directories=${folder}`,
    "-c fsync=off",
  ].join(" ");
  const start = () =>
    program("pg_ctl", [
      "start",
      "-w",
      "-D",
      dataDir,
      "-l",
      path.join(folder, "server.log"),
      "-o",
      options,
    ]).then(() => {});
  const stop = () => program("pg_ctl", ["stop", "-w", "-m", "fast", "-D", dataDir]).then(() => {});
  let running = false;
  try {
    await program("initdb", [
      "-D",
      dataDir,
      "-U",
      "postgres",
      "--auth=trust",
      "--encoding=UTF8",
      "--no-locale",
      "--no-sync",
    ]);
    await start();
    running = true;
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await stop();
      running = false;
    },
    start: async () => {
      await start();
      running = true;
    },
    close: async () => {
      if (running) await stop().catch(() => program("pg_ctl", ["stop", "-m", "immediate", "-D", dataDir]));
      running = false;
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
