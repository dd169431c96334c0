/**
 * What a public address is, found with a lookup before anything is rendered: a page that exists,
 * a permanent redirect (an old slug), or nothing. server.ts asks this on a cache miss, so an
 * address that does not exist costs one indexed read and is answered with the one stored 404
 * page: a flood of made-up addresses renders nothing and writes nothing. Redirects are decided
 * here from the database each time, never kept, so an old slug stops answering the moment its
 * post leaves the public site.
 */
import "server-only";
import { and, eq, type SQL } from "drizzle-orm";
import { categories, categorySlugHistory, postSlugHistory, posts } from "@/db/schema";
import { taggedCache } from "@/lib/cache/tagged-cache";
import { KINDS } from "@/lib/content/kinds";
import { cacheTags } from "@/lib/cache/tags";
import type { Db } from "@/lib/dal/connection";
import { countRows } from "@/lib/dal/paging";
import { isSlugLike, parsePageParam } from "@/lib/routing/page-param";
import { NEWS, publicIn } from "./constraint";
import { findPublicDocument } from "@/lib/dal/documents/public";
import { findPublicPage } from "./pages";
import { PAGE_SIZE } from "./posts";

export type Address =
  /** A public page that exists: render it, or answer with its copy. */
  | { kind: "page" }
  | { kind: "redirect"; location: string }
  | { kind: "missing" }
  /** Not one of the content addresses (search, feeds, sitemaps, robots.txt, a trailing slash): Next decides. */
  | { kind: "other" };

const PAGE: Address = { kind: "page" };
const MISSING: Address = { kind: "missing" };
const OTHER: Address = { kind: "other" };
// The site's icons are route handlers too (app/favicon.ico, app/apple-touch-icon.png).
const OTHER_PATHS = new Set(["/tim-kiem", "/rss.xml", "/sitemap.xml", "/robots.txt", "/favicon.ico", "/apple-touch-icon.png", "/van-ban", "/van-ban/rss.xml"]);

// How many pages a listing has, per listing, until a change to it: an out-of-range page number is then a lookup in memory.
const pageCounts = taggedCache<number>("listing-page-counts", { maxEntries: 5_000, maxBytes: 1 << 20, sizeOf: () => 64 });

function listingPages(db: Db, tag: string, where: SQL): number {
  const known = pageCounts.get(tag);
  if (known !== undefined) return known;
  const generation = pageCounts.generation;
  const pages = Math.max(1, Math.ceil(countRows(db, posts, where) / PAGE_SIZE));
  pageCounts.set(tag, pages, [tag], generation);
  return pages;
}

function pageOfListing(db: Db, raw: string, tag: string, where: SQL): "first" | "exists" | "missing" {
  const page = parsePageParam(raw);
  if (page === null) return "missing";
  if (page === 1) return "first";
  return page <= listingPages(db, tag, where) ? "exists" : "missing";
}

function article(db: Db, slug: string, now: Date): Address {
  if (!isSlugLike(slug)) return MISSING;
  const current = db.select({ id: posts.id }).from(posts).where(and(eq(posts.slug, slug), publicIn(NEWS, now))).get();
  if (current) return PAGE;
  const moved = db
    .select({ slug: posts.slug })
    .from(postSlugHistory)
    .innerJoin(posts, eq(postSlugHistory.postId, posts.id))
    .where(and(eq(postSlugHistory.kind, NEWS.kind), eq(postSlugHistory.language, NEWS.language), eq(postSlugHistory.slug, slug), publicIn(NEWS, now)))
    .get();
  return moved ? { kind: "redirect", location: `/tin-tuc/${moved.slug}` } : MISSING;
}

function category(db: Db, slug: string): { id: number; slug: string; moved: boolean } | null {
  if (!isSlugLike(slug)) return null;
  const current = db.select({ id: categories.id, slug: categories.slug }).from(categories).where(eq(categories.slug, slug)).get();
  if (current) return { ...current, moved: false };
  const moved = db
    .select({ id: categories.id, slug: categories.slug })
    .from(categorySlugHistory)
    .innerJoin(categories, eq(categorySlugHistory.categoryId, categories.id))
    .where(eq(categorySlugHistory.slug, slug))
    .get();
  return moved ? { ...moved, moved: true } : null;
}

function categoryAddress(db: Db, slug: string, rest: string[], now: Date): Address {
  const found = category(db, slug);
  if (!found) return MISSING;
  const base = `/chuyen-muc/${found.slug}`;
  if (rest.length === 0) return found.moved ? { kind: "redirect", location: base } : PAGE;
  if (rest.length === 1 && rest[0] === "rss.xml") return found.moved ? { kind: "redirect", location: `${base}/rss.xml` } : OTHER;
  if (rest.length === 2 && rest[0] === "trang") {
    // An old address follows the category, page number included; the new address then says whether that page exists.
    if (found.moved && parsePageParam(rest[1]!) !== null) return { kind: "redirect", location: parsePageParam(rest[1]!) === 1 ? base : `${base}/trang/${rest[1]}` };
    const page = pageOfListing(db, rest[1]!, cacheTags.category(found.id), and(publicIn(NEWS, now), eq(posts.categoryId, found.id))!);
    if (page === "missing") return MISSING;
    return page === "first" ? { kind: "redirect", location: base } : PAGE;
  }
  return MISSING;
}

/** What the public address `pathname` (as requested, not decoded) is now. */
export function resolveAddress(db: Db, pathname: string, now: Date = new Date()): Address {
  if (pathname === "/") return PAGE;
  if (OTHER_PATHS.has(pathname) || pathname.startsWith("/sitemap/") || pathname.endsWith("/")) return OTHER;
  const [section, ...rest] = pathname.slice(1).split("/");
  if (section === "tin-tuc" && rest.length === 1) return article(db, rest[0]!, now);
  if (section === "chuyen-muc" && rest.length >= 1) return categoryAddress(db, rest[0]!, rest.slice(1), now);
  if (section === "van-ban") return rest.length === 1 ? documentAddress(db, rest[0]!, now) : MISSING;
  if (section === "trang" && rest.length === 1) {
    const page = pageOfListing(db, rest[0]!, cacheTags.home, publicIn(NEWS, now));
    return page === "exists" ? PAGE : page === "first" ? { kind: "redirect", location: "/" } : MISSING;
  }
  return pageAddress(db, pathname.slice(1), now);
}

/** A document of the registry (/van-ban/65-2023-nd-cp), or an address it had before its number was corrected. */
function documentAddress(db: Db, slug: string, now: Date): Address {
  if (!isSlugLike(slug)) return MISSING;
  const found = findPublicDocument(db, slug, now);
  if (found.kind === "document") return PAGE;
  return found.kind === "redirect" ? { kind: "redirect", location: KINDS.document.href(found.slug, "vi") } : MISSING;
}

/** A standing page's path (`/gioi-thieu/co-cau-to-chuc`), or one it had before it moved. */
function pageAddress(db: Db, path: string, now: Date): Address {
  if (!path.split("/").every(isSlugLike)) return MISSING;
  const found = findPublicPage(db, path, "vi", now);
  if (found.kind === "page") return PAGE;
  return found.kind === "redirect" ? { kind: "redirect", location: KINDS.page.href(found.path, "vi") } : MISSING;
}
