import "server-only";

import { randomInt } from "node:crypto";

import type { Role } from "@/domain/permissions";
import {
  formatRecoveryCode,
  parseSecondFactor,
  RECOVERY_CODE_ALPHABET,
  RECOVERY_CODE_COUNT,
  stepIsFresh,
} from "@/domain/two-factor";
import type { PrismaClient } from "@/generated/prisma/client";
import { recordAudit } from "@/server/audit/record-audit";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import type { RequestMeta } from "@/server/auth/request-meta";

import { openSecret, sealSecret } from "./secret-box";
import { twoFactorThrottle } from "./throttle";
import { matchingStep, newTotpSecret } from "./totp";

// Two-factor sign-in (decision 0014): enrolment, the check of a typed code
// (app code or recovery code), turning it off, and an administrator's reset.
// Every outcome a person can cause has its own reason, so the forms can say
// exactly what went wrong.

export type CodeFailure =
  "required" | "malformed" | "invalid" | "reused" | "recovery-used" | "throttled" | "not-enrolled";

export type CodeCheck = { ok: true; via: "totp" | "recovery" } | { ok: false; reason: CodeFailure };

type Actor = { id: number; role: Role | null };

export type TwoFactorState =
  | { status: "off" }
  | { status: "pending"; secret: string }
  | { status: "on"; confirmedAt: Date; recoveryCodesLeft: number };

/** Where a person stands; a pending secret is returned (decrypted) to show it again while setting up. */
export async function twoFactorState(db: PrismaClient, userId: number): Promise<TwoFactorState> {
  const record = await db.twoFactor.findUnique({
    where: { userId },
    select: { secretEncrypted: true, confirmedAt: true },
  });
  if (!record) return { status: "off" };
  if (record.confirmedAt) {
    const recoveryCodesLeft = await db.recoveryCode.count({ where: { userId, usedAt: null } });
    return { status: "on", confirmedAt: record.confirmedAt, recoveryCodesLeft };
  }
  const secret = openSecret(record.secretEncrypted);
  return secret ? { status: "pending", secret } : { status: "off" };
}

/**
 * Starts (or restarts) setting up: a new secret, not yet in force. Refused
 * once two-factor sign-in is on: replacing it goes through turning it off,
 * which needs a code.
 */
export async function startEnrolment(db: PrismaClient, userId: number): Promise<"started" | "already-on"> {
  const secretEncrypted = sealSecret(newTotpSecret());
  const existing = await db.twoFactor.findUnique({ where: { userId }, select: { confirmedAt: true } });
  if (existing?.confirmedAt) return "already-on";
  const updated = await db.twoFactor.updateMany({
    where: { userId, confirmedAt: null },
    data: { secretEncrypted, lastStep: null, version: { increment: 1 } },
  });
  if (updated.count === 0) {
    // createMany skips a row another request created meanwhile (a unique userId).
    await db.twoFactor.createMany({ data: [{ userId, secretEncrypted }], skipDuplicates: true });
  }
  return "started";
}

/**
 * Puts the pending secret in force once the person types a code from their
 * app, and returns ten new recovery codes: shown once, stored argon2-hashed.
 */
