import "server-only";

import type { PrismaClient } from "@/generated/prisma/client";
import { clearFailures, isThrottled, recordFailure } from "@/server/auth/throttle";

// Wrong two-factor codes are throttled by the sign-in throttle
// (src/server/auth/throttle.ts, rules in src/domain/sign-in-throttle.ts) under
// a key of their own, so that they neither use up nor reset the password
// failures of the same person. The only place that names the key.
type Db = Parameters<typeof isThrottled>[0] & Pick<PrismaClient, "signInThrottle">;

const key = (userId: number) => `two-factor:${userId}`;

export const twoFactorThrottle = {
  isThrottled: (db: Db, userId: number, ip: string, now: Date) => isThrottled(db, key(userId), ip, now),
  recordFailure: (db: Db, userId: number, ip: string, now: Date) => recordFailure(db, key(userId), ip, now),
  clear: (db: Db, userId: number, ip: string) => clearFailures(db, key(userId), ip),
};
