// The production server: Next's request handler behind the shared page cache
// for anonymous visitors (decision 0010). `npm start` (scripts/start.ts), the
// end-to-end tests and the benchmark all run it:
//   node --import tsx scripts/serve.ts --port 3000 --hostname localhost
// (`npm run serve`; PORT and HOSTNAME are the defaults, as for `next start`).
// PAGE_CACHE=off serves every request from Next alone. What it logs is JSON
// lines (src/server/log, decision 0027).
import { createServer } from "node:http";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

import { usesHttps } from "../src/server/auth/config";
import { createNonce, securityHeaders } from "../src/server/auth/security-headers";
import { EnvError, parseEnv } from "../src/server/config/env";
import { withAnonymousPageCache, type RequestHandler } from "../src/server/http/page-cache-handler";
import { withRequestBoundary } from "../src/server/http/request-boundary";
import { searchDataVersionReader } from "../src/server/http/search-data-version";
import { logger } from "../src/server/log/logger";
import { trackPool } from "../src/server/metrics/metrics";
import { routeMatcher } from "../src/server/metrics/route-pattern";
import { loadEnvFiles } from "./lib/load-env";

const root = path.resolve(import.meta.dirname, "..");

async function main(): Promise<void> {
  // NODE_ENV first: the environment is checked as production (AUTH_SECRET required).
  (process.env as Record<string, string>).NODE_ENV = "production";
  loadEnvFiles(root);
  const env = parseEnv();
  // The logger was made at import, before .env files were read.
  logger.level = env.LOG_LEVEL;
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: String(env.PORT) },
      hostname: { type: "string", default: env.HOSTNAME },
    },
  });
  const port = Number(values.port);
  const hostname = values.hostname!;
  // What the rest of the app (next.config.ts, the proxy, the origin check)
  // reads from the environment, with the defaults the README promises.
  process.env.APP_URL ||= `http://${hostname.includes(":") ? `[${hostname}]` : hostname}:${port}`;
  process.env.DEMO_MODE ||= String(env.demoMode);
  process.env.PORT = String(port);
  // Auth.js builds its own links (sign-in redirects, callback URLs) from
  // AUTH_URL when set, and otherwise from the client's X-Forwarded-Host.
  process.env.AUTH_URL ||= process.env.APP_URL;
  // React and Next pick their production builds from NODE_ENV when first loaded: import after setting it.
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: root, hostname, port });
  const nextHandler = app.getRequestHandler();
  await app.prepare();

  const handle: RequestHandler = (request, response) => nextHandler(request, response);
  const versions = searchDataVersionReader(env.DATABASE_URL);
  trackPool("page-cache", versions.pool);
  let lastReported = 0;
  const handler =
    env.PAGE_CACHE === "off"
      ? handle
      : withAnonymousPageCache(handle, {
          capacity: env.PAGE_CACHE_ENTRIES,
          newNonce: createNonce,
          currentVersion: versions.current,
          onError: (error) => {
            // At most once a minute: a database outage would otherwise log every request.
            if (Date.now() - lastReported < 60_000) return;
            lastReported = Date.now();
            logger.warn({ err: error, component: "page-cache" }, "page cache answering uncached");
          },
        });

  // The client address from the socket and the trusted proxies; security
  // headers on every answer; 500 for a failure (decision 0012).
  const https = usesHttps(process.env.APP_URL);
  const server = createServer(
    withRequestBoundary(handler, {
      trustedHops: env.TRUSTED_PROXY_HOPS,
      securityHeaders: () => securityHeaders(createNonce(), { https, dev: false }),
      onError: (error) => logger.error({ err: error }, "request failed"),
      routeOf: routeMatcher(appRoutes(path.join(root, process.env.NEXT_DIST_DIR ?? ".next"))),
    }),
  );
  // Requests Node cannot parse (bad syntax, headers too large) are answered
  // by Node itself, never reaching the boundary: give them the headers too.
  server.on("clientError", (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return void socket.destroy();
    const status =
      error.code === "HPE_HEADER_OVERFLOW" ? "431 Request Header Fields Too Large" : "400 Bad Request";
    const headers = Object.entries(securityHeaders(createNonce(), { https, dev: false }))
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join("");
    socket.end(`HTTP/1.1 ${status}\r\n${headers}Content-Length: 0\r\nConnection: close\r\n\r\n`);
  });
  server.listen(port, hostname, () => {
    logger.info({ url: `http://${hostname}:${port}` }, `Ready on http://${hostname}:${port}`);
  });

  // Like `next start`: finish the requests in flight (a committed action
  // still gets its answer), then exit; give up after 10 seconds.
  // Keep-alive clients would otherwise go on sending requests on their open
  // connections until the bound (the SIGTERM drill, e2e/drill-sigterm.spec.ts):
  // once stopping, each answer closes its connection.
  let stopping = false;
  server.prependListener("request", (_request, response) => {
    if (stopping) response.setHeader("connection", "close");
  });
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close(() => void Promise.allSettled([app.close(), versions.close()]).then(() => process.exit(0)));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

/**
 * The app's route patterns, for the metrics: the pages and route handlers of
 * the build (Next's routes manifest) and the files of public/.
 */
function appRoutes(distDir: string): string[] {
  const manifest = JSON.parse(readFileSync(path.join(distDir, "routes-manifest.json"), "utf8")) as {
    staticRoutes?: { page: string }[];
    dynamicRoutes?: { page: string }[];
  };
  const publicFiles = readdirSync(path.join(root, "public"), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => `/${path.relative(path.join(root, "public"), path.join(entry.parentPath, entry.name))}`);
  return [
    ...(manifest.staticRoutes ?? []).map((route) => route.page),
    ...(manifest.dynamicRoutes ?? []).map((route) => route.page),
    ...publicFiles.map((file) => file.split(path.sep).join("/")),
  ];
}

main().catch((error: unknown) => {
  console.error(error instanceof EnvError || !(error instanceof Error) ? String(error) : error.message);
  process.exit(1);
});
