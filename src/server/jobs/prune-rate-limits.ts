import "server-only";

import { ACCOUNT_RULE, ADDRESS_RULE, ALL_ADDRESSES, KNOWN_ADDRESS_MS } from "@/domain/sign-in-throttle";
import type { PrismaClient } from "@/generated/prisma/client";
import { EXPIRED_AFTER_MS } from "@/server/rate-limit/fixed-window";

/**
 * The hourly `prune-rate-limits` job: deletes the throttle and rate-limit
 * rows that no longer change any answer, so that a flood of made-up e-mail
 * or client addresses cannot grow the tables without bound. Sign-in rows:
 * exactly those isExpired() in src/domain/sign-in-throttle.ts calls expired
 * (block over, window passed, no known address). Rate-limit rows: windows
 * older than the longest window any caller uses (src/server/rate-limit).
 */
export async function runPruneRateLimits(
  db: PrismaClient,
  now = new Date(),
): Promise<{ signInRows: number; rateLimitRows: number }> {
  const at = (ms: number) => new Date(now.getTime() - ms);
  const signIn = await db.signInThrottle.deleteMany({
    where: {
      AND: [
        { OR: [{ blockedUntil: null }, { blockedUntil: { lte: now } }] },
        { OR: [{ signedInAt: null }, { signedInAt: { lt: at(KNOWN_ADDRESS_MS) } }] },
        {
          OR: [
            { ip: ALL_ADDRESSES, windowStart: { lt: at(ACCOUNT_RULE.windowMs) } },
            { ip: { not: ALL_ADDRESSES }, windowStart: { lt: at(ADDRESS_RULE.windowMs) } },
          ],
        },
      ],
    },
  });
  const rateLimit = await db.apiRateLimit.deleteMany({
    where: { windowStart: { lt: at(EXPIRED_AFTER_MS) } },
  });
  return { signInRows: signIn.count, rateLimitRows: rateLimit.count };
}
