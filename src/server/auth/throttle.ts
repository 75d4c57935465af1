import "server-only";

import {
  ACCOUNT_RULE,
  ADDRESS_RULE,
  ALL_ADDRESSES,
  blockAfter,
  throttleGate,
  type ThrottleGate,
  type ThrottleRule,
} from "@/domain/sign-in-throttle";
import type { PrismaClient } from "@/generated/prisma/client";

// The store of src/domain/sign-in-throttle.ts, for any kind of secret.

type Db = Pick<PrismaClient, "signInThrottle" | "$queryRaw" | "$executeRaw">;

export type { ThrottleGate } from "@/domain/sign-in-throttle";

/**
 * What guesses are counted against: a kind of secret and whose it is. The
 * password's subject is the typed, normalised e-mail (sign-in and the
 * change-password form share it); a two-factor code could use
 * `{ kind: "two-factor", subject: String(userId) }`. The kind is part of the
 * stored key, so nothing typed into one form can count against another kind.
 */
export type ThrottleKey = { kind: "password" | "two-factor"; subject: string };

export function passwordKey(email: string): ThrottleKey {
  return { kind: "password", subject: email };
}

function stored(key: ThrottleKey): string {
  return `${key.kind}:${key.subject}`;
}

/** May a secret for `key` be tried from `ip` now? */
export async function checkThrottle(db: Db, key: ThrottleKey, ip: string, now: Date): Promise<ThrottleGate> {
  const subject = stored(key);
  const rows = await db.signInThrottle.findMany({
    where: { email: subject, ip: { in: [ip, ALL_ADDRESSES] } },
    select: { ip: true, failures: true, windowStart: true, blockedUntil: true, signedInAt: true },
  });
  const address = rows.find((row) => row.ip === ip) ?? null;
  const account = rows.find((row) => row.ip === ALL_ADDRESSES) ?? null;
  return throttleGate({ address, account, signedInAt: address?.signedInAt ?? null }, now);
}

/**
 * Counts one failure on a key in a single atomic statement, so that parallel
 * attempts on several app instances are all counted (the window rule of
 * afterFailure() in src/domain/sign-in-throttle.ts), then sets the block the
 * rule asks for; GREATEST never shortens a block already running.
 */
async function countFailure(
  db: Db,
  rule: ThrottleRule,
  subject: string,
  ip: string,
  now: Date,
): Promise<number> {
  const windowEdge = new Date(now.getTime() - rule.windowMs);
  const rows = await db.$queryRaw<{ failures: number }[]>`
    INSERT INTO "SignInThrottle" ("email", "ip", "failures", "windowStart", "blockedUntil", "updatedAt")
    VALUES (${subject}, ${ip}, 1, ${now}::timestamp, NULL, ${now}::timestamp)
    ON CONFLICT ("email", "ip") DO UPDATE SET
      "failures" = CASE WHEN "SignInThrottle"."windowStart" < ${windowEdge}::timestamp THEN 1 ELSE "SignInThrottle"."failures" + 1 END,
      "windowStart" = CASE WHEN "SignInThrottle"."windowStart" < ${windowEdge}::timestamp THEN ${now}::timestamp ELSE "SignInThrottle"."windowStart" END,
      "updatedAt" = ${now}::timestamp
    RETURNING "failures"`;
  const failures = rows[0]?.failures ?? 1;
  const until = blockAfter(rule, failures, now);
  if (until) {
    await db.$executeRaw`
      UPDATE "SignInThrottle" SET "blockedUntil" = GREATEST("blockedUntil", ${until}::timestamp)
      WHERE "email" = ${subject} AND "ip" = ${ip}`;
  }
  return failures;
}

/** One wrong secret for `key` from `ip`: counted for the pair and for the account across addresses. */
export async function recordFailure(
  db: Db,
  key: ThrottleKey,
  ip: string,
  now: Date,
): Promise<{ failures: number; accountFailures: number }> {
  const subject = stored(key);
  const failures = await countFailure(db, ADDRESS_RULE, subject, ip, now);
  const accountFailures = await countFailure(db, ACCOUNT_RULE, subject, ALL_ADDRESSES, now);
  return { failures, accountFailures };
}

/**
 * The right secret from `ip`: the pair's count starts again and the address
 * becomes a known one for the account. The account-wide count stays: other
 * addresses keep guessing against the same budget.
 */
export async function recordSuccess(db: Db, key: ThrottleKey, ip: string, now: Date): Promise<void> {
  const subject = stored(key);
  await db.signInThrottle.upsert({
    where: { email_ip: { email: subject, ip } },
    create: { email: subject, ip, failures: 0, windowStart: now, signedInAt: now },
    update: { failures: 0, windowStart: now, blockedUntil: null, signedInAt: now },
  });
}
