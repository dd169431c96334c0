/** Sessions end after 2 hours without activity, and 12 hours after sign-in whatever happens. */
export const SESSION_IDLE_SECONDS = 2 * 60 * 60;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** How often an active admin page refreshes its session cookie (the idle clock). */
export const SESSION_KEEPALIVE_MS = 5 * 60 * 1000;

export type SessionClaims = { uid: number; tv: number; authTime: number };

export function isExpiredAbsolutely(claims: Pick<SessionClaims, "authTime">, now = Date.now()): boolean {
  return !Number.isFinite(claims.authTime) || now - claims.authTime > SESSION_ABSOLUTE_MS;
}
