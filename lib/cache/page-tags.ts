/**
 * The tags of the page being rendered. server.ts renders each public page inside `collectPageTags`;
 * every public read of the data layer names what it shows with `tagPage` (an article, a category,
 * the list of everything), and the page is kept under those tags, so a content change that queues
 * one of them (lib/cache/tags.ts) empties exactly the pages that showed it. Outside a page render
 * (a test, a job) tagging does nothing.
 */
import { AsyncLocalStorage } from "node:async_hooks";

// On globalThis: the data layer's copy (in Next's bundle) and server.ts's must share one store.
const holder = globalThis as unknown as { __cmsPageTags?: AsyncLocalStorage<Set<string>> };
const store = (holder.__cmsPageTags ??= new AsyncLocalStorage<Set<string>>());

export function tagPage(...tags: string[]): void {
  const current = store.getStore();
  if (current) for (const tag of tags) current.add(tag);
}

/** Runs `render` with a fresh set of tags, which the reads made during it (however deep, however async) add to. */
export function collectPageTags<T>(tags: Set<string>, render: () => T): T {
  return store.run(tags, render);
}

const UNTIL = "until:";

/**
 * Marks the page being rendered as changing by itself at `at` (a featured story's end time): no
 * change queues a tag then, so the page's copy is kept only until that moment.
 */
export function expirePageAt(at: number): void {
  tagPage(`${UNTIL}${Math.floor(at)}`);
}

/** A rendered page's tags without its expiry marks, and the earliest expiry among them (if any). */
export function splitPageExpiry(tags: Iterable<string>): { tags: string[]; expiresAt?: number } {
  const kept: string[] = [];
  let expiresAt: number | undefined;
  for (const tag of tags) {
    if (!tag.startsWith(UNTIL)) kept.push(tag);
    else {
      const at = Number(tag.slice(UNTIL.length));
      if (Number.isFinite(at)) expiresAt = expiresAt === undefined ? at : Math.min(expiresAt, at);
    }
  }
  return { tags: kept, expiresAt };
}
