import "server-only";
import { and, asc, count, desc, eq, sql } from "drizzle-orm";
import { getDb, type Db } from "@/lib/dal/connection";
import { categories, posts, type Language } from "@/db/schema";
import { tagPage } from "@/lib/cache/page-tags";
import { cacheTags } from "@/lib/cache/tags";
import { NEWS, newsIn, publicConstraint, publicIn } from "@/lib/dal/public/constraint";
import { categoryNameColumns } from "./posts";
import { translationsLookup, type Translations } from "./translations";

/**
 * Public reads for feeds and sitemaps, under the same reader constraint as the pages (published,
 * not in the future). The `read…` functions take the database so they can be tested on their own;
 * the `get…` ones are what routes call, tagging the page with what post changes already queue:
 * `home` for lists of every post (every post change queues it), `category:<id>` for a category.
 */
export const FEED_SIZE = 50;

export type FeedPost = {
  title: string;
  slug: string;
  lead: string;
  publishedAt: string;
  /** The later of publication and last edit: a scheduled post goes live after its last edit. */
  lastModified: string;
  /** Null on the English site for a category without an English name. */
  category: { name: string; slug: string } | null;
};

/** `translations`: the addresses of its published translations (its own included), when it has any. */
export type SitemapPost = { slug: string; language: Language; lastModified: string; translations?: Translations };

export type SitemapOverview = {
  /** Public news posts of both sites. */
  postCount: number;
  /** Newest change among all public posts, null without any. */
  lastModified: string | null;
  categories: { slug: string; lastModified: string | null }[];
};

function laterOf(a: Date | null, b: Date): string {
  return (a && a > b ? a : b).toISOString();
}

// SQLite's two-argument max() is the scalar "greater of", so this is each post's last change.
const postChangedAt = sql<number | null>`max(${posts.publishedAt}, ${posts.updatedAt})`;

export function readFeedPosts(db: Db, now: Date, categoryId: number | null, limit = FEED_SIZE, language: Language = "vi"): FeedPost[] {
  const news = publicIn(newsIn(language), now);
  const where = categoryId === null ? news : and(news, eq(posts.categoryId, categoryId));
  return db
    .select({
      title: posts.title,
      slug: posts.slug,
      lead: posts.lead,
      publishedAt: posts.publishedAt,
      updatedAt: posts.updatedAt,
      ...categoryNameColumns(language),
    })
    .from(posts)
    .innerJoin(categories, eq(posts.categoryId, categories.id))
    .where(where)
    .orderBy(desc(posts.publishedAt), desc(posts.id))
    .limit(limit)
    .all()
    .map((row) => ({
      title: row.title,
      slug: row.slug,
      lead: row.lead,
      publishedAt: (row.publishedAt ?? new Date(0)).toISOString(),
      lastModified: laterOf(row.publishedAt, row.updatedAt),
      category: row.categoryName !== null && row.categorySlug !== null ? { name: row.categoryName, slug: row.categorySlug } : null,
    }));
}

/** The latest posts of the site (categoryId null) or of one category, newest first. */
export function getFeedPosts(categoryId: number | null, language: Language = "vi"): FeedPost[] {
  tagPage(categoryId === null ? cacheTags.home : cacheTags.category(categoryId));
  return readFeedPosts(getDb(), new Date(), categoryId, FEED_SIZE, language);
}

/** The news of both sites: the sitemap lists every public article, Vietnamese and English. */
const allNews = (now: Date) => and(eq(posts.kind, NEWS.kind), publicConstraint(now))!;

const isoOrNull = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

export function readSitemapOverview(db: Db, now: Date): SitemapOverview {
  const postCount = db.select({ n: count() }).from(posts).where(allNews(now)).get()?.n ?? 0;
  const rows = db
    .select({ slug: categories.slug, changedAt: sql<number | null>`max(${postChangedAt})` })
    .from(categories)
    .leftJoin(posts, and(eq(posts.categoryId, categories.id), publicIn(NEWS, now)))
    .groupBy(categories.id)
    .orderBy(asc(categories.position), asc(categories.name))
    .all();
  const newest = rows.reduce<number | null>((acc, row) => (row.changedAt !== null && (acc === null || row.changedAt > acc) ? row.changedAt : acc), null);
  return {
    postCount,
    lastModified: isoOrNull(newest),
    categories: rows.map((row) => ({ slug: row.slug, lastModified: isoOrNull(row.changedAt) })),
  };
}

export function getSitemapOverview(): SitemapOverview {
  tagPage(cacheTags.home);
  return readSitemapOverview(getDb(), new Date());
}

/** Public posts in id order (stable while posts are added), `limit` of them from `offset`. */
export function readSitemapPosts(db: Db, now: Date, offset: number, limit: number): SitemapPost[] {
  const translations = translationsLookup(db, now);
  return db
    .select({ id: posts.id, kind: posts.kind, translationGroupId: posts.translationGroupId, slug: posts.slug, language: posts.language, publishedAt: posts.publishedAt, updatedAt: posts.updatedAt })
    .from(posts)
    .where(allNews(now))
    .orderBy(asc(posts.id))
    .limit(limit)
    .offset(offset)
    .all()
    .map((row) => ({ slug: row.slug, language: row.language, lastModified: laterOf(row.publishedAt, row.updatedAt), translations: translations(row) }));
}

/** A sitemap file's posts: under `home`, which every post change queues. */
export function getSitemapPosts(offset: number, limit: number): SitemapPost[] {
  tagPage(cacheTags.home);
  return readSitemapPosts(getDb(), new Date(), offset, limit);
}
