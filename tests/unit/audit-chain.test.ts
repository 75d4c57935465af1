import { createHash } from "node:crypto";

import { describe, expect, it } from "vitest";

import {
  ChainWalk,
  GENESIS_HASH,
  canonicalAuditRow,
  describeBreak,
  describeIntact,
  hashAuditRow,
  planSeal,
  verifyChain,
  type AuditContent,
  type SealedAuditRow,
} from "@/domain/audit-chain";

const base: AuditContent = {
  id: 41n,
  occurredAt: new Date("2026-12-05T08:47:34.922Z"),
  actorId: 7,
  actorRole: "WHO_OFFICER",
  action: "designation.endorse",
  entityType: "Designation",
  entityId: "12",
  fromState: "SUBMITTED",
  toState: "ENDORSED",
  ip: "203.0.113.9",
  userAgent: "Mozilla/5.0",
  details: { note: "ok", attempt: 2 },
};

function row(id: number, minutesAgo = 10, extra: Partial<AuditContent> = {}): AuditContent {
  return {
    ...base,
    id: BigInt(id),
    occurredAt: new Date(NOW.getTime() - minutesAgo * 60_000),
    action: `action.${id}`,
    ...extra,
  };
}

const NOW = new Date("2026-12-05T12:00:00.000Z");

/** Seals `rows` in the order given, as the sealer would: a valid chain. */
function chain(rows: AuditContent[]): SealedAuditRow[] {
  let prevHash = GENESIS_HASH;
  return rows.map((content, index) => {
    const seq = BigInt(index + 1);
    const hash = hashAuditRow(content, seq, prevHash);
    const sealed = { ...content, seq, prevHash, hash };
    prevHash = hash;
    return sealed;
  });
}

