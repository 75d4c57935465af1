import "server-only";

import {
  ALL_ADDRESSES,
  claimAttempt as decide,
  type ThrottleGate,
  type ThrottleRow,
} from "@/domain/sign-in-throttle";
import type { PrismaClient } from "@/generated/prisma/client";

// The store of src/domain/sign-in-throttle.ts, for any kind of secret.

type Db = Pick<PrismaClient, "signInThrottle" | "$queryRaw" | "$executeRaw">;
type ClaimDb = Pick<PrismaClient, "$transaction">;
type LockedRow = ThrottleRow & { signedInAt: Date | null };

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

type Claim = ThrottleGate & { failures: number; accountFailures: number };

/** A client address can never be the account row's marker (defence in depth: clientIp never returns it). */
const addressOf = (ip: string) => (ip === ALL_ADDRESSES ? "unknown" : ip);

/**
 * Lets one attempt at a secret for `key` from `ip` through, or not, and counts
 * it as a failure when it is let through (claimAttempt in
 * src/domain/sign-in-throttle.ts), before the secret is checked: both rows
 * are locked for the decision, so of a burst of parallel guesses exactly as
 * many pass as the rules allow. Locks are taken pair first, then account, in
 * every caller, so two claims never wait on each other in a cycle. Give the
 * attempt back with releaseAttempt (or recordSuccess) when the secret was right.
 */
export async function claimAttempt(db: ClaimDb, key: ThrottleKey, ip: string, now: Date): Promise<Claim> {
  const subject = stored(key);
  const address = addressOf(ip);
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`
      INSERT INTO "SignInThrottle" ("email", "ip", "failures", "windowStart", "updatedAt")
      VALUES (${subject}, ${address}, 0, ${now}::timestamp, ${now}::timestamp),
             (${subject}, ${ALL_ADDRESSES}, 0, ${now}::timestamp, ${now}::timestamp)
      ON CONFLICT ("email", "ip") DO NOTHING`;
    const [pair] = await tx.$queryRaw<LockedRow[]>`
      SELECT "failures", "windowStart", "blockedUntil", "signedInAt" FROM "SignInThrottle"
      WHERE "email" = ${subject} AND "ip" = ${address} FOR UPDATE`;
    const [account] = await tx.$queryRaw<LockedRow[]>`
      SELECT "failures", "windowStart", "blockedUntil", "signedInAt" FROM "SignInThrottle"
      WHERE "email" = ${subject} AND "ip" = ${ALL_ADDRESSES} FOR UPDATE`;
    const claim = decide(
      { address: pair ?? null, account: account ?? null, signedInAt: pair?.signedInAt ?? null },
      now,
    );
    if (claim.gate.allowed) {
      for (const [ip, row] of [
        [address, claim.address],
        [ALL_ADDRESSES, claim.account],
      ] as const) {
        if (!row) continue;
        await tx.signInThrottle.update({
          where: { email_ip: { email: subject, ip } },
          data: { failures: row.failures, windowStart: row.windowStart, blockedUntil: row.blockedUntil },
        });
      }
    }
    return {
      ...claim.gate,
      failures: claim.address?.failures ?? 0,
      accountFailures: claim.account?.failures ?? 0,
    };
  });
}

/** A claimed attempt whose secret was right after all: it no longer counts on either row. */
export async function releaseAttempt(db: Db, key: ThrottleKey, ip: string): Promise<void> {
  const subject = stored(key);
  await db.$executeRaw`
    UPDATE "SignInThrottle" SET "failures" = GREATEST("failures" - 1, 0)
    WHERE "email" = ${subject} AND "ip" IN (${addressOf(ip)}, ${ALL_ADDRESSES})`;
}

/**
 * The right secret from `ip`: the pair's count starts again and the address
 * becomes a known one for the account. The account-wide count stays: other
 * addresses keep guessing against the same budget.
 */
export async function recordSuccess(db: Db, key: ThrottleKey, ip: string, now: Date): Promise<void> {
  const subject = stored(key);
  ip = addressOf(ip);
  await db.signInThrottle.upsert({
    where: { email_ip: { email: subject, ip } },
    create: { email: subject, ip, failures: 0, windowStart: now, signedInAt: now },
    update: { failures: 0, windowStart: now, blockedUntil: null, signedInAt: now },
  });
}
