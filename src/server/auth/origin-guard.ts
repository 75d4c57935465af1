// Route handlers get no CSRF protection from Next (server actions do): the
// proxy refuses every state-changing request from a foreign origin before
// any handler or action runs, and handlers call rejectForeignOrigin too. No
// "server-only" marker: the proxy uses it. A browser always sends Origin on
// a POST; a request without one is not from a page another site controls,
// unless the browser says so through Sec-Fetch-Site.
//
// The accepted origins are the same set Next's own server-action check gets
// (next.config.ts), from one function: APP_URL's origin, plus the loopback
// names in demo mode and development (decision 0012).
import { acceptedOrigins, configuredAppUrl, type SiteEnv } from "@/domain/site-address";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The page that names the configured address (src/app/wrong-address). */
export const wrongAddressPath = "/wrong-address";

/** True when the request changes state and comes from another origin than the accepted ones. */
export function isForeignOrigin(request: Request, env: SiteEnv = process.env): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return false;
  const origin = request.headers.get("origin");
  if (!origin || origin === "null") {
    return origin === "null" || request.headers.get("sec-fetch-site") === "cross-site";
  }
  return !acceptedOrigins(env).includes(origin);
}

/**
 * A page of this very server opened under another name than APP_URL (its
 * Origin names the host the browser connected to), as opposed to a page of
 * another site posting here.
 */
function sameServerUnderAnotherName(request: Request): boolean {
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host.split(",")[0]!.trim().toLowerCase();
  } catch {
    return false;
  }
}

/**
 * 403 with a JSON error for programs. A person whose browser reached this
 * server under another address is sent to a page that names APP_URL instead
 * of seeing a generic error: a server action is told to navigate there (the
 * header Next's client follows after an action), a plain form post is
 * redirected.
 */
export function foreignOriginResponse(request?: Request, env: SiteEnv = process.env): Response {
  const appUrl = configuredAppUrl(env);
  const body = {
    error: {
      code: "foreign_origin",
      message: `This request came from another site and was refused. This registry's address is ${appUrl}.`,
    },
  };
  const headers = new Headers({ "Cache-Control": "no-store" });
  if (request && sameServerUnderAnotherName(request)) {
    const explanation = `${wrongAddressPath}?from=${encodeURIComponent(new URL(request.url).pathname)}`;
    if (request.headers.has("next-action")) headers.set("x-action-redirect", `${explanation};replace`);
    else if (request.headers.get("sec-fetch-mode") === "navigate") {
      headers.set("Location", explanation);
      return new Response(null, { status: 303, headers });
    }
  }
  return Response.json(body, { status: 403, headers });
}

/** For route handlers: `const refused = rejectForeignOrigin(request); if (refused) return refused;` */
export function rejectForeignOrigin(request: Request): Response | null {
  return isForeignOrigin(request) ? foreignOriginResponse(request) : null;
}
