import "server-only";

import { checkThrottle, recordFailure, recordSuccess, type ThrottleKey } from "@/server/auth/throttle";

// Wrong two-factor codes are throttled by the sign-in throttle
// (src/server/auth/throttle.ts, rules in src/domain/sign-in-throttle.ts: per
// address and per person across addresses) under a key of their own kind, so
// that they neither use up nor reset the password failures of the same
// person. The only place that names the key.
type Db = Parameters<typeof checkThrottle>[0];

const key = (userId: number): ThrottleKey => ({ kind: "two-factor", subject: String(userId) });

export const twoFactorThrottle = {
  isThrottled: async (db: Db, userId: number, ip: string, now: Date) =>
    !(await checkThrottle(db, key(userId), ip, now)).allowed,
  recordFailure: async (db: Db, userId: number, ip: string, now: Date) =>
    (await recordFailure(db, key(userId), ip, now)).failures,
  clear: (db: Db, userId: number, ip: string, now = new Date()) => recordSuccess(db, key(userId), ip, now),
};
