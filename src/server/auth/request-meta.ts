import "server-only";

import { headers } from "next/headers";

export type RequestMeta = { ip: string; userAgent: string | null };

/**
 * The client address: the X-Forwarded-For entry appended by the nearest
 * trusted hop. Next's own server appends the socket address, so with no
 * reverse proxy (TRUSTED_PROXY_HOPS=0) it is the last entry and entries a
 * client made up are ignored.
 */
export function clientIp(
  forwardedFor: string | null,
  hops = Number(process.env.TRUSTED_PROXY_HOPS ?? 0),
): string {
  const entries = (forwardedFor ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return entries[entries.length - 1 - hops] ?? entries[0] ?? "unknown";
}

export function metaFromHeaders(source: Headers): RequestMeta {
  return {
    ip: clientIp(source.get("x-forwarded-for")),
    userAgent: source.get("user-agent")?.slice(0, 300) ?? null,
  };
}

export async function requestMeta(): Promise<RequestMeta> {
  return metaFromHeaders(await headers());
}
