import "server-only";

import { claimAttempt, recordSuccess, releaseAttempt, type ThrottleKey } from "@/server/auth/throttle";

// Wrong two-factor codes are throttled by the sign-in throttle
// (src/server/auth/throttle.ts, rules in src/domain/sign-in-throttle.ts: per
// address and per person across addresses) under a key of their own kind, so
// that they neither use up nor reset the password failures of the same
// person. The only place that names the key. As for passwords, an attempt is
// counted when it is let through, before the code is checked.
type Db = Parameters<typeof claimAttempt>[0] & Parameters<typeof releaseAttempt>[0];

const key = (userId: number): ThrottleKey => ({ kind: "two-factor", subject: String(userId) });

export const twoFactorThrottle = {
  /** Lets one code through (counted as wrong until given back), or refuses it. */
  claim: (db: Db, userId: number, ip: string, now: Date) => claimAttempt(db, key(userId), ip, now),
  /** The attempt was not a wrong code after all (nothing to check against). */
  release: (db: Db, userId: number, ip: string) => releaseAttempt(db, key(userId), ip),
  /** The right code: the attempt no longer counts and the address's count starts again. */
  clear: async (db: Db, userId: number, ip: string, now = new Date()) => {
    await releaseAttempt(db, key(userId), ip);
    await recordSuccess(db, key(userId), ip, now);
  },
};
