import "server-only";
import { and, count, desc, eq, isNotNull, ne, sql, type SQL } from "drizzle-orm";
import { getDb, type Db } from "@/lib/dal/connection";
import { categories, categorySlugHistory, media, postSlugHistory, posts, type Language } from "@/db/schema";
import { tagPage } from "@/lib/cache/page-tags";
import { newsIn, publicIn } from "@/lib/dal/public/constraint";
import { cacheTags } from "@/lib/cache/tags";
import { sanitizeRichHtml } from "@/lib/richtext/sanitize";
import { imageColumns, toPublicImage, type ImageRow, type PublicImage } from "./images";
import { readTranslations, type Translations } from "./translations";

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
  /** Its category on this language's site; null on the English site for a category without an English name. */
  category: { name: string; slug: string } | null;
  image: PublicImage | null;
};

/** What an article page shows; the same shape serves a page (no category) and the previews. */
export type Article = PostSummary & {
  /** The site it is on; Vietnamese when not given (staff previews). */
  language?: Language;
  categoryId: number | null;
  bodyHtml: string;
  source: string;
  updatedAt: string;
  imageCaption: string;
  /** Where each language's public version is (hreflang, the language switcher); public articles only. */
  translations?: Translations;
};

export type Page<T> = { items: T[]; page: number; pageCount: number; total: number };

/** A category's name and slug on one language's site: the English ones are optional (migration 0015). */
export const categoryNameColumns = (language: Language) =>
  language === "en" ? { categoryName: categories.nameEn, categorySlug: categories.slugEn } : { categoryName: categories.name, categorySlug: categories.slug };

/** The columns of a PostSummary (reads join categories, and media for the image); shared with the home page reads. */
export const summaryColumnsIn = (language: Language) => ({
  id: posts.id,
  title: posts.title,
  slug: posts.slug,
  lead: posts.lead,
  publishedAt: posts.publishedAt,
  ...imageColumns,
  ...categoryNameColumns(language),
});
export const summaryColumns = summaryColumnsIn("vi");

type SummaryRow = ImageRow & {
  id: number;
  title: string;
  slug: string;
  lead: string;
  publishedAt: Date | null;
  categoryName: string | null;
  categorySlug: string | null;
};

export function toSummary(row: SummaryRow): PostSummary {
  return {
    id: row.id,
    title: row.title,
    slug: row.slug,
    lead: row.lead,
    publishedAt: (row.publishedAt ?? new Date(0)).toISOString(),
    category: row.categoryName !== null && row.categorySlug !== null ? { name: row.categoryName, slug: row.categorySlug } : null,
    image: toPublicImage(row),
  };
}

