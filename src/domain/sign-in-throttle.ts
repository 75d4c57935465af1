// Sign-in throttling per (account, address) pair (security.md, scenario 9):
// after MAX_FAILURES failed attempts inside WINDOW_MS the pair is blocked for
// BLOCK_MS. The real person signing in from elsewhere is another pair, so an
// attacker cannot lock them out. The counting itself is one atomic upsert in
// PostgreSQL (src/server/auth/throttle.ts) so that every app instance agrees.
export const MAX_FAILURES = 10;
export const WINDOW_MS = 15 * 60_000;
export const BLOCK_MS = 15 * 60_000;

export type ThrottleRow = { failures: number; windowStart: Date; blockedUntil: Date | null };

export function isBlocked(row: ThrottleRow | null, now: Date): boolean {
  return row?.blockedUntil != null && row.blockedUntil.getTime() > now.getTime();
}

/** The row after one more failure at `now` (a new window starts once the old one has passed). */
export function afterFailure(row: ThrottleRow | null, now: Date): ThrottleRow {
  const fresh = !row || now.getTime() - row.windowStart.getTime() > WINDOW_MS;
  const failures = fresh ? 1 : row.failures + 1;
  const windowStart = fresh ? now : row.windowStart;
  const blockedUntil =
    failures >= MAX_FAILURES ? new Date(now.getTime() + BLOCK_MS) : (row?.blockedUntil ?? null);
  return { failures, windowStart, blockedUntil };
}
