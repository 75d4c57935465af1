import pg from "pg";

import { reportDatabaseError, reportDatabaseReachable } from "@/server/health/database-status";

/**
 * How long a query waits for a connection, a free one of the pool or a new
 * one, before failing (instead of waiting forever, pg's default). Generous:
 * the embedded PGlite serves one session, so opening a connection waits for
 * the transaction in progress, and a busy pool is not an outage.
 */
export const CONNECT_TIMEOUT_MS = 10_000;

/**
 * A `pg` pool that reports to the database status (src/server/health) what
 * it learns about the database: connections it cannot open, connections it
 * loses (a restart, a network cut), and connections that work. Opening a
 * connection gives up after CONNECT_TIMEOUT_MS, so nothing waits forever for
 * a database that is gone; the pool opens fresh connections when it is back.
 */
export function createObservedPool(connectionString: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  const report = (error: unknown) => void reportDatabaseError(error);

  // An idle connection that dies: pg removes it and emits 'error' here.
  pool.on("error", report);
  pool.on("connect", (client) => {
    reportDatabaseReachable();
    // A lent-out connection that dies mid-query; also keeps pg from
    // treating its 'error' event as unhandled.
    client.on("error", report);
  });

  type Callback = (error: Error | undefined, ...rest: unknown[]) => void;
  const connect = pool.connect.bind(pool) as (callback?: Callback) => unknown;
  pool.connect = ((callback?: Callback) => {
    // pool.query() passes a callback; Prisma's transactions use the promise.
    if (callback) {
      return connect((error, ...rest) => {
        if (error) report(error);
        callback(error, ...rest);
      });
    }
    return (connect() as Promise<pg.PoolClient>).catch((error: unknown) => {
      report(error);
      throw error;
    });
  }) as typeof pool.connect;

  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  pool.query = ((...args: unknown[]) => {
    const result = query(...args);
    if (result instanceof Promise) {
      result.then(
        () => reportDatabaseReachable(),
        (error: unknown) => report(error),
      );
    }
    return result;
  }) as typeof pool.query;

  return pool;
}
