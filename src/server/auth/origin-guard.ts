// Route handlers get no CSRF protection from Next (server actions do): every
// state-changing handler calls this first. No "server-only" marker: the
// proxy uses it too. A browser always sends Origin on a POST; a request
// without one is not from a page another site controls, unless the browser
// says so through Sec-Fetch-Site.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function allowedOrigins(request: Request, appUrl = process.env.APP_URL): Set<string> {
  const origins = new Set<string>([new URL(request.url).origin]);
  if (appUrl) origins.add(new URL(appUrl).origin);
  return origins;
}

/** True when the request changes state and comes from another site. */
export function isForeignOrigin(request: Request, appUrl = process.env.APP_URL): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return false;
  const origin = request.headers.get("origin");
  if (!origin || origin === "null") {
    return origin === "null" || request.headers.get("sec-fetch-site") === "cross-site";
  }
  return !allowedOrigins(request, appUrl).has(origin);
}

export function foreignOriginResponse(): Response {
  return Response.json(
    { error: { code: "foreign_origin", message: "This request came from another site and was refused." } },
    { status: 403, headers: { "Cache-Control": "no-store" } },
  );
}

/** For route handlers: `const refused = rejectForeignOrigin(request); if (refused) return refused;` */
export function rejectForeignOrigin(request: Request): Response | null {
  return isForeignOrigin(request) ? foreignOriginResponse() : null;
}
