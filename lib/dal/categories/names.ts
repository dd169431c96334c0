import "server-only";
import { and, eq, max, ne } from "drizzle-orm";
import type { Db } from "@/lib/dal/connection";
import { categories, categorySlugHistory, type Language } from "@/db/schema";
import { queueInvalidation } from "@/lib/dal/outbox";
import { cacheTags } from "@/lib/cache/tags";
import { slugify, uniqueSlug } from "@/lib/vi/slug";
import { cleanLine } from "@/lib/vi/text";

type Reader = Pick<Db, "select">;
type Tx = Pick<Db, "select" | "insert">;

/**
 * What two category names are compared by: `Thi đua – Khen thưởng` and `thi đua – khen thưởng`
 * are the same category to a reader, so they may not both exist. (The unique index on the name
 * only catches exact duplicates, and SQLite's lower() folds ASCII only.)
 */
export function categoryNameKey(name: string): string {
  return cleanLine(name).toLowerCase();
}

/** The category whose name matches ignoring case (after NFC and space clean-up), if any. */
export function findCategoryByName(tx: Reader, name: string, exceptId?: number): { id: number; name: string; slug: string } | undefined {
  const key = categoryNameKey(name);
  // Categories are a navigation list (tens of rows), so comparing in JS is cheap and exact.
  return tx
    .select({ id: categories.id, name: categories.name, slug: categories.slug })
    .from(categories)
    .all()
    .find((c) => c.id !== exceptId && categoryNameKey(c.name) === key);
}

/** The category whose English name matches ignoring case, if any. */
export function findCategoryByEnglishName(tx: Reader, nameEn: string, exceptId?: number): { id: number; nameEn: string } | undefined {
  const key = categoryNameKey(nameEn);
  return tx
    .select({ id: categories.id, nameEn: categories.nameEn })
    .from(categories)
    .all()
    .find((c): c is { id: number; nameEn: string } => c.id !== exceptId && c.nameEn !== null && categoryNameKey(c.nameEn) === key);
}

/** A free English slug for the English name `nameEn`: not another category's English slug, current or old. */
export function pickEnglishCategorySlug(tx: Reader, nameEn: string, ownId: number): string {
  return uniqueSlug(
    slugify(nameEn),
    (candidate) => Boolean(tx.select({ id: categories.id }).from(categories).where(and(eq(categories.slugEn, candidate), ne(categories.id, ownId))).get()) || oldSlugOfAnother(tx, "en", candidate, ownId),
  );
}

/** Whether `slug` is an old address (in `language`) of a category other than `ownId`, which it still redirects. */
function oldSlugOfAnother(tx: Reader, language: Language, slug: string, ownId?: number): boolean {
  const old = tx
    .select({ categoryId: categorySlugHistory.categoryId })
    .from(categorySlugHistory)
    .where(and(eq(categorySlugHistory.language, language), eq(categorySlugHistory.slug, slug)))
    .get();
  return old !== undefined && old.categoryId !== ownId;
}

/**
 * A free slug for a category called `name`. Slugs of other categories are taken, and so are their
 * old slugs, so links that redirect today keep redirecting; the category's own old slugs are free
 * again (renaming back reuses its first address).
 */
export function pickCategorySlug(tx: Reader, name: string, ownId?: number): string {
  return uniqueSlug(slugify(name), (candidate) => {
    const current = tx
      .select({ id: categories.id })
      .from(categories)
      .where(ownId === undefined ? eq(categories.slug, candidate) : and(eq(categories.slug, candidate), ne(categories.id, ownId)))
      .get();
    if (current) return true;
    return oldSlugOfAnother(tx, "vi", candidate, ownId);
  });
}

/** The position after the last category, so a new one joins the end of the navigation. */
export function nextCategoryPosition(tx: Reader): number {
  return (tx.select({ last: max(categories.position) }).from(categories).get()?.last ?? 0) + 1;
}

/** Finds a category by its name (ignoring case), creating it (with a unique slug) when it does not exist. */
export function ensureCategory(tx: Tx, rawName: string): { id: number; slug: string } {
  const name = cleanLine(rawName);
  const found = findCategoryByName(tx, name);
  if (found) return { id: found.id, slug: found.slug };
  const slug = pickCategorySlug(tx, name);
  const position = nextCategoryPosition(tx);
  const created = tx.insert(categories).values({ name, slug, position }).returning({ id: categories.id, slug: categories.slug }).get();
  // A new category appears in the navigation of every page.
  queueInvalidation(tx, [cacheTags.all]);
  return created;
}
