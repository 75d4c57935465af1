import { noteDatabaseUnavailable } from "@/server/log/request-context";

import { isDatabaseUnavailableError } from "./database-errors";

// What this process last learnt about its database: the app's connection
// pool (src/server/db/pool.ts) reports every connection it fails to open or
// loses, and every connection it opens. The production server's boundary
// reads it to tell a failure caused by an unreachable database (503 with
// Retry-After) from any other (500); the metrics show it. Kept on globalThis,
// since the production server and Next's bundle each load this module. The
// request whose query failed is told too: by the time its 500 is written,
// another request may have found the database back (a restart's edges).

/** A failure older than this no longer counts: every query since found a working connection, or none was tried. */
const FORGET_AFTER_MS = 30_000;

type State = { failingSince: number | null; lastFailure: number | null; failures: number };

const stateKey = Symbol.for("registry.database-status");
const holder = globalThis as { [stateKey]?: State };
const state = (holder[stateKey] ??= { failingSince: null, lastFailure: null, failures: 0 });

/** Records `error` if it means the database is unreachable, for the process and the request being served; returns whether it did. */
export function reportDatabaseError(error: unknown, now = Date.now()): boolean {
  if (!isDatabaseUnavailableError(error)) return false;
  noteDatabaseUnavailable();
  state.failingSince ??= now;
  state.lastFailure = now;
  state.failures += 1;
  return true;
}

/** A connection was opened or a query answered: the database is there. */
export function reportDatabaseReachable(): void {
  state.failingSince = null;
  state.lastFailure = null;
}

/** Whether the last word about the database, within the last 30 seconds, was a failure to reach it. */
export function databaseUnreachable(now = Date.now()): boolean {
  return state.lastFailure !== null && now - state.lastFailure < FORGET_AFTER_MS;
}

/** Connection failures seen since the process started (a metric). */
export function databaseFailureCount(): number {
  return state.failures;
}
