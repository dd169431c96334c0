/**
 * Public pages, from the server's own copy. A page is rendered by Next once, when first asked for
 * after a change, with Next's client runtime taken out (strip-next-runtime.ts), compressed, and
 * kept in memory under the tags of what it shows (lib/cache/page-tags.ts); every later request
 * is answered from the copy without entering Next. The outbox follower (lib/cache/follower.ts)
 * empties the copies a change makes stale, within 25 ms.
 *
 * A miss first asks what the address is (lib/dal/public/addresses.ts, one indexed read): a page
 * that exists is rendered; an old slug is a permanent redirect, decided now; an address that does
 * not exist gets the one kept 404 page, so made-up addresses cost a lookup, never a render.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { catchUpWithOutbox, catchUpWithOutboxThisTurn } from "@/lib/cache/follower";
import { collectPageTags, splitPageExpiry } from "@/lib/cache/page-tags";
import { taggedCache } from "@/lib/cache/tagged-cache";
import { cacheTags } from "@/lib/cache/tags";
import { clientIp } from "@/lib/auth/client-ip";
import { getDb } from "@/lib/dal/connection";
import { resolveAddress } from "@/lib/dal/public/addresses";
import { edgeLifetime } from "@/lib/edge/purge";
import { edgeSettings } from "@/lib/edge/settings";
import { decodedBody, holdResponse, type HeldResponse } from "./hold-response";
import { missingAddressLimit, slowDown } from "./missing-address-limit";
import { renderOnce } from "./render-once";
import { makePageCopy, sendPageCopy, type PageCopy } from "./page-copy";
import { isPrivatePath, sharedCacheHeaders } from "./public-cache-headers";
import { stripNextRuntime } from "./strip-next-runtime";
import type { Language } from "@/db/vocabulary";
import { languageOfPath, ROUTES } from "@/lib/i18n/routes";

const pages = taggedCache<PageCopy>("pages", { maxEntries: 20_000, maxBytes: 96 * 1024 * 1024, sizeOf: (page) => page.bytes });
// Search result pages have a cache of their own: endless query strings must not push articles out.
const searches = taggedCache<PageCopy>("search-pages", { maxEntries: 2_000, maxBytes: 16 * 1024 * 1024, sizeOf: (page) => page.bytes });
const SEARCH = "/tim-kiem";
// The registry reads its search and facets from the query string: kept like search results.
const REGISTRY = "/van-ban";
const byQuery = (pathname: string) => pathname === SEARCH || pathname === REGISTRY;
// The keys of each site's one 404 page (the keys of pages are paths, which start with "/"), and the page Next renders for it.
const NOT_FOUND: Readonly<Record<Language, string>> = { vi: "404", en: "404:en" };
// Files, not pages: build assets, images, the page script, read-aloud recordings.
const FILES = /^\/(?:_next|media|assets|audio|tep)(?:\/|$)/;
// Client navigation asks for flight data; public pages have no client router to use it.
const ROUTER_HEADERS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-url"];

/** Reader pages: every address but staff screens, sign-in, APIs and files. */
export function isPublicPagePath(pathname: string): boolean {
  return !isPrivatePath(pathname) && !FILES.test(pathname);
}

/** Whether server.ts sends this request through `servePublicPage`. */
export function isPublicPageRequest(method: string | undefined, pathname: string): boolean {
  return (method === "GET" || method === "HEAD") && isPublicPagePath(pathname);
}

/** The page as kept: runtime out of HTML, then compressed. Null when Next's body cannot be read (it is then sent as it came). */
function copyOf(held: HeldResponse): PageCopy | null {
  const body = decodedBody(held);
  if (!body) return null;
  const html = String(held.headers["content-type"] ?? "").startsWith("text/html");
  return makePageCopy(held.status, held.headers, html ? Buffer.from(stripNextRuntime(body.toString("utf8")), "utf8") : body);
}

function sendAsIs(res: ServerResponse, held: HeldResponse): void {
  const headers = { ...held.headers };
  // Redirects and missing pages of the public site are public answers too; anything else keeps Next's policy.
  if (held.status >= 300 && held.status < 500) Object.assign(headers, sharedCacheHeaders(null));
  res.writeHead(held.status, headers);
  res.end(held.body);
}

/**
 * Where a request's page is kept: under its path (no other public page reads the query string),
 * search results under path and query, in their own cache. Every post change queues `home`, which
 * every search carries, so results never show a post that left the site.
 */
function placeOf(req: IncomingMessage, pathname: string) {
  if (!byQuery(pathname)) return { cache: pages, key: pathname };
  const url = req.url ?? "";
  const query = url.indexOf("?");
  return { cache: searches, key: query === -1 ? pathname : `${pathname}${url.slice(query)}` };
}

