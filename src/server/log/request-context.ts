import { AsyncLocalStorage } from "node:async_hooks";

// What every log line of a request carries, kept for the duration of the
// request in an AsyncLocalStorage. The production server (scripts/serve.ts)
// opens the context around Next's handler; everything Next runs for that
// request (proxy, pages, route handlers, server actions) continues in it.
// The store lives on globalThis: serve.ts loads this module through tsx and
// Next's server bundle loads its own copy, and both must share one store.

export type RequestContext = {
  requestId: string;
  /** Set once a query of this request could not reach the database (src/server/health/database-status.ts). */
  databaseUnavailable?: boolean;
};

const storeKey = Symbol.for("registry.request-context");
const holder = globalThis as { [storeKey]?: AsyncLocalStorage<RequestContext> };
const store = (holder[storeKey] ??= new AsyncLocalStorage<RequestContext>());

export function withRequestContext<T>(context: RequestContext, fn: () => T): T {
  return store.run(context, fn);
}

export function currentRequestId(): string | undefined {
  return store.getStore()?.requestId;
}

/** Notes on the request being served, if any, that the database could not be reached while it ran. */
export function noteDatabaseUnavailable(): void {
  const context = store.getStore();
  if (context) context.databaseUnavailable = true;
}
