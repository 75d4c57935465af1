import { spawn } from "node:child_process";
import path from "node:path";

// The production server (scripts/serve.ts on the current build) in a child
// process, for the journeys' second servers, the soak and the benchmarks: one
// way to start it, wait until it listens, read what it logged and stop it.

const root = path.resolve(import.meta.dirname, "../..");
/** What is kept of its output: the end, enough for a failure's message and a journey's log lines. */
const OUTPUT_KEPT = 4 * 2 ** 20;

export type ProductionServer = {
  base: string;
  port: number;
  /** What it has written to standard output and error so far (its JSON log lines), the last 4 MB. */
  output: () => string;
  /** The server process's id (scripts/serve.ts; Next runs inside it). */
  pid: number;
  /** Sends `signal` and waits until the process has exited; its exit code or signal. */
  kill: (signal: NodeJS.Signals) => Promise<number | NodeJS.Signals | null>;
  /** SIGTERM, and waits until it has exited. */
  stop: () => Promise<void>;
};

/**
 * Starts scripts/serve.ts on `port` with `env` over this process's
 * environment and resolves once it answers /healthz; rejects with its
 * output if it exits first or takes longer than `timeoutMs`. `echo` also
 * passes its standard error through, for a command a person watches.
 */
export async function startProductionServer({
  port,
  hostname = "127.0.0.1",
  env,
  timeoutMs = 60_000,
  echo = false,
}: {
  port: number;
  hostname?: string;
  env: Record<string, string>;
  timeoutMs?: number;
  echo?: boolean;
}): Promise<ProductionServer> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(root, "scripts/serve.ts"), "--port", String(port), "--hostname", hostname],
    {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
    },
  );
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-OUTPUT_KEPT);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  if (echo) child.stderr.pipe(process.stderr);
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) =>
    child.once("exit", (code, signal) => resolve(code ?? signal)),
  );
  const base = `http://${hostname}:${port}`;
  // /healthz answers once it listens, whatever LOG_LEVEL hides of its log.
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`scripts/serve.ts exited with ${child.exitCode ?? child.signalCode}:\n${output}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`scripts/serve.ts did not answer within ${timeoutMs} ms:\n${output}`);
    }
    const alive = await fetch(`${base}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (alive) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    base,
    port,
    output: () => output,
    pid: child.pid!,
    kill: async (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
