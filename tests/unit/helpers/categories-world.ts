/** Shared setup of the categories data-layer tests: a fresh database per test, actors, and what a change may write. */
import { count, eq } from "drizzle-orm";
import { afterEach, beforeEach } from "vitest";
import type { Actor } from "@/lib/dal/actor";
import type { Db } from "@/lib/dal/connection";
import { activityLog, cacheInvalidations, categories, categorySlugHistory, posts, users, type Role } from "@/db/schema";
import { createCategoryFor, listCategoriesFor } from "@/lib/dal/categories/queries";
import { createTempDatabase } from "./temp-db";


export let db: Db;
let cleanup: () => void;
beforeEach(() => ({ db, cleanup } = createTempDatabase()));
afterEach(() => cleanup());

let seq = 0;
export function actor(role: Role): Actor {
  seq += 1;
  const user = db
    .insert(users)
    .values({ email: `nguoi${seq}@cuc.vn`, name: `Người dùng ${seq}`, role, passwordHash: null })
    .returning({ id: users.id, name: users.name })
    .get();
  return { ...user, role, unit: "", ip: "198.51.100.7" };
}

export function create(editor: Actor, name: string, description = "") {
  const result = createCategoryFor(db, editor, { name, description });
  if (!result.ok) throw new Error(`create failed: ${result.message}`);
  return result;
}

export function addPost(categoryId: number, options: { trashed?: boolean } = {}) {
  seq += 1;
  return db
    .insert(posts)
    .values({
      title: `Bài ${seq}`,
      slug: `bai-${seq}`,
      body: { type: "doc", content: [] },
      categoryId,
      deletedAt: options.trashed ? new Date() : null,
    })
    .returning({ id: posts.id })
    .get();
}

export const row = (id: number) => db.select().from(categories).where(eq(categories.id, id)).get();
export const allCategories = () => db.select().from(categories).orderBy(categories.id).all();
export const categoryCount = () => db.select({ n: count() }).from(categories).get()!.n;
export const history = () =>
  db
    .select({ slug: categorySlugHistory.slug, categoryId: categorySlugHistory.categoryId })
    .from(categorySlugHistory)
    .orderBy(categorySlugHistory.slug)
    .all();
export const logCount = () => db.select({ n: count() }).from(activityLog).get()!.n;
export const lastLog = () => db.select().from(activityLog).orderBy(activityLog.id).all().at(-1);
export const outbox = () => db.select({ tag: cacheInvalidations.tag }).from(cacheInvalidations).all().map((r) => r.tag);
export const navOrder = (viewer: Actor) => listCategoriesFor(db, viewer).map((c) => c.name);

/** Everything a category change may write, to prove a refusal or a rollback wrote nothing. */
export function snapshot() {
  return { categories: allCategories(), history: history(), log: logCount(), outbox: outbox().length };
}

/** Makes every activity-log write fail, as a full disk or a bug would, after the change itself was written. */
export function breakActivityLog() {
  db.$client.exec("CREATE TRIGGER test_break_log BEFORE INSERT ON activity_log BEGIN SELECT RAISE(ABORT, 'log write failed'); END");
}
