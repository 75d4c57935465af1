import type { IncomingMessage, ServerResponse } from "node:http";

import { clientAddress } from "@/domain/client-address";
import { databaseUnreachable, reportDatabaseError } from "@/server/health/database-status";
import { unavailableAnswer } from "@/server/health/outage";
import { logger as sharedLogger, type Logger } from "@/server/log/logger";
import { withRequestContext, type RequestContext } from "@/server/log/request-context";
import { requestIdFor, requestIdHeader } from "@/server/log/request-id";
import { metrics } from "@/server/metrics/metrics";
import { methodLabel, UNMATCHED } from "@/server/metrics/route-pattern";

import type { RequestHandler } from "./page-cache-handler";

type Options = {
  /** TRUSTED_PROXY_HOPS: reverse proxies in front that append to X-Forwarded-For. */
  trustedHops: number;
  /** The security headers for a response that nobody gave them (src/server/auth/security-headers.ts). */
  securityHeaders: () => Record<string, string>;
  onError: (error: unknown) => void;
  /** The route pattern of a path (src/server/metrics/route-pattern.ts), for the metrics and the access log. */
  routeOf?: (pathname: string) => string;
  /** Whether the database is known to be unreachable now (src/server/health/database-status.ts). */
  databaseUnreachable?: () => boolean;
  logger?: Logger;
};

// Probes that load balancers and Prometheus send every few seconds, and
// Next's static files: logged (at info) only when they fail.
const quietRoutes = new Set(["/healthz", "/readyz", "/metrics", "/_next/static", "/_next/image"]);

/**
 * What the production server (scripts/serve.ts) does around every request,
 * before the page cache or Next see it (decisions 0012, 0027):
 * - X-Forwarded-For becomes the one client address worked out from the
 *   socket and the trusted proxies, so nothing downstream (Next, Auth.js,
 *   our code) can read what a client wrote there;
 * - the request gets its id (X-Request-Id, kept when well formed, echoed in
 *   the answer) and runs in its log context, so every log line carries it;
 * - every response carries the security headers, also those nobody else
 *   dressed: a page-cache answer, Next's static files, this server's 500;
 * - an answer that would be a 5xx while the database cannot be reached, or
 *   after this request's own query could not reach it, is a 503 with
 *   Retry-After instead (a calm page, or a JSON problem for the API);
 * - any other failure answers 500 (or cuts a half-sent answer off);
 * - once answered, the request is counted in the metrics and logged (route
 *   pattern, status, time; never the path, query, cookies or address).
 */
export function withRequestBoundary(
  handle: RequestHandler,
  options: Options,
): (request: IncomingMessage, response: ServerResponse) => void {
  const log = options.logger ?? sharedLogger;
  const unreachable = options.databaseUnreachable ?? databaseUnreachable;
  return (request, response) => {
    const started = performance.now();
    request.headers["x-forwarded-for"] = clientAddress({
      socketAddress: request.socket.remoteAddress,
      forwardedFor: request.headers["x-forwarded-for"],
      trustedHops: options.trustedHops,
    });
    // Other spellings of the client's address: nothing here reads them, and nothing later may.
    delete request.headers["x-real-ip"];
    delete request.headers.forwarded;
    const requestId = requestIdFor(request.headers[requestIdHeader]);
    request.headers[requestIdHeader] = requestId;
    response.setHeader("X-Request-Id", requestId);
    const context: RequestContext = { requestId };
    // In this order: the outage answer's head gets the security headers too.
    addMissingHeadersOnWrite(response, options.securityHeaders);
    // This request's own failed query counts even when a later one, of
    // another request, has found the database back meanwhile.
    answerUnavailableOnOutage(request, response, () => context.databaseUnavailable === true || unreachable());

    withRequestContext(context, () => {
      response.once("close", () => {
        const route = options.routeOf?.(pathOf(request.url)) ?? UNMATCHED;
        const method = methodLabel(request.method);
        const status = response.writableFinished ? String(response.statusCode) : "aborted";
        const seconds = (performance.now() - started) / 1000;
        metrics.httpRequests.inc({ method, route, status });
        metrics.httpDuration.observe({ method, route, status }, seconds);
        const quiet = quietRoutes.has(route) && /^[23]/.test(status);
        log[quiet ? "debug" : "info"]({ method, route, status, ms: Math.round(seconds * 1000) }, "request");
      });
      handle(request, response).catch((error: unknown) => {
        options.onError(error);
        // A half-sent page must not look complete (nor be kept by the page cache).
        if (response.headersSent) return void response.destroy();
        // A lost database is remembered; the 500 then becomes the outage's 503 on its way out.
        reportDatabaseError(error);
        response.statusCode = 500;
        response.end();
      });
    });
  };
}

