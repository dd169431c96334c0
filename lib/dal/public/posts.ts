import "server-only";
import { and, count, desc, eq, ne, type SQL } from "drizzle-orm";
import { getDb } from "@/lib/dal/connection";
import { categories, categorySlugHistory, postSlugHistory, posts } from "@/db/schema";
import { cachedRead } from "@/lib/cache/cached";
import { publicConstraint } from "@/lib/dal/public/constraint";
import { cacheTags } from "@/lib/cache/tags";
import { sanitizeRichHtml } from "@/lib/richtext/sanitize";

/**
 * Reads for the public site. The reader is anonymous, so the constraint is part of every query:
 * published, and not in the future. Results are plain DTOs cached under the tags of what they show.
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
  image: { src: string; alt: string } | null;
};

export type Article = PostSummary & {
  categoryId: number;
  bodyHtml: string;
  source: string;
  updatedAt: string;
  imageCaption: string;
};

export type Page<T> = { items: T[]; page: number; pageCount: number; total: number };

const summaryColumns = {
  id: posts.id,
  title: posts.title,
  slug: posts.slug,
  lead: posts.lead,
  publishedAt: posts.publishedAt,
  imageUrl: posts.featuredImageUrl,
  imageAlt: posts.featuredImageAlt,
  categoryName: categories.name,
  categorySlug: categories.slug,
};

type SummaryRow = {
  id: number;
  title: string;
  slug: string;
  lead: string;
  publishedAt: Date | null;
  imageUrl: string | null;
  imageAlt: string;
  categoryName: string;
  categorySlug: string;
};

function toSummary(row: SummaryRow): PostSummary {
  return {
    id: row.id,
    title: row.title,
    slug: row.slug,
    lead: row.lead,
    publishedAt: (row.publishedAt ?? new Date(0)).toISOString(),
    category: { name: row.categoryName, slug: row.categorySlug },
    image: row.imageUrl ? { src: row.imageUrl, alt: row.imageAlt } : null,
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
    .where(where)
    .orderBy(desc(posts.publishedAt), desc(posts.id))
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE)
    .all();
  return { items: rows.map(toSummary), page, pageCount, total };
}

export function getLatestPosts(page: number): Promise<Page<PostSummary>> {
  return cachedRead(() => listPage(publicConstraint(new Date()), page), ["latest-posts", String(page)], [cacheTags.home]);
}

export type CategoryDto = { id: number; name: string; slug: string; description: string };

export function getCategories(): Promise<CategoryDto[]> {
  return cachedRead(
    () =>
      getDb()
        .select({ id: categories.id, name: categories.name, slug: categories.slug, description: categories.description })
        .from(categories)
        .orderBy(categories.position, categories.name)
        .all(),
    ["categories"],
  );
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
export function getCategoryLookup(slug: string): Promise<CategoryLookup> {
  // Every category change queues `public` (the header lists categories), which every entry carries.
  return cachedRead(() => findCategory(slug), ["category-lookup", slug], [cacheTags.categorySlug(slug)]);
}

export function getCategoryPosts(categoryId: number, page: number): Promise<Page<PostSummary>> {
  return cachedRead(
    () => listPage(and(publicConstraint(new Date()), eq(posts.categoryId, categoryId))!, page),
    ["category-posts", String(categoryId), String(page)],
    [cacheTags.category(categoryId)],
  );
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
    .where(and(publicConstraint(now), eq(posts.slug, slug)))
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
    .where(and(publicConstraint(now), eq(postSlugHistory.slug, slug)))
    .get();
  return moved ? { kind: "redirect", slug: moved.slug } : { kind: "missing" };
}

export function getArticle(slug: string): Promise<ArticleLookup> {
  return cachedRead(() => findArticle(slug), ["article", slug], [cacheTags.article(slug)]);
}

export function getRelatedPosts(categoryId: number, excludeId: number): Promise<PostSummary[]> {
  return cachedRead(
    () =>
      getDb()
        .select(summaryColumns)
        .from(posts)
        .innerJoin(categories, eq(posts.categoryId, categories.id))
        .where(and(publicConstraint(new Date()), eq(posts.categoryId, categoryId), ne(posts.id, excludeId)))
        .orderBy(desc(posts.publishedAt), desc(posts.id))
        .limit(RELATED_COUNT)
        .all()
        .map(toSummary),
    ["related-posts", String(categoryId), String(excludeId)],
    [cacheTags.category(categoryId)],
  );
}
