/**
 * Where a kind files its content (lib/content/kinds.ts): a news post in a category, a page under
 * a parent page, its slug then being its whole path. The save asks this once, inside its
 * transaction, for a new post and for every save of an existing one.
 */
import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { categories, posts, type Language } from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import { KINDS, PAGE_DEPTH_MAX, RESERVED_PAGE_SLUGS } from "@/lib/content/kinds";
import type { Actor } from "@/lib/dal/actor";
import type { Db, Tx } from "@/lib/dal/connection";
import type { ChangeFailure } from "@/lib/dal/result";
import { POST_MESSAGES, type ContentFields } from "@/lib/validations/post";
import { assertStaff } from "./access";
import { checkSlugFor, type SlugCheck } from "./read";
import { isSlugTaken, uniqueSlugFor, type SlugSpace } from "./slugs";

export const FILING_MESSAGES = {
  parentNotPage: "Trang cha phải là một trang đang có (không ở thùng rác).",
  parentLoop: "Không thể đặt một trang vào dưới chính nó hoặc dưới trang con của nó.",
  tooDeep: `Các trang lồng nhau tối đa ${PAGE_DEPTH_MAX} cấp. Hãy chọn trang cha ở cấp cao hơn.`,
  topLevel: "Chỉ biên tập viên và quản trị viên được tạo trang ở cấp cao nhất. Hãy chọn trang cha.",
  reserved: "Đường dẫn này trùng với một mục của trang tin (như tin-tuc, chuyen-muc, tim-kiem). Hãy chọn đường dẫn khác.",
} as const;

export type Filed = { ok: true; categoryId: number | null; parentId: number | null; slug: string };
type Current = { id: number; parentId: number | null; slug: string };

function category(tx: Tx, data: ContentFields): { ok: true; categoryId: number } | ChangeFailure {
  if (!data.categoryId) return { ok: false, field: "categoryId", message: POST_MESSAGES.categoryRequired };
  const found = tx.select({ id: categories.id }).from(categories).where(eq(categories.id, data.categoryId)).get();
  return found ? { ok: true, categoryId: found.id } : { ok: false, field: "categoryId", message: POST_MESSAGES.categoryMissing };
}

/** The parent page's path, after checking it can hold this page (a page, not in the trash, not itself or below it, not too deep). */
function parentPath(tx: Tx, language: Language, parentId: number, self?: number): { ok: true; path: string } | ChangeFailure {
  const chain: number[] = [];
  let path = "";
  for (let id: number | null = parentId; id !== null; ) {
    if (id === self) return { ok: false, field: "parentId", message: FILING_MESSAGES.parentLoop };
    const row = tx
      .select({ id: posts.id, parentId: posts.parentId, slug: posts.slug })
      .from(posts)
      .where(and(eq(posts.id, id), eq(posts.kind, "page"), eq(posts.language, language), isNull(posts.deletedAt)))
      .get();
    if (!row) return { ok: false, field: "parentId", message: chain.length === 0 ? FILING_MESSAGES.parentNotPage : FILING_MESSAGES.parentLoop };
    if (chain.length === 0) path = row.slug;
    chain.push(row.id);
    if (chain.length >= PAGE_DEPTH_MAX) return { ok: false, field: "parentId", message: FILING_MESSAGES.tooDeep };
    id = row.parentId;
  }
  return { ok: true, path };
}

/** The slug to store: a generated one is made free; a typed one (a page's own segment) must already be. */
function slugIn(tx: Tx, space: SlugSpace, data: ContentFields, prefix: string, postId?: number): { ok: true; slug: string } | ChangeFailure {
  if (data.slugAuto || data.slug === "") return { ok: true, slug: uniqueSlugFor(tx, space, data.title, postId, prefix) };
  const segment = data.slug.split("/").at(-1)!;
  if (isSlugTaken(tx, space, `${prefix}${segment}`, postId)) return { ok: false, field: "slug", message: POST_MESSAGES.slugTaken };
  return { ok: true, slug: `${prefix}${segment}` };
}

/**
 * Files content of `kind`: checks where it goes and picks its slug. `current` is the stored row
 * (absent for new content): a page moved or renamed gets its new path here.
 */
export function fileContent(tx: Tx, actor: Actor, space: SlugSpace, data: ContentFields, current?: Current): Filed | ChangeFailure {
  if (KINDS[space.kind].filing === "category") {
    const filed = category(tx, data);
    if (!filed.ok) return filed;
    const slug = slugIn(tx, space, data, "", current?.id);
    return slug.ok ? { ok: true, categoryId: filed.categoryId, parentId: null, slug: slug.slug } : slug;
  }
  if (KINDS[space.kind].filing === "registry") {
    // The registry's save passes the slug made from the số/ký hiệu; a second document with the same number elsewhere gets a suffix.
    return { ok: true, categoryId: null, parentId: null, slug: uniqueSlugFor(tx, space, data.slug || data.title, current?.id) };
  }
  const parentId = data.parentId ?? null;
  if (parentId === null) {
    // Staying where it is needs no permission; putting a page at the top does.
    if (current?.parentId !== null && !can(actor.role, "page:create-top-level")) return { ok: false, field: "parentId", message: FILING_MESSAGES.topLevel };
  }
  const parent = parentId === null ? ({ ok: true, path: "" } as const) : parentPath(tx, space.language, parentId, current?.id);
  if (!parent.ok) return parent;
  const prefix = parent.path ? `${parent.path}/` : "";
  const slug = slugIn(tx, space, data, prefix, current?.id);
  if (!slug.ok) return slug;
  if (!prefix && RESERVED_PAGE_SLUGS.has(slug.slug)) return { ok: false, field: "slug", message: FILING_MESSAGES.reserved };
  return { ok: true, categoryId: null, parentId, slug: slug.slug };
}


/**
 * The slug field's check for a page: its segment under the parent's path (a parent that is gone
 * is the save's to report), and at the top, not a segment the site uses itself.
 */
export function checkPageSlugFor(db: Db, actor: Actor | null, raw: string, parentId: number | null, excludeId?: number, language: Language = "vi"): SlugCheck {
  assertStaff(actor);
  const parent = parentId === null ? undefined : db.select({ slug: posts.slug }).from(posts).where(and(eq(posts.id, parentId), eq(posts.kind, "page"))).get();
  const check = checkSlugFor(db, actor, raw, excludeId, { kind: "page", language }, parent ? `${parent.slug}/` : "");
  if (parentId === null && check.status === "available" && RESERVED_PAGE_SLUGS.has(check.suggestion)) return { status: "invalid", message: FILING_MESSAGES.reserved, suggestion: "" };
  return check;
}
