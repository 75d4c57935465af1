import { format } from "node:util";

import pino, { type DestinationStream, type Logger } from "pino";

import { envSchema, type Env } from "@/server/config/env";

import { redactLine, redactText, redactValue } from "./redact";
import { currentRequestId } from "./request-context";

// THE logger of the application (decision 0027): one JSON object per line on
// standard output, for the platform's log collector. Every line has `time`
// (ISO 8601, UTC), `level` (a word), `msg`, `pid` and `hostname`, and, while
// a request is being answered, its `requestId`. Values go through redact.ts
// on the way in and the finished line once more on the way out.
// One instance per process, kept on globalThis: the production server
// (scripts/serve.ts, through tsx) and Next's server bundle each load this
// module, and both must write through the same stream.

export type { Logger } from "pino";

export type LogLevel = Env["LOG_LEVEL"];

export function createLogger(options: { level?: LogLevel; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? "info",
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // Errors arrive as plain objects already (redactValue): pino's own serializer would rename their type.
      serializers: { err: (value: unknown) => value },
      mixin() {
        const requestId = currentRequestId();
        return requestId ? { requestId } : {};
      },
      hooks: {
        logMethod(args, method) {
          const [first, ...rest] = args as unknown[];
          // logger.error(error) and logger.error(error, "message"): the error under `err`, its message as `msg`.
          const prepared =
            first instanceof Error ? [{ err: first }, ...(rest.length ? rest : [first.message])] : args;
          method.apply(
            this,
            (prepared as unknown[]).map((arg) => redactValue(arg)) as Parameters<typeof method>,
          );
        },
        streamWrite: redactLine,
      },
    },
    options.destination,
  );
}

const loggerKey = Symbol.for("registry.logger");
const holder = globalThis as { [loggerKey]?: Logger };

/** LOG_LEVEL (validated with the rest of the environment at start-up; info if unset). */
function configuredLevel(): LogLevel {
  const level = envSchema.shape.LOG_LEVEL.safeParse(process.env.LOG_LEVEL || undefined);
  return level.success ? level.data : "info";
}

export const logger: Logger = (holder[loggerKey] ??= createLogger({ level: configuredLevel() }));

const consoleKey = Symbol.for("registry.console-routed");

/**
 * Sends what libraries and Next itself print with console.* (Next's own
 * report of a failed render, for instance) through the logger, so that
 * standard output holds nothing but JSON lines, redacted like ours. For the
 * production server only: `next dev` keeps its readable console.
 */
export function routeConsoleToLogger(target: Logger = logger): void {
  const flags = globalThis as { [consoleKey]?: boolean };
  if (flags[consoleKey]) return;
  flags[consoleKey] = true;
  const route = (level: "error" | "warn" | "info" | "debug") =>
    function (...args: unknown[]) {
      const error = args.find((arg): arg is Error => arg instanceof Error);
      const text = redactText(
        format(...args.map((arg: unknown) => (arg instanceof Error ? arg.message : arg))),
      );
      if (error) target[level]({ err: error, source: "console" }, text);
      else target[level]({ source: "console" }, text);
    };
  console.error = route("error");
  console.warn = route("warn");
  console.log = route("info");
  console.info = route("info");
  console.debug = route("debug");
}
