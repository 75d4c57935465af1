import { describe, expect, it } from "vitest";

import { CursorError, decodeCursor, encodeCursor, searchFingerprint } from "@/domain/directory/cursor";

describe("cursor", () => {
  const fingerprint = searchFingerprint("q=health");

  it("round-trips the sort key and id", () => {
    for (const position of [
      { sort: "relevance" as const, key: 0.0607927, id: 12 },
      { sort: "reference" as const, key: "NOR-000018", id: 5 },
      { sort: "title" as const, key: "WHO Collaborating Centre for “Nursing”, ü", id: 9 },
      { sort: "expiry" as const, key: "9999-12-31", id: 1 },
    ]) {
      const cursor = encodeCursor(position, fingerprint);
      expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeCursor(cursor, { sort: position.sort, fingerprint })).toEqual(position);
    }
  });

  it.each([
    "",
    "!!!",
    "bm90IGpzb24",
    Buffer.from('{"s":"title","k":1,"i":2,"f":"x"}').toString("base64url"),
    "a".repeat(30),
  ])("rejects a malformed cursor %#", (cursor) => {
    expect(() => decodeCursor(cursor, { sort: "title", fingerprint })).toThrow(CursorError);
  });

  it.each(["title", "reference"] as const)(
    "rejects a %s key holding a NUL byte, which PostgreSQL cannot compare (issue #11)",
    (sort) => {
      const cursor = Buffer.from(
        JSON.stringify({ s: sort, k: "NOR-18\u0000", i: 1, f: fingerprint }),
        "utf8",
      ).toString("base64url");
      expect(() => decodeCursor(cursor, { sort, fingerprint })).toThrow(/malformed/);
    },
  );

  it("rejects a cursor of another search or another sort", () => {
    const cursor = encodeCursor({ sort: "title", key: "A", id: 1 }, fingerprint);
    expect(() =>
      decodeCursor(cursor, { sort: "title", fingerprint: searchFingerprint("q=nursing") }),
    ).toThrow(/different search/);
    expect(() => decodeCursor(cursor, { sort: "reference", fingerprint })).toThrow(/different search/);
  });

  it("fingerprints differ for different searches and are stable", () => {
    expect(searchFingerprint("q=a")).toBe(searchFingerprint("q=a"));
    expect(searchFingerprint("q=a")).not.toBe(searchFingerprint("q=b"));
  });
});
