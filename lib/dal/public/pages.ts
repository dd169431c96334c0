/**
 * Pages for readers: one page by its path, with the trail of pages above it and the pages below
 * it, under the reader's constraint. Every page carries `public`, which any change to a page
 * queues (lib/cache/tags.ts), so nothing more is tagged here.
 */
import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { postSlugHistory, posts, type Language } from "@/db/schema";
import { KINDS } from "@/lib/content/kinds";
import { getDb, type Db } from "@/lib/dal/connection";
import { sanitizeRichHtml } from "@/lib/richtext/sanitize";
import { pagesIn, publicIn } from "./constraint";
import { findTranslations, translationsLookup, type Translations } from "./translations";

export type PageLink = { id: number; title: string; href: string; lead: string };

export type PublicPage = {
  id: number;
  title: string;
  path: string;
  href: string;
  lead: string;
  bodyHtml: string;
  /** When what readers see last changed: readers of official information need it. */
  updatedAt: string;
  image: { src: string; alt: string } | null;
  imageCaption: string;
  /** The pages above it, the top first. */
  trail: PageLink[];
  /** The pages below it, in their order. */
  children: PageLink[];
  /** Where each language's public version is (hreflang, the language switcher); public pages only. */
  translations?: Translations;
};

export type PageLookup = { kind: "page"; page: PublicPage } | { kind: "redirect"; path: string } | { kind: "missing" };


function link(row: { id: number; title: string; slug: string; lead: string }, language: Language): PageLink {
  return { id: row.id, title: row.title, href: KINDS.page.href(row.slug, language), lead: row.lead };
}

/** The public page at `path`, a redirect from one of its old paths, or nothing. */
export function findPublicPage(db: Db, path: string, language: Language = "vi", now: Date = new Date()): PageLookup {
  const where = publicIn(pagesIn(language), now);
  const row = db.select().from(posts).where(and(where, eq(posts.slug, path))).get();
  if (!row) {
    const moved = db
      .select({ slug: posts.slug })
      .from(postSlugHistory)
      .innerJoin(posts, eq(postSlugHistory.postId, posts.id))
      .where(and(eq(postSlugHistory.kind, "page"), eq(postSlugHistory.language, language), eq(postSlugHistory.slug, path), where))
      .get();
    return moved ? { kind: "redirect", path: moved.slug } : { kind: "missing" };
  }
  // Page changes queue `public`, which every page carries: the translations need no tag of their own.
  return { kind: "page", page: { ...pageViewOf(db, row, language, now), translations: findTranslations(db, row, now) } };
}

type PageRow = Pick<typeof posts.$inferSelect, "id" | "title" | "slug" | "lead" | "bodyHtml" | "updatedAt" | "featuredImageUrl" | "featuredImageAlt" | "featuredImageCaption" | "parentId">;

/**
 * A page as readers see it: its trail and sub-pages are the public ones. The staff preview shows a
 * page not yet public this way too, where it will sit on the site.
 */
export function pageViewOf(db: Db, row: PageRow, language: Language = "vi", now: Date = new Date()): PublicPage {
  const where = publicIn(pagesIn(language), now);
  const trail: PageLink[] = [];
  for (let parentId = row.parentId; parentId !== null && trail.length < 10; ) {
    const parent = db.select({ id: posts.id, title: posts.title, slug: posts.slug, lead: posts.lead, parentId: posts.parentId }).from(posts).where(and(where, eq(posts.id, parentId))).get();
    if (!parent) break;
    trail.unshift(link(parent, language));
    parentId = parent.parentId;
  }
  const children = db
    .select({ id: posts.id, title: posts.title, slug: posts.slug, lead: posts.lead })
    .from(posts)
    .where(and(where, eq(posts.parentId, row.id)))
    .orderBy(asc(posts.position), asc(posts.id))
    .all()
    .map((child) => link(child, language));
  return {
    id: row.id,
    title: row.title,
    path: row.slug,
    href: KINDS.page.href(row.slug, language),
    lead: row.lead,
    // Stored HTML was sanitized on save; sanitizing again on render keeps a tampered row harmless.
    bodyHtml: sanitizeRichHtml(row.bodyHtml),
    updatedAt: row.updatedAt.toISOString(),
    image: row.featuredImageUrl ? { src: row.featuredImageUrl, alt: row.featuredImageAlt } : null,
    imageCaption: row.featuredImageCaption,
    trail,
    children,
  };
}

export const getPublicPage = (path: string, language: Language = "vi") => findPublicPage(getDb(), path, language);
export const getSitemapPages = (language: Language = "vi") => readSitemapPages(getDb(), language);

/** Every public page's address and last change, for the sitemap. */
export function readSitemapPages(db: Db, language: Language = "vi", now: Date = new Date()): Array<{ path: string; lastModified: string; translations?: Translations }> {
  const translations = translationsLookup(db, now);
  return db
    .select({ id: posts.id, kind: posts.kind, language: posts.language, translationGroupId: posts.translationGroupId, slug: posts.slug, updatedAt: posts.updatedAt })
    .from(posts)
    .where(publicIn(pagesIn(language), now))
    .orderBy(asc(posts.slug))
    .all()
    .map((row) => ({ path: KINDS.page.href(row.slug, language), lastModified: row.updatedAt.toISOString(), translations: translations(row) }));
}
