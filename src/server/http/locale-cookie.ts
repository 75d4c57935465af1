import "server-only";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";

import { isLocale, localeCookie, localeCookieMaxAge, localePath, type Locale } from "@/i18n/locales";
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

/**
 * For server actions that end on another page: in `locale` (remembered in
 * the cookie, the page under its prefix) when it is one of ours, else as it
 * is. `path` is unprefixed. Never returns.
 */
export async function redirectInLanguage(locale: string | null | undefined, path: string): Promise<never> {
  if (!isLocale(locale)) redirect(path);
  await rememberLocale(locale);
  redirect(localePath(locale, path));
}
