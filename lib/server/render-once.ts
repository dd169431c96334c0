/**
 * One render of a page at a time in this process. After a change, nginx refreshes a page once per
 * encoding and readers keep asking for it; each render of the same page competed with the others
 * for the same cores (a publish took three to six renders of the article per process to reach
 * nginx). Requests that come while a page is being rendered wait for that render's copy instead.
 *
 * A waiter never depends on the render it waits for: the render lets its waiters go as soon as its
 * own client goes away (Next may then never finish it), and a waiter stops waiting after
 * `waitMs` and renders the page itself.
 */
import type { ServerResponse } from "node:http";

export const WAIT_FOR_RENDER_MS = 2_000;

const inFlight = new Map<string, Promise<void>>();

function settledOrAfter(promise: Promise<void>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    void promise.then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * Renders the page kept under `key` (`render`), unless this process is rendering it already: then
 * waits and answers with that render's copy (`serveKept`, false when it kept none: a cookie, an
 * error, a change meanwhile), rendering anew only if there is none.
 */
export async function renderOnce(key: string, res: ServerResponse, serveKept: () => boolean, render: () => Promise<void>, waitMs = WAIT_FOR_RENDER_MS): Promise<void> {
  for (let pending = inFlight.get(key); pending; pending = inFlight.get(key)) {
    await settledOrAfter(pending, waitMs);
    // This reader went away while waiting: nothing to send, nothing to render.
    if (res.destroyed) return;
    if (serveKept()) return;
    // Still rendering after all that time: this request renders too, and takes over the waiters.
    if (inFlight.get(key) === pending) break;
  }
  let settle = () => {};
  const mine = new Promise<void>((resolve) => (settle = resolve));
  inFlight.set(key, mine);
  const release = () => {
    if (inFlight.get(key) === mine) inFlight.delete(key);
    settle();
  };
  // 'close': the response is sent (its copy kept before), or its client went away mid-render.
  res.once("close", release);
  try {
    await render();
  } finally {
    res.off("close", release);
    release();
  }
}
