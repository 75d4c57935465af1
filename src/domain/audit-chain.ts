import { createHash } from "node:crypto";

import canonicalize from "canonicalize";

// The audit trail's hash chain (decision 0029). Rows are written unsealed by
// the one audit writer; the `audit-seal` job later gives each a place in the
// chain (`seq` 1, 2, 3, …) and a hash over its content, its place and the
// hash of the row before it. Changing or removing a sealed row then shows:
// its hash no longer matches, or the chain has a hole or a broken link.
//
// Pure functions only: the canonical form and the hash, which rows a sealing
// pass may seal, and the walk that checks a chain. The I/O is in
// src/server/audit/.

/** Names the canonical form; a different form later gets a new name. */
export const CHAIN_FORMAT = "registry-audit-chain/1";

/** The `prevHash` of the first row of the chain. */
export const GENESIS_HASH = "0".repeat(64);

/**
 * How old a row must be before it is sealed, so that a transaction that took
 * a smaller id but commits a little later is sealed in id order (see planSeal).
 */
export const SEAL_MARGIN_MS = 30_000;

/** What an audit row says: exactly what its hash covers (besides its place in the chain). */
export type AuditContent = {
  id: bigint;
  occurredAt: Date;
  actorId: number | null;
  actorRole: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  fromState: string | null;
  toState: string | null;
  ip: string | null;
  userAgent: string | null;
  /** A JSON value as read back from the database (JSONB), or null. */
  details: unknown;
};

/** A sealed row as stored: its content and its seal. */
export type SealedAuditRow = AuditContent & { seq: bigint; prevHash: string | null; hash: string | null };

/**
 * The canonical form of a row at place `seq` after a row whose hash is
 * `prevHash`: the JSON Canonicalization Scheme (RFC 8785, through the
 * `canonicalize` library) of one object, so keys are sorted (also inside
 * `details`), strings are escaped one way only, numbers are written the way
 * ECMAScript writes them, and there is no whitespace. Ids and places are
 * decimal strings (they are 64-bit); the time is ISO 8601 in UTC with
 * milliseconds, the column's precision. Text is hashed exactly as stored (no
 * Unicode normalisation). A missing `details` and a JSON null are the same,
 * as Prisma reads both as null.
 */
export function canonicalAuditRow(row: AuditContent, seq: bigint, prevHash: string): string {
  const text = canonicalize({
    format: CHAIN_FORMAT,
    seq: seq.toString(),
    prevHash,
    id: row.id.toString(),
    occurredAt: row.occurredAt.toISOString(),
    actorId: row.actorId,
    actorRole: row.actorRole,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    fromState: row.fromState,
    toState: row.toState,
    ip: row.ip,
    userAgent: row.userAgent,
    details: row.details ?? null,
  });
  if (text === undefined) throw new Error("audit row has no canonical form");
  return text;
}

/** SHA-256 (lower-case hex) of the row's canonical form. */
export function hashAuditRow(row: AuditContent, seq: bigint, prevHash: string): string {
  return createHash("sha256")
    .update(canonicalAuditRow(row, seq, prevHash), "utf8")
    .digest("hex");
}

// ───────────────────────────── sealing ─────────────────────────────

export type ChainHead = { seq: bigint; hash: string };

export type PlannedSeal = { id: bigint; seq: bigint; prevHash: string; hash: string; late: boolean };

/**
 * Which of the unsealed rows (given in id order) one sealing pass seals, and
 * their seals, continuing the chain from `head` (null: the chain is empty).
 *
 * Ids come from a sequence when a row is inserted, not when it commits, so a
 * transaction may hold a smaller id and commit after a larger one. The pass
 * walks the rows in id order and stops at the first that is younger than
 * `marginMs`: an id missing below an older row was taken at least that long
 * ago, so it is taken to belong to a transaction that rolled back (ids of
 * rolled-back transactions are never used) or that is still running. If such
 * a row commits after all, it is a late row: its id is below ids already
 * sealed, and the next pass seals it at the end of the chain, before anything
 * else. So every committed row is sealed, each once; the chain links by
 * `seq`, never by id, so holes in the ids never matter.
 *
 * A time more than `marginMs` ahead of `now` comes from a clock that is
 * wrong; it does not hold back the rows after it.
 */
