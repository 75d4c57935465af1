import { describe, expect, it } from "vitest";

import { acceptedRequestId, requestIdFor } from "@/server/log/request-id";

// The request id a log line carries (decision 0027): a well-formed one from
// the load balancer is kept, anything else is replaced by our own.

describe("request ids", () => {
  it("keeps a plain token from the load balancer: a UUID, nginx's hex id, a dotted id", () => {
    for (const id of [
      "0d9f2c1e-7b7a-4c55-9a1e-2f0c7a1b3c4d",
      "5f2b9c0e8a7d4e1f9b3c6a2d1e0f4a8b",
      "Root-1.67891233_abcdef",
      "abcdefgh",
    ]) {
      expect(acceptedRequestId(id)).toBe(id);
      expect(requestIdFor(id)).toBe(id);
    }
  });

  it("refuses what could forge or flood a log line: spaces, quotes, newlines, other characters, too short or long, repeated", () => {
    for (const bad of [
      "",
      "short",
      "has space 123",
      'quote"1234567',
      "line\nbreak123",
      "-starts-with-dash",
      "ünïcödé-12345",
      "semi;colon12345",
      "a".repeat(65),
      ["0d9f2c1e-7b7a-4c55", "another-id-12345"],
      null,
      undefined,
    ]) {
      expect(acceptedRequestId(bad as string)).toBeNull();
    }
  });

  it("makes a fresh UUID otherwise, a new one each time", () => {
    const first = requestIdFor("not ok");
    const second = requestIdFor(undefined);
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(second).not.toBe(first);
    expect(acceptedRequestId(first)).toBe(first);
  });
});
