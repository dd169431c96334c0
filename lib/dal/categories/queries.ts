import "server-only";
import { and, asc, count, eq, isNotNull, sql } from "drizzle-orm";
import { categories, categorySlugHistory, posts, type Language } from "@/db/schema";
import { cacheTags } from "@/lib/cache/tags";
import { logActivity } from "@/lib/dal/activity/log";
import { logActor, requireRole, type Actor } from "@/lib/dal/actor";
import { WRITE, type Db, type Tx } from "@/lib/dal/connection";
import { queueInvalidation } from "@/lib/dal/outbox";
import type { ChangeFailure, ChangeResult } from "@/lib/dal/result";
import { findCategoryByEnglishName, findCategoryByName, nextCategoryPosition, pickCategorySlug, pickEnglishCategorySlug } from "./names";
import { categoryDescriptionProblem, categoryNameProblem } from "@/lib/validations/category";
import { slugify } from "@/lib/vi/slug";
import { cleanLine } from "@/lib/vi/text";

/**
 * The database side of category management. Every function takes the database and the acting
 * staff member explicitly, so the rules (unique names, slug history, one transaction per change)
 * can be tested without a request; ./index.ts runs them as the signed-in person.
 */

export type CategoryListItem = {
  id: number;
  name: string;
  slug: string;
  /** Its English name and address (/en/category/<slugEn>); null until it is given one. */
  nameEn: string | null;
  slugEn: string | null;
  description: string;
  position: number;
  /** Every post filed under it, trashed ones included (they still block deletion). */
  postCount: number;
  trashedCount: number;
};

export type CategoryField = "name" | "nameEn" | "description";
export type CategoryChangeResult<T extends object = object> = ChangeResult<T>;

/** `nameEn` absent leaves the English name as it is; empty removes it. */
export type CategoryInput = { name: string; nameEn?: string; description?: string };
export type MoveDirection = "up" | "down";

export const CATEGORY_ADMIN_MESSAGES = {
  notFound: "Không tìm thấy chuyên mục này. Có thể chuyên mục đã bị xoá.",
  unchanged: "Không có thay đổi nào để lưu.",
  staleOrder: "Danh sách chuyên mục vừa được người khác thay đổi. Vui lòng tải lại trang rồi sắp xếp lại.",
  duplicateEn: (existing: string) => `Đã có chuyên mục mang tên tiếng Anh “${existing}”. Tên tiếng Anh cũng không được trùng.`,
  duplicate: (existing: string) => `Đã có chuyên mục “${existing}”. Tên chuyên mục không được trùng, kể cả khi chỉ khác chữ hoa, chữ thường.`,
  inUse: (name: string, total: number, trashed: number) =>
    `Không thể xoá chuyên mục “${name}” vì còn ${total} bài viết thuộc chuyên mục này` +
    (trashed > 0 ? ` (trong đó ${trashed} bài trong thùng rác)` : "") +
    ". Hãy chuyển các bài viết sang chuyên mục khác trước khi xoá.",
} as const;

function assertCanManage(actor: Actor | null): asserts actor is Actor {
  requireRole(actor, "category:manage");
}

function sqliteCode(error: unknown): string {
  return typeof error === "object" && error !== null && "code" in error ? String((error as { code: unknown }).code) : "";
}


/** Navigation order, the same as the public header reads it (position, then name), with id as the last tie-break. */
const navigationOrder = [asc(categories.position), asc(categories.name), asc(categories.id)];

export function listCategoriesFor(db: Db, actor: Actor | null): CategoryListItem[] {
  assertCanManage(actor);
  return db
    .select({
      id: categories.id,
      name: categories.name,
      slug: categories.slug,
      nameEn: categories.nameEn,
      slugEn: categories.slugEn,
      description: categories.description,
      position: categories.position,
      postCount: count(posts.id),
      trashedCount: sql<number>`count(${posts.deletedAt})`,
    })
    .from(categories)
    .leftJoin(posts, eq(posts.categoryId, categories.id))
    .groupBy(categories.id)
    .orderBy(...navigationOrder)
    .all();
}

