import { describe, expect, it } from "vitest";

import {
  ACCOUNT_MAX_BLOCK_MS,
  ACCOUNT_RULE,
  ADDRESS_RULE,
  afterFailure,
  ALL_ADDRESSES,
  blockAfter,
  claimAttempt,
  isBlocked,
  isExpired,
  isKnownAddress,
  KNOWN_ADDRESS_MS,
  releaseAttempt,
  throttledMessage,
  throttleGate,
  type ThrottleRow,
} from "@/domain/sign-in-throttle";
import { sayProblem } from "@/server/commands/say-problems";

const MINUTE = 60_000;
const start = new Date("2026-11-25T10:00:00Z");
const at = (ms: number) => new Date(start.getTime() + ms);

describe("the (account, address) rule", () => {
  it(`blocks the pair at the ${ADDRESS_RULE.blockAt}th failure inside the window, for 15 minutes`, () => {
    let row: ThrottleRow | null = null;
    for (let i = 1; i < ADDRESS_RULE.blockAt; i += 1) {
      row = afterFailure(ADDRESS_RULE, row, at(i * 1000));
      expect(isBlocked(row, at(i * 1000))).toBe(false);
    }
    row = afterFailure(ADDRESS_RULE, row, at(20_000));
    expect(row.failures).toBe(ADDRESS_RULE.blockAt);
    expect(isBlocked(row, at(21_000))).toBe(true);
    expect(isBlocked(row, at(20_000 + 15 * MINUTE - 1))).toBe(true);
    expect(isBlocked(row, at(20_000 + 15 * MINUTE))).toBe(false);
  });

  it("starts a new window once the old one has passed", () => {
    const row = { failures: 9, windowStart: start, blockedUntil: null };
    expect(afterFailure(ADDRESS_RULE, row, at(ADDRESS_RULE.windowMs)).failures).toBe(10);
    expect(afterFailure(ADDRESS_RULE, row, at(ADDRESS_RULE.windowMs + 1))).toEqual({
      failures: 1,
      windowStart: at(ADDRESS_RULE.windowMs + 1),
      blockedUntil: null,
    });
  });
});

describe("the account rule (all addresses)", () => {
  it("lets 19 failures a day through, then blocks for 1, 2, 4, 8 and at most 15 minutes", () => {
    for (let n = 1; n < ACCOUNT_RULE.blockAt; n += 1) expect(blockAfter(ACCOUNT_RULE, n, start)).toBeNull();
    const minutes = [20, 21, 22, 23, 24, 25, 100].map(
      (n) => (blockAfter(ACCOUNT_RULE, n, start)!.getTime() - start.getTime()) / MINUTE,
    );
    expect(minutes).toEqual([1, 2, 4, 8, 15, 15, 15]);
  });

  it("never blocks longer than 15 minutes after a failure, however many there were", () => {
    for (let n = 1; n <= 5000; n += 1) {
      const until = blockAfter(ACCOUNT_RULE, n, start);
      const ms = until ? until.getTime() - start.getTime() : 0;
      expect(ms).toBeGreaterThanOrEqual(0);
      expect(ms).toBeLessThanOrEqual(ACCOUNT_MAX_BLOCK_MS);
    }
  });

  it("never shortens a block already running", () => {
    const row = { failures: 3, windowStart: start, blockedUntil: at(60 * MINUTE) };
    expect(afterFailure(ACCOUNT_RULE, row, at(MINUTE)).blockedUntil).toEqual(at(60 * MINUTE));
    const long = { failures: 30, windowStart: start, blockedUntil: at(20 * MINUTE) };
    expect(afterFailure(ACCOUNT_RULE, long, at(MINUTE)).blockedUntil).toEqual(at(20 * MINUTE));
    expect(afterFailure(ACCOUNT_RULE, long, at(10 * MINUTE)).blockedUntil).toEqual(at(25 * MINUTE));
  });

  it("a day of guessing from fresh addresses as fast as allowed: under 120 guesses, and the person's own address is never refused", () => {
    let account: ThrottleRow | null = null;
    let guesses = 0;
    let refusedAtHome = 0;
    const home = { address: null, signedInAt: at(-5 * 24 * 60 * MINUTE) };
    for (let second = 0; second < 24 * 60 * 60; second += 1) {
      const now = at(second * 1000);
      // A new address each time: the pair rule never bites, only the account rule can.
      if (throttleGate({ address: null, account, signedInAt: null }, now).allowed) {
        account = afterFailure(ACCOUNT_RULE, account, now);
        guesses += 1;
      }
      if (second % 60 === 0 && !throttleGate({ ...home, account }, now).allowed) refusedAtHome += 1;
    }
    expect(guesses).toBeGreaterThanOrEqual(ACCOUNT_RULE.blockAt);
    expect(guesses).toBeLessThan(120);
    expect(refusedAtHome).toBe(0);
  });

  it("opens to everyone at most 15 minutes after the attacker stops", () => {
    let account: ThrottleRow | null = null;
    for (let i = 0; i < 500; i += 1) account = afterFailure(ACCOUNT_RULE, account, at(i * 1000));
    const last = at(499 * 1000);
    const stranger = { address: null, account, signedInAt: null };
    expect(throttleGate(stranger, last).allowed).toBe(false);
    expect(throttleGate(stranger, new Date(last.getTime() + ACCOUNT_MAX_BLOCK_MS)).allowed).toBe(true);
  });
});

