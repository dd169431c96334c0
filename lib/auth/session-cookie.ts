import "server-only";
import { cookies } from "next/headers";
import { decode, encode, type JWT } from "next-auth/jwt";
import { siteUrl } from "@/lib/site";
import { authSecret } from "./secret";
import { SESSION_IDLE_SECONDS } from "./session-policy";

const BASE_NAME = "next-auth.session-token";
// next-auth's own chunk size (4096 minus its estimate of the attributes), so its reader joins ours.
const CHUNK_SIZE = 4096 - 163;

function secureCookies(): boolean {
  // Same rule as `useSecureCookies` in options.ts, so both sides agree on the cookie's name.
  return siteUrl().startsWith("https://");
}

/** `next-auth.session-token`, or its `__Secure-` form when the site is served over HTTPS. */
export function sessionCookieName(): string {
  return secureCookies() ? `__Secure-${BASE_NAME}` : BASE_NAME;
}

/** The cookie itself, or one of its chunks (`.0`, `.1`…) when next-auth had to split a large token. */
function chunkIndex(base: string, name: string): number | null {
  if (name === base) return -1;
  if (!name.startsWith(`${base}.`)) return null;
  const suffix = name.slice(base.length + 1);
  return /^\d+$/.test(suffix) ? Number(suffix) : null;
}

type Claims = { tv?: number; name?: string };

/**
 * Re-issues this browser's session cookie with changed claims: after a token-version bump (sign
 * out everywhere, password change) every other session ends, while this one carries the new
 * version and stays signed in. Only server actions and route handlers may call it (pages cannot
 * set cookies). Returns false when the request has no valid session of `userId`.
 */
export async function reissueSessionCookie(userId: number, changes: Claims): Promise<boolean> {
  const store = await cookies();
  const base = sessionCookieName();
  const parts = store
    .getAll()
    .map((c) => ({ ...c, index: chunkIndex(base, c.name) }))
    .filter((c): c is typeof c & { index: number } => c.index !== null)
    .sort((a, b) => a.index - b.index);
  // A whole cookie wins over stale chunks, as next-auth writes one or the other.
  const whole = parts.find((p) => p.index === -1);
  const raw = whole ? whole.value : parts.map((p) => p.value).join("");
  if (!raw) return false;

  const secret = authSecret();
  const token = await decode({ token: raw, secret }).catch(() => null);
  if (!token || token.uid !== userId) return false;

  // iat/exp/jti are set afresh by encode; authTime is kept so the absolute lifetime still counts from sign-in.
  const next: JWT = { ...token };
  delete next.iat;
  delete next.exp;
  delete next.jti;
  if (changes.tv !== undefined) next.tv = changes.tv;
  if (changes.name !== undefined) next.name = changes.name;
  const value = await encode({ token: next, secret, maxAge: SESSION_IDLE_SECONDS });

  const options = { httpOnly: true, sameSite: "lax" as const, path: "/", secure: secureCookies(), maxAge: SESSION_IDLE_SECONDS };
  const chunks = value.length <= CHUNK_SIZE ? [value] : Array.from({ length: Math.ceil(value.length / CHUNK_SIZE) }, (_, i) => value.slice(i * CHUNK_SIZE, (i + 1) * CHUNK_SIZE));
  const written = chunks.length === 1 ? [base] : chunks.map((_, i) => `${base}.${i}`);
  chunks.forEach((chunk, i) => store.set(written[i]!, chunk, options));
  // Leftover chunks of the old token would be joined onto the new one and corrupt it.
  for (const part of parts) {
    if (!written.includes(part.name)) store.set(part.name, "", { ...options, maxAge: 0 });
  }
  return true;
}