export function planSeal(
  head: ChainHead | null,
  unsealed: readonly AuditContent[],
  options: { highestSealedId: bigint | null; now: Date; marginMs: number },
): { seals: PlannedSeal[]; waitingFrom: bigint | null } {
  const settledBefore = options.now.getTime() - options.marginMs;
  const clockAhead = options.now.getTime() + options.marginMs;
  const seals: PlannedSeal[] = [];
  let seq = head?.seq ?? 0n;
  let prevHash = head?.hash ?? GENESIS_HASH;
  let previousId: bigint | null = null;
  for (const row of unsealed) {
    if (previousId !== null && row.id <= previousId) throw new Error("planSeal needs the rows in id order");
    previousId = row.id;
    const late = options.highestSealedId !== null && row.id < options.highestSealedId;
    const time = row.occurredAt.getTime();
    if (!late && time > settledBefore && time <= clockAhead) return { seals, waitingFrom: row.id };
    seq += 1n;
    const hash = hashAuditRow(row, seq, prevHash);
    seals.push({ id: row.id, seq, prevHash, hash, late });
    prevHash = hash;
  }
  return { seals, waitingFrom: null };
}

// ───────────────────────────── verification ─────────────────────────────

/** How a row is named in a report. */
export type RowRef = { id: bigint; seq: bigint; occurredAt: Date; action: string };

export type ChainBreak =
  /** The row's content, place or link no longer hash to its stored hash (or it has no hash). */
  | { reason: "changed"; seq: bigint; row: RowRef }
  /**
   * Rows are missing before `row`: either places `missing.from`–`missing.to`
   * are empty (`missing` set), or `row` was sealed after a row that is no
   * longer in the trail (removed, or changed with its hash rewritten).
   */
  | {
      reason: "removed";
      seq: bigint;
      row: RowRef;
      before: RowRef | null;
      missing?: { from: bigint; to: bigint };
    }
  /** `row` was sealed after the row now at place `belongsAfter`: the places were swapped or renumbered. */
  | { reason: "reordered"; seq: bigint; row: RowRef; before: RowRef | null; belongsAfter: bigint }
  /** The head recorded earlier is not in the chain: rows were removed from its end, or it was rewritten. */
  | { reason: "head-missing"; seq: null; expectedHead: string; last: RowRef | null };

/** A link that does not hold; where the row's `prevHash` points decides between "removed" and "reordered". */
export type UnlinkedBreak = {
  reason: "unlinked";
  seq: bigint;
  row: RowRef;
  before: RowRef | null;
  prevHash: string;
};

export type ChainSummary = {
  /** Sealed rows walked. */
  sealed: number;
  head: ChainHead | null;
  /** Rows sealed after a row with a larger id (their transaction committed late). */
  late: number;
  /** With an expected head: where it is in the chain. */
  expectedHeadSeq?: bigint;
};

const HEX_HASH = /^[0-9a-f]{64}$/;

export function isChainHash(value: string): boolean {
  return HEX_HASH.test(value);
}

function ref(row: SealedAuditRow): RowRef {
  return { id: row.id, seq: row.seq, occurredAt: row.occurredAt, action: row.action };
}

/**
 * Walks a chain one row at a time, in `seq` order (so that millions of rows
 * never need to be in memory): `push` answers the first break, `finish` what
 * the walk found, or the break at the end (an expected head not seen).
 */
export class ChainWalk {
  private previous: SealedAuditRow | null = null;
  private sealed = 0;
  private late = 0;
  private highestId: bigint | null = null;
  private expectedHeadSeq: bigint | undefined;

  /** `expectHead`: a head hash noted earlier, which must still be in the chain. */
  constructor(private readonly expectHead?: string) {}

  push(row: SealedAuditRow): ChainBreak | UnlinkedBreak | null {
    const previous = this.previous;
    const expectedSeq = previous ? previous.seq + 1n : 1n;
    if (row.seq < expectedSeq) throw new Error("ChainWalk needs the rows in seq order");
    if (row.seq > expectedSeq) {
      return {
        reason: "removed",
        seq: expectedSeq,
        row: ref(row),
        before: previous && ref(previous),
        missing: { from: expectedSeq, to: row.seq - 1n },
      };
    }
    const expectedPrev = previous?.hash ?? GENESIS_HASH;
    if (row.prevHash !== expectedPrev) {
      if (row.prevHash === null) return { reason: "changed", seq: row.seq, row: ref(row) };
      return {
        reason: "unlinked",
        seq: row.seq,
        row: ref(row),
        before: previous && ref(previous),
        prevHash: row.prevHash,
      };
    }
    if (row.hash === null || row.hash !== hashAuditRow(row, row.seq, row.prevHash)) {
      return { reason: "changed", seq: row.seq, row: ref(row) };
    }
    if (this.highestId !== null && row.id < this.highestId) this.late += 1;
    else this.highestId = row.id;
    if (this.expectHead !== undefined && row.hash === this.expectHead) this.expectedHeadSeq = row.seq;
    this.sealed += 1;
    this.previous = row;
    return null;
  }