/**
 * How long caches in front may keep this page: long only for a page they are told about (lib/edge),
 * and never search results (endless query strings, each to be purged) or the 404 page (an address
 * that starts to exist must show at once). Redirects are decided per request and kept briefly too.
 */
function lifetimeOf(req: IncomingMessage, pathname: string, page: PageCopy): number | null {
  if (!page.tags || page.status !== 200 || byQuery(pathname)) return null;
  // The query string does not change a public page, but it is part of the caches' key: purge it with the rest.
  return edgeLifetime(req.url ?? pathname, page.tags);
}

/**
 * Sends the copy this process keeps of a public page, if it has one: synchronously, without Next,
 * the whole cost of a hit (lib/server/worker.ts tries it first). `extra`: more headers, as pairs.
 */
export function serveKeptPage(req: IncomingMessage, res: ServerResponse, pathname: string, extra: readonly string[] = []): boolean {
  // Any change committed before this request is taken in first (one indexed read, shared by the
  // requests of this turn of the event loop): a reader never gets a copy from before a save another
  // process made, nor do caches in front that process has just refreshed.
  catchUpWithOutboxThisTurn();
  const edge = edgeSettings() !== null;
  const { cache, key } = placeOf(req, pathname);
  const kept = cache.get(key);
  if (!kept) return false;
  sendPageCopy(req, res, kept, "HIT", edge ? lifetimeOf(req, pathname, kept) : null, extra);
  return true;
}

/**
 * Answers a GET or HEAD of a public page (server.ts); `render` hands the request to Next.
 * `internal`: the caller is this site's own machinery (nginx refreshing a page on the app's own
 * request), which the limit on made-up addresses does not apply to.
 */
export async function servePublicPage(req: IncomingMessage, res: ServerResponse, pathname: string, render: () => Promise<void>, internal = false): Promise<void> {
  if (serveKeptPage(req, res, pathname)) return;
  const address = resolveAddress(getDb(), pathname);
  if (address.kind === "redirect") {
    res.writeHead(308, { location: address.location, ...sharedCacheHeaders(null) });
    res.end();
    return;
  }
  if (address.kind === "missing") {
    if (!internal && !missingAddressLimit.allow(clientIp(req.headers))) return slowDown(res);
    const notFound = pages.get(NOT_FOUND[languageOfPath(pathname)]);
    if (notFound) return sendPageCopy(req, res, notFound);
    return renderPage(req, res, pathname, render, true);
  }
  return renderOnce(placeOf(req, pathname).key, res, () => serveKeptPage(req, res, pathname), () => renderPage(req, res, pathname, render, false));
}

/** Renders the page through Next, keeps the copy under the tags it read, and sends it. */
async function renderPage(req: IncomingMessage, res: ServerResponse, pathname: string, render: () => Promise<void>, missing: boolean): Promise<void> {
  const edge = edgeSettings() !== null;
  const { cache, key } = placeOf(req, pathname);
  for (const name of ROUTER_HEADERS) delete req.headers[name];
  const requested = req.url;
  // An address that does not exist is answered with its site's 404 page, rendered as a page of its own (whole HTML).
  const language = languageOfPath(pathname);
  if (missing) req.url = ROUTES[language].notFound;
  // Read before rendering: if a change lands while Next renders, the result may predate it and is not kept.
  const generation = (missing ? pages : cache).generation;
  const tags = new Set<string>([cacheTags.all]);
  const { held, release } = holdResponse(res);
  let response: HeldResponse;
  try {
    // Not awaited first: Next waits for the response's `finish` (route handlers do), which only comes once it is sent.
    const rendering = collectPageTags(tags, render);
    response = await Promise.race([held, rendering.then(() => held)]);
  } finally {
    release();
    req.url = requested;
  }
  // Next's own 404 (a page that left the site while it was being rendered) carries its message only for
  // its client runtime: it goes out as Next made it, and is not kept.
  const made = response.status === 200 ? copyOf(missing ? { ...response, status: 404 } : response) : null;
  if (!made) return sendAsIs(res, response);
  const kept = splitPageExpiry(tags);
  // A page that changes by itself at a known time (a featured story's end) is purged by no one: without tags, caches in front keep it briefly.
  const page: PageCopy = { ...made, tags: kept.expiresAt === undefined ? kept.tags : undefined };
  if (response.headers["set-cookie"] === undefined) {
    if (missing) pages.set(NOT_FOUND[language], page, kept.tags, generation);
    else cache.set(key, page, kept.tags, generation, kept.expiresAt);
  }
  // A change that landed while Next rendered: this answer may predate it, so caches in front keep it briefly.
  if (edge) catchUpWithOutbox();
  const current = !(missing ? pages : cache).changedSince(generation, kept.tags);
  sendPageCopy(req, res, page, "MISS", edge && current ? lifetimeOf(req, pathname, page) : null);
}
