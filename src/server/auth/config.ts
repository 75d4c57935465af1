import type { NextAuthConfig } from "next-auth";
import { z } from "zod";

import { SESSION_IDLE_SECONDS, sessionExpired } from "@/domain/session-timeouts";
import { logger } from "@/server/log/logger";

// The part of the Auth.js configuration that needs no database, shared by the
// proxy (which keeps the session cookie rolling, so the idle timeout counts
// from the last request) and the full configuration in next-auth.ts. It is
// not the authorization boundary: getViewer() checks every session against
// the database.

/** Cookies follow the app's URL scheme, not NODE_ENV: the demo runs on http://localhost. */
export function usesHttps(appUrl = process.env.APP_URL): boolean {
  return appUrl?.startsWith("https://") ?? false;
}

export const SESSION_COOKIE_HTTPS = "__Host-registry.session";
export const SESSION_COOKIE_HTTP = "registry.session";

export function sessionCookieName(): string {
  return usesHttps() ? SESSION_COOKIE_HTTPS : SESSION_COOKIE_HTTP;
}

/** The claims our session carries besides Auth.js's own: who, which session version, since when. */
export const sessionClaims = z.object({ uid: z.number().int(), sv: z.number().int(), sat: z.number().int() });
export type SessionClaims = z.infer<typeof sessionClaims>;

export function baseAuthConfig(): NextAuthConfig {
  const secure = usesHttps();
  return {
    trustHost: true,
    secret: process.env.AUTH_SECRET,
    useSecureCookies: secure,
    session: { strategy: "jwt", maxAge: SESSION_IDLE_SECONDS },
    jwt: { maxAge: SESSION_IDLE_SECONDS },
    cookies: {
      sessionToken: {
        name: sessionCookieName(),
        // Lax: a link from an e-mail opens the workspace signed in, while
        // cross-site POSTs carry no session.
        options: { httpOnly: true, sameSite: "lax", path: "/", secure },
      },
    },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [],
    logger: {
      // A failed sign-in is an audit event, not an application error. Its
      // `type`, not its class name: a production build minifies the names.
      error(error) {
        if ("type" in error && error.type === "CredentialsSignin") return;
        logger.error({ err: error, component: "auth" }, "Auth.js error");
      },
      warn() {},
      debug() {},
    },
    callbacks: {
      jwt({ token, user }) {
        const now = Math.floor(Date.now() / 1000);
        if (user) {
          const claims = sessionClaims.parse(user);
          return { sub: String(claims.uid), uid: claims.uid, sv: claims.sv, sat: claims.sat };
        }
        const claims = sessionClaims.safeParse(token);
        // Past the absolute timeout (or malformed): the session is over.
        if (!claims.success || sessionExpired(claims.data.sat, now)) return null;
        return token;
      },
      session({ session, token }) {
        const claims = sessionClaims.safeParse(token);
        return claims.success ? { ...session, ...claims.data } : session;
      },
    },
  };
}
