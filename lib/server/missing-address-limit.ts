/**
 * A limit on addresses that do not exist, per client: a reader who follows a few broken links gets
 * the 404 page every time, while a client asking for one made-up address after another (an
 * attack, or a scanner) is slowed down. Past its allowance a client waits a second and is told 429
 * with Retry-After, which holds its connection without costing the server a lookup: readers of
 * real pages keep their share of the machine.
 */
import type { ServerResponse } from "node:http";

/** A token bucket per client address: `burst` missing addresses at once, then `perSecond`. */
export class MissingAddressLimit {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly options: { burst: number; perSecond: number; maxClients: number }) {}

  /** Whether `client` may be answered with the 404 page now (and counts this answer). */
  allow(client: string, now: number = Date.now()): boolean {
    const { burst, perSecond, maxClients } = this.options;
    let bucket = this.buckets.get(client);
    if (bucket) {
      bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
      bucket.at = now;
      this.buckets.delete(client); // re-inserted last: the least recently seen clients go first
    } else {
      bucket = { tokens: burst, at: now };
    }
    this.buckets.set(client, bucket);
    if (this.buckets.size > maxClients) this.buckets.delete(this.buckets.keys().next().value!);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}

// Generous for people and crawlers following old links; a flood runs out within a second.
export const missingAddressLimit = new MissingAddressLimit({ burst: 60, perSecond: 2, maxClients: 10_000 });
export const SLOW_DOWN_MS = 1_000;
export const SLOW_DOWN_MESSAGE = "Quá nhiều yêu cầu tới những địa chỉ không có trên trang. Vui lòng thử lại sau ít phút.";

/** The answer past the allowance: after SLOW_DOWN_MS, 429 (never cached by nginx, which keeps 200, 301, 308 and 404 only). */
export function slowDown(res: ServerResponse): void {
  const timer = setTimeout(() => {
    if (res.destroyed) return;
    res.writeHead(429, { "content-type": "text/plain; charset=utf-8", "retry-after": "60", "cache-control": "private, no-store" });
    res.end(SLOW_DOWN_MESSAGE);
  }, SLOW_DOWN_MS);
  res.once("close", () => clearTimeout(timer));
}