function pathOf(url: string | undefined): string {
  const path = (url ?? "/").split("?")[0]!;
  return path.startsWith("/") ? path : "/";
}

type WriteArgs = [chunk?: unknown, encoding?: unknown, callback?: unknown];

/**
 * Turns an answer that is about to start with a 5xx status other than 503, while the
 * database is unreachable, into the 503 of src/server/health/outage.ts:
 * its headers (X-Request-Id kept) and body replace whatever the app wrote.
 * Decided when the head is about to be written, by Next's own writeHead or
 * implicitly by its first write or end.
 */
function answerUnavailableOnOutage(
  request: IncomingMessage,
  response: ServerResponse,
  unreachable: () => boolean,
): void {
  const writeHead = response.writeHead.bind(response) as (...args: unknown[]) => ServerResponse;
  const write = response.write.bind(response) as (...args: WriteArgs) => boolean;
  const end = response.end.bind(response) as (...args: WriteArgs) => ServerResponse;
  let replacement: string | null = null;

  const replaceIfOutage = (status: number) => {
    // A 503 is already an answer about availability (/readyz, the API's own): left as it is.
    if (replacement !== null || response.headersSent || status < 500 || status === 503 || !unreachable())
      return;
    const answer = unavailableAnswer(request);
    for (const name of response.getHeaderNames()) if (name !== "x-request-id") response.removeHeader(name);
    for (const [name, value] of Object.entries(answer.headers)) response.setHeader(name, value);
    replacement = request.method === "HEAD" ? "" : answer.body;
    response.setHeader("Content-Length", Buffer.byteLength(replacement));
    response.statusCode = 503;
  };
  const callbackOf = (args: WriteArgs) =>
    args.find((arg) => typeof arg === "function") as (() => void) | undefined;

  response.writeHead = ((...args: unknown[]) => {
    replaceIfOutage(typeof args[0] === "number" ? args[0] : response.statusCode);
    return replacement === null ? writeHead(...args) : writeHead(503);
  }) as ServerResponse["writeHead"];
  response.write = ((...args: WriteArgs) => {
    replaceIfOutage(response.statusCode);
    if (replacement === null) return write(...args);
    callbackOf(args)?.();
    return true;
  }) as ServerResponse["write"];
  response.end = ((...args: WriteArgs) => {
    replaceIfOutage(response.statusCode);
    if (replacement === null) return end(...args);
    return end(replacement, "utf8", callbackOf(args));
  }) as ServerResponse["end"];
}

/**
 * Adds each header the response lacks just before its head is written
 * (writeHead is also what Node calls for an implicit head), so the headers
 * Next or the proxy chose always win and none is sent twice.
 */
function addMissingHeadersOnWrite(response: ServerResponse, headers: () => Record<string, string>): void {
  const writeHead = response.writeHead.bind(response) as (...args: unknown[]) => ServerResponse;
  response.writeHead = ((...args: unknown[]) => {
    if (!response.headersSent) {
      for (const [name, value] of Object.entries(headers()))
        if (!response.hasHeader(name)) response.setHeader(name, value);
    }
    return writeHead(...args);
  }) as ServerResponse["writeHead"];
}
