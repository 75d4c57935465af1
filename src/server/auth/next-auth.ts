import "server-only";

import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";

import { prisma } from "@/server/db/client";

import { baseAuthConfig } from "./config";
import { verifyCredentials } from "./credentials";
import { metaFromHeaders } from "./request-meta";
import { TwoFactorSignIn } from "./two-factor/auth-error";
import { isSecondFactorFailure } from "./two-factor/sign-in";

/** A throttled pair gets its own message; every other failure is the generic one. */
export class ThrottledSignIn extends CredentialsSignin {
  override code = "throttled";
}

const credentialsInput = z.object({
  email: z.string().max(320),
  password: z.string().max(1024),
  code: z.string().max(64).optional(),
});

export const { auth, signIn, signOut, handlers } = NextAuth(() => {
  const base = baseAuthConfig();
  return {
    ...base,
    providers: [
      Credentials({
        credentials: { email: {}, password: {}, code: {} },
        async authorize(raw, request) {
          const parsed = credentialsInput.safeParse(raw);
          if (!parsed.success) return null;
          const result = await verifyCredentials(prisma, parsed.data, metaFromHeaders(request.headers));
          if (!result.ok) {
            if (isSecondFactorFailure(result)) throw new TwoFactorSignIn(result.reason);
            if (result.reason === "throttled") throw new ThrottledSignIn();
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