/** Cleans and checks the fields once, here, so every caller gets the same rules as the form. */
function cleanInput(input: CategoryInput): { ok: true; name: string; nameEn: string | undefined; description: string } | ChangeFailure {
  const name = cleanLine(input.name);
  const nameProblem = categoryNameProblem(name);
  if (nameProblem) return { ok: false, field: "name", message: nameProblem };
  const nameEn = input.nameEn === undefined ? undefined : cleanLine(input.nameEn);
  if (nameEn && categoryNameProblem(nameEn)) return { ok: false, field: "nameEn", message: categoryNameProblem(nameEn)! };
  const description = cleanLine(input.description ?? "");
  const descriptionProblem = categoryDescriptionProblem(description);
  if (descriptionProblem) return { ok: false, field: "description", message: descriptionProblem };
  return { ok: true, name, nameEn, description };
}

function duplicateName(tx: Tx, name: string, exceptId?: number): ChangeFailure | null {
  const existing = findCategoryByName(tx, name, exceptId);
  return existing ? { ok: false, field: "name", message: CATEGORY_ADMIN_MESSAGES.duplicate(existing.name) } : null;
}

/** A new category at the end of the navigation, with a slug made from its name. */
export function createCategoryFor(db: Db, actor: Actor | null, input: CategoryInput): CategoryChangeResult<{ id: number; slug: string }> {
  assertCanManage(actor);
  const clean = cleanInput(input);
  if (!clean.ok) return clean;
  const { name, description } = clean;
  try {
    return db.transaction((tx): CategoryChangeResult<{ id: number; slug: string }> => {
      const duplicate = duplicateName(tx, name);
      if (duplicate) return duplicate;
      const slug = pickCategorySlug(tx, name);
      const created = tx
        .insert(categories)
        .values({ name, slug, description, position: nextCategoryPosition(tx) })
        .returning({ id: categories.id })
        .get();
      logActivity(tx, { actor: logActor(actor), action: "category.create", objectType: "category", objectId: created.id, summary: `“${name}” (/chuyen-muc/${slug})`, ip: actor.ip });
      // The header of every public page lists the categories.
      queueInvalidation(tx, [cacheTags.all]);
      return { ok: true, id: created.id, slug, message: `Đã tạo chuyên mục “${name}”.` };
    }, WRITE);
  } catch (error) {
    // The unique index is the last word if another process inserted the exact same name.
    if (sqliteCode(error).startsWith("SQLITE_CONSTRAINT_UNIQUE")) return { ok: false, field: "name", message: CATEGORY_ADMIN_MESSAGES.duplicate(name) };
    throw error;
  }
}

/**
 * Rename and describe. The slug follows the name; the old slug is kept in the history so its
 * links redirect, and renaming back to an earlier name takes its old slug back out of the history.
 */
export function updateCategoryFor(db: Db, actor: Actor | null, id: number, input: CategoryInput): CategoryChangeResult<{ slug: string }> {
  assertCanManage(actor);
  const clean = cleanInput(input);
  if (!clean.ok) return clean;
  const { name, description } = clean;
  try {
    return db.transaction((tx): CategoryChangeResult<{ slug: string }> => {
      const target = tx
        .select({ id: categories.id, name: categories.name, slug: categories.slug, nameEn: categories.nameEn, slugEn: categories.slugEn, description: categories.description })
        .from(categories)
        .where(eq(categories.id, id))
        .get();
      if (!target) return { ok: false, message: CATEGORY_ADMIN_MESSAGES.notFound };
      const duplicate = duplicateName(tx, name, id);
      if (duplicate) return duplicate;
      const nameEn = clean.nameEn === undefined ? target.nameEn : clean.nameEn || null;
      const duplicateEn = nameEn ? findCategoryByEnglishName(tx, nameEn, id) : undefined;
      if (duplicateEn) return { ok: false, field: "nameEn", message: CATEGORY_ADMIN_MESSAGES.duplicateEn(duplicateEn.nameEn) };
      if (target.name === name && target.nameEn === nameEn && target.description === description) return { ok: true, slug: target.slug, message: CATEGORY_ADMIN_MESSAGES.unchanged };
      const english = englishAddress(tx, target, nameEn);

      // A change of case or punctuation that makes the same slug keeps the address as it is.
      const slug = slugify(name) === slugify(target.name) ? target.slug : pickCategorySlug(tx, name, id);
      const changes: string[] = [];
      if (target.name !== name) changes.push(`tên “${target.name}” → “${name}”`);
      if (slug !== target.slug) {
        keepOldSlug(tx, id, "vi", target.slug, slug);
        changes.push(`đường dẫn /chuyen-muc/${target.slug} → /chuyen-muc/${slug}`);
      }
      // An English address given up keeps answering, with a redirect, as long as the category has one.
      if (target.slugEn && english.slugEn && target.slugEn !== english.slugEn) keepOldSlug(tx, id, "en", target.slugEn, english.slugEn);
      changes.push(...english.changes);
      if (target.description !== description) changes.push("mô tả");
      tx.update(categories).set({ name, slug, nameEn, slugEn: english.slugEn, description }).where(eq(categories.id, id)).run();
      logActivity(tx, { actor: logActor(actor), action: "category.update", objectType: "category", objectId: id, summary: changes.join("; "), ip: actor.ip });
      queueInvalidation(tx, [cacheTags.all]);
      const moved = slug !== target.slug ? ` Địa chỉ cũ /chuyen-muc/${target.slug} tự động chuyển sang /chuyen-muc/${slug}.` : "";
      return { ok: true, slug, message: `Đã lưu chuyên mục “${name}”.${moved}` };
    }, WRITE);
  } catch (error) {
    if (sqliteCode(error).startsWith("SQLITE_CONSTRAINT_UNIQUE")) return { ok: false, field: "name", message: CATEGORY_ADMIN_MESSAGES.duplicate(name) };
    throw error;
  }
}

