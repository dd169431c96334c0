import "server-only";
import { and, asc, desc, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import { categories, menus, posts, type Language, type MenuLocation } from "@/db/schema";
import { WRITE, type Db } from "@/lib/dal/connection";
import { HOME_LIMITS, readHomeLayout, writeHomeLayout } from "@/lib/dal/home/layout";
import { writeEntries } from "@/lib/dal/menus/queries";
import { newsIn, publicIn } from "@/lib/dal/public/constraint";
import type { MenuTarget } from "@/lib/menus/tree";
import type { MenuItemInput } from "@/lib/validations/menu";
import { slugify } from "@/lib/vi/slug";
import { findOriginal, hasTranslationIn, joinTranslationGroup } from "@/lib/dal/posts/translation-link";

/**
 * What the first start writes for the site's structure (lib/seed/site-structure.ts says what and
 * why). Each writer leaves an existing menu or layout alone, and skips what it cannot find.
 */

/** An entry to seed: a target, every category (one top-level entry each), or a page by its path. */
export type SeedEntry = { label: string; depth?: 0 | 1; target: MenuTarget } | { categories: true } | { page: string; label: string; depth?: 0 | 1 };

type PageNode = { id: number; title: string; children: Array<{ id: number; title: string }> };

/** A page of one language (not trashed) by its path, with its child pages in order; null when there is none. */
export function seedPageTree(db: Pick<Db, "select">, path: string, language: Language = "vi"): PageNode | null {
  const page = db
    .select({ id: posts.id, title: posts.title })
    .from(posts)
    .where(and(eq(posts.kind, "page"), eq(posts.language, language), eq(posts.slug, path), isNull(posts.deletedAt)))
    .get();
  if (!page) return null;
  const children = db
    .select({ id: posts.id, title: posts.title })
    .from(posts)
    .where(and(eq(posts.kind, "page"), eq(posts.parentId, page.id), isNull(posts.deletedAt)))
    .orderBy(asc(posts.position), asc(posts.id))
    .all();
  return { ...page, children };
}

function expand(db: Pick<Db, "select">, entries: SeedEntry[], language: Language): MenuItemInput[] {
  return entries.flatMap((entry): MenuItemInput[] => {
    if ("categories" in entry) {
      // An English menu names the categories that have an English name, by it.
      return db
        .select({ id: categories.id, name: categories.name, nameEn: categories.nameEn })
        .from(categories)
        .orderBy(asc(categories.position), asc(categories.name))
        .all()
        .flatMap((row) => {
          const label = language === "en" ? row.nameEn : row.name;
          return label ? [{ label, depth: 0 as const, target: { kind: "category" as const, id: row.id } }] : [];
        });
    }
    if ("page" in entry) {
      const page = seedPageTree(db, entry.page, language);
      return page ? [{ label: entry.label, depth: entry.depth ?? 0, target: { kind: "page", id: page.id } }] : [];
    }
    return [{ label: entry.label, depth: entry.depth ?? 0, target: entry.target }];
  });
}

/** Writes one language's menu from `entries` unless it already exists; true when written. */
export function seedMenu(db: Db, location: MenuLocation, entries: SeedEntry[], language: Language = "vi"): boolean {
  return db.transaction((tx) => {
    const existing = tx.select({ id: menus.id }).from(menus).where(and(eq(menus.location, location), eq(menus.language, language))).get();
    if (existing) return false;
    const items = expand(tx, entries, language);
    // An entry under another whose parent was skipped would hang from the wrong entry: it moves up.
    const fixed = items.map((item, index) => (index === 0 && item.depth === 1 ? { ...item, depth: 0 as const } : item));
    const menuId = tx.insert(menus).values({ location, language, version: 1 }).returning({ id: menus.id }).get().id;
    writeEntries(tx, menuId, fixed);
    return true;
  }, WRITE);
}

/**
 * A first home page layout unless one exists: the newest public news as featured stories (those
 * with a picture first, so the lead story has one when any has), a block for each of the first
 * categories, and the category named "Thông báo" (if there is one) beside them.
 */
export function seedHomeLayout(db: Db, now: Date = new Date(), language: Language = "vi"): boolean {
  if (readHomeLayout(db, language).version !== 0) return false;
  const news = publicIn(newsIn(language), now);
  const recent = db
    .select({ id: posts.id, image: posts.featuredImageUrl })
    .from(posts)
    .where(news)
    .orderBy(desc(posts.publishedAt), desc(posts.id))
    .limit(50)
    .all();
  const withImage = recent.filter((row) => row.image !== null);
  const featured = [...withImage, ...recent.filter((row) => row.image === null)].slice(0, 4).map((row) => ({ postId: row.id, endsAt: null }));
  const categoryRows = db
    .select({ id: categories.id, name: categories.name })
    .from(categories)
    .where(
      and(
        inArray(categories.id, db.select({ id: posts.categoryId }).from(posts).where(and(news, isNotNull(posts.categoryId)))),
        // A block on the English home page links to the category's English page.
        language === "en" ? isNotNull(categories.slugEn) : undefined,
      ),
    )
    .orderBy(asc(categories.position), asc(categories.name))
    .all();
  const announcements = categoryRows.find((row) => row.name.toLocaleLowerCase("vi") === "thông báo") ?? null;
  const blocks = categoryRows.filter((row) => row.id !== announcements?.id).slice(0, Math.min(4, HOME_LIMITS.blocks));
  writeHomeLayout(db, language, { featured, blockCategoryIds: blocks.map((row) => row.id), announcementsCategoryId: announcements?.id ?? null }, 1);
  return true;
}

/** Gives a category (by its Vietnamese name) its English name and slug, unless it has one; true when written. */
export function seedEnglishCategoryName(db: Db, name: string, nameEn: string): boolean {
  return (
    db
      .update(categories)
      .set({ nameEn, slugEn: slugify(nameEn) })
      .where(and(eq(categories.name, name), isNull(categories.nameEn)))
      .run().changes === 1
  );
}

/** Links seeded English pages to their Vietnamese originals by path (`about` → `gioi-thieu`). */
export function seedPageTranslations(db: Db, pairs: ReadonlyArray<{ path: string; translationOf: string }>): void {
  db.transaction((tx) => {
    for (const pair of pairs) {
      const original = findOriginal(tx, pair.translationOf, "page", "vi");
      const translation = findOriginal(tx, pair.path, "page", "en");
      if (original && translation && !hasTranslationIn(tx, original, "en")) joinTranslationGroup(tx, original, translation.id);
    }
  }, WRITE);
}
