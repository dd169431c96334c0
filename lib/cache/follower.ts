/**
 * Follows the invalidation outbox. Any process may change content (the app, the importer CLI, the
 * scheduler); each writes the cache tags it affects into `cache_invalidations` in the same
 * transaction as the change. Every server process reads the new rows every 25 ms (one indexed
 * read) and empties, in its own caches, what those tags name. Nothing is sent over the network,
 * so it works whatever address the server listens on, and with several server processes each
 * keeps its own copies in step.
 */
import "server-only";
import { getDb } from "@/lib/dal/connection";
import { invalidationsAfter, latestInvalidationId, newestInvalidationReader, pruneInvalidations } from "@/lib/dal/outbox";
import { invalidate } from "./tagged-cache";

// One prepared read of the newest id (about 15 µs): this is how soon a change made by another process
// reaches caches in front (nginx is refreshed from here), so it is short.
const POLL_MS = 25;
const PRUNE_EVERY_MS = 60 * 60 * 1000;
const KEEP_MS = 24 * 60 * 60 * 1000;

type Listener = (tags: string[]) => void | Promise<void>;
type State = { timer?: NodeJS.Timeout; ready: boolean; listeners: Listener[]; catchUp?: () => void };
const state = ((globalThis as unknown as { __cmsFollower?: State }).__cmsFollower ??= { ready: false, listeners: [] });

/** True once this process follows the outbox: nothing it caches from then on can outlive a change. */
export function isCacheReady(): boolean {
  return state.ready;
}

/** Also tells `listener` the tags of each change (for caches outside the process: nginx, a CDN). */
export function onInvalidation(listener: Listener): void {
  state.listeners.push(listener);
}

export function startFollowingOutbox(options: { prune: boolean } = { prune: true }): void {
  if (state.timer) return;
  const db = getDb();
  // The caches start empty, so only changes from now on matter.
  let lastId = latestInvalidationId(db);
  let lastPrune = 0;
  const tick = () => {
    try {
      const batch = invalidationsAfter(db, lastId);
      lastId = batch.lastId;
      if (batch.tags.length > 0) {
        invalidate(batch.tags);
        for (const listener of state.listeners) void Promise.resolve(listener(batch.tags)).catch((error) => console.error("[cache] listener failed", error));
      }
    } catch (error) {
      console.error("[cache] outbox poll failed", error);
    }
  };
  const newest = newestInvalidationReader(db);
  const catchUp = () => {
    if (newest() > lastId) tick();
  };
  state.catchUp = catchUp;
  const poll = () => {
    try {
      catchUp();
      if (options.prune && Date.now() - lastPrune > PRUNE_EVERY_MS) {
        lastPrune = Date.now();
        pruneInvalidations(db, new Date(Date.now() - KEEP_MS));
      }
    } catch (error) {
      console.error("[cache] outbox poll failed", error);
    }
  };
  state.timer = setInterval(poll, POLL_MS);
  state.timer.unref();
  state.ready = true;
}

/**
 * Takes in, now, any change committed since the last poll. Every public page answer calls it first
 * (lib/server/public-pages.ts): a save committed by another process, or by a command-line tool, is
 * on the next page anyone asks for, and a cache in front that another process has just refreshed
 * never gets this process's copy from before the change. One indexed read when nothing is new.
 */
export function catchUpWithOutbox(): void {
  state.catchUp?.();
}

let checkedThisTurn = false;
const nextTurn = () => {
  checkedThisTurn = false;
};

/**
 * `catchUpWithOutbox` at most once per turn of the event loop, for answers sent from a copy. The
 * requests a turn handles were all received before it began (the turn starts when the system says
 * their sockets are readable), so a change committed before any of them arrived is taken in by the
 * turn's first check. Under load a turn handles many requests, and the read (a SQLite read
 * transaction, about 15 µs) was the largest cost of a hit after the socket write itself.
 */
export function catchUpWithOutboxThisTurn(): void {
  if (checkedThisTurn) return;
  checkedThisTurn = true;
  setImmediate(nextTurn);
  catchUpWithOutbox();
}

/** At shutdown, before the database closes. */
export function stopFollowingOutbox(): void {
  clearInterval(state.timer);
  state.timer = undefined;
  state.catchUp = undefined;
  state.ready = false;
}
