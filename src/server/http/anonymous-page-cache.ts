import type { IncomingHttpHeaders, OutgoingHttpHeaders } from "node:http";

import { chooseLocale, defaultLocale, localeCookie, splitLocalePrefix, type Locale } from "@/i18n/locales";
import { SESSION_COOKIE_HTTP, SESSION_COOKIE_HTTPS } from "@/server/auth/config";

// The rules of the shared page cache (decision 0010): which requests may be
// answered from it, which responses may go in, and how a stored page gets a
// fresh CSP nonce. No I/O; scripts/serve.ts applies them.

/**
 * Pages rendered the same for every anonymous visitor from directory data
 * alone (SearchDataVersion), in each language (`/centres`, `/fr/centres`…).
 */
export const cacheablePaths: ReadonlySet<string> = new Set(["/centres"]);

const maxUrlLength = 2048;
/** Larger pages are rendered every time rather than held in memory. */
export const maxCachedBodyBytes = 512 * 1024;

// Client-side navigations ask for React flight data, not HTML; server actions post.
const flightRequestHeaders = [
  "rsc",
  "next-action",
  "next-router-state-tree",
  "next-router-prefetch",
  "next-router-segment-prefetch",
];

const sessionCookieNames = [SESSION_COOKIE_HTTP, SESSION_COOKIE_HTTPS];

/**
 * True when the Cookie header holds anything Auth.js may read as a session:
 * it takes every cookie whose name starts with the session cookie's name
 * (its chunks are `name.0`, `name.1`…), so this matches on the prefix too.
 */
export function hasSessionCookie(cookieHeader: string | undefined): boolean {
  if (!cookieHeader) return false;
  return cookieHeader.split(";").some((pair) => {
    const name = pair.split("=", 1)[0]!.trim();
    return sessionCookieNames.some((session) => name.startsWith(session));
  });
}

// Next renders some pages differently for crawlers that cannot run scripts
// (metadata in the head instead of streamed): they get pages of their own.
const crawler =
  /bot|crawl|spider|slurp|preview|facebookexternalhit|facebookcatalog|yandex|baidu|sogou|whatsapp|ia_archiver|yeti|googleweblight|lighthouse/i;

type RequestLike = { method?: string; url?: string; headers: IncomingHttpHeaders };

/**
 * The cache key of a request the cache may answer, or null: an anonymous GET
 * of a cacheable page asking for HTML. The host and forwarded headers are part
 * of the key, so nothing a page derives from them can leak between sites.
 */
export function pageCacheKey(request: RequestLike): string | null {
  return pageCacheEntry(request)?.key ?? null;
}

/**
 * The key and the language of a request the cache may answer, or null. The
 * language is part of the key (decision 0026): `/fr/centres` is French
 * whatever the visitor's cookie or browser says, and an unprefixed page is
 * English only for a visitor whose remembered choice or Accept-Language does
 * not name another of our languages; any other visitor is not answered from
 * the cache, and the proxy sends them to their language's address.
 */
export function pageCacheEntry(request: RequestLike): { key: string; locale: Locale } | null {
  const { method, url, headers } = request;
  if (method !== "GET" || !url || url.length > maxUrlLength) return null;
  const queryStart = url.indexOf("?");
  const pathname = queryStart === -1 ? url : url.slice(0, queryStart);
  if (!cacheablePaths.has(splitLocalePrefix(pathname).rest)) return null;
  if (queryStart !== -1 && new URLSearchParams(url.slice(queryStart + 1)).has("_rsc")) return null;
  if (flightRequestHeaders.some((name) => headers[name] !== undefined)) return null;
  if (headers.authorization !== undefined || hasSessionCookie(headers.cookie)) return null;
  const { locale, source } = chooseLocale({
    pathname,
    cookie: headers.cookie,
    acceptLanguage: headerValue(headers["accept-language"]),
  });
  // `/en/…` and an unprefixed page for a reader of another language are redirects, not pages.
  if ((source === "url") === (locale === defaultLocale)) return null;
  const via = [headers.host, headers["x-forwarded-host"], headers["x-forwarded-proto"]].map((value) =>
    String(value ?? ""),
  );
  const audience = crawler.test(String(headers["user-agent"] ?? "")) ? "crawler" : "browser";
  return { key: `${via.join("\u0000")}\u0000${audience}\u0000${locale}\u0000${url}`, locale };
}

/**
 * The Cookie header a request the cache may keep reaches the app with: only
 * the language the key names, so what is kept is an anonymous render in that
 * language whatever else the visitor's cookies say.
 */
export function pageCacheCookie(locale: Locale): string {
  return `${localeCookie}=${locale}`;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(",") : value;
}

export type CachedPage = {
  /** Response headers as rendered, without per-response ones (date, length, encoding, cookies). */
  headers: [string, string][];
  /** The HTML, uncompressed. */
  body: string;
  /** The CSP nonce the page was rendered with, replaced on every answer. */
  nonce: string;
};

// Headers that describe one response on the wire, not the page.
const perResponseHeaders = new Set([
  "date",
  "content-length",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "content-encoding",
  "etag",
  "x-page-cache",
  // Each answer keeps its own request's id (decision 0027).
  "x-request-id",
]);

const noncePattern = /'nonce-([A-Za-z0-9+/=_-]{16,})'/;

/** The nonce in a Content-Security-Policy header, if any. */
export function nonceOf(csp: string | undefined): string | null {
  return csp ? (noncePattern.exec(csp)?.[1] ?? null) : null;
}

function headerText(value: OutgoingHttpHeaders[string]): string | null {
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(", ") : String(value);
}

/**
 * What a rendered response stores, or null when it must not be stored: only
 * a complete 200 HTML page, uncompressed, without cookies, with a CSP nonce
 * to replace, and not too large.
 */
export function storablePage(status: number, headers: OutgoingHttpHeaders, body: Buffer): CachedPage | null {
  if (status !== 200 || body.length > maxCachedBodyBytes) return null;
  if (headers["set-cookie"] !== undefined) return null;
  if (!String(headers["content-type"] ?? "").startsWith("text/html")) return null;
  const encoding = headerText(headers["content-encoding"]);
  if (encoding && encoding !== "identity") return null;
  const nonce = nonceOf(headerText(headers["content-security-policy"]) ?? undefined);
  if (!nonce) return null;
  const kept: [string, string][] = [];
  for (const [name, value] of Object.entries(headers)) {
    const text = headerText(value);
    if (text !== null && !perResponseHeaders.has(name.toLowerCase())) kept.push([name.toLowerCase(), text]);
  }
  return { headers: kept, body: body.toString("utf8"), nonce };
}

/**
 * The stored page with a new nonce in its headers and body: every answer
 * carries its own nonce, as a rendered page does, so a nonce seen in one
 * response is no use against another.
 */
export function withNonce(page: CachedPage, nonce: string): { headers: [string, string][]; body: string } {
  return {
    headers: page.headers.map(([name, value]) => [name, value.replaceAll(page.nonce, nonce)]),
    body: page.body.replaceAll(page.nonce, nonce),
  };
}

/** Whether the client takes gzip (Accept-Encoding, honouring q=0). */
export function acceptsGzip(acceptEncoding: string | string[] | undefined): boolean {
  const header = Array.isArray(acceptEncoding) ? acceptEncoding.join(",") : (acceptEncoding ?? "");
  return header.split(",").some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(";");
    if (coding !== "gzip" && coding !== "*") return false;
    const q = params.map((param) => param.trim()).find((param) => param.startsWith("q="));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}