  finish(): { ok: true; summary: ChainSummary } | { ok: false; break: ChainBreak } {
    const last = this.previous;
    if (this.expectHead !== undefined && this.expectedHeadSeq === undefined) {
      return {
        ok: false,
        break: { reason: "head-missing", seq: null, expectedHead: this.expectHead, last: last && ref(last) },
      };
    }
    return {
      ok: true,
      summary: {
        sealed: this.sealed,
        head: last && last.hash ? { seq: last.seq, hash: last.hash } : null,
        late: this.late,
        ...(this.expectedHeadSeq === undefined ? {} : { expectedHeadSeq: this.expectedHeadSeq }),
      },
    };
  }
}

/**
 * An unlinked row is "reordered" when the row it was sealed after is still in
 * the trail at another place (`foundAtSeq`), otherwise "removed".
 */
export function classifyUnlinked(unlinked: UnlinkedBreak, foundAtSeq: bigint | null): ChainBreak {
  const { seq, row, before } = unlinked;
  return foundAtSeq === null
    ? { reason: "removed", seq, row, before }
    : { reason: "reordered", seq, row, before, belongsAfter: foundAtSeq };
}

/** The whole check on rows in memory (the script streams the same walk from the database). */
export function verifyChain(
  rows: readonly SealedAuditRow[],
  options: { expectHead?: string } = {},
): { ok: true; summary: ChainSummary } | { ok: false; break: ChainBreak } {
  const walk = new ChainWalk(options.expectHead);
  for (const row of rows) {
    const found = walk.push(row);
    if (found === null) continue;
    if (found.reason !== "unlinked") return { ok: false, break: found };
    const target = rows.find((other) => other.hash === found.prevHash);
    return { ok: false, break: classifyUnlinked(found, target?.seq ?? null) };
  }
  return walk.finish();
}

// ───────────────────────────── reports ─────────────────────────────

export function describeRow(row: RowRef): string {
  return `id ${row.id} (seq ${row.seq}, ${row.occurredAt.toISOString()}, ${row.action})`;
}

/** What `npm run audit:verify` prints for an intact chain. */
export function describeIntact(summary: ChainSummary, awaiting: number): string[] {
  const lines = [
    `audit chain intact: ${summary.sealed} rows sealed, ${awaiting} awaiting sealing`,
    summary.head
      ? `head: seq ${summary.head.seq}, hash ${summary.head.hash}`
      : "head: none (no row is sealed yet)",
  ];
  if (summary.expectedHeadSeq !== undefined)
    lines.push(`the expected head is in the chain at seq ${summary.expectedHeadSeq}`);
  if (summary.late > 0)
    lines.push(
      `${summary.late} rows were sealed after rows with larger ids (their transactions committed late)`,
    );
  return lines;
}

/** What `npm run audit:verify` prints for a broken chain: the first row changed or removed. */
export function describeBreak(found: ChainBreak): string[] {
  switch (found.reason) {
    case "changed":
      return [
        `audit chain BROKEN at seq ${found.seq}: row ${describeRow(found.row)} was changed`,
        "its content no longer matches the hash it was sealed with",
      ];
    case "removed":
      if (found.missing) {
        const places =
          found.missing.from === found.missing.to
            ? `seq ${found.missing.from} is`
            : `seq ${found.missing.from} to ${found.missing.to} are`;
        return [
          `audit chain BROKEN at seq ${found.seq}: a row was removed (${places} missing)`,
          `after ${found.before ? `row ${describeRow(found.before)}` : "the start of the chain"}`,
          `before row ${describeRow(found.row)}`,
        ];
      }
      return [
        `audit chain BROKEN at seq ${found.seq}: a row was removed before row ${describeRow(found.row)}`,
        `the row it was sealed after is no longer in the trail (removed, or changed and its hash rewritten)${
          found.before ? `; the row before it now is ${describeRow(found.before)}` : ""
        }`,
      ];
    case "reordered":
      return [
        `audit chain BROKEN at seq ${found.seq}: rows were reordered`,
        `row ${describeRow(found.row)} was sealed after the row now at seq ${found.belongsAfter}`,
      ];
    case "head-missing":
      return [
        `audit chain BROKEN: the expected head ${found.expectedHead} is not in the chain`,
        `rows were removed from its end, or it was rewritten; it now ends at ${
          found.last ? `row ${describeRow(found.last)}` : "nothing (no row is sealed)"
        }`,
      ];
  }
}
