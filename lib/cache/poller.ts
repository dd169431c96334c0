import "server-only";
import { getDb } from "@/lib/dal/connection";
import { cacheTags } from "./tags";
import { invalidationsAfter, latestInvalidationId, pruneInvalidations } from "@/lib/dal/outbox";
import { revalidateSecret } from "./revalidate-secret";

// One indexed read of the outbox per tick; a change is live about this long after it is saved, at most.
const POLL_MS = 250;
const PRUNE_EVERY_MS = 60 * 60 * 1000;
const KEEP_MS = 24 * 60 * 60 * 1000;

const state = globalThis as unknown as { __cmsPoller?: { ready: boolean; timer?: NodeJS.Timeout } };

/** True once the first full revalidation has gone through, so nothing cached before this start is served. */
export function isCacheReady(): boolean {
  return state.__cmsPoller?.ready ?? false;
}

async function postTags(tags: string[]): Promise<boolean> {
  const port = process.env.PORT || "3000";
  try {
    const response = await fetch(`http://127.0.0.1:${port}/api/internal/revalidate`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-cms-revalidate": revalidateSecret() },
      body: JSON.stringify({ tags }),
    });
    return response.ok;
  } catch {
    return false; // the server is not listening yet, or restarting: try again next tick
  }
}

/**
 * Any process may change content (the app, the importer CLI, the scheduler); each queues cache tags
 * in the database. This loop, inside the server, turns them into revalidations. At start it
 * revalidates everything once, since content may have changed while the server was down.
 */
export function startInvalidationPoller(): void {
  if (state.__cmsPoller) return;
  const poller: { ready: boolean; timer?: NodeJS.Timeout } = { ready: false };
  state.__cmsPoller = poller;
  const db = getDb();
  let lastId = latestInvalidationId(db);
  let pending = new Set<string>([cacheTags.all]);
  let busy = false;
  let lastPrune = 0;

  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      const batch = invalidationsAfter(db, lastId);
      lastId = batch.lastId;
      for (const tag of batch.tags) pending.add(tag);
      if (pending.size > 0) {
        const tags = pending.has(cacheTags.all) ? [cacheTags.all] : [...pending];
        pending = new Set();
        if (await postTags(tags)) {
          // Ready one tick later, so the first full revalidation has surely been applied.
          setTimeout(() => (poller.ready = true), POLL_MS);
        } else {
          for (const tag of tags) pending.add(tag);
        }
      }
      if (Date.now() - lastPrune > PRUNE_EVERY_MS) {
        lastPrune = Date.now();
        pruneInvalidations(db, new Date(Date.now() - KEEP_MS));
      }
    } catch (error) {
      console.error("[cache] invalidation poll failed", error);
    } finally {
      busy = false;
    }
  };
  poller.timer = setInterval(tick, POLL_MS).unref();
  void tick();
}

/** At shutdown, before the database closes. */
export function stopInvalidationPoller(): void {
  clearInterval(state.__cmsPoller?.timer);
}
