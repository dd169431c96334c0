import "server-only";
import { eq } from "drizzle-orm";
import { homeLayouts, type FeaturedEntry, type Language } from "@/db/schema";
import type { Db } from "@/lib/dal/connection";

/** What editors arranged on a language's home page; `version` 0 when nothing is stored (the home page then shows the latest news only). */
export type HomeLayoutValue = { featured: FeaturedEntry[]; blockCategoryIds: number[]; announcementsCategoryId: number | null; version: number };

export const EMPTY_LAYOUT: HomeLayoutValue = { featured: [], blockCategoryIds: [], announcementsCategoryId: null, version: 0 };

/** How many of each the home page takes. */
export const HOME_LIMITS = { featured: 7, blocks: 8 } as const;

const ids = (value: unknown): number[] => (Array.isArray(value) ? value.filter((v): v is number => Number.isInteger(v) && v > 0) : []);

export function readHomeLayout(db: Pick<Db, "select">, language: Language = "vi"): HomeLayoutValue {
  const row = db.select().from(homeLayouts).where(eq(homeLayouts.language, language)).get();
  if (!row) return EMPTY_LAYOUT;
  const featured = (Array.isArray(row.featured) ? row.featured : [])
    .filter((entry) => entry && Number.isInteger(entry.postId))
    .map((entry) => ({ postId: entry.postId, endsAt: typeof entry.endsAt === "number" ? entry.endsAt : null }));
  return { featured, blockCategoryIds: ids(row.blockCategoryIds), announcementsCategoryId: row.announcementsCategoryId, version: row.version };
}

/** Writes a layout (the first start's, or an editor's save after its checks). */
export function writeHomeLayout(db: Pick<Db, "insert">, language: Language, value: Omit<HomeLayoutValue, "version">, version: number): void {
  const values = { featured: value.featured, blockCategoryIds: value.blockCategoryIds, announcementsCategoryId: value.announcementsCategoryId, version };
  db.insert(homeLayouts)
    .values({ language, ...values })
    .onConflictDoUpdate({ target: homeLayouts.language, set: { ...values, updatedAt: new Date() } })
    .run();
}
