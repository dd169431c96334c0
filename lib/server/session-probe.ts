/**
 * Whether a request carries a live next-auth session token, decided synchronously in server.ts
 * before Next sees the request, so that only signed-in staff get the larger body limits. This is
 * not the authorization (every page, action and route still checks the session, the account and
 * the permission through lib/dal): it only proves the cookie was issued by this server with its
 * key and has not expired.
 *
 * next-auth v4 writes the token as a compact JWE (`dir`, `A256GCM`) under a key derived from the
 * secret with HKDF-SHA256; node:crypto opens it without an await. A unit test checks this against
 * next-auth's own `encode`.
 */
import { createDecipheriv, hkdfSync } from "node:crypto";
import { authSecret } from "@/lib/auth/secret-store";

const COOKIE_NAMES = ["__Secure-next-auth.session-token", "next-auth.session-token"];
const KEY_INFO = "NextAuth.js Generated Encryption Key";
// next-auth's own decode allows 15 s of clock skew.
const CLOCK_TOLERANCE_MS = 15_000;

/** The session token of a Cookie header: the whole cookie, or its chunks (`.0`, `.1`…) joined. */
export function sessionTokenOf(cookieHeader: string | undefined): string | null {
  if (!cookieHeader) return null;
  const cookies = new Map<string, string>();
  for (const pair of cookieHeader.split(/;\s*/)) {
    const at = pair.indexOf("=");
    if (at > 0) cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
  }
  for (const base of COOKIE_NAMES) {
    const whole = cookies.get(base);
    if (whole) return whole;
    const chunks = [...cookies]
      .map(([name, value]) => ({ index: name.startsWith(`${base}.`) ? Number(name.slice(base.length + 1)) : NaN, value }))
      .filter((c) => Number.isInteger(c.index) && c.index >= 0)
      .sort((a, b) => a.index - b.index);
    if (chunks.length > 0) return chunks.map((c) => c.value).join("");
  }
  return null;
}

const keys = new Map<string, Buffer>();
function keyFor(secret: string): Buffer {
  let key = keys.get(secret);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", secret, "", KEY_INFO, 32));
    keys.set(secret, key);
  }
  return key;
}

/** True when `token` decrypts with `secret` and has not expired. */
export function isLiveSessionToken(token: string, secret: string, now: number = Date.now()): boolean {
  const parts = token.split(".");
  if (parts.length !== 5 || parts[1] !== "") return false;
  const [header, , iv, ciphertext, tag] = parts as [string, string, string, string, string];
  try {
    const protectedHeader = JSON.parse(Buffer.from(header, "base64url").toString("utf8")) as Record<string, unknown>;
    if (protectedHeader.alg !== "dir" || protectedHeader.enc !== "A256GCM" || "zip" in protectedHeader) return false;
    const decipher = createDecipheriv("aes-256-gcm", keyFor(secret), Buffer.from(iv, "base64url"), { authTagLength: 16 });
    decipher.setAAD(Buffer.from(header, "ascii"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    const plain = Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]);
    const claims = JSON.parse(plain.toString("utf8")) as { exp?: unknown };
    return typeof claims.exp === "number" && claims.exp * 1000 + CLOCK_TOLERANCE_MS > now;
  } catch {
    return false;
  }
}

let secret: string | undefined;

/** Whether this request's cookies hold a live session of this server. */
export function hasLiveSession(cookieHeader: string | undefined): boolean {
  const token = sessionTokenOf(cookieHeader);
  if (!token) return false;
  secret ??= authSecret();
  return isLiveSessionToken(token, secret);
}
