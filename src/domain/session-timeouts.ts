// Session lifetimes (docs/security.md): a session ends after 8 hours without a
// request (idle) and 12 hours after sign-in whatever happens (absolute).
export const SESSION_IDLE_SECONDS = 8 * 60 * 60;
export const SESSION_ABSOLUTE_SECONDS = 12 * 60 * 60;

export function sessionExpired(signedInAtSeconds: number, nowSeconds: number): boolean {
  return nowSeconds - signedInAtSeconds > SESSION_ABSOLUTE_SECONDS;
}
