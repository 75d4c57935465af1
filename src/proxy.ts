import NextAuth from "next-auth";
import { NextResponse } from "next/server";

import { baseAuthConfig, usesHttps } from "@/server/auth/config";
import { foreignOriginResponse, isForeignOrigin } from "@/server/auth/origin-guard";
import { createNonce, securityHeaders } from "@/server/auth/security-headers";

// Headers only, never the authorization boundary (proxies can be bypassed,
// CVE-2025-29927): every page, action and query checks the viewer itself.
// Wrapping in Auth.js's `auth` keeps the session cookie rolling, so the idle
// timeout counts from the last request.
// (Not the lazy form NextAuth(() => config): its auth(handler) returns a
// promise, and Next needs `proxy` to be a function.)
const { auth } = NextAuth(baseAuthConfig());

export const proxy = auth((request) => {
  const https = usesHttps();
  if (isForeignOrigin(request)) return foreignOriginResponse();

  const nonce = createNonce();
  const headers = securityHeaders(nonce, { https, dev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  // Next reads the nonce from the request's CSP header and puts it on its own scripts.
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]!);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  // Anything rendered for a signed-in person stays out of shared caches and the back-forward cache.
  if (request.auth) response.headers.set("Cache-Control", "private, no-store");
  return response;
});

export const config = {
  // Everything except Next's static files, which carry no user data.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
