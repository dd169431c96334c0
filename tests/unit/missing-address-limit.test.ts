import { describe, expect, it } from "vitest";
import { MissingAddressLimit } from "@/lib/server/missing-address-limit";

describe("the limit on made-up addresses per client", () => {
  it("allows a burst, then the steady rate, per client", () => {
    const limit = new MissingAddressLimit({ burst: 3, perSecond: 2, maxClients: 100 });
    expect([1, 2, 3, 4].map(() => limit.allow("a", 0))).toEqual([true, true, true, false]);
    expect(limit.allow("b", 0)).toBe(true); // another client has its own allowance
    expect(limit.allow("a", 400)).toBe(false); // 0.8 of an answer earned
    expect(limit.allow("a", 500)).toBe(true); // one earned at 2 a second
    expect(limit.allow("a", 10_000)).toBe(true);
    expect([1, 2, 3].map(() => limit.allow("a", 10_000))).toEqual([true, true, false]); // refilled to the burst, no more
  });

  it("forgets the clients seen least recently when it holds too many", () => {
    const limit = new MissingAddressLimit({ burst: 1, perSecond: 0.001, maxClients: 2 });
    expect(limit.allow("a", 0)).toBe(true);
    expect(limit.allow("a", 0)).toBe(false);
    limit.allow("b", 0);
    limit.allow("c", 0); // "a" is forgotten, so it starts again with its burst
    expect(limit.allow("a", 0)).toBe(true);
  });
});
