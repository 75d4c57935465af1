import "server-only";

import { headers } from "next/headers";

import { normalizeAddress } from "@/domain/client-address";

export type RequestMeta = { ip: string; userAgent: string | null };

/**
 * The client address, as the production server (scripts/serve.ts) put it in
 * X-Forwarded-For: one address, worked out from the socket and the trusted
 * proxies (src/domain/client-address.ts), replacing whatever the client sent.
 * Anything else there (a list, a name) was not written by that server and is
 * not believed. Under `next dev`, which does not run serve.ts, Next puts the
 * socket's address there unless the client sent one (decision 0012).
 */
export function clientIp(forwardedFor: string | null): string {
  return normalizeAddress(forwardedFor ?? "") ?? "unknown";
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
