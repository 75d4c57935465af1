// The registry's own address (APP_URL) and the origins from which it accepts
// state-changing requests (issue #11, decision 0012). One function feeds both
// our origin check (src/server/auth/origin-guard.ts) and Next's check of
// server actions (next.config.ts `serverActions.allowedOrigins`), so the two
// can never disagree. Plain data in, no I/O: next.config.ts imports it too.

export type SiteEnv = {
  APP_URL?: string;
  PORT?: string;
  DEMO_MODE?: string;
  NODE_ENV?: string;
};

// A demo or a developer's machine is reached by any of these names.
const loopbackHosts = ["localhost", "127.0.0.1", "[::1]"];

/** APP_URL without a trailing slash; http://localhost:PORT when unset (as every e-mail link). */
export function configuredAppUrl(env: SiteEnv): string {
  // The origin only: the app has no basePath, so a path in APP_URL would only break links.
  return new URL(env.APP_URL || `http://localhost:${env.PORT || 3000}`).origin;
}

function loopbackAliasesAllowed(env: SiteEnv): boolean {
  return env.DEMO_MODE === "true" || env.DEMO_MODE === "1" || env.NODE_ENV === "development";
}

/**
 * The origins (scheme://host[:port]) a browser may send state-changing
 * requests from: APP_URL's, and in demo mode and development also every
 * loopback name on the app's port, so that http://127.0.0.1:3000 works
 * like http://localhost:3000. In production only APP_URL's.
 */
export function acceptedOrigins(env: SiteEnv): string[] {
  const app = new URL(configuredAppUrl(env));
  const origins = new Set([app.origin]);
  if (loopbackAliasesAllowed(env)) {
    const places = [{ protocol: "http:", port: env.PORT || "3000" }];
    if (loopbackHosts.includes(app.hostname)) places.push({ protocol: app.protocol, port: app.port });
    for (const { protocol, port } of places)
      for (const host of loopbackHosts)
        origins.add(new URL(`${protocol}//${host}${port ? `:${port}` : ""}`).origin);
  }
  return [...origins];
}

/** The same set as Next's allowedOrigins wants it: the host (with its port) of each origin. */
export function acceptedOriginHosts(env: SiteEnv): string[] {
  return acceptedOrigins(env).map((origin) => new URL(origin).host);
}
