import "server-only";
import type { ContentKind, Language } from "@/db/vocabulary";
import { and, asc, count, desc, eq, gt, inArray, isNotNull, isNull, lte, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/dal/connection";
import { categories, posts, users, type PostStatus } from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import type { PostListStatus, PostSort } from "@/lib/validations/post";
import { folded } from "../fold-sql";
import { pageOf } from "../paging";
import { assertStaff, canEditPost, canTrashPost, displayStatus, POST_STATUS_LABELS, visiblePostsWhere, type DisplayStatus } from "./access";
import { type Actor } from "@/lib/dal/actor";
import { translationStatusesFor, type TranslationStatus } from "@/lib/dal/translations/status";

export const POSTS_PAGE_SIZE = 20;
/** How many ranked search hits the list considers; more than anyone pages through. */
export const POST_SEARCH_LIMIT = 1000;

export type PostListItem = {
  id: number;
  title: string;
  slug: string;
  status: DisplayStatus;
  statusLabel: string;
  kind: ContentKind;
  language: Language;
  /** A Vietnamese post's English version: missing, not public, published or out of date (null for an English post). */
  translation: TranslationStatus | null;
  /** A post's category; pages have none. */
  category: { id: number; name: string } | null;
  author: { id: number; name: string } | null;
  publishedAt: string | null;
  updatedAt: string;
  createdAt: string;
  deletedAt: string | null;
  canEdit: boolean;
  canTrash: boolean;
};

export type PostPage = { items: PostListItem[]; page: number; pageCount: number; total: number };

export type PostListFilter = {
  status?: PostListStatus;
  /** Posts by default: pages have their own screen. */
  kind?: ContentKind;
  /** Both languages by default. */
  language?: Language;
  categoryId?: number;
  authorId?: number;
  /** Without a sort, a search lists best matches first and the plain list the latest edits first. */
  sort?: PostSort;
  dir?: "asc" | "desc";
  trash?: boolean;
  page?: number;
};

export const listColumns = {
  id: posts.id,
  kind: posts.kind,
  language: posts.language,
  translationGroupId: posts.translationGroupId,
  title: posts.title,
  slug: posts.slug,
  status: posts.status,
  publishedAt: posts.publishedAt,
  updatedAt: posts.updatedAt,
  createdAt: posts.createdAt,
  deletedAt: posts.deletedAt,
  authorId: posts.authorId,
  authorName: users.name,
  categoryId: posts.categoryId,
  categoryName: categories.name,
};

export type ListRow = {
  id: number;
  kind: ContentKind;
  language: Language;
  translationGroupId: number | null;
  title: string;
  slug: string;
  status: PostStatus;
  publishedAt: Date | null;
  updatedAt: Date;
  createdAt: Date;
  deletedAt: Date | null;
  authorId: number | null;
  authorName: string | null;
  categoryId: number | null;
  categoryName: string | null;
};

export function toListItem(actor: Actor, row: ListRow, now: Date, translation: TranslationStatus | null = null): PostListItem {
  const status = displayStatus(row.status, row.publishedAt, now);
  return {
    id: row.id,
    title: row.title,
    slug: row.slug,
    status,
    statusLabel: POST_STATUS_LABELS[status],
    kind: row.kind,
    language: row.language,
    translation,
    category: row.categoryId !== null ? { id: row.categoryId, name: row.categoryName ?? "" } : null,
    author: row.authorId !== null ? { id: row.authorId, name: row.authorName ?? "" } : null,
    publishedAt: row.publishedAt ? row.publishedAt.toISOString() : null,
    updatedAt: row.updatedAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    deletedAt: row.deletedAt ? row.deletedAt.toISOString() : null,
    canEdit: canEditPost(actor, row),
    canTrash: canTrashPost(actor, row),
  };
}

export function statusWhere(status: PostListStatus, now: Date): SQL {
  if (status === "scheduled") return and(eq(posts.status, "published"), gt(posts.publishedAt, now))!;
  if (status === "published") return and(eq(posts.status, "published"), lte(posts.publishedAt, now))!;
  return eq(posts.status, status);
}

function orderFor(sort: PostSort, dir: "asc" | "desc"): SQL[] {
  const direction = dir === "asc" ? asc : desc;
  switch (sort) {
    case "title":
      // Folded so `Đại hội` sorts among the D's rather than after Z.
      return [direction(folded(posts.title)), desc(posts.id)];
    case "published":
      // Posts never published go last whichever way the list is sorted.
      return [sql`${posts.publishedAt} is null`, direction(posts.publishedAt), desc(posts.id)];
    default:
      return [direction(posts.updatedAt), desc(posts.id)];
  }
}

/**
 * One page of the posts this actor may see. `rankedIds` are the search hits, best first (from
 * the search index; null when nothing was searched): they are intersected with the visibility
 * constraint, never trusted on their own.
 */
export function listPostsFor(db: Db, actor: Actor | null, filter: PostListFilter, rankedIds: number[] | null, now: Date = new Date()): PostPage {
  assertStaff(actor);
  const conditions: SQL[] = [eq(posts.kind, filter.kind ?? "post"), visiblePostsWhere(actor), filter.trash ? isNotNull(posts.deletedAt) : isNull(posts.deletedAt)];
  if (filter.status) conditions.push(statusWhere(filter.status, now));
  if (filter.language) conditions.push(eq(posts.language, filter.language));
  if (filter.categoryId) conditions.push(eq(posts.categoryId, filter.categoryId));
  // Authors only ever see their own posts, so an author filter means nothing for them.
  if (filter.authorId && can(actor.role, "post:edit-any")) conditions.push(eq(posts.authorId, filter.authorId));
  if (rankedIds) {
    if (rankedIds.length === 0) return { items: [], page: 1, pageCount: 1, total: 0 };
    conditions.push(inArray(posts.id, rankedIds));
  }
  const where = and(...conditions);
  const base = () =>
    db
      .select(listColumns)
      .from(posts)
      .leftJoin(categories, eq(posts.categoryId, categories.id))
      .leftJoin(users, eq(posts.authorId, users.id));

  const total = db.select({ n: count() }).from(posts).where(where).get()?.n ?? 0;
  const { page, pageCount, offset } = pageOf(total, filter.page, POSTS_PAGE_SIZE);

  let rows: ListRow[];
  if (rankedIds && !filter.sort) {
    // Relevance order comes from the index: keep the ranked ids the constraint allows, page them, then read those rows.
    const allowed = new Set(db.select({ id: posts.id }).from(posts).where(where).all().map((r) => r.id));
    const pageIds = rankedIds.filter((id) => allowed.has(id)).slice(offset, offset + POSTS_PAGE_SIZE);
    const byId = new Map(pageIds.length ? base().where(and(where, inArray(posts.id, pageIds))).all().map((r) => [r.id, r]) : []);
    rows = pageIds.map((id) => byId.get(id)).filter((r): r is ListRow => Boolean(r));
  } else {
    const sort = filter.sort ?? "updated";
    const dir = filter.dir ?? (sort === "title" ? "asc" : "desc");
    rows = base()
      .where(where)
      .orderBy(...orderFor(sort, dir))
      .limit(POSTS_PAGE_SIZE)
      .offset(offset)
      .all();
  }
  // Documents have no translations; a page of Vietnamese news or pages says where each English version stands.
  const translations = (filter.kind ?? "post") === "document" ? new Map<number, TranslationStatus>() : translationStatusesFor(db, actor, rows.filter((r) => r.language === "vi"), now);
  return { items: rows.map((row) => toListItem(actor, row, now, translations.get(row.id) ?? null)), page, pageCount, total };
}

export type Option = { id: number; name: string };

/** Categories for the form's select and the list filter, in navigation order. */
export function listCategoryOptionsFor(db: Db, actor: Actor | null): Option[] {
  assertStaff(actor);
  return db.select({ id: categories.id, name: categories.name }).from(categories).orderBy(categories.position, categories.name).all();
}

/** People who wrote posts, for the editors' author filter; authors get none (they only see their own). */
export function listAuthorOptionsFor(db: Db, actor: Actor | null): Option[] {
  assertStaff(actor);
  if (!can(actor.role, "post:edit-any")) return [];
  return db
    .selectDistinct({ id: users.id, name: users.name })
    .from(users)
    .innerJoin(posts, eq(posts.authorId, users.id))
    .orderBy(folded(users.name))
    .all();
}
