import "server-only";

import { prisma } from "@/server/db/client";

export type RateLimitDecision =
  { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

const windowSeconds = 60;

/** Requests per minute for one anonymous client address (API_RATE_LIMIT_PER_MINUTE, default 120). */
export function apiRateLimit(): number {
  const configured = Number(process.env.API_RATE_LIMIT_PER_MINUTE);
  return Number.isInteger(configured) && configured > 0 ? configured : 120;
}

/**
 * Counts one request for `client` in a fixed one-minute window, in one atomic
 * statement, so that every app instance shares the count.
 */
export async function takeApiRequest(client: string, limit = apiRateLimit()): Promise<RateLimitDecision> {
  const key = `api:${client}`.slice(0, 200);
  const rows = await prisma.$queryRaw<{ hits: number; retry: number }[]>`
    INSERT INTO "ApiRateLimit" (key, "windowStart", hits) VALUES (${key}, now(), 1)
    ON CONFLICT (key) DO UPDATE SET
      hits = CASE WHEN "ApiRateLimit"."windowStart" <= now() - make_interval(secs => ${windowSeconds})
                  THEN 1 ELSE "ApiRateLimit".hits + 1 END,
      "windowStart" = CASE WHEN "ApiRateLimit"."windowStart" <= now() - make_interval(secs => ${windowSeconds})
                  THEN now() ELSE "ApiRateLimit"."windowStart" END
    RETURNING hits,
      GREATEST(1, ceil(extract(epoch FROM ("windowStart" + make_interval(secs => ${windowSeconds}) - now()))))::int AS retry`;
  const row = rows[0];
  if (!row) return { allowed: true, remaining: limit };
  if (row.hits > limit) return { allowed: false, retryAfterSeconds: row.retry };
  // Old windows are dead weight: clear some now and then, off the hot path's index.
  if (row.hits === 1 && Math.random() < 0.01) {
    await prisma.$executeRaw`DELETE FROM "ApiRateLimit" WHERE "windowStart" < now() - interval '1 hour'`;
  }
  return { allowed: true, remaining: limit - row.hits };
}