export async function confirmEnrolment(
  db: PrismaClient,
  actor: Actor,
  typed: string,
  meta: RequestMeta,
  now = new Date(),
): Promise<{ ok: true; recoveryCodes: string[] } | { ok: false; reason: CodeFailure | "not-pending" }> {
  const input = parseSecondFactor(typed);
  if (input.kind === "none") return { ok: false, reason: "required" };
  if (input.kind !== "totp") return { ok: false, reason: "malformed" };
  const claim = await twoFactorThrottle.claim(db, actor.id, meta.ip, now);
  if (!claim.allowed) return { ok: false, reason: "throttled" };
  const record = await db.twoFactor.findUnique({
    where: { userId: actor.id },
    select: { secretEncrypted: true, confirmedAt: true, version: true },
  });
  const secret = record && !record.confirmedAt ? openSecret(record.secretEncrypted) : null;
  if (!record || !secret) {
    await twoFactorThrottle.release(db, actor.id, meta.ip);
    return { ok: false, reason: "not-pending" };
  }
  const step = matchingStep(secret, input.code, now);
  if (step === null) {
    await failure(db, actor, "invalid", meta, claim.failures, "enrol");
    return { ok: false, reason: "invalid" };
  }
  const recoveryCodes = newRecoveryCodes();
  const hashes: string[] = [];
  // One at a time: ten argon2 hashes at 19 MiB each need not run at once.
  for (const code of recoveryCodes) hashes.push(await hashPassword(code));
  const confirmed = await db.$transaction(async (tx) => {
    const updated = await tx.twoFactor.updateMany({
      where: { userId: actor.id, confirmedAt: null, version: record.version },
      data: { confirmedAt: now, lastStep: step, version: { increment: 1 } },
    });
    if (updated.count === 0) return false;
    await tx.recoveryCode.deleteMany({ where: { userId: actor.id } });
    await tx.recoveryCode.createMany({ data: hashes.map((codeHash) => ({ userId: actor.id, codeHash })) });
    await recordAudit(tx, {
      actor,
      action: "auth.two-factor.enrolled",
      entity: { type: "User", id: actor.id },
      meta,
      details: { recoveryCodes: RECOVERY_CODE_COUNT },
    });
    return true;
  });
  // Another tab confirmed or restarted set-up meanwhile: this page's secret is not the one in force.
  if (!confirmed) {
    await twoFactorThrottle.release(db, actor.id, meta.ip);
    return { ok: false, reason: "not-pending" };
  }
  await twoFactorThrottle.clear(db, actor.id, meta.ip);
  return { ok: true, recoveryCodes };
}

/** Whether the person has two-factor sign-in on (their sign-in needs a code). */
export async function isEnrolled(db: PrismaClient, userId: number): Promise<boolean> {
  const record = await db.twoFactor.findUnique({ where: { userId }, select: { confirmedAt: true } });
  return record?.confirmedAt != null;
}

/**
 * Checks a code typed by an enrolled person: a 6-digit app code (each
 * 30-second step accepted once) or an unused recovery code (then used up).
 * Throttled per (person, address) like passwords; every failure is audited.
 */
export async function verifySecondFactor(
  db: PrismaClient,
  actor: Actor,
  typed: string | undefined,
  meta: RequestMeta,
  now = new Date(),
  purpose: "sign-in" | "disable" = "sign-in",
): Promise<CodeCheck> {
  const input = parseSecondFactor(typed);
  if (input.kind === "none") return { ok: false, reason: "required" };
  if (input.kind === "malformed") return { ok: false, reason: "malformed" };
  const claim = await twoFactorThrottle.claim(db, actor.id, meta.ip, now);
  if (!claim.allowed) {
    await recordAudit(db, {
      actor,
      action: "auth.two-factor.throttled",
      entity: { type: "User", id: actor.id },
      meta,
      details: { purpose },
    });
    return { ok: false, reason: "throttled" };
  }
  const record = await db.twoFactor.findUnique({
    where: { userId: actor.id },
    select: { secretEncrypted: true, confirmedAt: true, lastStep: true },
  });
  if (!record?.confirmedAt) {
    await twoFactorThrottle.release(db, actor.id, meta.ip);
    return { ok: false, reason: "not-enrolled" };
  }
  const outcome =
    input.kind === "totp"
      ? await spendAppCode(db, actor.id, record, input.code, now)
      : await spendRecoveryCode(db, actor, input.code, meta, now, purpose);
  if (outcome !== "ok") {
    await failure(db, actor, outcome, meta, claim.failures, purpose);
    return { ok: false, reason: outcome };
  }
  await twoFactorThrottle.clear(db, actor.id, meta.ip);
  return { ok: true, via: input.kind };
}

async function spendAppCode(
  db: PrismaClient,
  userId: number,
  record: { secretEncrypted: string; lastStep: number | null },
  code: string,
  now: Date,
): Promise<"ok" | "invalid" | "reused"> {
  const secret = openSecret(record.secretEncrypted);
  const step = secret ? matchingStep(secret, code, now) : null;
  if (step === null) return "invalid";
  if (!stepIsFresh(record.lastStep, step)) return "reused";
  // Compare-and-set: of two requests with the same code, one wins.
  const updated = await db.twoFactor.updateMany({
    where: { userId, OR: [{ lastStep: null }, { lastStep: { lt: step } }] },
    data: { lastStep: step },
  });
  return updated.count === 1 ? "ok" : "reused";
}

