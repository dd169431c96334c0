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
import { categories, categorySlugHistory, postSlugHistory, posts, type Language } from "@/db/schema";
import { taggedCache } from "@/lib/cache/tagged-cache";
import { KINDS } from "@/lib/content/kinds";
import { cacheTags } from "@/lib/cache/tags";
import type { Db } from "@/lib/dal/connection";
import { countRows } from "@/lib/dal/paging";
import { isSlugLike, parsePageParam } from "@/lib/routing/page-param";
import { categoryHref, homeListingHref, languageOfPath, ROUTES } from "@/lib/i18n/routes";
import { newsIn, publicIn } from "./constraint";
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
const OTHER_PATHS = new Set(["/tim-kiem", "/rss.xml", "/sitemap.xml", "/robots.txt", "/favicon.ico", "/apple-touch-icon.png", "/van-ban", "/van-ban/rss.xml", ROUTES.en.search, ROUTES.en.feed]);

// How many pages a listing has, per listing, until a change to it: an out-of-range page number is then a lookup in memory.
const pageCounts = taggedCache<number>("listing-page-counts", { maxEntries: 5_000, maxBytes: 1 << 20, sizeOf: () => 64 });

// A listing is kept under its tag, per language: both sites' lists of a category empty with its tag.
function listingPages(db: Db, tag: string, language: Language, where: SQL): number {
  const key = `${language}:${tag}`;
  const known = pageCounts.get(key);
  if (known !== undefined) return known;
  const generation = pageCounts.generation;
  const pages = Math.max(1, Math.ceil(countRows(db, posts, where) / PAGE_SIZE));
  pageCounts.set(key, pages, [tag], generation);
  return pages;
}

function pageOfListing(db: Db, raw: string, tag: string, language: Language, where: SQL): "first" | "exists" | "missing" {
  const page = parsePageParam(raw);
  if (page === null) return "missing";
  if (page === 1) return "first";
  return page <= listingPages(db, tag, language, where) ? "exists" : "missing";
}

function article(db: Db, slug: string, now: Date, language: Language): Address {
  if (!isSlugLike(slug)) return MISSING;
  const space = newsIn(language);
  const current = db.select({ id: posts.id }).from(posts).where(and(eq(posts.slug, slug), publicIn(space, now))).get();
  if (current) return PAGE;
  const moved = db
    .select({ slug: posts.slug })
    .from(postSlugHistory)
    .innerJoin(posts, eq(postSlugHistory.postId, posts.id))
    .where(and(eq(postSlugHistory.kind, space.kind), eq(postSlugHistory.language, space.language), eq(postSlugHistory.slug, slug), publicIn(space, now)))
    .get();
  return moved ? { kind: "redirect", location: KINDS.post.href(moved.slug, language) } : MISSING;
}

function category(db: Db, slug: string, language: Language): { id: number; slug: string; moved: boolean } | null {
  if (!isSlugLike(slug)) return null;
  // The English site names only the categories given an English slug.
  const slugColumn = language === "en" ? categories.slugEn : categories.slug;
  const current = db.select({ id: categories.id, slug: slugColumn }).from(categories).where(eq(slugColumn, slug)).get();
  if (current?.slug) return { id: current.id, slug: current.slug, moved: false };
  const moved = db
    .select({ id: categories.id, slug: slugColumn })
    .from(categorySlugHistory)
    .innerJoin(categories, eq(categorySlugHistory.categoryId, categories.id))
    .where(and(eq(categorySlugHistory.language, language), eq(categorySlugHistory.slug, slug)))
    .get();
  // An old English address of a category that no longer has an English name is gone.
  return moved?.slug ? { id: moved.id, slug: moved.slug, moved: true } : null;
}

function categoryAddress(db: Db, slug: string, rest: string[], now: Date, language: Language): Address {
  const found = category(db, slug, language);
  if (!found) return MISSING;
  const base = categoryHref(found.slug, language);
  const pageSegment = ROUTES[language].pageSegment;
  if (rest.length === 0) return found.moved ? { kind: "redirect", location: base } : PAGE;
  if (rest.length === 1 && rest[0] === "rss.xml") return found.moved ? { kind: "redirect", location: `${base}/rss.xml` } : OTHER;
  if (rest.length === 2 && rest[0] === pageSegment) {
    // An old address follows the category, page number included; the new address then says whether that page exists.
    if (found.moved && parsePageParam(rest[1]!) !== null) return { kind: "redirect", location: parsePageParam(rest[1]!) === 1 ? base : `${base}/${pageSegment}/${rest[1]}` };
    const page = pageOfListing(db, rest[1]!, cacheTags.category(found.id), language, and(publicIn(newsIn(language), now), eq(posts.categoryId, found.id))!);
    if (page === "missing") return MISSING;
    return page === "first" ? { kind: "redirect", location: base } : PAGE;
  }
  return MISSING;
}

/** What the public address `pathname` (as requested, not decoded) is now. */
export function resolveAddress(db: Db, pathname: string, now: Date = new Date()): Address {
  const language = languageOfPath(pathname);
  const routes = ROUTES[language];
  if (pathname === "/" || pathname === routes.home) return PAGE;
  if (OTHER_PATHS.has(pathname) || pathname.startsWith("/sitemap/") || pathname.endsWith("/")) return OTHER;
  // Under the language's prefix: `/tin-tuc/x` on the Vietnamese site, `/en/news/x` on the English one.
  const [section, ...rest] = pathname.slice(routes.prefix.length + 1).split("/");
  if (section === routes.newsSegment && rest.length === 1) return article(db, rest[0]!, now, language);
  if (section === routes.categorySegment && rest.length >= 1) return categoryAddress(db, rest[0]!, rest.slice(1), now, language);
  if (language === "vi" && section === "van-ban") return rest.length === 1 ? documentAddress(db, rest[0]!, now) : MISSING;
  if (section === routes.pageSegment && rest.length === 1) {
    const page = pageOfListing(db, rest[0]!, cacheTags.home, language, publicIn(newsIn(language), now));
    return page === "exists" ? PAGE : page === "first" ? { kind: "redirect", location: homeListingHref(language) } : MISSING;
  }
  return pageAddress(db, [section!, ...rest].join("/"), now, language);
}

/** A document of the registry (/van-ban/65-2023-nd-cp), or an address it had before its number was corrected. */
function documentAddress(db: Db, slug: string, now: Date): Address {
  if (!isSlugLike(slug)) return MISSING;
  const found = findPublicDocument(db, slug, now);
  if (found.kind === "document") return PAGE;
  return found.kind === "redirect" ? { kind: "redirect", location: KINDS.document.href(found.slug, "vi") } : MISSING;
}

/** A standing page's path (`/gioi-thieu/co-cau-to-chuc`), or one it had before it moved. */
function pageAddress(db: Db, path: string, now: Date, language: Language): Address {
  if (!path.split("/").every(isSlugLike)) return MISSING;
  const found = findPublicPage(db, path, language, now);
  if (found.kind === "page") return PAGE;
  return found.kind === "redirect" ? { kind: "redirect", location: KINDS.page.href(found.path, language) } : MISSING;
}