describe("canonical form of an audit row", () => {
  it("is RFC 8785 JSON of the content, place and link, keys sorted, fixed for all time", () => {
    expect(canonicalAuditRow(base, 3n, GENESIS_HASH)).toBe(
      '{"action":"designation.endorse","actorId":7,"actorRole":"WHO_OFFICER",' +
        '"details":{"attempt":2,"note":"ok"},"entityId":"12","entityType":"Designation",' +
        '"format":"registry-audit-chain/1","fromState":"SUBMITTED","id":"41","ip":"203.0.113.9",' +
        '"occurredAt":"2026-12-05T08:47:34.922Z",' +
        `"prevHash":"${GENESIS_HASH}","seq":"3","toState":"ENDORSED","userAgent":"Mozilla/5.0"}`,
    );
    // The hash is SHA-256 of exactly that text.
    expect(hashAuditRow(base, 3n, GENESIS_HASH)).toBe(
      createHash("sha256")
        .update(canonicalAuditRow(base, 3n, GENESIS_HASH))
        .digest("hex"),
    );
  });

  it("does not depend on the order of keys in details, at any depth", () => {
    const a = { ...base, details: { b: 1, a: { y: [1, { d: 1, c: 2 }], x: null } } };
    const b = { ...base, details: { a: { x: null, y: [1, { c: 2, d: 1 }] }, b: 1 } };
    expect(canonicalAuditRow(a, 1n, GENESIS_HASH)).toBe(canonicalAuditRow(b, 1n, GENESIS_HASH));
    expect(canonicalAuditRow(a, 1n, GENESIS_HASH)).toContain(
      '"details":{"a":{"x":null,"y":[1,{"c":2,"d":1}]},"b":1}',
    );
    // Array order is content, though.
    const c = { ...base, details: { b: 1, a: { y: [{ d: 1, c: 2 }, 1], x: null } } };
    expect(hashAuditRow(c, 1n, GENESIS_HASH)).not.toBe(hashAuditRow(a, 1n, GENESIS_HASH));
  });

  it("writes every empty column as null, a missing details too; an empty string is not null", () => {
    const empty: AuditContent = {
      id: 1n,
      occurredAt: new Date("2026-01-01T00:00:00Z"),
      actorId: null,
      actorRole: null,
      action: "auth.sign-in.failed",
      entityType: null,
      entityId: null,
      fromState: null,
      toState: null,
      ip: null,
      userAgent: null,
      details: null,
    };
    const text = canonicalAuditRow(empty, 1n, GENESIS_HASH);
    for (const key of [
      "actorId",
      "actorRole",
      "entityType",
      "entityId",
      "fromState",
      "toState",
      "ip",
      "userAgent",
      "details",
    ])
      expect(text).toContain(`"${key}":null`);
    expect(canonicalAuditRow({ ...empty, details: undefined }, 1n, GENESIS_HASH)).toBe(text);
    // An empty string is not null.
    expect(hashAuditRow({ ...empty, ip: "" }, 1n, GENESIS_HASH)).not.toBe(
      hashAuditRow(empty, 1n, GENESIS_HASH),
    );
  });

  it("writes the time in UTC with milliseconds, whatever time zone made the Date", () => {
    const text = canonicalAuditRow(
      { ...base, occurredAt: new Date("2026-12-05T09:47:34.9+01:00") },
      1n,
      GENESIS_HASH,
    );
    expect(text).toContain('"occurredAt":"2026-12-05T08:47:34.900Z"');
    expect(
      hashAuditRow({ ...base, occurredAt: new Date(base.occurredAt.getTime() + 1) }, 1n, GENESIS_HASH),
    ).not.toBe(hashAuditRow(base, 1n, GENESIS_HASH));
  });

  it("hashes text as stored: Unicode is kept, not normalised, and escaped one way", () => {
    const composed = { ...base, details: { name: "Amira Haddad — é 中文 🏥" } };
    const decomposed = { ...base, details: { name: "Amira Haddad — e\u0301 中文 🏥" } };
    expect(canonicalAuditRow(composed, 1n, GENESIS_HASH)).toContain('"name":"Amira Haddad — é 中文 🏥"');
    expect(hashAuditRow(composed, 1n, GENESIS_HASH)).not.toBe(hashAuditRow(decomposed, 1n, GENESIS_HASH));
    expect(
      canonicalAuditRow({ ...base, userAgent: 'quote " backslash \\ tab \t' }, 1n, GENESIS_HASH),
    ).toContain('"userAgent":"quote \\" backslash \\\\ tab \\t"');
  });

  it("writes numbers the way ECMAScript does, so 1, 1.0 and 1e0 read back from JSONB hash alike", () => {
    const text = (details: unknown) => canonicalAuditRow({ ...base, details }, 1n, GENESIS_HASH);
    expect(text({ n: 1 })).toBe(text(JSON.parse('{"n":1.0}')));
    expect(text({ n: 1 })).toBe(text(JSON.parse('{"n":1e0}')));
    expect(text({ a: 0.1 + 0.2, b: 1e21, c: -0, d: 12345678901234 })).toContain(
      '"details":{"a":0.30000000000000004,"b":1e+21,"c":0,"d":12345678901234}',
    );
    expect(() => text({ n: Number.NaN })).toThrow();
  });

  it("binds the place in the chain and the previous hash", () => {
    const first = hashAuditRow(base, 1n, GENESIS_HASH);
    expect(hashAuditRow(base, 2n, GENESIS_HASH)).not.toBe(first);
    expect(hashAuditRow(base, 1n, "f".repeat(64))).not.toBe(first);
    expect(hashAuditRow({ ...base, id: 42n }, 1n, GENESIS_HASH)).not.toBe(first);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("planSeal: which unsealed rows one pass seals", () => {
  const options = { highestSealedId: null, now: NOW, marginMs: 30_000 };

  it("seals settled rows in id order, continuing the chain from its head", () => {
    const head = { seq: 5n, hash: "a".repeat(64) };
    const { seals, waitingFrom } = planSeal(head, [row(6), row(7)], { ...options, highestSealedId: 5n });
    expect(waitingFrom).toBeNull();
    expect(seals.map((seal) => [seal.id, seal.seq, seal.late])).toEqual([
      [6n, 6n, false],
      [7n, 7n, false],
    ]);
    expect(seals[0]?.prevHash).toBe(head.hash);
    expect(seals[1]?.prevHash).toBe(seals[0]?.hash);
    expect(seals[0]?.hash).toBe(hashAuditRow(row(6), 6n, head.hash));
  });

  it("starts an empty chain at seq 1 after the genesis hash", () => {
    const { seals } = planSeal(null, [row(3)], options);
    expect(seals[0]).toMatchObject({ id: 3n, seq: 1n, prevHash: GENESIS_HASH });
  });

  it("stops at the first row younger than the margin, even when older ones follow", () => {
    const young = row(8, 0.1);
    const { seals, waitingFrom } = planSeal(null, [row(6), row(7), young, row(9, 5)], options);
    expect(seals.map((seal) => seal.id)).toEqual([6n, 7n]);
    expect(waitingFrom).toBe(8n);
  });

  it("passes an id missing below a settled row (a rolled-back or long transaction): holes never block", () => {
    const { seals } = planSeal(null, [row(6), row(9), row(12)], options);
    expect(seals.map((seal) => [seal.id, seal.seq])).toEqual([
      [6n, 1n],
      [9n, 2n],
      [12n, 3n],
    ]);
  });

  it("seals a late row (its id below ids already sealed) at the end of the chain, whatever its age", () => {
    const head = { seq: 9n, hash: "b".repeat(64) };
    const { seals, waitingFrom } = planSeal(head, [row(4, 0), row(11, 0)], {
      ...options,
      highestSealedId: 10n,
    });
    expect(seals.map((seal) => [seal.id, seal.seq, seal.late])).toEqual([[4n, 10n, true]]);
    expect(waitingFrom).toBe(11n);
  });

  it("is not held back by a time far in the future (a clock running ahead)", () => {
    const ahead = row(6, -60);
    expect(planSeal(null, [ahead, row(7)], options).seals.map((seal) => seal.id)).toEqual([6n, 7n]);
    const slightlyAhead = row(6, -0.1);
    expect(planSeal(null, [slightlyAhead, row(7)], options).waitingFrom).toBe(6n);
  });

  it("refuses rows out of id order", () => {
    expect(() => planSeal(null, [row(7), row(6)], options)).toThrow(/id order/);
  });
});

describe("verifying a chain", () => {
  const rows = () => chain([row(1), row(2), row(4), row(5), row(6)]);

  it("an intact chain: its size, head and late rows", () => {
    const sealed = rows();
    const result = verifyChain(sealed);
    expect(result).toEqual({
      ok: true,
      summary: { sealed: 5, head: { seq: 5n, hash: sealed[4]?.hash }, late: 0 },
    });
    // A row sealed after larger ids is counted, not a break.
    const withLate = verifyChain(chain([row(1), row(3), row(2)]));
    expect(withLate).toMatchObject({ ok: true, summary: { sealed: 3, late: 1 } });
    expect(verifyChain([])).toEqual({ ok: true, summary: { sealed: 0, head: null, late: 0 } });
  });

  it("a changed row is named by its id and seq", () => {
    const sealed = rows();
    sealed[2] = { ...sealed[2]!, action: "x" };
    const result = verifyChain(sealed);
    expect(result).toMatchObject({
      ok: false,
      break: { reason: "changed", seq: 3n, row: { id: 4n, seq: 3n, action: "x" } },
    });
  });

  it("any changed column, including the seal's own, breaks it", () => {
    const changes: Partial<SealedAuditRow>[] = [
      { occurredAt: new Date(NOW.getTime() - 1) },
      { actorId: null },
      { actorRole: "ADMIN" },
      { entityId: "13" },
      { fromState: null },
      { toState: "REJECTED" },
      { ip: "198.51.100.1" },
      { userAgent: null },
      { details: { note: "ok", attempt: 3 } },
      { id: 99n },
      { hash: "c".repeat(64) },
      { hash: null },
    ];
    for (const change of changes) {
      const sealed = rows();
      sealed[1] = { ...sealed[1]!, ...change };
      const result = verifyChain(sealed);
      expect(
        result.ok ? null : result.break.seq,
        JSON.stringify(change, (_, v) => (typeof v === "bigint" ? `${v}` : v)),
      ).toBe(2n);
    }
  });

  it("a removed row: the hole in seq, between the rows around it", () => {
    const sealed = rows();
    sealed.splice(2, 2);
    const result = verifyChain(sealed);
    expect(result).toMatchObject({
      ok: false,
      break: {
        reason: "removed",
        seq: 3n,
        missing: { from: 3n, to: 4n },
        before: { seq: 2n },
        row: { seq: 5n },
      },
    });
    expect(describeBreak(result.ok ? (null as never) : result.break)).toEqual([
      "audit chain BROKEN at seq 3: a row was removed (seq 3 to 4 are missing)",
      `after row id 2 (seq 2, ${sealed[1]!.occurredAt.toISOString()}, action.2)`,
      `before row id 6 (seq 5, ${sealed[2]!.occurredAt.toISOString()}, action.6)`,
    ]);
  });

  it("the first row removed", () => {
    const sealed = rows().slice(1);
    expect(verifyChain(sealed)).toMatchObject({
      ok: false,
      break: { reason: "removed", seq: 1n, before: null },
    });
  });

  it("a removed row whose successors were renumbered to hide the hole", () => {
    const sealed = rows();
    sealed.splice(1, 1);
    const renumbered = sealed.map((each, index) => ({ ...each, seq: BigInt(index + 1) }));
    expect(verifyChain(renumbered)).toMatchObject({
      ok: false,
      break: { reason: "removed", seq: 2n, row: { id: 4n }, before: { id: 1n } },
    });
  });

  it("a changed row whose hash was recomputed: the next link breaks", () => {
    const sealed = rows();
    const changed = { ...sealed[1]!, action: "x" };
    changed.hash = hashAuditRow(changed, changed.seq, changed.prevHash!);
    sealed[1] = changed;
    const result = verifyChain(sealed);
    expect(result).toMatchObject({
      ok: false,
      break: { reason: "removed", seq: 3n, before: { id: 2n, action: "x" } },
    });
    expect(describeBreak(result.ok ? (null as never) : result.break)[1]).toMatch(
      /changed and its hash rewritten/,
    );
  });

  it("reordered rows (places swapped)", () => {
    const sealed = rows();
    const [a, b] = [sealed[2]!, sealed[3]!];
    sealed[2] = { ...b, seq: a.seq };
    sealed[3] = { ...a, seq: b.seq };
    expect(verifyChain(sealed)).toMatchObject({
      ok: false,
      break: { reason: "reordered", seq: 3n, row: { id: 5n }, belongsAfter: 4n },
    });
  });

  it("an expected head: found earlier in the chain is fine; rows cut from the end are not", () => {
    const sealed = rows();
    const noted = sealed[3]!.hash!;
    expect(verifyChain(sealed, { expectHead: noted })).toMatchObject({
      ok: true,
      summary: { expectedHeadSeq: 4n },
    });
    // The last two rows removed: nothing else shows it.
    expect(verifyChain(sealed.slice(0, 3)).ok).toBe(true);
    const truncated = verifyChain(sealed.slice(0, 3), { expectHead: noted });
    expect(truncated).toMatchObject({
      ok: false,
      break: { reason: "head-missing", seq: null, last: { seq: 3n } },
    });
    expect(verifyChain([], { expectHead: noted })).toMatchObject({
      ok: false,
      break: { reason: "head-missing", last: null },
    });
  });

  it("streams: ChainWalk stops at the first break and refuses rows out of seq order", () => {
    const sealed = rows();
    const walk = new ChainWalk();
    expect(walk.push(sealed[0]!)).toBeNull();
    expect(() => walk.push(sealed[0]!)).toThrow(/seq order/);
  });

  it("says what it found", () => {
    const sealed = rows();
    const result = verifyChain(sealed, { expectHead: sealed[4]!.hash! });
    if (!result.ok) throw new Error("expected intact");
    expect(describeIntact(result.summary, 2)).toEqual([
      "audit chain intact: 5 rows sealed, 2 awaiting sealing",
      `head: seq 5, hash ${sealed[4]!.hash}`,
      "the expected head is in the chain at seq 5",
    ]);
    const changed = verifyChain([{ ...sealed[0]!, action: "x" }]);
    expect(describeBreak(changed.ok ? (null as never) : changed.break)[0]).toBe(
      `audit chain BROKEN at seq 1: row id 1 (seq 1, ${sealed[0]!.occurredAt.toISOString()}, x) was changed`,
    );
  });
});
