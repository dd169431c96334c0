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
/** One invalidation: its generation and its tags (null: everything). */
type Eviction = { generation: number; tags: ReadonlySet<string> | null };

// Invalidations remembered to tell whether a value read before them is stale; a value read more
// than this many invalidations ago is taken as stale. Renders take milliseconds, changes come far slower.
const REMEMBERED_EVICTIONS = 256;

export class TaggedCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly byTag = new Map<string, Set<string>>();
  private bytes = 0;
  /** Bumped by every invalidation: a value computed from data read before it must not be stored after it. */
  generation = 0;
  private readonly recent: Eviction[] = [];

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
   * Whether something showing `tags`, computed from data read at `generation`, may be stale: an
   * invalidation since then named one of its tags (or everything). Changes to other content (the
   * background job's recordings, other posts) leave it current.
   */
  changedSince(generation: number, tags: Iterable<string>): boolean {
    if (generation === this.generation) return false;
    if (this.generation - generation > this.recent.length) return true;
    const list = [...tags];
    return this.recent.some((eviction) => eviction.generation > generation && (eviction.tags === null || list.some((tag) => eviction.tags!.has(tag))));
  }

  /**
   * Stores `value` under `key` unless an invalidation of one of its tags happened since `generation`
   * was read. `expiresAt` (ms): a value that changes at a known time by itself (a featured story's end).
   */
  set(key: string, value: V, tags: Iterable<string>, generation = this.generation, expiresAt?: number): void {
    const unique = [...new Set(tags)];
    if (this.changedSince(generation, unique)) return;
    const bytes = this.limits.sizeOf(value);
    if (bytes > this.limits.maxBytes / 8) return; // one entry never crowds out the rest
    this.delete(key);
    const entry = { value, tags: unique, bytes, expiresAt };
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
    const list = [...tags];
    if (list.includes(cacheTags.all)) {
      const dropped = this.entries.size;
      this.clear();
      return dropped;
    }
    this.remember(new Set(list));
    let dropped = 0;
    for (const tag of list) {
      for (const key of [...(this.byTag.get(tag) ?? [])]) {
        this.delete(key);
        dropped++;
      }
    }
    return dropped;
  }

  private remember(tags: ReadonlySet<string> | null): void {
    this.generation++;
    this.recent.push({ generation: this.generation, tags });
    if (this.recent.length > REMEMBERED_EVICTIONS) this.recent.shift();
  }

  clear(): void {
    this.remember(null);
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