/** Notes `from` as an old address of the category in `language`; `to` (maybe one of its old ones) is current again, not history. */
function keepOldSlug(tx: Tx, id: number, language: Language, from: string, to: string): void {
  tx.delete(categorySlugHistory)
    .where(and(eq(categorySlugHistory.language, language), eq(categorySlugHistory.slug, to), eq(categorySlugHistory.categoryId, id)))
    .run();
  tx.insert(categorySlugHistory)
    .values({ language, slug: from, categoryId: id })
    .onConflictDoUpdate({ target: [categorySlugHistory.language, categorySlugHistory.slug], set: { categoryId: id, createdAt: new Date() } })
    .run();
}

/**
 * The English address follows the English name as the Vietnamese one follows the Vietnamese name
 * (a change of case keeps it); a name removed takes the category off the English site.
 */
function englishAddress(tx: Tx, target: { id: number; nameEn: string | null; slugEn: string | null }, nameEn: string | null): { slugEn: string | null; changes: string[] } {
  const slugEn = !nameEn ? null : target.slugEn && target.nameEn && slugify(nameEn) === slugify(target.nameEn) ? target.slugEn : pickEnglishCategorySlug(tx, nameEn, target.id);
  const changes: string[] = [];
  if (target.nameEn !== nameEn) changes.push(`tên tiếng Anh “${target.nameEn ?? ""}” → “${nameEn ?? ""}”`);
  if (target.slugEn !== slugEn) changes.push(`đường dẫn tiếng Anh ${target.slugEn ? `/en/category/${target.slugEn}` : "(chưa có)"} → ${slugEn ? `/en/category/${slugEn}` : "(không có)"}`);
  return { slugEn, changes };
}

type OrderRow = { id: number; name: string; position: number };

function readOrder(tx: Tx): OrderRow[] {
  return tx.select({ id: categories.id, name: categories.name, position: categories.position }).from(categories).orderBy(...navigationOrder).all();
}

/** Numbers the categories 1, 2, 3… in the given order, touching only rows whose position changes. */
function writeOrder(tx: Tx, ordered: OrderRow[]): void {
  ordered.forEach((row, index) => {
    if (row.position !== index + 1) tx.update(categories).set({ position: index + 1 }).where(eq(categories.id, row.id)).run();
  });
}