describe("the gate", () => {
  const blocked = (until: Date): ThrottleRow => ({ failures: 50, windowStart: start, blockedUntil: until });
  const free: ThrottleRow = { failures: 3, windowStart: start, blockedUntil: null };
  const ended: ThrottleRow = { failures: 50, windowStart: start, blockedUntil: at(-1) };
  const now = start;
  const addressRows = { blocked: blocked(at(90_000)), free, ended, none: null };
  const accountRows = { blocked: blocked(at(30_500)), free, ended, none: null };
  const signIns = {
    recent: at(-MINUTE),
    "30 days ago": at(-KNOWN_ADDRESS_MS),
    stale: at(-KNOWN_ADDRESS_MS - 1),
    never: null,
  };

  for (const [addressName, address] of Object.entries(addressRows))
    for (const [accountName, account] of Object.entries(accountRows))
      for (const [signInName, signedInAt] of Object.entries(signIns)) {
        const known = signInName === "recent" || signInName === "30 days ago";
        const expected =
          addressName === "blocked"
            ? { allowed: false, scope: "address", retryAfterSeconds: 90 }
            : accountName === "blocked" && !known
              ? { allowed: false, scope: "account", retryAfterSeconds: 31 }
              : { allowed: true };
        it(`pair ${addressName}, account ${accountName}, signed in here ${signInName}: ${JSON.stringify(expected)}`, () => {
          expect(throttleGate({ address, account, signedInAt }, now)).toEqual(expected);
        });
      }

  it("never says to wait 0 seconds", () => {
    expect(throttleGate({ address: blocked(at(1)), account: null, signedInAt: null }, now)).toMatchObject({
      retryAfterSeconds: 1,
    });
  });

  it("knows an address for 30 days after a sign-in there", () => {
    expect(isKnownAddress(null, now)).toBe(false);
    expect(isKnownAddress(at(-KNOWN_ADDRESS_MS), now)).toBe(true);
    expect(isKnownAddress(at(-KNOWN_ADDRESS_MS - 1), now)).toBe(false);
  });

  it("tells the person why, how long, and the way out, in their language", () => {
    expect(sayProblem(throttledMessage({ scope: "address", retryAfterSeconds: 900 }))).toBe(
      "Too many failed attempts for this account from your network. Try again in 15 minutes, or reset your password.",
    );
    expect(sayProblem(throttledMessage({ scope: "account", retryAfterSeconds: 61 }))).toBe(
      "Too many failed attempts for this account from several networks. Try again in 2 minutes, or reset your password.",
    );
    expect(sayProblem(throttledMessage({ scope: "address", retryAfterSeconds: 60 }), "fr")).toBe(
      "Trop de tentatives infructueuses pour ce compte depuis votre réseau. Réessayez dans 1 minute, ou réinitialisez votre mot de passe.",
    );
    expect(sayProblem(throttledMessage({ scope: "account", retryAfterSeconds: 300 }), "ru")).toMatch(
      /из нескольких сетей\. Повторите попытку через 5 минут/,
    );
  });
});

