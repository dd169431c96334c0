/**
 * Cache-Control for shared caches (the repository's nginx, a CDN). Next marks every page served
 * from its full-route cache `s-maxage=31536000` (the page never expires on its own: our outbox
 * revalidates it), which would let a CDN keep a post for a year after it was unpublished. Next
 * overwrites Cache-Control set in next.config.ts or by a page, so the server rewrites it at the
 * last moment, when the status line is written.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { pathnameOf } from "./http-parts";

/** How long a shared cache may serve a public page without asking: short, so unpublishing shows within seconds. */
export const PUBLIC_PAGE_CACHE_CONTROL = "public, max-age=0, s-maxage=10, stale-while-revalidate=30, stale-if-error=86400";
export const PRIVATE_CACHE_CONTROL = "private, no-store";

/**
 * X-Accel-Expires for nginx's cache in front of the app (deploy/nginx/cms.conf): fresh until the
 * end of the current second. nginx keeps times in whole seconds and treats an entry as fresh while
 * `now <= valid`, so its shortest `proxy_cache_valid` (1s) keeps a page 1 to 2 s; an absolute
 * expiry of this very second keeps it 0 to 1 s, and a publish shows through nginx at most about
 * a second after it shows from the app. nginx does not pass the header on; a CDN ignores it.
 */
export function sharedCacheExpiry(now: number = Date.now()): string {
  return `@${Math.floor(now / 1000)}`;
}

/** Headers for caches in front: a page they are told about (lib/edge/purge.ts) may be kept `lifetime` seconds, anything else briefly. */
export function sharedCacheHeaders(lifetime: number | null, now: number = Date.now()): { "cache-control": string; "x-accel-expires": string } {
  if (lifetime === null) return { "cache-control": PUBLIC_PAGE_CACHE_CONTROL, "x-accel-expires": sharedCacheExpiry(now) };
  return { "cache-control": `public, max-age=0, s-maxage=${lifetime}, stale-while-revalidate=30, stale-if-error=86400`, "x-accel-expires": String(lifetime) };
}

// Staff screens, sign-in and every API route (sessions, uploads, health, revalidation).
const PRIVATE_PATH = /^\/(?:admin|login|api)(?:\/|$)/;

/** Whether a path is for staff or machines (never publicly cached, never a reader's page). */
export function isPrivatePath(pathname: string): boolean {
  return PRIVATE_PATH.test(pathname);
}

/**
 * The Cache-Control a response leaves with, given the one Next chose (undefined: keep it).
 * Only Next's own "cached page" marker (`s-maxage`) is shortened; anything a route set itself
 * (media's `immutable`, build assets, search's `no-store`) is left as it is.
 */
export function cacheControlFor(pathname: string, current: string | undefined): string | undefined {
  if (isPrivatePath(pathname)) return PRIVATE_CACHE_CONTROL;
  if (!current || /\b(?:private|no-store|no-cache|immutable)\b/i.test(current)) return undefined;
  return /\bs-maxage=/i.test(current) ? PUBLIC_PAGE_CACHE_CONTROL : undefined;
}

/**
 * Rewrites Cache-Control on this response just before its head is sent. `writeHead` is the one
 * place every response passes through (an implicit head from `end()` calls it too).
 */
export function applyCachePolicy(req: IncomingMessage, res: ServerResponse): void {
  const pathname = pathnameOf(req.url);
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse["writeHead"]>) {
    if (!this.headersSent) {
      const current = this.getHeader("cache-control");
      const next = cacheControlFor(pathname, current === undefined ? undefined : String(current));
      if (next !== undefined) this.setHeader("Cache-Control", next);
      if (next === PUBLIC_PAGE_CACHE_CONTROL) this.setHeader("X-Accel-Expires", sharedCacheExpiry());
    }
    return writeHead.apply(this, args);
  } as ServerResponse["writeHead"];
}
