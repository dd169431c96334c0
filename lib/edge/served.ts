/**
 * What this process has let the caches in front keep: each address answered with a long shared
 * expiry, the tags of what it shows, and until when a cache may keep it. A change's tags then name
 * exactly the addresses to purge. An entry past its expiry is gone from every cache anyway and is
 * dropped; when the index is full, an address is answered with a short expiry instead (never kept
 * long without a way to purge it).
 */
import { cacheTags } from "@/lib/cache/tags";

type Entry = { tags: readonly string[]; expiresAt: number };

export class ServedIndex {
  private readonly entries = new Map<string, Entry>();
  private readonly byTag = new Map<string, Set<string>>();

  constructor(private readonly maxEntries: number) {}

  get size(): number {
    return this.entries.size;
  }

  /** Notes that `path` went out kept until `expiresAt`; false when there is no room (answer it with a short expiry). */
  record(path: string, tags: readonly string[], expiresAt: number, now: number = Date.now()): boolean {
    const known = this.entries.get(path);
    if (known) {
      known.expiresAt = Math.max(known.expiresAt, expiresAt);
      if (known.tags === tags || sameTags(known.tags, tags)) return true;
      this.remove(path);
    }
    if (this.entries.size >= this.maxEntries && this.sweep(now) === 0) return false;
    this.entries.set(path, { tags, expiresAt });
    for (const tag of tags) {
      let paths = this.byTag.get(tag);
      if (!paths) this.byTag.set(tag, (paths = new Set()));
      paths.add(path);
    }
    return true;
  }

  /** The addresses still kept somewhere that show any of `tags` (`public`: all of them), forgotten here: they are being purged. */
  take(tags: readonly string[], now: number = Date.now()): string[] {
    const paths = tags.includes(cacheTags.all) ? [...this.entries.keys()] : [...new Set(tags.flatMap((tag) => [...(this.byTag.get(tag) ?? [])]))];
    const live = paths.filter((path) => (this.entries.get(path)?.expiresAt ?? 0) >= now);
    for (const path of paths) this.remove(path);
    return live;
  }

  private remove(path: string): void {
    const entry = this.entries.get(path);
    if (!entry) return;
    this.entries.delete(path);
    for (const tag of entry.tags) {
      const paths = this.byTag.get(tag);
      paths?.delete(path);
      if (paths?.size === 0) this.byTag.delete(tag);
    }
  }

  /** Drops what every cache has let go of already; how many were dropped. */
  private sweep(now: number): number {
    let dropped = 0;
    for (const [path, entry] of this.entries) {
      if (entry.expiresAt < now) {
        this.remove(path);
        dropped++;
      }
    }
    return dropped;
  }
}

function sameTags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((tag, i) => tag === b[i]);
}
