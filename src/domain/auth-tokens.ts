// Lifetimes of single-use links. An invitation may sit in an inbox over a
// weekend; a reset link is asked for by someone at their keyboard.
export const INVITATION_TTL_MS = 72 * 60 * 60_000;
export const PASSWORD_RESET_TTL_MS = 60 * 60_000;

export type TokenPurpose = "INVITATION" | "PASSWORD_RESET";

export type TokenStatus = "valid" | "expired" | "used" | "unknown";

export function tokenTtl(purpose: TokenPurpose): number {
  return purpose === "INVITATION" ? INVITATION_TTL_MS : PASSWORD_RESET_TTL_MS;
}

export function tokenStatus(token: { expiresAt: Date; usedAt: Date | null } | null, now: Date): TokenStatus {
  if (!token) return "unknown";
  if (token.usedAt) return "used";
  if (token.expiresAt.getTime() <= now.getTime()) return "expired";
  return "valid";
}

// Reset requests send mail to whatever address is typed: without a limit the
// form is a way to flood someone's inbox, or to load the mail relay. Per
// address, a few links an hour are plenty for a person who lost one; per
// client address, enough for an office behind one NAT.
export const RESET_REQUEST_WINDOW_SECONDS = 60 * 60;
export const RESET_REQUESTS_PER_EMAIL = 3;
export const RESET_REQUESTS_PER_IP = 20;

/** The wait before trying again in whole minutes ("Try again in 12 minutes"), never 0. */
export function retryInMinutes(seconds: number): number {
  return Math.max(1, Math.ceil(seconds / 60));
}