/** One step up or down the navigation; at either end nothing changes. */
export function moveCategoryFor(db: Db, actor: Actor | null, id: number, direction: MoveDirection): CategoryChangeResult<{ position: number }> {
  assertCanManage(actor);
  return db.transaction((tx): CategoryChangeResult<{ position: number }> => {
    const ordered = readOrder(tx);
    const from = ordered.findIndex((row) => row.id === id);
    if (from === -1) return { ok: false, message: CATEGORY_ADMIN_MESSAGES.notFound };
    const row = ordered[from]!;
    const to = direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= ordered.length) {
      return { ok: true, position: from + 1, message: direction === "up" ? `“${row.name}” đã ở đầu danh sách.` : `“${row.name}” đã ở cuối danh sách.` };
    }
    ordered.splice(from, 1);
    ordered.splice(to, 0, row);
    writeOrder(tx, ordered);
    logActivity(tx, {
      actor: logActor(actor),
      action: "category.reorder",
      objectType: "category",
      objectId: id,
      summary: `“${row.name}”: vị trí ${from + 1} → ${to + 1}`,
      ip: actor.ip,
    });
    queueInvalidation(tx, [cacheTags.all]);
    return { ok: true, position: to + 1, message: `Đã chuyển “${row.name}” ${direction === "up" ? "lên" : "xuống"} vị trí ${to + 1}.` };
  }, WRITE);
}

/** The whole navigation order at once; `ids` must name every category exactly once. */
export function setCategoryOrderFor(db: Db, actor: Actor | null, ids: readonly number[]): CategoryChangeResult {
  assertCanManage(actor);
  return db.transaction((tx): CategoryChangeResult => {
    const current = readOrder(tx);
    const byId = new Map(current.map((row) => [row.id, row]));
    // A list made before someone else added or deleted a category would silently misplace it.
    if (ids.length !== current.length || new Set(ids).size !== ids.length || !ids.every((id) => byId.has(id))) {
      return { ok: false, message: CATEGORY_ADMIN_MESSAGES.staleOrder };
    }
    const ordered = ids.map((id) => byId.get(id)!);
    if (ordered.every((row, index) => row.id === current[index]!.id && row.position === index + 1)) {
      return { ok: true, message: CATEGORY_ADMIN_MESSAGES.unchanged };
    }
    writeOrder(tx, ordered);
    logActivity(tx, {
      actor: logActor(actor),
      action: "category.reorder",
      objectType: "category",
      summary: `Thứ tự mới: ${ordered.map((row) => `“${row.name}”`).join(", ")}`,
      ip: actor.ip,
    });
    queueInvalidation(tx, [cacheTags.all]);
    return { ok: true, message: "Đã lưu thứ tự chuyên mục." };
  }, WRITE);
}

/** Only an empty category goes: posts in the trash count too, since they can be restored into it. */
export function deleteCategoryFor(db: Db, actor: Actor | null, id: number): CategoryChangeResult {
  assertCanManage(actor);
  try {
    return db.transaction((tx): CategoryChangeResult => {
      const target = tx.select({ id: categories.id, name: categories.name, slug: categories.slug }).from(categories).where(eq(categories.id, id)).get();
      if (!target) return { ok: false, message: CATEGORY_ADMIN_MESSAGES.notFound };
      const total = tx.select({ n: count() }).from(posts).where(eq(posts.categoryId, id)).get()?.n ?? 0;
      if (total > 0) {
        const trashed = tx.select({ n: count() }).from(posts).where(and(eq(posts.categoryId, id), isNotNull(posts.deletedAt))).get()?.n ?? 0;
        return { ok: false, message: CATEGORY_ADMIN_MESSAGES.inUse(target.name, total, trashed) };
      }
      // Its old slugs go with it (ON DELETE CASCADE): they would redirect to nothing.
      tx.delete(categories).where(eq(categories.id, id)).run();
      logActivity(tx, { actor: logActor(actor), action: "category.delete", objectType: "category", objectId: id, summary: `“${target.name}” (/chuyen-muc/${target.slug})`, ip: actor.ip });
      queueInvalidation(tx, [cacheTags.all]);
      return { ok: true, message: `Đã xoá chuyên mục “${target.name}”.` };
    }, WRITE);
  } catch (error) {
    // posts.category_id is ON DELETE RESTRICT: a post filed by a process the lock did not cover still wins.
    if (sqliteCode(error).startsWith("SQLITE_CONSTRAINT_FOREIGNKEY")) return { ok: false, message: "Không thể xoá chuyên mục này vì vẫn còn bài viết thuộc chuyên mục." };
    throw error;
  }
}
