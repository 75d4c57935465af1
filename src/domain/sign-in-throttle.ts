// Throttling of password guesses (sign-in, and the current password on the
// change-password form), counted on two keys at once:
//
// - the (account, address) pair: after 10 failures in 15 minutes the pair is
//   blocked for 15 minutes. The real person signing in from elsewhere is
//   another pair, so an attacker at one address cannot lock them out.
// - the account across all addresses: from the 20th failure in a day, every
//   failure blocks the account for a delay that doubles from 1 minute up to
//   at most 15 minutes. That caps guessing at about four a quarter of an hour
//   (under 120 a day) whatever the number of addresses.
//
// The account block is never a lock the attacker controls: it never lasts
// more than 15 minutes after the latest failure, and it does not apply at an
// address the account signed in from successfully in the last 30 days (the
// real person's usual places; an attacker there still meets the pair limit).
// Setting a new password through a reset link makes the address it is used
// from such a known one (src/server/commands/set-password.ts), so the person
// can always get in.
//
// An attempt is counted when it is let through, before the secret is checked
// (claimAttempt), and given back when the secret was right: a burst of
// parallel guesses cannot all pass the gate while the first ones are still
// being checked. The store (src/server/auth/throttle.ts) claims under a row
// lock in PostgreSQL, so every app instance agrees.

import { retryInMinutes } from "./auth-tokens";
import { problem } from "./problem";

export type ThrottleRule = {
  /** The failure inside one window that first blocks the key. */
  blockAt: number;
  /** A window starts at its first failure; once it has passed, the count starts again. */
  windowMs: number;
  /** How long the key is blocked after its n-th failure in the window (n ≥ blockAt). */
  blockMs: (failures: number) => number;
};

const MINUTE = 60_000;

export const ADDRESS_RULE: ThrottleRule = {
  blockAt: 10,
  windowMs: 15 * MINUTE,
  blockMs: () => 15 * MINUTE,
};

/** The longest the account-wide block can last after one failure. */
export const ACCOUNT_MAX_BLOCK_MS = 15 * MINUTE;

export const ACCOUNT_RULE: ThrottleRule = {
  blockAt: 20,
  windowMs: 24 * 60 * MINUTE,
  blockMs: (failures) => Math.min(MINUTE * 2 ** Math.max(0, failures - 20), ACCOUNT_MAX_BLOCK_MS),
};

/** An address the account signed in from this recently is the person's own: no account-wide block there. */
export const KNOWN_ADDRESS_MS = 30 * 24 * 60 * MINUTE;

/** The `ip` of the row that counts an account's failures across all addresses. */
export const ALL_ADDRESSES = "*";

export type ThrottleRow = { failures: number; windowStart: Date; blockedUntil: Date | null };

export function isBlocked(row: ThrottleRow | null, now: Date): boolean {
  return row?.blockedUntil != null && row.blockedUntil.getTime() > now.getTime();
}

/** Whether the next failure starts a new window (none yet, or the current one has passed). */
export function startsNewWindow(rule: ThrottleRule, row: ThrottleRow | null, now: Date): boolean {
  return !row || now.getTime() - row.windowStart.getTime() > rule.windowMs;
}

/** Until when the n-th failure of a window at `now` blocks the key, or null when it is still free. */
export function blockAfter(rule: ThrottleRule, failures: number, now: Date): Date | null {
  return failures >= rule.blockAt ? new Date(now.getTime() + rule.blockMs(failures)) : null;
}

/** The row after one more failure at `now`. A block already running is never shortened. */
export function afterFailure(rule: ThrottleRule, row: ThrottleRow | null, now: Date): ThrottleRow {
  const fresh = startsNewWindow(rule, row, now);
  const failures = fresh || !row ? 1 : row.failures + 1;
  const windowStart = fresh || !row ? now : row.windowStart;
  const blocked = blockAfter(rule, failures, now);
  const previous = row?.blockedUntil ?? null;
  const blockedUntil = !blocked ? previous : previous && previous > blocked ? previous : blocked;
  return { failures, windowStart, blockedUntil };
}

export function isKnownAddress(signedInAt: Date | null, now: Date): boolean {
  return signedInAt != null && now.getTime() - signedInAt.getTime() <= KNOWN_ADDRESS_MS;
}

/** What the store knows about one attempt: the pair's row, the account's row, the pair's latest sign-in. */
export type ThrottleState = {
  address: ThrottleRow | null;
  account: ThrottleRow | null;
  signedInAt: Date | null;
};

export type ThrottleGate =
  { allowed: true } | { allowed: false; scope: "address" | "account"; retryAfterSeconds: number };

function secondsUntil(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
}

/** May a password be tried now? The pair's block first, then the account's (unless this is a known address). */
export function throttleGate(state: ThrottleState, now: Date): ThrottleGate {
  const address = state.address?.blockedUntil;
  if (address && address > now)
    return { allowed: false, scope: "address", retryAfterSeconds: secondsUntil(address, now) };
  const account = state.account?.blockedUntil;
  if (account && account > now && !isKnownAddress(state.signedInAt, now))
    return { allowed: false, scope: "account", retryAfterSeconds: secondsUntil(account, now) };
  return { allowed: true };
}

/**
 * Lets one attempt through or not, counting it when it is let through: the
 * gate, and the rows as they are after the claim (unchanged when refused).
 * The attempt is counted as a failure until it is given back (releaseAttempt).
 */
export function claimAttempt(
  state: ThrottleState,
  now: Date,
): { gate: ThrottleGate; address: ThrottleRow | null; account: ThrottleRow | null } {
  const gate = throttleGate(state, now);
  if (!gate.allowed) return { gate, address: state.address, account: state.account };
  return {
    gate,
    address: afterFailure(ADDRESS_RULE, state.address, now),
    account: afterFailure(ACCOUNT_RULE, state.account, now),
  };
}

/** A claimed attempt whose secret was right: it no longer counts (a block it set stays). */
export function releaseAttempt(row: ThrottleRow): ThrottleRow {
  return { ...row, failures: Math.max(0, row.failures - 1) };
}

/**
 * A row that no longer changes any answer: its block is over, its window has
 * passed (so the next failure starts afresh) and it marks no known address.
 * The pruning job (src/server/jobs/prune-rate-limits.ts) deletes exactly these.
 */
export function isExpired(row: ThrottleRow & { ip: string; signedInAt: Date | null }, now: Date): boolean {
  const rule = row.ip === ALL_ADDRESSES ? ACCOUNT_RULE : ADDRESS_RULE;
  return !isBlocked(row, now) && startsNewWindow(rule, row, now) && !isKnownAddress(row.signedInAt, now);
}

/** What a throttled person is told: why, how long to wait, and the way out that needs no waiting. */
export function throttledMessage(gate: { scope: "address" | "account"; retryAfterSeconds: number }): string {
  return problem("signInThrottled", { scope: gate.scope, minutes: retryInMinutes(gate.retryAfterSeconds) });
}
