import "server-only";
import { count, eq } from "drizzle-orm";
import type { AppDatabase } from "@/db";
import { categories } from "@/db/schema";
import { queueInvalidation } from "@/lib/cache/outbox";
import { cacheTags } from "@/lib/cache/tags";
import { slugify, uniqueSlug } from "@/lib/vi/slug";
import { toNFC } from "@/lib/vi/text";

type Tx = Pick<AppDatabase, "select" | "insert">;

/** Finds a category by its name, creating it (with a unique slug) when it does not exist. */
export function ensureCategory(tx: Tx, rawName: string): { id: number; slug: string } {
  const name = toNFC(rawName).replace(/\s+/g, " ").trim();
  const found = tx.select({ id: categories.id, slug: categories.slug }).from(categories).where(eq(categories.name, name)).get();
  if (found) return found;
  const slug = uniqueSlug(slugify(name), (candidate) =>
    Boolean(tx.select({ id: categories.id }).from(categories).where(eq(categories.slug, candidate)).get()),
  );
  const position = (tx.select({ n: count() }).from(categories).get()?.n ?? 0) + 1;
  const created = tx.insert(categories).values({ name, slug, position }).returning({ id: categories.id, slug: categories.slug }).get();
  // A new category appears in the navigation of every page.
  queueInvalidation(tx, [cacheTags.all]);
  return created;
}
