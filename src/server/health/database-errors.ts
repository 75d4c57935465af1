// Whether an error means "the database cannot be reached" (a restart, a
// network cut, a full pool) rather than a mistake in a query: the first is
// answered 503 with Retry-After, the second stays a 500 (decision 0027).
// A plain function over whatever the layers throw: pg's own errors (socket
// errno codes, SQLSTATEs, its pool's messages), @prisma/adapter-pg's
// DriverAdapterError kinds and Prisma's client error codes, following
// `cause` and Prisma's `meta.driverAdapterError`. No I/O, no imports.

// Prisma: P1000 authentication failed, P1001 cannot reach, P1002 timed out
// reaching, P1003 database missing, P1008 operation timed out, P1017 server
// closed the connection, P2024 timed out waiting for a pooled connection.
const prismaCodes = new Set(["P1000", "P1001", "P1002", "P1003", "P1008", "P1017", "P2024"]);

// @prisma/adapter-pg's DriverAdapterError kinds for the same situations.
const adapterKinds = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "DatabaseDoesNotExist",
  "DatabaseAccessDenied",
  "AuthenticationFailed",
  "TlsConnectionError",
]);

// SQLSTATE: class 08 (connection exception), 57P01-57P03 (admin/crash
// shutdown, cannot connect now: a server restarting), 53300 (too many
// connections), 3D000 (no such database), 28000/28P01 (not allowed in).
const sqlStates = new Set([
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
  "57P01",
  "57P02",
  "57P03",
  "53300",
  "3D000",
  "28000",
  "28P01",
]);

const socketCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);

// pg and pg-pool throw these as plain Errors, without a code.
const driverMessages =
  /timeout exceeded when trying to connect|Connection terminated|Client has encountered a connection error|Connection closed|server closed the connection|the database system is (starting up|shutting down|in recovery mode)|terminating connection due to administrator command/i;

type ErrorLike = {
  code?: unknown;
  kind?: unknown;
  originalCode?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: unknown };
};

export function isDatabaseUnavailableError(error: unknown): boolean {
  const seen = new Set<unknown>();
  const pending: unknown[] = [error];
  while (pending.length > 0) {
    const candidate = pending.pop();
    if (candidate === null || typeof candidate !== "object" || seen.has(candidate) || seen.size > 10)
      continue;
    seen.add(candidate);
    const { code, kind, originalCode, message, cause, meta } = candidate as ErrorLike;
    if (typeof code === "string" && (prismaCodes.has(code) || sqlStates.has(code) || socketCodes.has(code)))
      return true;
    if (typeof kind === "string" && adapterKinds.has(kind)) return true;
    if (kind === "postgres" && typeof originalCode === "string" && sqlStates.has(originalCode)) return true;
    if (typeof message === "string" && driverMessages.test(message)) return true;
    pending.push(cause, meta?.driverAdapterError);
    // AggregateError (e.g. a connection refused on both IPv4 and IPv6).
    const errors = (candidate as { errors?: unknown }).errors;
    if (Array.isArray(errors)) pending.push(...errors);
  }
  return false;
}
