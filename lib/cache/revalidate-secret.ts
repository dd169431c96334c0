import "server-only";
import { randomBytes, timingSafeEqual } from "node:crypto";

// A per-process secret: the poller and the revalidation route run in the same server process,
// so nothing has to be written to disk or configured.
const holder = globalThis as unknown as { __cmsRevalidateSecret?: string };

export function revalidateSecret(): string {
  holder.__cmsRevalidateSecret ??= randomBytes(32).toString("hex");
  return holder.__cmsRevalidateSecret;
}

export function isRevalidateSecret(candidate: string | null): boolean {
  if (!candidate) return false;
  const expected = Buffer.from(revalidateSecret());
  const given = Buffer.from(candidate);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
