import type { NextRequest } from "next/server";

import { chooseLocale, defaultLocale, isLocalizedPath, localePath, type Locale } from "@/i18n/locales";

/** The request header next-intl reads the locale from (its HEADER_LOCALE_NAME); the proxy always sets it. */
export const localeHeader = "X-NEXT-INTL-LOCALE";
/** The page's path and query without the language prefix, for the switcher and the hreflang links. */
export const pagePathHeader = "x-registry-page-path";

export type LocaleRouting =
  /** Send the browser to the page's address in its language. */
  | { kind: "redirect"; location: string }
  /** Render the page in `locale`; `rewrite` is the unprefixed path to render when the URL had a prefix. */
  | { kind: "render"; locale: Locale; pagePath: string | null; rewrite: string | null; varies: boolean };

/**
 * How the proxy handles a request's language (decision 0026): pages have one
 * address per language (English unprefixed, `/fr/…`), rendered from the one
 * page tree by a rewrite. A browser opening an unprefixed page whose
 * remembered or preferred language is not English is redirected to that
 * language's address; `/en/…` redirects to the unprefixed address. Only
 * document GETs are redirected: flight requests and server actions render
 * in place, in the same language, so client navigation and forms never see
 * a redirect they did not ask for.
 */
export function localeRouting(request: NextRequest): LocaleRouting {
  const { pathname, search } = request.nextUrl;
  if (!isLocalizedPath(pathname)) {
    return { kind: "render", locale: defaultLocale, pagePath: null, rewrite: null, varies: false };
  }
  const choice = chooseLocale({
    pathname,
    cookie: request.headers.get("cookie"),
    acceptLanguage: request.headers.get("accept-language"),
  });
  const pagePath = `${choice.rest}${search}`;
  // `/fr/api/…`, `/fr/feeds/…`: programs' routes have one address, without a prefix.
  if (!isLocalizedPath(choice.rest)) return { kind: "redirect", location: pagePath };
  const documentGet =
    (request.method === "GET" || request.method === "HEAD") &&
    !request.headers.has("rsc") &&
    !request.headers.has("next-action");
  if (documentGet) {
    const wanted = localePath(choice.locale, pagePath);
    if (wanted !== `${pathname}${search}`) return { kind: "redirect", location: wanted };
  }
  return {
    kind: "render",
    locale: choice.locale,
    pagePath,
    rewrite: choice.source === "url" ? pagePath : null,
    // An unprefixed page's language depends on the cookie and Accept-Language.
    varies: choice.source !== "url",
  };
}
