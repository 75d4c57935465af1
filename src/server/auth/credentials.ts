import "server-only";

import { randomBytes } from "node:crypto";

import type { PrismaClient } from "@/generated/prisma/client";
import { recordAudit } from "@/server/audit/record-audit";

import { hashPassword, verifyPassword } from "./password";
import type { RequestMeta } from "./request-meta";
import { claimAttempt, passwordKey, recordSuccess, releaseAttempt } from "./throttle";
import { checkSecondFactor, type SecondFactorFailure } from "./two-factor/sign-in";

export type SignInResult =
  | { ok: true; user: { id: number; sessionVersion: number } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; scope: "address" | "account"; retryAfterSeconds: number }
  | SecondFactorFailure;

// Verified when the e-mail is unknown, so that an unknown address costs the
// same argon2 time as a wrong password and the two cannot be told apart.
let dummyHash: Promise<string> | undefined;
function dummy(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(24).toString("base64url"));
  return dummyHash;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Checks an e-mail and password for sign-in: throttled per (account, address)
 * and per account (src/domain/sign-in-throttle.ts), keyed by the typed address
 * whether or not it has an account, the same answer for every kind of
 * failure, every outcome audited (without the password).
 */
export async function verifyCredentials(
  db: PrismaClient,
  input: { email: string; password: string; code?: string },
  meta: RequestMeta,
  now = new Date(),
): Promise<SignInResult> {
  const email = normaliseEmail(input.email);
  // Counted before argon2 runs: a burst of parallel guesses meets the limit too.
  const gate = await claimAttempt(db, passwordKey(email), meta.ip, now);
  if (!gate.allowed) {
    await recordAudit(db, {
      actor: null,
      action: "auth.sign-in.throttled",
      meta,
      details: { email, scope: gate.scope },
    });
    return { ok: false, reason: "throttled", scope: gate.scope, retryAfterSeconds: gate.retryAfterSeconds };
  }
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, disabledAt: true, sessionVersion: true },
  });
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummy()), input.password);
  const failure = !user
    ? "unknown-user"
    : !user.passwordHash
      ? "no-password"
      : !passwordOk
        ? "wrong-password"
        : user.disabledAt
          ? "disabled"
          : null;
  if (failure || !user) {
    const { failures, accountFailures } = gate;
    await recordAudit(db, {
      actor: user ? { id: user.id, role: null } : null,
      action: "auth.sign-in.failed",
      entity: user ? { type: "User", id: user.id } : undefined,
      meta,
      details: { email, reason: failure ?? "unknown-user", failures, accountFailures },
    });
    return { ok: false, reason: "invalid" };
  }
  // Two-factor sign-in (decision 0014): an enrolled person also needs a code.
  const secondFactor = await checkSecondFactor(db, user.id, input.code, meta, now);
  // The password was right either way: the attempt no longer counts as a wrong one.
  await releaseAttempt(db, passwordKey(email), meta.ip);
  if (!secondFactor.ok) return secondFactor;
  await recordSuccess(db, passwordKey(email), meta.ip, now);
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: now } });
  await recordAudit(db, {
    actor: { id: user.id, role: null },
    action: "auth.sign-in",
    entity: { type: "User", id: user.id },
    meta,
  });
  return { ok: true, user: { id: user.id, sessionVersion: user.sessionVersion } };
}
