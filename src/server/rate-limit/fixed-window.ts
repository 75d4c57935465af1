import "server-only";

import { prisma } from "@/server/db/client";

/**
 * The longest window any caller may use (reset requests: one hour). A row
 * whose window started longer ago than this plus a day of margin counts for
 * nothing, and the prune-rate-limits job (src/server/jobs) deletes it.
 */
export const MAX_WINDOW_SECONDS = 60 * 60;
export const EXPIRED_AFTER_MS = (MAX_WINDOW_SECONDS + 24 * 60 * 60) * 1000;

export type RateLimitDecision =
  | { allowed: true; remaining: number }
  /** `firstRefusal`: the hit that first went over the limit in this window, the one worth an audit row. */
  | { allowed: false; retryAfterSeconds: number; firstRefusal: boolean };

/**
 * Counts one hit for `key` in a fixed window, in one atomic statement, so
 * that every app instance shares the count (the table lives in PostgreSQL,
 * not in a process). Keys are namespaced by their callers ("api:", "reset-ip:").
 */
export async function takeFixedWindow(
  key: string,
  limit: number,
  windowSeconds: number,
): Promise<RateLimitDecision> {
  if (windowSeconds > MAX_WINDOW_SECONDS)
    throw new Error(`A rate-limit window is at most ${MAX_WINDOW_SECONDS} s.`);
  const safeKey = key.slice(0, 200);
  const rows = await prisma.$queryRaw<{ hits: number; retry: number }[]>`
    INSERT INTO "ApiRateLimit" (key, "windowStart", hits) VALUES (${safeKey}, now(), 1)
    ON CONFLICT (key) DO UPDATE SET
      hits = CASE WHEN "ApiRateLimit"."windowStart" <= now() - make_interval(secs => ${windowSeconds})
                  THEN 1 ELSE "ApiRateLimit".hits + 1 END,
      "windowStart" = CASE WHEN "ApiRateLimit"."windowStart" <= now() - make_interval(secs => ${windowSeconds})
                  THEN now() ELSE "ApiRateLimit"."windowStart" END
    RETURNING hits,
      GREATEST(1, ceil(extract(epoch FROM ("windowStart" + make_interval(secs => ${windowSeconds}) - now()))))::int AS retry`;
  const row = rows[0];
  if (!row) return { allowed: true, remaining: limit };
  if (row.hits > limit)
    return { allowed: false, retryAfterSeconds: row.retry, firstRefusal: row.hits === limit + 1 };
  return { allowed: true, remaining: limit - row.hits };
}
