import "server-only";
import { and, count, desc, eq, ne, type SQL } from "drizzle-orm";
import { getDb } from "@/lib/dal/connection";
import { categories, categorySlugHistory, media, postSlugHistory, posts } from "@/db/schema";
import { tagPage } from "@/lib/cache/page-tags";
import { NEWS, publicIn } from "@/lib/dal/public/constraint";
import { cacheTags } from "@/lib/cache/tags";
import { sanitizeRichHtml } from "@/lib/richtext/sanitize";
import { imageColumns, toPublicImage, type ImageRow, type PublicImage } from "./images";

/**
 * Reads for the public site. The reader is anonymous, so the constraint is part of every query:
 * published, and not in the future. Each read tags the page it is made for with what it shows
 * (lib/cache/page-tags.ts), so the page's cached copy is emptied when that changes.
 */
export const PAGE_SIZE = 10;
const RELATED_COUNT = 6;

export type PostSummary = {
  id: number;
  title: string;
  slug: string;
  lead: string;
  publishedAt: string;
  category: { name: string; slug: string };
  image: PublicImage | null;
};

/** What an article page shows; the same shape serves a page (no category) and the previews. */
export type Article = Omit<PostSummary, "category"> & {
  category: { name: string; slug: string } | null;
  categoryId: number | null;
  bodyHtml: string;
  source: string;
  updatedAt: string;
  imageCaption: string;
};

export type Page<T> = { items: T[]; page: number; pageCount: number; total: number };

/** The columns of a PostSummary (reads join categories, and media for the image); shared with the home page reads. */
export const summaryColumns = {
  id: posts.id,
  title: posts.title,
  slug: posts.slug,
  lead: posts.lead,
  publishedAt: posts.publishedAt,
  ...imageColumns,
  categoryName: categories.name,
  categorySlug: categories.slug,
};

type SummaryRow = ImageRow & {
  id: number;
  title: string;
  slug: string;
  lead: string;
  publishedAt: Date | null;
  categoryName: string;
  categorySlug: string;
};

export function toSummary(row: SummaryRow): PostSummary {
  return {
    id: row.id,
    title: row.title,
    slug: row.slug,
    lead: row.lead,
    publishedAt: (row.publishedAt ?? new Date(0)).toISOString(),
    category: { name: row.categoryName, slug: row.categorySlug },
    image: toPublicImage(row),
  };
}

function listPage(where: SQL, page: number): Page<PostSummary> {
  const db = getDb();
  const total = db.select({ n: count() }).from(posts).where(where).get()?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const rows = db
    .select(summaryColumns)
    .from(posts)
    .innerJoin(categories, eq(posts.categoryId, categories.id))
    .leftJoin(media, eq(media.id, posts.featuredMediaId))
    .where(where)
    .orderBy(desc(posts.publishedAt), desc(posts.id))
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE)
    .all();
  return { items: rows.map(toSummary), page, pageCount, total };
}

export function getLatestPosts(page: number): Page<PostSummary> {
  tagPage(cacheTags.home);
  return listPage(publicIn(NEWS, new Date()), page);
}

export type CategoryDto = { id: number; name: string; slug: string; description: string };

/** The header's navigation; every category change queues `public`, which empties every page. */
export function getCategories(): CategoryDto[] {
  return getDb()
    .select({ id: categories.id, name: categories.name, slug: categories.slug, description: categories.description })
    .from(categories)
    .orderBy(categories.position, categories.name)
    .all();
}

export type CategoryLookup = { kind: "category"; category: CategoryDto } | { kind: "redirect"; slug: string } | { kind: "missing" };

function findCategory(slug: string): CategoryLookup {
  const db = getDb();
  const columns = { id: categories.id, name: categories.name, slug: categories.slug, description: categories.description };
  // A current slug always wins over an old one, even if the history still lists it.
  const current = db.select(columns).from(categories).where(eq(categories.slug, slug)).get();
  if (current) return { kind: "category", category: current };
  const moved = db
    .select({ slug: categories.slug })
    .from(categorySlugHistory)
    .innerJoin(categories, eq(categorySlugHistory.categoryId, categories.id))
    .where(eq(categorySlugHistory.slug, slug))
    .get();
  return moved ? { kind: "redirect", slug: moved.slug } : { kind: "missing" };
}

/** A category URL: the category, a permanent redirect from one of its old slugs, or a 404. */
export function getCategoryLookup(slug: string): CategoryLookup {
  tagPage(cacheTags.categorySlug(slug));
  return findCategory(slug);
}

export function getCategoryPosts(categoryId: number, page: number): Page<PostSummary> {
  tagPage(cacheTags.category(categoryId));
  return listPage(and(publicIn(NEWS, new Date()), eq(posts.categoryId, categoryId))!, page);
}

export type ArticleLookup = { kind: "article"; article: Article } | { kind: "redirect"; slug: string } | { kind: "missing" };

function findArticle(slug: string): ArticleLookup {
  const db = getDb();
  const now = new Date();
  const row = db
    .select({
      ...summaryColumns,
      categoryId: posts.categoryId,
      bodyHtml: posts.bodyHtml,
      source: posts.source,
      updatedAt: posts.updatedAt,
      imageCaption: posts.featuredImageCaption,
    })
    .from(posts)
    .innerJoin(categories, eq(posts.categoryId, categories.id))
    .leftJoin(media, eq(media.id, posts.featuredMediaId))
    .where(and(publicIn(NEWS, now), eq(posts.slug, slug)))
    .get();
  if (row) {
    return {
      kind: "article",
      article: {
        ...toSummary(row),
        categoryId: row.categoryId,
        // Stored HTML was sanitized on save; sanitizing again on render keeps a tampered row harmless.
        bodyHtml: sanitizeRichHtml(row.bodyHtml),
        source: row.source,
        updatedAt: row.updatedAt.toISOString(),
        imageCaption: row.imageCaption,
      },
    };
  }
  const moved = db
    .select({ slug: posts.slug })
    .from(postSlugHistory)
    .innerJoin(posts, eq(postSlugHistory.postId, posts.id))
    .where(and(publicIn(NEWS, now), eq(postSlugHistory.kind, NEWS.kind), eq(postSlugHistory.language, NEWS.language), eq(postSlugHistory.slug, slug)))
    .get();
  return moved ? { kind: "redirect", slug: moved.slug } : { kind: "missing" };
}

export function getArticle(slug: string): ArticleLookup {
  tagPage(cacheTags.article(slug));
  return findArticle(slug);
}

export function getRelatedPosts(categoryId: number, excludeId: number): PostSummary[] {
  tagPage(cacheTags.category(categoryId));
  return getDb()
    .select(summaryColumns)
    .from(posts)
    .innerJoin(categories, eq(posts.categoryId, categories.id))
    .leftJoin(media, eq(media.id, posts.featuredMediaId))
    .where(and(publicIn(NEWS, new Date()), eq(posts.categoryId, categoryId), ne(posts.id, excludeId)))
    .orderBy(desc(posts.publishedAt), desc(posts.id))
    .limit(RELATED_COUNT)
    .all()
    .map(toSummary);
}
