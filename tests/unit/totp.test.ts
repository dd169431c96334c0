import { Secret, TOTP } from "otpauth";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { hashRecoveryCode, newRecoveryCodes, newTotpSecret, totpUri, verifyTotp } from "@/lib/auth/totp";

const STEP_MS = 30_000;
// The middle of a 30-second step, so "one step either side" is unambiguous.
const NOW = Date.UTC(2026, 10, 21, 8, 0, 15);

const secret = newTotpSecret();
const generator = new TOTP({ secret: Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: 30 });
const codeAt = (steps: number) => generator.generate({ timestamp: NOW + steps * STEP_MS });

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(NOW);
});
afterEach(() => vi.useRealTimers());

describe("verifyTotp", () => {
  it("accepts the current code and the codes one step before and after", () => {
    expect(verifyTotp(secret, codeAt(0))).toBe(true);
    expect(verifyTotp(secret, codeAt(-1))).toBe(true);
    expect(verifyTotp(secret, codeAt(1))).toBe(true);
  });

  it("refuses codes two or more steps away", () => {
    const near = new Set([codeAt(-1), codeAt(0), codeAt(1)]);
    for (const steps of [-10, -3, -2, 2, 3, 10]) {
      const code = codeAt(steps);
      // Two steps can share a code by chance (1 in a million); only a distinct one proves the window.
      if (near.has(code)) continue;
      expect(verifyTotp(secret, code), `${steps} steps`).toBe(false);
    }
  });

  it("refuses the current code of another secret", () => {
    const other = new TOTP({ secret: Secret.fromBase32(newTotpSecret()), algorithm: "SHA1", digits: 6, period: 30 }).generate({ timestamp: NOW });
    if (other !== codeAt(0) && other !== codeAt(-1) && other !== codeAt(1)) expect(verifyTotp(secret, other)).toBe(false);
  });

  it("tolerates spaces typed inside the code", () => {
    const code = codeAt(0);
    expect(verifyTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`)).toBe(true);
    expect(verifyTotp(secret, ` ${code} `)).toBe(true);
  });

  it("refuses malformed input", () => {
    const code = codeAt(0);
    for (const bad of ["", "      ", code.slice(0, 5), `${code}0`, `${code.slice(0, 5)}a`, "abcdef", "12345６", "-12345", "1e5000", `${code}\u0000`]) {
      expect(verifyTotp(secret, bad), JSON.stringify(bad)).toBe(false);
    }
  });
});

describe("secrets and URIs", () => {
  it("makes a different base32 secret of 160 bits each time", () => {
    const a = newTotpSecret();
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(a);
  });

  it("puts the account and the secret in the otpauth URI", () => {
    const uri = totpUri(secret, "bien.tap@cuc.vn");
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect(uri).toContain(`secret=${secret}`);
    expect(decodeURIComponent(uri)).toContain("bien.tap@cuc.vn");
  });
});

describe("recovery codes", () => {
  it("makes ten distinct codes like k7m2-x9pq without look-alike characters", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}$/);
  });

  it("hashes a code the same whatever the case and spacing", () => {
    const hash = hashRecoveryCode("k7m2-x9pq");
    expect(hashRecoveryCode("K7M2-X9PQ")).toBe(hash);
    expect(hashRecoveryCode("  k7m2-x9pq \n")).toBe(hash);
    expect(hashRecoveryCode("k7m2 - x9pq")).toBe(hash);
    expect(hashRecoveryCode("K7 M2-X9 PQ")).toBe(hash);
  });

  it("gives different codes different hashes, and never stores the code itself", () => {
    const hash = hashRecoveryCode("k7m2-x9pq");
    expect(hashRecoveryCode("k7m2-x9pr")).not.toBe(hash);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain("k7m2");
  });
});
