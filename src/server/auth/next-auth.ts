import "server-only";

import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";

import { prisma } from "@/server/db/client";

import { baseAuthConfig } from "./config";
import { verifyCredentials } from "./credentials";
import { endSessionsOnSignOut } from "./end-sessions";
import { metaFromHeaders, requestMeta } from "./request-meta";
import type { ThrottleGate } from "./throttle";
import { TwoFactorSignIn } from "./two-factor/auth-error";
import { isSecondFactorFailure } from "./two-factor/sign-in";

/**
 * A throttled attempt gets its own message naming the wait (the code reads
 * `throttled:<scope>:<seconds>`); every other failure is the generic one.
 */
export class ThrottledSignIn extends CredentialsSignin {
  constructor(gate: Exclude<ThrottleGate, { allowed: true }>) {
    super();
    this.code = `throttled:${gate.scope}:${gate.retryAfterSeconds}`;
  }
}

/** The wait a ThrottledSignIn's code names, or null for any other failure. */
export function throttledWait(code: string): Exclude<ThrottleGate, { allowed: true }> | null {
  const match = /^throttled:(address|account):(\d+)$/.exec(code);
  return match
    ? { allowed: false, scope: match[1] as "address" | "account", retryAfterSeconds: Number(match[2]) }
    : null;
}

const credentialsInput = z.object({
  email: z.string().max(320),
  password: z.string().max(1024),
  code: z.string().max(64).optional(),
});

export const { auth, signIn, signOut, handlers } = NextAuth((request) => {
  const base = baseAuthConfig();
  return {
    ...base,
    events: {
      // POST /api/auth/signout ends every session of the person, as the registry's own button does.
      signOut: async (message) =>
        endSessionsOnSignOut(
          prisma,
          message,
          request ? metaFromHeaders(request.headers) : await requestMeta(),
        ),
    },
    providers: [
      Credentials({
        credentials: { email: {}, password: {}, code: {} },
        async authorize(raw, request) {
          const parsed = credentialsInput.safeParse(raw);
          if (!parsed.success) return null;
          const result = await verifyCredentials(prisma, parsed.data, metaFromHeaders(request.headers));
          if (!result.ok) {
            if (isSecondFactorFailure(result)) throw new TwoFactorSignIn(result.reason);
            if (result.reason === "throttled")
              throw new ThrottledSignIn({
                allowed: false,
                scope: result.scope,
                retryAfterSeconds: result.retryAfterSeconds,
              });
            return null;
          }
          // Becomes the JWT's claims in baseAuthConfig's jwt callback.
          return {
            id: String(result.user.id),
            uid: result.user.id,
            sv: result.user.sessionVersion,
            sat: Math.floor(Date.now() / 1000),
          };
        },
      }),
    ],
  };
});
