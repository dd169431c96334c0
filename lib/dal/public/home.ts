import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import { categories, media, posts, type Language } from "@/db/schema";
import { expirePageAt, tagPage } from "@/lib/cache/page-tags";
import { cacheTags } from "@/lib/cache/tags";
import { getDb, type Db } from "@/lib/dal/connection";
import { countRows } from "@/lib/dal/paging";
import { readHomeLayout } from "@/lib/dal/home/layout";
import { newsIn, publicIn } from "./constraint";
import { categoryNameColumns, PAGE_SIZE, summaryColumnsIn, toSummary, type Page, type PostSummary } from "./posts";

export type HomeBlock = { category: { id: number; name: string; slug: string }; posts: PostSummary[] };

export type HomePageData = {
  /** The featured stories still running, in the editors' order: the first is the lead story. */
  featured: PostSummary[];
  /**
   * The latest news (page 1 of `/trang/N`) without the stories already featured above it, unless
   * that would leave fewer than three (a young site): then all of them.
   */
  latest: PostSummary[];
  latestPage: Pick<Page<PostSummary>, "page" | "pageCount">;
  blocks: HomeBlock[];
  announcements: HomeBlock | null;
};

export const HOME_COUNTS = { latest: 8, block: 4, announcements: 5 } as const;

function publicSummaries(db: Db, where: ReturnType<typeof and>, limit: number, language: Language): PostSummary[] {
  return db
    .select(summaryColumnsIn(language))
    .from(posts)
    .innerJoin(categories, eq(posts.categoryId, categories.id))
    .leftJoin(media, eq(media.id, posts.featuredMediaId))
    .where(where)
    .orderBy(desc(posts.publishedAt), desc(posts.id))
    .limit(limit)
    .all()
    .map(toSummary);
}

function categoryBlock(db: Db, id: number, limit: number, now: Date, language: Language): HomeBlock | null {
  const { categoryName, categorySlug } = categoryNameColumns(language);
  const row = db.select({ id: categories.id, name: categoryName, slug: categorySlug }).from(categories).where(eq(categories.id, id)).get();
  // On the English site, a category without an English name has no page to link its block to.
  if (!row?.name || !row.slug) return null;
  return { category: { id: row.id, name: row.name, slug: row.slug }, posts: publicSummaries(db, and(publicIn(newsIn(language), now), eq(posts.categoryId, id)), limit, language) };
}

/**
 * The home page: what editors arranged (lib/dal/home/layout.ts) filled with what is public now.
 * Every post change queues `home` and a layout save too; a featured story's end time is a change
 * nobody queues, so the page's copy is kept only until the earliest end time it shows.
 */
export function getHomePage(language: Language = "vi", now: Date = new Date(), db: Db = getDb()): HomePageData {
  tagPage(cacheTags.home);
  const layout = readHomeLayout(db, language);
  const running = layout.featured.filter((entry) => entry.endsAt === null || entry.endsAt > now.getTime());
  const ids = running.map((entry) => entry.postId);
  const news = publicIn(newsIn(language), now);
  const found = ids.length ? publicSummaries(db, and(news, inArray(posts.id, ids)), ids.length, language) : [];
  const featured = ids.flatMap((id) => found.filter((post) => post.id === id));
  const ends = running.filter((entry) => entry.endsAt !== null && featured.some((post) => post.id === entry.postId)).map((entry) => entry.endsAt!);
  if (ends.length) expirePageAt(Math.min(...ends));

  // Page 1 of the latest news, as /trang/N counts its pages.
  const newest = publicSummaries(db, news, PAGE_SIZE, language);
  const pageCount = Math.max(1, Math.ceil(countRows(db, posts, news) / PAGE_SIZE));
  const shown = new Set(featured.map((post) => post.id));
  const unseen = newest.filter((post) => !shown.has(post.id));
  const latest = (unseen.length >= 3 ? unseen : newest).slice(0, HOME_COUNTS.latest);
  const blocks = layout.blockCategoryIds.flatMap((id) => categoryBlock(db, id, HOME_COUNTS.block, now, language) ?? []).filter((block) => block.posts.length > 0);
  const announcements = layout.announcementsCategoryId === null ? null : categoryBlock(db, layout.announcementsCategoryId, HOME_COUNTS.announcements, now, language);
  return { featured, latest, latestPage: { page: 1, pageCount }, blocks, announcements };
}
