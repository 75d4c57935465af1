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
