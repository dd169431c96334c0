/**
 * The tree of pages for the staff screens: the list, the parent choices, the order among siblings.
 * A page is saved like any content (lib/dal/posts/save.ts, kind "page"); this is only what is
 * particular to a tree.
 */
import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import { posts, type Language } from "@/db/schema";
import { logActivity, quoted } from "@/lib/dal/activity/log";
import { requireRole, type Actor } from "@/lib/dal/actor";
import { WRITE, type Db } from "@/lib/dal/connection";
import { queueInvalidation } from "@/lib/dal/outbox";
import type { ChangeResult } from "@/lib/dal/result";
import { can } from "@/lib/auth/permissions";
import { cacheTags } from "@/lib/cache/tags";
import { KINDS } from "@/lib/content/kinds";
import { displayStatus, POST_STATUS_LABELS, type DisplayStatus } from "@/lib/workflow/transitions";
import { assertStaff, canEditPost, visiblePostsWhere } from "@/lib/dal/posts/access";
import { translationStatusesFor, type TranslationStatus } from "@/lib/dal/translations/status";

export type PageTreeItem = {
  id: number;
  title: string;
  path: string;
  href: string;
  depth: number;
  parentId: number | null;
  status: DisplayStatus;
  statusLabel: string;
  updatedAt: string;
  canEdit: boolean;
  /** A Vietnamese page's English version (null on the English tree). */
  translation: TranslationStatus | null;
  /** Its place among its siblings, for the move buttons. */
  first: boolean;
  last: boolean;
};

type Row = { id: number; translationGroupId: number | null; title: string; slug: string; parentId: number | null; position: number; status: "draft" | "pending" | "published" | "unpublished"; publishedAt: Date | null; updatedAt: Date; authorId: number | null; deletedAt: Date | null };

function pageRows(db: Pick<Db, "select">, language: Language, where = eq(posts.kind, "page")): Row[] {
  return db
    .select({ id: posts.id, translationGroupId: posts.translationGroupId, title: posts.title, slug: posts.slug, parentId: posts.parentId, position: posts.position, status: posts.status, publishedAt: posts.publishedAt, updatedAt: posts.updatedAt, authorId: posts.authorId, deletedAt: posts.deletedAt })
    .from(posts)
    .where(and(where, eq(posts.kind, "page"), eq(posts.language, language), isNull(posts.deletedAt)))
    .orderBy(asc(posts.position), asc(posts.id))
    .all();
}

/** Rows in tree order (each parent before its children, siblings by position), with their depth. */
function inTreeOrder<T extends { id: number; parentId: number | null }>(rows: T[]): Array<T & { depth: number; first: boolean; last: boolean }> {
  const children = new Map<number | null, T[]>();
  for (const row of rows) children.set(row.parentId, [...(children.get(row.parentId) ?? []), row]);
  const known = new Set(rows.map((row) => row.id));
  const result: Array<T & { depth: number; first: boolean; last: boolean }> = [];
  const walk = (parentId: number | null, depth: number) => {
    const siblings = children.get(parentId) ?? [];
    siblings.forEach((row, i) => {
      result.push({ ...row, depth, first: i === 0, last: i === siblings.length - 1 });
      walk(row.id, depth + 1);
    });
  };
  walk(null, 0);
  // A page whose parent this person may not see still shows, at the top of what they see.
  for (const [parentId] of children) if (parentId !== null && !known.has(parentId)) walk(parentId, 0);
  return result;
}

/** Every page this person may see, as a tree (authors: their own pages). */
export function listPageTreeFor(db: Db, actor: Actor | null, language: Language = "vi", now: Date = new Date()): PageTreeItem[] {
  assertStaff(actor);
  const rows = inTreeOrder(pageRows(db, language, visiblePostsWhere(actor)));
  const translations = language === "vi" ? translationStatusesFor(db, actor, rows, now) : new Map<number, TranslationStatus>();
  return rows.map((row) => {
    const status = displayStatus(row.status, row.publishedAt, now);
    return {
      id: row.id,
      title: row.title,
      path: row.slug,
      href: KINDS.page.href(row.slug, language),
      depth: row.depth,
      parentId: row.parentId,
      status,
      statusLabel: POST_STATUS_LABELS[status],
      updatedAt: row.updatedAt.toISOString(),
      canEdit: canEditPost(actor, row),
      translation: translations.get(row.id) ?? null,
      first: row.first,
      last: row.last,
    };
  });
}

export type ParentOption = { id: number; label: string; path: string };

/** The pages a page may go under: every page (not in the trash), except itself and what is below it. */
export function pageParentOptionsFor(db: Db, actor: Actor | null, exceptId?: number, language: Language = "vi"): ParentOption[] {
  assertStaff(actor);
  const tree = inTreeOrder(pageRows(db, language));
  const excluded = new Set<number>();
  if (exceptId !== undefined) {
    excluded.add(exceptId);
    for (const row of tree) if (row.parentId !== null && excluded.has(row.parentId)) excluded.add(row.id);
  }
  return tree.filter((row) => !excluded.has(row.id)).map((row) => ({ id: row.id, label: `${"— ".repeat(row.depth)}${row.title}`, path: row.slug }));
}

/** Where a page may go: the tree as parent choices, and whether this person may put it at the top. */
export type PagePlacement = { parents: ParentOption[]; mayCreateTopLevel: boolean };

/** The writing screen's parent choices for a new page, or for page `exceptId` (never under itself). */
export function pagePlacementFor(db: Db, actor: Actor | null, exceptId?: number, language: Language = "vi"): PagePlacement {
  assertStaff(actor);
  return { parents: pageParentOptionsFor(db, actor, exceptId, language), mayCreateTopLevel: can(actor.role, "page:create-top-level") };
}

/** Moves a page one place up or down among its siblings (the order its parent lists its children in); editors and admins. */
export function movePageFor(db: Db, actor: Actor | null, id: number, direction: "up" | "down"): ChangeResult {
  requireRole(actor, "post:edit-any", id);
  return db.transaction((tx): ChangeResult => {
    const page = tx.select({ id: posts.id, title: posts.title, parentId: posts.parentId, language: posts.language }).from(posts).where(and(eq(posts.id, id), eq(posts.kind, "page"), isNull(posts.deletedAt))).get();
    if (!page) return { ok: false, message: "Không tìm thấy trang này. Có thể trang đã bị xoá." };
    const siblings = pageRows(tx, page.language, page.parentId === null ? isNull(posts.parentId) : eq(posts.parentId, page.parentId));
    const at = siblings.findIndex((row) => row.id === id);
    const other = siblings[direction === "up" ? at - 1 : at + 1];
    if (!other) return { ok: true, message: "Trang đã ở vị trí đó." };
    const order = siblings.map((row) => row.id);
    order[at] = other.id;
    order[direction === "up" ? at - 1 : at + 1] = id;
    order.forEach((rowId, position) => tx.update(posts).set({ position }).where(eq(posts.id, rowId)).run());
    queueInvalidation(tx, [cacheTags.all]);
    logActivity(tx, { actor, action: "page.reorder", objectType: "post", objectId: id, summary: `${quoted(page.title)} ${direction === "up" ? "lên" : "xuống"} một vị trí`, ip: actor.ip });
    return { ok: true, message: direction === "up" ? "Đã chuyển trang lên." : "Đã chuyển trang xuống." };
  }, WRITE);
}
