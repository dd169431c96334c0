import { describe, expect, it } from "vitest";
import { invalidate, TaggedCache, taggedCache } from "@/lib/cache/tagged-cache";

const sized = (maxEntries = 100, maxBytes = 1_000_000) => new TaggedCache<string>("test", { maxEntries, maxBytes, sizeOf: (v) => v.length });

describe("TaggedCache", () => {
  it("empties exactly the entries that carry a changed tag", () => {
    const cache = sized();
    cache.set("/tin-tuc/a", "A", ["public", "article:a", "category:1"]);
    cache.set("/tin-tuc/b", "B", ["public", "article:b", "category:2"]);
    cache.set("/chuyen-muc/x", "X", ["public", "category:1"]);
    expect(cache.evict(["category:1"])).toBe(2);
    expect(cache.get("/tin-tuc/a")).toBeUndefined();
    expect(cache.get("/chuyen-muc/x")).toBeUndefined();
    expect(cache.get("/tin-tuc/b")).toBe("B");
  });

  it("empties everything for `public` (the header, the footer, every page)", () => {
    const cache = sized();
    cache.set("a", "A", ["home"]);
    cache.set("b", "B", []);
    cache.evict(["public"]);
    expect(cache.size).toEqual({ entries: 0, bytes: 0 });
  });

  it("keeps within its entries and bytes, least recently used out", () => {
    const cache = sized(2, 1_000);
    cache.set("a", "x".repeat(10), []);
    cache.set("b", "x".repeat(10), []);
    cache.get("a");
    cache.set("c", "x".repeat(10), []);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBeDefined();
    const small = sized(100, 800);
    for (let i = 0; i < 20; i++) small.set(`k${i}`, "x".repeat(100), []);
    expect(small.size.bytes).toBeLessThanOrEqual(800);
    small.set("huge", "x".repeat(500), []);
    expect(small.get("huge")).toBeUndefined(); // more than an eighth of the budget is never kept
  });

  it("refuses a value computed before an invalidation, which may show what was just changed", () => {
    const cache = sized();
    const before = cache.generation;
    cache.evict(["article:a"]);
    cache.set("/tin-tuc/a", "stale", ["article:a"], before);
    expect(cache.get("/tin-tuc/a")).toBeUndefined();
    cache.set("/tin-tuc/a", "fresh", ["article:a"], cache.generation);
    expect(cache.get("/tin-tuc/a")).toBe("fresh");
  });

  it("keeps a value computed before changes to other content, and refuses it after `public` or too many changes to tell", () => {
    const cache = sized();
    const before = cache.generation;
    cache.evict(["article:b"]);
    cache.evict(["category:2", "home"]);
    expect(cache.changedSince(before, ["public", "article:a", "category:1"])).toBe(false);
    cache.set("/tin-tuc/a", "current", ["public", "article:a", "category:1"], before);
    expect(cache.get("/tin-tuc/a")).toBe("current");
    expect(cache.changedSince(before, ["article:a", "home"])).toBe(true);

    const beforeAll = cache.generation;
    cache.evict(["public"]);
    expect(cache.changedSince(beforeAll, ["article:a"])).toBe(true);

    const long = cache.generation;
    for (let i = 0; i < 300; i++) cache.evict([`article:other-${i}`]);
    expect(cache.changedSince(long, ["article:a"])).toBe(true); // too far back to know: taken as stale
    expect(cache.changedSince(cache.generation - 5, ["article:a"])).toBe(false);
  });

  it("lets one invalidation reach every cache of the process", () => {
    const one = taggedCache<string>("test-one", { maxEntries: 10, maxBytes: 1000, sizeOf: (v) => v.length });
    const two = taggedCache<string>("test-two", { maxEntries: 10, maxBytes: 1000, sizeOf: (v) => v.length });
    expect(taggedCache("test-one", { maxEntries: 1, maxBytes: 1, sizeOf: () => 0 })).toBe(one);
    one.set("a", "A", ["home"]);
    two.set("b", "B", ["home"]);
    invalidate(["home"]);
    expect(one.get("a")).toBeUndefined();
    expect(two.get("b")).toBeUndefined();
  });
});
