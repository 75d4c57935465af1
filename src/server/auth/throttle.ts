import "server-only";

import { BLOCK_MS, isBlocked, MAX_FAILURES, WINDOW_MS } from "@/domain/sign-in-throttle";
import type { PrismaClient } from "@/generated/prisma/client";

type Db = Pick<PrismaClient, "signInThrottle" | "$queryRaw">;

export async function isThrottled(db: Db, email: string, ip: string, now: Date): Promise<boolean> {
  const row = await db.signInThrottle.findUnique({
    where: { email_ip: { email, ip } },
    select: { failures: true, windowStart: true, blockedUntil: true },
  });
  return isBlocked(row, now);
}

/**
 * Counts one failure for (email, ip) in a single atomic statement, so that
 * parallel attempts on several app instances are all counted; the same rules
 * as afterFailure() in src/domain/sign-in-throttle.ts.
 */
export async function recordFailure(db: Db, email: string, ip: string, now: Date): Promise<number> {
  const windowEdge = new Date(now.getTime() - WINDOW_MS);
  const blockUntil = new Date(now.getTime() + BLOCK_MS);
  const rows = await db.$queryRaw<{ failures: number }[]>`
    INSERT INTO "SignInThrottle" ("email", "ip", "failures", "windowStart", "blockedUntil", "updatedAt")
    VALUES (${email}, ${ip}, 1, ${now}::timestamp, NULL, ${now}::timestamp)
    ON CONFLICT ("email", "ip") DO UPDATE SET
      "failures" = CASE WHEN "SignInThrottle"."windowStart" < ${windowEdge}::timestamp THEN 1 ELSE "SignInThrottle"."failures" + 1 END,
      "windowStart" = CASE WHEN "SignInThrottle"."windowStart" < ${windowEdge}::timestamp THEN ${now}::timestamp ELSE "SignInThrottle"."windowStart" END,
      "blockedUntil" = CASE
        WHEN "SignInThrottle"."windowStart" >= ${windowEdge}::timestamp AND "SignInThrottle"."failures" + 1 >= ${MAX_FAILURES}
          THEN ${blockUntil}::timestamp
        ELSE "SignInThrottle"."blockedUntil" END,
      "updatedAt" = ${now}::timestamp
    RETURNING "failures"`;
  return rows[0]?.failures ?? 1;
}

export async function clearFailures(db: Db, email: string, ip: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { email, ip } });
}
