import "server-only";

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

export function isSecondFactorFailure(result: {
  ok: boolean;
  reason?: string;
}): result is SecondFactorFailure {
  return !result.ok && (result.reason?.startsWith("two-factor-") ?? false);
}
