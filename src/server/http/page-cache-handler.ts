import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { promisify } from "node:util";
import { gunzip, gzip } from "node:zlib";

import { VersionedLru } from "@/server/cache/versioned-lru";

import {
  acceptsGzip,
  maxCachedBodyBytes,
  pageCacheCookie,
  pageCacheEntry,
  storablePage,
  withNonce,
  type CachedPage,
} from "./anonymous-page-cache";

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

export type RequestHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

type Options = {
  /** The current SearchDataVersion; null or a rejection answers the request uncached. */
  currentVersion: () => Promise<string | null>;
  newNonce: () => string;
  capacity: number;
  onError?: (error: unknown) => void;
};

/**
 * Wraps the app's request handler with the shared page cache (decision 0010):
 * an anonymous GET of a cacheable page is answered from the last rendering of
 * the same URL while SearchDataVersion is unchanged, with a fresh nonce;
 * everything else goes to the app untouched. Misses are rendered by the app
 * as usual and streamed to the visitor while a copy is kept.
 */
export function withAnonymousPageCache(handle: RequestHandler, options: Options): RequestHandler {
  const pages = new VersionedLru<CachedPage>(options.capacity);
  return async (request, response) => {
    const entry = pageCacheEntry(request);
    if (entry === null) return handle(request, response);
    const { key, locale } = entry;
    let version: string | null;
    try {
      version = await options.currentVersion();
    } catch (error) {
      options.onError?.(error);
      version = null;
    }
    if (version === null) return handle(request, response);

    const hit = pages.peek(key, version);
    const nonce = options.newNonce();
    // Same length: the flight data may carry lengths of the text around it.
    if (hit && hit.nonce.length === nonce.length) return sendCached(request, response, hit, nonce);

    // What may be kept is rendered without the visitor's cookies: anonymous
    // whatever the app's cookie parsing makes of a header we judged
    // session-free, and in the language of the key (decision 0026).
    request.headers.cookie = pageCacheCookie(locale);
    response.setHeader("x-page-cache", "miss");
    keepCopy(response, (page) => pages.put(key, version, page), options.onError);
    return handle(request, response);
  };
}

async function sendCached(
  request: IncomingMessage,
  response: ServerResponse,
  page: CachedPage,
  nonce: string,
): Promise<void> {
  const { headers, body } = withNonce(page, nonce);
  let payload = Buffer.from(body, "utf8");
  for (const [name, value] of headers) response.setHeader(name, value);
  const vary = String(response.getHeader("vary") ?? "");
  if (!/accept-encoding/i.test(vary))
    response.setHeader("vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
  if (acceptsGzip(request.headers["accept-encoding"])) {
    payload = await gzipAsync(payload);
    response.setHeader("content-encoding", "gzip");
  }
  response.statusCode = 200;
  response.setHeader("content-length", payload.length);
  response.setHeader("x-page-cache", "hit");
  response.end(payload);
}

type WriteArgs = [chunk?: unknown, encoding?: unknown, callback?: unknown];

/**
 * Copies what the app writes to the response (status, headers, body) and hands
 * it to `store` once the response finished, if it may be kept.
 */
function keepCopy(
  response: ServerResponse,
  store: (page: CachedPage) => void,
  onError?: (error: unknown) => void,
): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  let headHeaders: OutgoingHttpHeaders = {};

  const collect = (chunk: unknown, encoding: unknown) => {
    if (tooLarge || chunk === undefined || chunk === null || typeof chunk === "function") return;
    const buffer =
      typeof chunk === "string"
        ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8")
        : Buffer.from(chunk as Uint8Array);
    size += buffer.length;
    // Compressed bytes are smaller than the page; the limit applies to both.
    if (size > maxCachedBodyBytes) {
      tooLarge = true;
      chunks.length = 0;
    } else chunks.push(buffer);
  };

  const write = response.write.bind(response) as (...args: WriteArgs) => boolean;
  const end = response.end.bind(response) as (...args: WriteArgs) => ServerResponse;
  const writeHead = response.writeHead.bind(response) as (...args: unknown[]) => ServerResponse;
  response.write = ((...args: WriteArgs) => {
    collect(args[0], args[1]);
    return write(...args);
  }) as ServerResponse["write"];
  response.end = ((...args: WriteArgs) => {
    collect(args[0], args[1]);
    return end(...args);
  }) as ServerResponse["end"];
  response.writeHead = ((...args: unknown[]) => {
    const headers = args.find((arg, index) => index > 0 && typeof arg === "object" && arg !== null);
    if (headers && !Array.isArray(headers)) headHeaders = headers as OutgoingHttpHeaders;
    return writeHead(...args);
  }) as ServerResponse["writeHead"];

  response.once("finish", () => {
    if (tooLarge) return;
    const headers = { ...lowerCased(headHeaders), ...response.getHeaders() };
    const raw = Buffer.concat(chunks);
    const encoding = String(headers["content-encoding"] ?? "identity").toLowerCase();
    if (encoding !== "identity" && encoding !== "gzip") return;
    const decoded = encoding === "gzip" ? gunzipAsync(raw) : Promise.resolve(raw);
    decoded
      .then((body) => {
        const page = storablePage(response.statusCode, { ...headers, "content-encoding": undefined }, body);
        if (page) store(page);
      })
      .catch((error: unknown) => onError?.(error));
  });
}

function lowerCased(headers: OutgoingHttpHeaders): OutgoingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}