function listPage(where: SQL, page: number, language: Language): Page<PostSummary> {
  const db = getDb();
  const total = db.select({ n: count() }).from(posts).where(where).get()?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const rows = db
    .select(summaryColumnsIn(language))
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

export function getLatestPosts(page: number, language: Language = "vi"): Page<PostSummary> {
  tagPage(cacheTags.home);
  return listPage(publicIn(newsIn(language), new Date()), page, language);
}

export type CategoryDto = { id: number; name: string; slug: string; description: string };

/**
 * The site's categories (footer, search filter, sitemap); every category change queues `public`,
 * which empties every page. The English site has the categories given an English name and slug.
 */
export function getCategories(language: Language = "vi"): CategoryDto[] {
  return readCategories(getDb(), language);
}

export function readCategories(db: Pick<Db, "select">, language: Language): CategoryDto[] {
  if (language === "en") {
    return db
      .select({ id: categories.id, name: sql<string>`${categories.nameEn}`, slug: sql<string>`${categories.slugEn}`, description: sql<string>`''` })
      .from(categories)
      .where(and(isNotNull(categories.nameEn), isNotNull(categories.slugEn)))
      .orderBy(categories.position, categories.nameEn)
      .all();
  }
  return db
    .select({ id: categories.id, name: categories.name, slug: categories.slug, description: categories.description })
    .from(categories)
    .orderBy(categories.position, categories.name)
    .all();
}

export type CategoryLookup = { kind: "category"; category: CategoryDto } | { kind: "redirect"; slug: string } | { kind: "missing" };

function findCategory(slug: string, language: Language): CategoryLookup {
  const db = getDb();
  // A current slug always wins over an old one, even if the history still lists it.
  if (language === "en") {
    const found = readCategories(db, "en").find((category) => category.slug === slug);
    if (found) return { kind: "category", category: found };
  } else {
    const current = db.select({ id: categories.id, name: categories.name, slug: categories.slug, description: categories.description }).from(categories).where(eq(categories.slug, slug)).get();
    if (current) return { kind: "category", category: current };
  }
  const slugColumn = language === "en" ? categories.slugEn : categories.slug;
  const moved = db
    .select({ slug: slugColumn })
    .from(categorySlugHistory)
    .innerJoin(categories, eq(categorySlugHistory.categoryId, categories.id))
    .where(and(eq(categorySlugHistory.language, language), eq(categorySlugHistory.slug, slug)))
    .get();
  return moved?.slug ? { kind: "redirect", slug: moved.slug } : { kind: "missing" };
}

/** A category URL: the category, a permanent redirect from one of its old slugs, or a 404. */
export function getCategoryLookup(slug: string, language: Language = "vi"): CategoryLookup {
  tagPage(cacheTags.categorySlug(slug));
  return findCategory(slug, language);
}

export function getCategoryPosts(categoryId: number, page: number, language: Language = "vi"): Page<PostSummary> {
  tagPage(cacheTags.category(categoryId));
  return listPage(and(publicIn(newsIn(language), new Date()), eq(posts.categoryId, categoryId))!, page, language);
}

export type ArticleLookup = { kind: "article"; article: Article } | { kind: "redirect"; slug: string } | { kind: "missing" };

/** A public news article of one language's site by its slug, or a redirect from one of its old slugs. */
export function findArticle(db: Db, slug: string, language: Language, now: Date = new Date()): ArticleLookup {
  const space = newsIn(language);
  const row = db
    .select({
      ...summaryColumnsIn(language),
      kind: posts.kind,
      translationGroupId: posts.translationGroupId,
      categoryId: posts.categoryId,
      bodyHtml: posts.bodyHtml,
      source: posts.source,
      updatedAt: posts.updatedAt,
      imageCaption: posts.featuredImageCaption,
    })
    .from(posts)
    .innerJoin(categories, eq(posts.categoryId, categories.id))
    .leftJoin(media, eq(media.id, posts.featuredMediaId))
    .where(and(publicIn(space, now), eq(posts.slug, slug)))
    .get();
  if (row) {
    return {
      kind: "article",
      article: {
        ...toSummary(row),
        language,
        translations: readTranslations(db, { ...row, language }, now),
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
    .where(and(publicIn(space, now), eq(postSlugHistory.kind, space.kind), eq(postSlugHistory.language, space.language), eq(postSlugHistory.slug, slug)))
    .get();
  return moved ? { kind: "redirect", slug: moved.slug } : { kind: "missing" };
}

export function getArticle(slug: string, language: Language = "vi"): ArticleLookup {
  tagPage(cacheTags.article(slug));
  return findArticle(getDb(), slug, language);
}

export function getRelatedPosts(categoryId: number, excludeId: number, language: Language = "vi"): PostSummary[] {
  tagPage(cacheTags.category(categoryId));
  return getDb()
    .select(summaryColumnsIn(language))
    .from(posts)
    .innerJoin(categories, eq(posts.categoryId, categories.id))
    .leftJoin(media, eq(media.id, posts.featuredMediaId))
    .where(and(publicIn(newsIn(language), new Date()), eq(posts.categoryId, categoryId), ne(posts.id, excludeId)))
    .orderBy(desc(posts.publishedAt), desc(posts.id))
    .limit(RELATED_COUNT)
    .all()
    .map(toSummary);
}
