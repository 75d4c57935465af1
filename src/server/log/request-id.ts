// The request id that ties together every log line of one request (decision
// 0027). A load balancer or proxy in front may have chosen one already and
// sent it as X-Request-Id; we keep it only when it is a plain token, so a
// client cannot write spaces, quotes, control characters or a novel into the
// logs through it. Otherwise we make our own. No "server-only" marker: the
// production server (scripts/serve.ts) and the proxy use it.

export const requestIdHeader = "x-request-id";

/** Letters, digits, `.`, `_` and `-`; 8 to 64 characters, starting with a letter or digit (UUIDs, nginx's 32 hex digits, ALB-style ids). */
const wellFormed = /^[A-Za-z0-9][A-Za-z0-9._-]{7,63}$/;

/** The incoming header's value when it is one well-formed id, else null. */
export function acceptedRequestId(value: string | readonly string[] | null | undefined): string | null {
  if (typeof value !== "string") return null; // absent, or sent more than once
  return wellFormed.test(value) ? value : null;
}

export function newRequestId(): string {
  return globalThis.crypto.randomUUID();
}

/** The id to use for a request: the one it came with if acceptable, else a fresh one. */
export function requestIdFor(incoming: string | readonly string[] | null | undefined): string {
  return acceptedRequestId(incoming) ?? newRequestId();
}
