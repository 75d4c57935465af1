import type { IncomingMessage, ServerResponse } from "node:http";

import { clientAddress } from "@/domain/client-address";

import type { RequestHandler } from "./page-cache-handler";

type Options = {
  /** TRUSTED_PROXY_HOPS: reverse proxies in front that append to X-Forwarded-For. */
  trustedHops: number;
  /** The security headers for a response that nobody gave them (src/server/auth/security-headers.ts). */
  securityHeaders: () => Record<string, string>;
  onError: (error: unknown) => void;
};

/**
 * What the production server (scripts/serve.ts) does around every request,
 * before the page cache or Next see it (decision 0012):
 * - X-Forwarded-For becomes the one client address worked out from the
 *   socket and the trusted proxies, so nothing downstream (Next, Auth.js,
 *   our code) can read what a client wrote there;
 * - every response carries the security headers, also those nobody else
 *   dressed: a page-cache answer, Next's static files, this server's 500;
 * - a handler that fails answers 500 (or cuts a half-sent answer off).
 */
export function withRequestBoundary(
  handle: RequestHandler,
  options: Options,
): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    request.headers["x-forwarded-for"] = clientAddress({
      socketAddress: request.socket.remoteAddress,
      forwardedFor: request.headers["x-forwarded-for"],
      trustedHops: options.trustedHops,
    });
    // Other spellings of the client's address: nothing here reads them, and nothing later may.
    delete request.headers["x-real-ip"];
    delete request.headers.forwarded;
    addMissingHeadersOnWrite(response, options.securityHeaders);

    handle(request, response).catch((error: unknown) => {
      options.onError(error);
      // A half-sent page must not look complete (nor be kept by the page cache).
      if (response.headersSent) return void response.destroy();
      response.statusCode = 500;
      response.end();
    });
  };
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
