import "server-only";

import { cookies } from "next/headers";

import { localeCookie, localeCookieMaxAge, type Locale } from "@/i18n/locales";
import { usesHttps } from "@/server/auth/config";

// The remembered choice, NEXT_LOCALE (decision 0026): one set of attributes
// whoever writes it (the switcher's route, the language page, sign-in). Not
// HttpOnly: it holds nothing secret, and next-intl's tools may read it.

/** The Set-Cookie header value, for a route handler's own Response. */
export function localeSetCookie(locale: Locale): string {
  return [
    `${localeCookie}=${locale}`,
    "Path=/",
    `Max-Age=${localeCookieMaxAge}`,
    "SameSite=Lax",
    ...(usesHttps() ? ["Secure"] : []),
  ].join("; ");
}

/** For server actions: the response of this action carries the cookie. */
export async function rememberLocale(locale: Locale): Promise<void> {
  (await cookies()).set(localeCookie, locale, {
    path: "/",
    maxAge: localeCookieMaxAge,
    sameSite: "lax",
    secure: usesHttps(),
  });
}
