import "server-only";

import { takeFixedWindow, type RateLimitDecision } from "./fixed-window";

export type { RateLimitDecision } from "./fixed-window";

/** Requests per minute for one anonymous client address (API_RATE_LIMIT_PER_MINUTE, default 120). */
export function apiRateLimit(): number {
  const configured = Number(process.env.API_RATE_LIMIT_PER_MINUTE);
  return Number.isInteger(configured) && configured > 0 ? configured : 120;
}

/** Counts one open-API request for `client` in a one-minute window shared by every app instance. */
export function takeApiRequest(client: string, limit = apiRateLimit()): Promise<RateLimitDecision> {
  return takeFixedWindow(`api:${client}`, limit, 60);
}
