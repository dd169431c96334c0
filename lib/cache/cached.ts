import "server-only";
import { unstable_cache } from "next/cache";
import { cacheTags } from "./tags";

// Entries are keyed by the server process that made them: data cached during `next build` (from
// its empty in-memory database) or by an earlier run can then never be served as current.
const holder = globalThis as unknown as { __cmsBootId?: string };
const bootId = (holder.__cmsBootId ??= `${process.pid}-${Date.now().toString(36)}`);

/**
 * Caches a public read under its key; `tags` name what it shows (every entry also carries `public`).
 * The tags also attach to the page that made the read, which is how pages get revalidated.
 */
export function cachedRead<T>(read: () => T, keyParts: string[], tags: string[] = []): Promise<T> {
  return unstable_cache(async () => read(), [bootId, ...keyParts], { tags: [cacheTags.all, ...tags] })();
}
