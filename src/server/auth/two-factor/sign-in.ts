import "server-only";

import { CredentialsSignin } from "next-auth";

import type { PrismaClient } from "@/generated/prisma/client";
import type { RequestMeta } from "@/server/auth/request-meta";

import { isEnrolled, verifySecondFactor, type CodeFailure } from "./two-factor";

// The second step of sign-in, called once by verifyCredentials
// (src/server/auth/credentials.ts) after the password was right: an enrolled
// person also needs a code from their app or an unused recovery code.

export type SecondFactorFailure = { ok: false; reason: `two-factor-${CodeFailure}` };

export async function checkSecondFactor(
  db: PrismaClient,
  userId: number,
  code: string | undefined,
  meta: RequestMeta,
  now: Date,
): Promise<{ ok: true } | SecondFactorFailure> {
  if (!(await isEnrolled(db, userId))) return { ok: true };
  const check = await verifySecondFactor(db, { id: userId, role: null }, code, meta, now, "sign-in");
  return check.ok ? { ok: true } : { ok: false, reason: `two-factor-${check.reason}` };
}

/**
 * Carries the reason out of Auth.js's authorize() to the sign-in command (as
 * the error's code). Named like Auth.js's own error so that the logger in
 * src/server/auth/config.ts treats it as the expected outcome it is.
 */
export class TwoFactorSignIn extends CredentialsSignin {
  constructor(reason: SecondFactorFailure["reason"]) {
    super();
    this.code = reason;
    this.name = "CredentialsSignin";
  }
}

export function isSecondFactorFailure(result: {
  ok: boolean;
  reason?: string;
}): result is SecondFactorFailure {
  return !result.ok && (result.reason?.startsWith("two-factor-") ?? false);
}
