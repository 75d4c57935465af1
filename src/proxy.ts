import NextAuth from "next-auth";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";

import { configuredAppUrl } from "@/domain/site-address";
import { baseAuthConfig, usesHttps } from "@/server/auth/config";
import { foreignOriginResponse, isForeignOrigin } from "@/server/auth/origin-guard";
import { createNonce, securityHeaders } from "@/server/auth/security-headers";
import { hasSessionCookie } from "@/server/http/anonymous-page-cache";
import { localeHeader, localeRouting, pagePathHeader } from "@/server/http/locale-routing";
import { isLetterPath, parseLetterLanguage } from "@/i18n/letter-language";
import { malformedRequestResponse, refuseMalformedRequest } from "@/server/http/malformed-request";
import { requestIdFor, requestIdHeader } from "@/server/log/request-id";

// Headers only, never the authorization boundary (proxies can be bypassed,
// CVE-2025-29927): every page, action and query checks the viewer itself.
// Wrapping in Auth.js's `auth` keeps the session cookie rolling, so the idle
// timeout counts from the last request.
// (Not the lazy form NextAuth(() => config): its auth(handler) returns a
// promise, and Next needs `proxy` to be a function.)
const { auth } = NextAuth(baseAuthConfig());

type ProxyRequest = NextRequest & { auth?: unknown };

function respond(request: ProxyRequest) {
  const nonce = createNonce();
  // The production server has set it already (request-boundary.ts); under
  // `next dev` it is made here. Echoed on every answer, the proxy's own too.
  const requestId = requestIdFor(request.headers.get(requestIdHeader));
  const security = securityHeaders(nonce, {
    https: usesHttps(),
    dev: process.env.NODE_ENV === "development",
  });
  const headers: Record<string, string> = { ...security, "X-Request-Id": requestId };
  // The proxy's own answers carry the same headers as every page.
  if (isForeignOrigin(request)) return withHeaders(foreignOriginResponse(request), headers);
  // After the origin check: another site's post is refused as foreign whatever its body (decision 0016).
  const malformed = refuseMalformedRequest(request);
  if (malformed) return withHeaders(malformed, headers);
  // A page cannot answer 400 itself: the designation letter's language is checked here (decision 0031).
  if (isLetterPath(request.nextUrl.pathname)) {
    const letterLanguage = parseLetterLanguage(request.nextUrl.searchParams);
    if (!letterLanguage.ok)
      return withHeaders(malformedRequestResponse(request, letterLanguage.message), headers);
  }

  // After the checks above: a refused request is refused in every language.
  const language = localeRouting(request);
  if (language.kind === "redirect") {
    // On APP_URL, never the request's Host (decision 0012); Next wants an absolute Location here.
    const redirect = NextResponse.redirect(new URL(language.location, configuredAppUrl(process.env)), 307);
    redirect.headers.set("Vary", "Cookie, Accept-Language");
    return withHeaders(redirect, headers);
  }

  const requestHeaders = new Headers(request.headers);
  // Next reads the nonce from the request's CSP header and puts it on its own scripts.
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", security["Content-Security-Policy"]!);
  requestHeaders.set(requestIdHeader, requestId);
  // Set on every request, so a client cannot choose them by sending them itself.
  requestHeaders.set(localeHeader, language.locale);
  if (language.pagePath === null) requestHeaders.delete(pagePathHeader);
  else requestHeaders.set(pagePathHeader, language.pagePath);

  const forwarded = { request: { headers: requestHeaders } };
  const rewrite = language.rewrite === null ? null : new URL(language.rewrite, request.url);
  const response = withHeaders(
    rewrite ? NextResponse.rewrite(rewrite, forwarded) : NextResponse.next(forwarded),
    headers,
  );
  if (language.varies) response.headers.append("Vary", "Cookie, Accept-Language");
  // Anything rendered for a signed-in person stays out of shared caches and the back-forward cache.
  if (request.auth) response.headers.set("Cache-Control", "private, no-store");
  return response;
}

function withHeaders<T extends Response>(response: T, headers: Record<string, string>): T {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

// Auth.js types the wrapper for route handlers too; as a proxy it takes Next's event.
const withSession = auth(respond) as unknown as (
  request: NextRequest,
  event: NextFetchEvent,
) => Promise<Response | undefined>;

// Requests without a session cookie skip Auth.js: it would answer each with
// fresh CSRF and callback-URL cookies that nobody asked for, making every
// anonymous page unique (and uncacheable, decision 0010) for nothing.
export function proxy(request: NextRequest, event: NextFetchEvent) {
  return hasSessionCookie(request.headers.get("cookie") ?? undefined)
    ? withSession(request, event)
    : respond(request);
}

export const config = {
  // Everything except Next's static files, which carry no user data.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
