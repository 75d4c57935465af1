import { describe, expect, it } from "vitest";

import { isDatabaseUnavailableError } from "@/server/health/database-errors";

// Which failures mean "the database cannot be reached" (503 with Retry-After)
// rather than a failing query (500), as each layer reports them (decision 0027).

const socketError = (code: string) =>
  Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, errno: -111, syscall: "connect" });

describe("an unreachable database", () => {
  it("from pg: refused, reset, timed-out sockets and the pool's own messages", () => {
    expect(isDatabaseUnavailableError(socketError("ECONNREFUSED"))).toBe(true);
    expect(isDatabaseUnavailableError(socketError("ECONNRESET"))).toBe(true);
    expect(isDatabaseUnavailableError(new Error("timeout exceeded when trying to connect"))).toBe(true);
    expect(isDatabaseUnavailableError(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseUnavailableError(new AggregateError([socketError("ECONNREFUSED")]))).toBe(true);
  });

  it("from PostgreSQL: a restart (57P01, 57P03), connection exceptions (08006), too many connections", () => {
    for (const code of ["57P01", "57P03", "08006", "53300"]) {
      const error = Object.assign(new Error("terminating"), { code, severity: "FATAL" });
      expect(isDatabaseUnavailableError(error), code).toBe(true);
    }
  });

  it("from Prisma: its connection error codes and the adapter's kinds behind a raw query's P2010", () => {
    for (const code of ["P1001", "P1017", "P2024"]) {
      expect(isDatabaseUnavailableError(Object.assign(new Error("x"), { code })), code).toBe(true);
    }
    // What a $queryRaw on a reset connection throws (seen with @prisma/adapter-pg 7).
    const adapterError = Object.assign(new Error("ConnectionClosed"), {
      cause: { kind: "ConnectionClosed" },
    });
    const rawQuery = Object.assign(new Error("Raw query failed. Code: `N/A`."), {
      code: "P2010",
      meta: { driverAdapterError: adapterError },
    });
    expect(isDatabaseUnavailableError(rawQuery)).toBe(true);
    const postgres = Object.assign(new Error("x"), {
      code: "P2010",
      meta: { driverAdapterError: { cause: { kind: "postgres", originalCode: "57P01" } } },
    });
    expect(isDatabaseUnavailableError(postgres)).toBe(true);
  });

  it("found through a chain of causes", () => {
    const wrapped = new Error("page failed", {
      cause: new Error("query failed", { cause: socketError("ETIMEDOUT") }),
    });
    expect(isDatabaseUnavailableError(wrapped)).toBe(true);
  });
});

describe("not an outage", () => {
  it("a failing query, a conflict, a bug, nothing at all", () => {
    expect(isDatabaseUnavailableError(Object.assign(new Error("duplicate key"), { code: "23505" }))).toBe(
      false,
    );
    expect(isDatabaseUnavailableError(Object.assign(new Error("not found"), { code: "P2025" }))).toBe(false);
    expect(
      isDatabaseUnavailableError(
        Object.assign(new Error("x"), {
          code: "P2010",
          meta: { driverAdapterError: { cause: { kind: "postgres", originalCode: "42P01" } } },
        }),
      ),
    ).toBe(false);
    expect(isDatabaseUnavailableError(new TypeError("undefined is not a function"))).toBe(false);
    expect(isDatabaseUnavailableError(null)).toBe(false);
    expect(isDatabaseUnavailableError("ECONNREFUSED")).toBe(false);
  });

  it("a cycle of causes ends", () => {
    const error = new Error("a") as Error & { cause?: unknown };
    error.cause = error;
    expect(isDatabaseUnavailableError(error)).toBe(false);
  });
});