describe("claiming an attempt before the secret is checked", () => {
  const empty = { address: null, account: null, signedInAt: null };

  it("counts an attempt it lets through on both rows, as a failure until given back", () => {
    const claim = claimAttempt(empty, start);
    expect(claim.gate).toEqual({ allowed: true });
    expect(claim.address).toMatchObject({ failures: 1, blockedUntil: null });
    expect(claim.account).toMatchObject({ failures: 1, blockedUntil: null });
    expect(releaseAttempt(claim.address!)).toMatchObject({ failures: 0 });
    expect(releaseAttempt({ failures: 0, windowStart: start, blockedUntil: null }).failures).toBe(0);
  });

  it("lets exactly blockAt attempts of a burst through: the last one sets the block the next one meets", () => {
    let state: Parameters<typeof claimAttempt>[0] = empty;
    const gates = Array.from({ length: ADDRESS_RULE.blockAt + 5 }, () => {
      const claim = claimAttempt(state, start);
      state = { address: claim.address, account: claim.account, signedInAt: null };
      return claim.gate.allowed;
    });
    expect(gates.filter(Boolean)).toHaveLength(ADDRESS_RULE.blockAt);
    expect(gates.slice(ADDRESS_RULE.blockAt).every((allowed) => !allowed)).toBe(true);
  });

  it("counts nothing when it refuses", () => {
    const blocked: ThrottleRow = { failures: 10, windowStart: start, blockedUntil: at(15 * MINUTE) };
    const claim = claimAttempt({ address: blocked, account: null, signedInAt: null }, at(MINUTE));
    expect(claim.gate.allowed).toBe(false);
    expect(claim.address).toBe(blocked);
    expect(claim.account).toBeNull();
  });
});

describe("expired rows (what the pruning job deletes)", () => {
  const now = at(2 * 24 * 60 * MINUTE);
  const row = (
    ip: string,
    windowAgoMs: number,
    blockedForMs: number | null,
    signedInAgoMs: number | null,
  ) => ({
    ip,
    failures: 1,
    windowStart: new Date(now.getTime() - windowAgoMs),
    blockedUntil: blockedForMs === null ? null : new Date(now.getTime() + blockedForMs),
    signedInAt: signedInAgoMs === null ? null : new Date(now.getTime() - signedInAgoMs),
  });

  it("a pair row expires once its window has passed, its block is over and it marks no known address", () => {
    const window = ADDRESS_RULE.windowMs;
    expect(isExpired(row("192.0.2.1", window + 1, null, null), now)).toBe(true);
    expect(isExpired(row("192.0.2.1", window + 1, 0, null), now)).toBe(true);
    expect(isExpired(row("192.0.2.1", window, null, null), now)).toBe(false);
    expect(isExpired(row("192.0.2.1", window + 1, 1, null), now)).toBe(false);
    expect(isExpired(row("192.0.2.1", window + 1, null, KNOWN_ADDRESS_MS), now)).toBe(false);
    expect(isExpired(row("192.0.2.1", window + 1, null, KNOWN_ADDRESS_MS + 1), now)).toBe(true);
  });

  it("an account row lives for its day-long window", () => {
    expect(isExpired(row(ALL_ADDRESSES, ADDRESS_RULE.windowMs + 1, null, null), now)).toBe(false);
    expect(isExpired(row(ALL_ADDRESSES, ACCOUNT_RULE.windowMs, null, null), now)).toBe(false);
    expect(isExpired(row(ALL_ADDRESSES, ACCOUNT_RULE.windowMs + 1, null, null), now)).toBe(true);
    expect(isExpired(row(ALL_ADDRESSES, ACCOUNT_RULE.windowMs + 1, 1, null), now)).toBe(false);
  });
});
