import "server-only";
import { createHash, randomInt } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import { site } from "@/lib/site";

const PERIOD = 30;

function totp(secret: string, label = ""): TOTP {
  return new TOTP({ issuer: site.name, label, algorithm: "SHA1", digits: 6, period: PERIOD, secret: Secret.fromBase32(secret) });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri(secret: string, email: string): string {
  return totp(secret, email).toString();
}

/**
 * The time step (30-second counter) a code belongs to, or null when it is not valid now. Accepts
 * the current step and one either side, for clocks that drift.
 */
export function totpStep(secret: string, code: string, now = Date.now()): number | null {
  const digits = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(digits)) return null;
  const delta = totp(secret).validate({ token: digits, window: 1, timestamp: now });
  return delta === null ? null : Math.floor(now / 1000 / PERIOD) + delta;
}

export function verifyTotp(secret: string, code: string): boolean {
  return totpStep(secret, code) !== null;
}

const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"; // no 0/o, 1/l/i to misread

/** Ten single-use codes like `k7m2-x9pq`; shown once, stored only as hashes. */
export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: 8 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join("");
    return `${chars.slice(0, 4)}-${chars.slice(4)}`;
  });
}

// Recovery codes carry ~40 bits of randomness and are single-use; a fast hash is enough.
export function hashRecoveryCode(code: string): string {
  return createHash("sha256").update(code.trim().toLowerCase().replace(/\s+/g, "")).digest("hex");
}
