/**
 * An in-process cache whose entries carry the tags of what they show (lib/cache/tags.ts), bounded
 * in entries and bytes, least recently used out. Every cache made here is registered, so one
 * `invalidate(tags)` (the outbox follower's, lib/cache/follower.ts) empties what a change made
 * stale in all of them: the page copies, the address lookups, the search results.
 *
 * State lives on globalThis: Next's bundle and server.ts's are separate module graphs in one
 * process, and both must see the same caches.
 */
import { cacheTags } from "./tags";

type Entry<V> = { value: V; tags: readonly string[]; bytes: number; expiresAt?: number };

export class TaggedCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly byTag = new Map<string, Set<string>>();
  private bytes = 0;
  /** Bumped by every invalidation: a value computed from data read before it must not be stored after it. */
  generation = 0;

  constructor(
    readonly name: string,
    private readonly limits: { maxEntries: number; maxBytes: number; sizeOf: (value: V) => number },
  ) {}

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt !== undefined && Date.now() >= entry.expiresAt) {
      this.delete(key);
      return undefined;
    }
    // Map keeps insertion order: re-inserting makes this the most recently used.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /**
   * Stores `value` under `key` unless an invalidation happened since `generation` was read (then it
   * may be stale). `expiresAt` (ms): a value that changes at a known time by itself (a featured story's end).
   */
  set(key: string, value: V, tags: Iterable<string>, generation = this.generation, expiresAt?: number): void {
    if (generation !== this.generation) return;
    const bytes = this.limits.sizeOf(value);
    if (bytes > this.limits.maxBytes / 8) return; // one entry never crowds out the rest
    this.delete(key);
    const entry = { value, tags: [...new Set(tags)], bytes, expiresAt };
    this.entries.set(key, entry);
    this.bytes += bytes;
    for (const tag of entry.tags) {
      let keys = this.byTag.get(tag);
      if (!keys) this.byTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.limits.maxEntries && this.bytes <= this.limits.maxBytes) break;
      this.delete(oldest);
    }
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
    for (const tag of entry.tags) {
      const keys = this.byTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.byTag.delete(tag);
    }
  }

  /** Drops every entry carrying one of `tags`; `public` (lib/cache/tags.ts) drops everything. */
  evict(tags: Iterable<string>): number {
    this.generation++;
    const list = [...tags];
    if (list.includes(cacheTags.all)) {
      const dropped = this.entries.size;
      this.clear();
      return dropped;
    }
    let dropped = 0;
    for (const tag of list) {
      for (const key of [...(this.byTag.get(tag) ?? [])]) {
        this.delete(key);
        dropped++;
      }
    }
    return dropped;
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
    this.byTag.clear();
    this.bytes = 0;
  }
}

const registry = ((globalThis as unknown as { __cmsTaggedCaches?: Map<string, TaggedCache<unknown>> }).__cmsTaggedCaches ??= new Map());

/** The process's cache of this name, made on first use with these limits. */
export function taggedCache<V>(name: string, limits: { maxEntries: number; maxBytes: number; sizeOf: (value: V) => number }): TaggedCache<V> {
  let cache = registry.get(name) as TaggedCache<V> | undefined;
  if (!cache) {
    cache = new TaggedCache<V>(name, limits);
    registry.set(name, cache as TaggedCache<unknown>);
  }
  return cache;
}

/** Empties, in every cache of the process, what a change to `tags` made stale. */
export function invalidate(tags: Iterable<string>): void {
  const list = [...tags];
  for (const cache of registry.values()) cache.evict(list);
}