async function spendRecoveryCode(
  db: PrismaClient,
  actor: Actor,
  code: string,
  meta: RequestMeta,
  now: Date,
  purpose: string,
): Promise<"ok" | "invalid" | "recovery-used"> {
  const codes = await db.recoveryCode.findMany({
    where: { userId: actor.id },
    select: { id: true, codeHash: true, usedAt: true },
    orderBy: { id: "asc" },
  });
  let match: (typeof codes)[number] | undefined;
  for (const candidate of codes) {
    if (await verifyPassword(candidate.codeHash, code)) {
      match = candidate;
      break;
    }
  }
  if (!match) return "invalid";
  if (match.usedAt) return "recovery-used";
  const used = await db.$transaction(async (tx) => {
    const updated = await tx.recoveryCode.updateMany({
      where: { id: match.id, usedAt: null },
      data: { usedAt: now },
    });
    if (updated.count === 0) return false;
    await recordAudit(tx, {
      actor,
      action: "auth.two-factor.recovery-code-used",
      entity: { type: "User", id: actor.id },
      meta,
      details: {
        purpose,
        left: await tx.recoveryCode.count({ where: { userId: actor.id, usedAt: null } }),
      },
    });
    return true;
  });
  return used ? "ok" : "recovery-used";
}

async function failure(
  db: PrismaClient,
  actor: Actor,
  reason: CodeFailure,
  meta: RequestMeta,
  failures: number,
  purpose: string,
): Promise<void> {
  await recordAudit(db, {
    actor,
    action: "auth.two-factor.failed",
    entity: { type: "User", id: actor.id },
    meta,
    details: { reason, purpose, failures },
  });
}

/** The person turns two-factor sign-in off, proving it with a code. */
export async function disableTwoFactor(
  db: PrismaClient,
  actor: Actor,
  typed: string,
  meta: RequestMeta,
  now = new Date(),
): Promise<CodeCheck> {
  const check = await verifySecondFactor(db, actor, typed, meta, now, "disable");
  if (!check.ok) return check;
  await db.$transaction(async (tx) => {
    await tx.twoFactor.deleteMany({ where: { userId: actor.id } });
    await tx.recoveryCode.deleteMany({ where: { userId: actor.id } });
    await recordAudit(tx, {
      actor,
      action: "auth.two-factor.disabled",
      entity: { type: "User", id: actor.id },
      meta,
    });
  });
  return check;
}

/**
 * An administrator removes someone's two-factor sign-in (a lost phone and
 * lost recovery codes). Compare-and-set on the person's version, so a reset
 * decided on a stale page changes nothing.
 */
export async function resetTwoFactor(
  db: PrismaClient,
  actor: Actor,
  target: { userId: number; version: number },
  meta: RequestMeta,
): Promise<"reset" | "not-enrolled" | "conflict"> {
  return db
    .$transaction(async (tx) => {
      const updated = await tx.user.updateMany({
        where: { id: target.userId, version: target.version },
        data: { version: { increment: 1 } },
      });
      if (updated.count === 0) return "conflict";
      const removed = await tx.twoFactor.deleteMany({ where: { userId: target.userId } });
      if (removed.count === 0) throw new NotEnrolled();
      await tx.recoveryCode.deleteMany({ where: { userId: target.userId } });
      await recordAudit(tx, {
        actor,
        action: "auth.two-factor.reset",
        entity: { type: "User", id: target.userId },
        meta,
      });
      return "reset" as const;
    })
    .catch((error: unknown) => {
      // Rolls the version bump back: nothing changed, so nothing to audit.
      if (error instanceof NotEnrolled) return "not-enrolled" as const;
      throw error;
    });
}

class NotEnrolled extends Error {}

function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () =>
    formatRecoveryCode(
      Array.from({ length: 10 }, () => RECOVERY_CODE_ALPHABET[randomInt(RECOVERY_CODE_ALPHABET.length)]).join(
        "",
      ),
    ),
  );
}
