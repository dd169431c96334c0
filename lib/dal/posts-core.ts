import "server-only";
import { imagesWithoutAlt, missingAltMessage, withLibraryAlts } from "./post-images";
import { and, asc, count, desc, eq, gt, inArray, isNotNull, isNull, lte, notInArray, sql, type SQL } from "drizzle-orm";
import type { AppDatabase } from "@/db";
import { categories, media, postMedia, postSlugHistory, posts, users, type PostStatus, type Role } from "@/db/schema";
import { logActivity } from "@/lib/activity/log";
import { can } from "@/lib/auth/permissions";
import { queueInvalidation } from "@/lib/cache/outbox";
import { tagsForPostChange } from "@/lib/cache/tags";
import { isPostSlugTaken, uniquePostSlug } from "@/lib/content/post-slugs";
import { InvalidDocumentError } from "@/lib/richtext/document";
import { renderDocument, type RenderedDocument } from "@/lib/richtext/render";
import { sanitizeRichHtml } from "@/lib/richtext/sanitize";
import { POST_MESSAGES, SLUG_MAX, SLUG_PATTERN, type PostFields, type PostListStatus, type PostSort } from "@/lib/validations/post";
import { slugify, uniqueSlug } from "@/lib/vi/slug";
import { toMediaDto } from "./media-core";
import type { Article } from "./public-posts";

/**
 * The database side of the staff post screens. Every function takes the database and the acting
 * staff member explicitly, so the rules (who sees and edits what, versions, slugs, one transaction
 * per change) can be tested without a request; lib/dal/posts.ts supplies both from the session
 * and is the only caller in the app.
 *
 * Who may see a post is a query constraint (`visiblePostsWhere`) inside every read, so a list or a
 * single read cannot forget it; who may change it is checked on the row read in the same
 * transaction as the write.
 */

export const POSTS_PAGE_SIZE = 20;
/** How many ranked search hits the list considers; more than anyone pages through. */
export const POST_SEARCH_LIMIT = 1000;

export type PostActor = { id: number; name: string; role: Role; unit: string; ip: string };

/** The status a person sees: a published post whose time has not come is "scheduled". */
export type DisplayStatus = PostStatus | "scheduled";

export const POST_STATUS_LABELS: Record<DisplayStatus, string> = {
  draft: "Bản nháp",
  pending: "Chờ duyệt",
  scheduled: "Hẹn giờ",
  published: "Đã xuất bản",
  unpublished: "Đã gỡ",
};

export function displayStatus(status: PostStatus, publishedAt: Date | null, now: Date): DisplayStatus {
  return status === "published" && publishedAt && publishedAt.getTime() > now.getTime() ? "scheduled" : status;
}

export const POST_ADMIN_MESSAGES = {
  notFound: "Không tìm thấy bài viết này, hoặc bạn không có quyền xem.",
  forbiddenEdit: "Bạn không có quyền sửa bài viết này. Tác giả chỉ sửa được bản nháp và bài chờ duyệt của chính mình.",
  forbiddenTrash: "Bạn chỉ được chuyển vào thùng rác bản nháp của chính mình. Không bài nào bị chuyển.",
  inTrash: "Bài viết đang ở Thùng rác. Hãy khôi phục trước khi sửa.",
  someMissing: "Không tìm thấy một số bài viết đã chọn. Không bài nào bị thay đổi.",
  bodyUnsupported: "Nội dung bài viết có thành phần không được hỗ trợ nên chưa được lưu. Hãy xoá phần vừa dán hoặc chèn rồi thử lại.",
  unchanged: "Không có thay đổi nào để lưu.",
} as const;

/** Raised when the actor's role cannot do this at all; lib/dal/posts.ts logs it and refuses. */
export class PostDeniedError extends Error {
  constructor(action: string) {
    super(`${action} denied`);
    this.name = "PostDeniedError";
  }
}

function assertStaff(actor: PostActor | null): asserts actor is PostActor {
  if (!actor || !can(actor.role, "post:create")) throw new PostDeniedError("post:read");
}

/**
 * The posts a staff member may see, as a `where` clause every list and single read includes:
 * editors and admins see every post, authors only their own.
 */
export function visiblePostsWhere(actor: PostActor): SQL {
  if (can(actor.role, "post:edit-any")) return sql`1 = 1`;
  return eq(posts.authorId, actor.id);
}

type AccessRow = { authorId: number | null; status: PostStatus; deletedAt: Date | null };

/** Editors edit any post; authors only their own drafts and posts waiting for review. */
export function canEditPost(actor: PostActor, row: AccessRow): boolean {
  if (row.deletedAt) return false;
  if (can(actor.role, "post:edit-any")) return true;
  return can(actor.role, "post:edit-own") && row.authorId === actor.id && (row.status === "draft" || row.status === "pending");
}

/** Editors trash any post; authors only their own drafts. */
export function canTrashPost(actor: PostActor, row: AccessRow): boolean {
  if (row.deletedAt) return false;
  if (can(actor.role, "post:delete-any")) return true;
  return can(actor.role, "post:delete-own-draft") && row.authorId === actor.id && row.status === "draft";
}

export type PostField = keyof PostFields | "version" | "ids";
export type PostChangeFailure = {
  ok: false;
  message: string;
  field?: PostField;
  /** The save was based on an older version: nothing was written. */
  conflict?: true;
  /** A refusal worth logging (another author's post, a post the role may not change). */
  denied?: true;
};
export type PostChangeResult<T extends object = object> = ({ ok: true; message: string } & T) | PostChangeFailure;
export type PostSaved = { id: number; version: number; slug: string };

// ─── Lists ──────────────────────────────────────────────────────────────────────────────────────

export type PostListItem = {
  id: number;
  title: string;
  slug: string;
  status: DisplayStatus;
  statusLabel: string;
  category: { id: number; name: string };
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
  categoryId?: number;
  authorId?: number;
  /** Without a sort, a search lists best matches first and the plain list the latest edits first. */
  sort?: PostSort;
  dir?: "asc" | "desc";
  trash?: boolean;
  page?: number;
};

const listColumns = {
  id: posts.id,
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

type ListRow = {
  id: number;
  title: string;
  slug: string;
  status: PostStatus;
  publishedAt: Date | null;
  updatedAt: Date;
  createdAt: Date;
  deletedAt: Date | null;
  authorId: number | null;
  authorName: string | null;
  categoryId: number;
  categoryName: string;
};

function toListItem(actor: PostActor, row: ListRow, now: Date): PostListItem {
  const status = displayStatus(row.status, row.publishedAt, now);
  return {
    id: row.id,
    title: row.title,
    slug: row.slug,
    status,
    statusLabel: POST_STATUS_LABELS[status],
    category: { id: row.categoryId, name: row.categoryName },
    author: row.authorId !== null ? { id: row.authorId, name: row.authorName ?? "" } : null,
    publishedAt: row.publishedAt ? row.publishedAt.toISOString() : null,
    updatedAt: row.updatedAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    deletedAt: row.deletedAt ? row.deletedAt.toISOString() : null,
    canEdit: canEditPost(actor, row),
    canTrash: canTrashPost(actor, row),
  };
}

function statusWhere(status: PostListStatus, now: Date): SQL {
  if (status === "scheduled") return and(eq(posts.status, "published"), gt(posts.publishedAt, now))!;
  if (status === "published") return and(eq(posts.status, "published"), lte(posts.publishedAt, now))!;
  return eq(posts.status, status);
}

function orderFor(sort: PostSort, dir: "asc" | "desc"): SQL[] {
  const direction = dir === "asc" ? asc : desc;
  switch (sort) {
    case "title":
      // Folded so `Đại hội` sorts among the D's rather than after Z.
      return [direction(sql`cms_fold(${posts.title})`), desc(posts.id)];
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
export function listPostsFor(db: AppDatabase, actor: PostActor | null, filter: PostListFilter, rankedIds: number[] | null, now: Date = new Date()): PostPage {
  assertStaff(actor);
  const conditions: SQL[] = [visiblePostsWhere(actor), filter.trash ? isNotNull(posts.deletedAt) : isNull(posts.deletedAt)];
  if (filter.status) conditions.push(statusWhere(filter.status, now));
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
      .innerJoin(categories, eq(posts.categoryId, categories.id))
      .leftJoin(users, eq(posts.authorId, users.id));

  const total = db.select({ n: count() }).from(posts).where(where).get()?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / POSTS_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.trunc(filter.page ?? 1) || 1), pageCount);
  const offset = (page - 1) * POSTS_PAGE_SIZE;

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
  return { items: rows.map((row) => toListItem(actor, row, now)), page, pageCount, total };
}

export type Option = { id: number; name: string };

/** Categories for the form's select and the list filter, in navigation order. */
export function listCategoryOptionsFor(db: AppDatabase, actor: PostActor | null): Option[] {
  assertStaff(actor);
  return db.select({ id: categories.id, name: categories.name }).from(categories).orderBy(categories.position, categories.name).all();
}

/** People who wrote posts, for the editors' author filter; authors get none (they only see their own). */
export function listAuthorOptionsFor(db: AppDatabase, actor: PostActor | null): Option[] {
  assertStaff(actor);
  if (!can(actor.role, "post:edit-any")) return [];
  return db
    .selectDistinct({ id: users.id, name: users.name })
    .from(users)
    .innerJoin(posts, eq(posts.authorId, users.id))
    .orderBy(sql`cms_fold(${users.name})`)
    .all();
}

// ─── Single reads ───────────────────────────────────────────────────────────────────────────────

export type PostDetail = {
  id: number;
  title: string;
  slug: string;
  lead: string;
  /** The editor's JSON, as stored. */
  body: unknown;
  source: string;
  seoTitle: string;
  seoDescription: string;
  featured: { mediaId: number | null; src: string | null; alt: string; caption: string };
  categoryId: number;
  categoryName: string;
  author: { id: number; name: string; unit: string } | null;
  status: DisplayStatus;
  statusLabel: string;
  publishedAt: string | null;
  version: number;
  deletedAt: string | null;
  createdAt: string;
  updatedAt: string;
  permissions: { edit: boolean; publish: boolean; trash: boolean; restore: boolean };
};

const detailColumns = {
  id: posts.id,
  title: posts.title,
  slug: posts.slug,
  lead: posts.lead,
  body: posts.body,
  bodyHtml: posts.bodyHtml,
  source: posts.source,
  seoTitle: posts.seoTitle,
  seoDescription: posts.seoDescription,
  featuredMediaId: posts.featuredMediaId,
  featuredImageUrl: posts.featuredImageUrl,
  featuredImageAlt: posts.featuredImageAlt,
  featuredImageCaption: posts.featuredImageCaption,
  categoryId: posts.categoryId,
  categoryName: categories.name,
  categorySlug: categories.slug,
  authorId: posts.authorId,
  authorName: users.name,
  authorUnit: users.unit,
  status: posts.status,
  publishedAt: posts.publishedAt,
  version: posts.version,
  deletedAt: posts.deletedAt,
  createdAt: posts.createdAt,
  updatedAt: posts.updatedAt,
};

type Reader = Pick<AppDatabase, "select">;

function readVisible(db: Reader, actor: PostActor, id: number) {
  return db
    .select(detailColumns)
    .from(posts)
    .innerJoin(categories, eq(posts.categoryId, categories.id))
    .leftJoin(users, eq(posts.authorId, users.id))
    .where(and(eq(posts.id, id), visiblePostsWhere(actor)))
    .get();
}

/** True when a post with this id exists at all, whoever may see it (to log refused attempts only). */
export function postExists(db: Reader, id: number): boolean {
  return Boolean(db.select({ id: posts.id }).from(posts).where(eq(posts.id, id)).get());
}

/** The post for the edit screen, or null when it does not exist or is not this actor's to see (one answer for both). */
export function getPostForEditFor(db: AppDatabase, actor: PostActor | null, id: number, now: Date = new Date()): PostDetail | null {
  assertStaff(actor);
  const row = readVisible(db, actor, id);
  if (!row) return null;
  const status = displayStatus(row.status, row.publishedAt, now);
  return {
    id: row.id,
    title: row.title,
    slug: row.slug,
    lead: row.lead,
    body: row.body,
    source: row.source,
    seoTitle: row.seoTitle,
    seoDescription: row.seoDescription,
    featured: { mediaId: row.featuredMediaId, src: row.featuredImageUrl, alt: row.featuredImageAlt, caption: row.featuredImageCaption },
    categoryId: row.categoryId,
    categoryName: row.categoryName,
    author: row.authorId !== null ? { id: row.authorId, name: row.authorName ?? "", unit: row.authorUnit ?? "" } : null,
    status,
    statusLabel: POST_STATUS_LABELS[status],
    publishedAt: row.publishedAt ? row.publishedAt.toISOString() : null,
    version: row.version,
    deletedAt: row.deletedAt ? row.deletedAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    permissions: {
      edit: canEditPost(actor, row),
      publish: !row.deletedAt && can(actor.role, "post:publish"),
      trash: canTrashPost(actor, row),
      restore: Boolean(row.deletedAt) && can(actor.role, "post:restore"),
    },
  };
}

export type PostPreview = { article: Article; status: DisplayStatus; statusLabel: string; deleted: boolean };

/**
 * The saved post shaped exactly like the public article, so the preview uses the public
 * component. A post without a publication time shows the current time, as publishing now would.
 */
export function getPostPreviewFor(db: AppDatabase, actor: PostActor | null, id: number, now: Date = new Date()): PostPreview | null {
  assertStaff(actor);
  const row = readVisible(db, actor, id);
  if (!row) return null;
  const status = displayStatus(row.status, row.publishedAt, now);
  return {
    status,
    statusLabel: POST_STATUS_LABELS[status],
    deleted: Boolean(row.deletedAt),
    article: {
      id: row.id,
      title: row.title,
      slug: row.slug,
      lead: row.lead,
      publishedAt: (row.publishedAt ?? now).toISOString(),
      category: { name: row.categoryName, slug: row.categorySlug },
      image: row.featuredImageUrl ? { src: row.featuredImageUrl, alt: row.featuredImageAlt } : null,
      categoryId: row.categoryId,
      // Sanitized again, as the public page does, so a tampered row stays harmless here too.
      bodyHtml: sanitizeRichHtml(row.bodyHtml),
      source: row.source,
      updatedAt: row.updatedAt.toISOString(),
      imageCaption: row.featuredImageCaption,
    },
  };
}

// ─── Slugs ──────────────────────────────────────────────────────────────────────────────────────

export type SlugCheck = { status: "empty" | "invalid" | "taken" | "available"; message: string; suggestion: string };

/** The as-you-type check of the slug field; `excludeId` is the post being edited (its own slugs are free to it). */
export function checkSlugFor(db: AppDatabase, actor: PostActor | null, raw: string, excludeId?: number): SlugCheck {
  assertStaff(actor);
  const slug = raw.trim();
  if (slug === "") return { status: "empty", message: "Để trống thì đường dẫn được tạo từ tiêu đề.", suggestion: "" };
  if (slug.length > SLUG_MAX) return { status: "invalid", message: POST_MESSAGES.slugTooLong, suggestion: slugify(slug) };
  if (!SLUG_PATTERN.test(slug)) return { status: "invalid", message: POST_MESSAGES.slugInvalid, suggestion: slugify(slug) };
  if (!isPostSlugTaken(db, slug, excludeId)) return { status: "available", message: "Đường dẫn này dùng được.", suggestion: slug };
  const suggestion = uniqueSlug(slug, (candidate) => isPostSlugTaken(db, candidate, excludeId), SLUG_MAX);
  return { status: "taken", message: `${POST_MESSAGES.slugTaken} Gợi ý: ${suggestion}`, suggestion };
}

// ─── Saving ─────────────────────────────────────────────────────────────────────────────────────

// IMMEDIATE takes the write lock before the version check reads, so two saves cannot both pass it.
const WRITE = { behavior: "immediate" } as const;
type Tx = Parameters<Parameters<AppDatabase["transaction"]>[0]>[0];

/** Editor JSON → validated, sanitized; an unknown node or mark is a field error and nothing is saved. */
function render(body: unknown): { ok: true; rendered: RenderedDocument } | PostChangeFailure {
  try {
    return { ok: true, rendered: renderDocument(body) };
  } catch (error) {
    if (!(error instanceof InvalidDocumentError)) throw error;
    console.warn("[posts] refused document:", error.message);
    return { ok: false, field: "body", message: POST_ADMIN_MESSAGES.bodyUnsupported };
  }
}

/** Every library image a document uses: figures (and galleries of figures) carry a `mediaId` attribute. */
export function mediaIdsInDocument(json: unknown): number[] {
  const found = new Set<number>();
  const walk = (node: unknown, depth: number) => {
    if (!node || typeof node !== "object" || depth > 200) return;
    const { attrs, content } = node as { attrs?: Record<string, unknown>; content?: unknown };
    const raw = attrs?.mediaId;
    const id = typeof raw === "number" ? raw : typeof raw === "string" && /^\d+$/.test(raw) ? Number(raw) : NaN;
    if (Number.isSafeInteger(id) && id > 0) found.add(id);
    if (Array.isArray(content)) for (const child of content) walk(child, depth + 1);
  };
  walk(json, 0);
  return [...found];
}

/** Makes post_media say exactly which library images the post uses now (ids that no longer exist are skipped). */
function syncPostMedia(tx: Tx, postId: number, wanted: number[]): void {
  const existing = wanted.length ? tx.select({ id: media.id }).from(media).where(inArray(media.id, wanted)).all().map((r) => r.id) : [];
  tx.delete(postMedia)
    .where(existing.length ? and(eq(postMedia.postId, postId), notInArray(postMedia.mediaId, existing)) : eq(postMedia.postId, postId))
    .run();
  if (existing.length) {
    tx.insert(postMedia)
      .values(existing.map((mediaId) => ({ postId, mediaId })))
      .onConflictDoNothing()
      .run();
  }
}

type FeaturedColumns = { featuredMediaId: number | null; featuredImageUrl: string | null; featuredImageAlt: string; featuredImageCaption: string };

/**
 * The featured image columns: a library image fills the URL columns from its DTO, which the
 * public pages read; an imported post's URL-only image is kept while the form says so.
 */
function featuredColumns(tx: Tx, data: PostFields, previous: FeaturedColumns | null): { ok: true; columns: FeaturedColumns } | PostChangeFailure {
  if (data.featuredMediaId) {
    const row = tx.select().from(media).where(eq(media.id, data.featuredMediaId)).get();
    if (!row) return { ok: false, field: "featuredMediaId", message: POST_MESSAGES.mediaMissing };
    const dto = toMediaDto(row);
    return {
      ok: true,
      columns: { featuredMediaId: dto.id, featuredImageUrl: dto.src, featuredImageAlt: dto.alt, featuredImageCaption: data.featuredCaption || dto.caption },
    };
  }
  if (data.keepLegacyImage && previous?.featuredImageUrl && previous.featuredMediaId === null) {
    return {
      ok: true,
      columns: { featuredMediaId: null, featuredImageUrl: previous.featuredImageUrl, featuredImageAlt: previous.featuredImageAlt, featuredImageCaption: data.featuredCaption },
    };
  }
  return { ok: true, columns: { featuredMediaId: null, featuredImageUrl: null, featuredImageAlt: "", featuredImageCaption: "" } };
}

function resolveSlug(tx: Tx, data: PostFields, postId?: number): { ok: true; slug: string } | PostChangeFailure {
  if (data.slugAuto || data.slug === "") return { ok: true, slug: uniquePostSlug(tx, data.title, postId) };
  if (isPostSlugTaken(tx, data.slug, postId)) return { ok: false, field: "slug", message: POST_MESSAGES.slugTaken };
  return { ok: true, slug: data.slug };
}

function categoryExists(tx: Tx, id: number): boolean {
  return Boolean(tx.select({ id: categories.id }).from(categories).where(eq(categories.id, id)).get());
}

const quoted = (title: string) => `“${title}”`;

/** A new draft by the actor; the source line defaults to the actor's unit. */
export function createPostFor(db: AppDatabase, actor: PostActor | null, data: PostFields): PostChangeResult<PostSaved> {
  assertStaff(actor);
  const prepared = render(withLibraryAlts(db, data.body));
  if (!prepared.ok) return prepared;
  const { rendered } = prepared;
  return db.transaction((tx): PostChangeResult<PostSaved> => {
    if (!categoryExists(tx, data.categoryId)) return { ok: false, field: "categoryId", message: POST_MESSAGES.categoryMissing };
    const featured = featuredColumns(tx, data, null);
    if (!featured.ok) return featured;
    const slug = resolveSlug(tx, data);
    if (!slug.ok) return slug;
    const created = tx
      .insert(posts)
      .values({
        title: data.title,
        slug: slug.slug,
        lead: data.lead,
        body: rendered.json,
        bodyHtml: rendered.html,
        bodyText: rendered.text,
        source: data.source || actor.unit,
        seoTitle: data.seoTitle,
        seoDescription: data.seoDescription,
        ...featured.columns,
        categoryId: data.categoryId,
        authorId: actor.id,
        status: "draft",
        publishedAt: data.publishedAt,
        version: 1,
      })
      .returning({ id: posts.id })
      .get();
    syncPostMedia(tx, created.id, [...mediaIdsInDocument(rendered.json), ...(featured.columns.featuredMediaId ? [featured.columns.featuredMediaId] : [])]);
    logActivity(tx, { actor, action: "post.create", objectType: "post", objectId: created.id, summary: quoted(data.title), ip: actor.ip });
    return { ok: true, message: "Đã lưu bản nháp.", id: created.id, version: 1, slug: slug.slug };
  }, WRITE);
}

type SaveOptions = { publish?: boolean; now?: Date };

/**
 * Saves the form over the version it was based on. A stale version changes nothing and says so
 * (never a silent overwrite); the version is bumped only when something was written. With
 * `publish` the same transaction also makes the post public (status published, its time or now).
 */
export function updatePostFor(
  db: AppDatabase,
  actor: PostActor | null,
  id: number,
  expectedVersion: number,
  data: PostFields,
  options: SaveOptions = {},
): PostChangeResult<PostSaved> {
  assertStaff(actor);
  if (options.publish && !can(actor.role, "post:publish")) throw new PostDeniedError("post:publish");
  const prepared = render(withLibraryAlts(db, data.body));
  if (!prepared.ok) return prepared;
  const { rendered } = prepared;
  const now = options.now ?? new Date();

  return db.transaction((tx): PostChangeResult<PostSaved> => {
    const row = readVisible(tx, actor, id);
    if (!row) return postExists(tx, id) ? { ok: false, denied: true, message: POST_ADMIN_MESSAGES.notFound } : { ok: false, message: POST_ADMIN_MESSAGES.notFound };
    if (row.deletedAt) return { ok: false, message: POST_ADMIN_MESSAGES.inTrash };
    if (!canEditPost(actor, row)) return { ok: false, denied: true, message: POST_ADMIN_MESSAGES.forbiddenEdit };
    if (row.version !== expectedVersion) return { ok: false, conflict: true, field: "version", message: POST_MESSAGES.conflict };
    if (!categoryExists(tx, data.categoryId)) return { ok: false, field: "categoryId", message: POST_MESSAGES.categoryMissing };
    const featured = featuredColumns(tx, data, row);
    if (!featured.ok) return featured;
    if (options.publish) {
      const missing = imagesWithoutAlt(rendered.json, { url: featured.columns.featuredImageUrl, alt: featured.columns.featuredImageAlt });
      if (missing.length > 0) return { ok: false, field: "body", message: missingAltMessage(missing) };
    }
    const slug = resolveSlug(tx, data, id);
    if (!slug.ok) return slug;

    const status: PostStatus = options.publish ? "published" : row.status;
    // An emptied time field never takes a published post off the site (a null time is never public).
    const keptTime = row.status === "published" ? row.publishedAt : null;
    const publishedAt = options.publish ? (data.publishedAt ?? now) : (data.publishedAt ?? keptTime);
    const values = {
      title: data.title,
      slug: slug.slug,
      lead: data.lead,
      body: rendered.json,
      bodyHtml: rendered.html,
      bodyText: rendered.text,
      source: data.source,
      seoTitle: data.seoTitle,
      seoDescription: data.seoDescription,
      ...featured.columns,
      categoryId: data.categoryId,
      status,
      publishedAt,
    };
    const changes = describeChanges(row, values);
    if (changes.length === 0) return { ok: true, message: POST_ADMIN_MESSAGES.unchanged, id, version: row.version, slug: row.slug };

    const written = tx
      .update(posts)
      .set({ ...values, version: row.version + 1 })
      .where(and(eq(posts.id, id), eq(posts.version, expectedVersion)))
      .run();
    // Cannot happen under the IMMEDIATE lock; if it ever did, the caller must hear "conflict", not "saved".
    if (written.changes !== 1) throw new Error(`post ${id}: version moved during the save`);

    if (slug.slug !== row.slug) {
      // The old address keeps answering (a redirect); going back to an earlier slug makes it current again.
      tx.delete(postSlugHistory).where(and(eq(postSlugHistory.slug, slug.slug), eq(postSlugHistory.postId, id))).run();
      tx.insert(postSlugHistory).values({ slug: row.slug, postId: id }).onConflictDoNothing().run();
    }
    syncPostMedia(tx, id, [...mediaIdsInDocument(rendered.json), ...(featured.columns.featuredMediaId ? [featured.columns.featuredMediaId] : [])]);
    // A post that is or was public changes public pages: its addresses before and after, and its lists.
    if (row.status === "published" || status === "published") {
      queueInvalidation(tx, tagsForPostChange({ slugs: [row.slug, slug.slug], categoryIds: [row.categoryId, data.categoryId] }));
    }
    const contentChanges = changes.filter((c) => c !== "status");
    if (contentChanges.length > 0) {
      logActivity(tx, { actor, action: "post.update", objectType: "post", objectId: id, summary: `${quoted(data.title)}: ${contentChanges.join(", ")}`, ip: actor.ip });
    }
    let message = "Đã lưu bài viết.";
    if (options.publish && publishedAt) {
      const scheduled = publishedAt.getTime() > now.getTime();
      logActivity(tx, {
        actor,
        action: scheduled ? "post.schedule" : "post.publish",
        objectType: "post",
        objectId: id,
        summary: `${quoted(data.title)} lúc ${publishedAt.toISOString()}`,
        ip: actor.ip,
      });
      message = scheduled ? "Đã lưu và hẹn giờ xuất bản bài viết." : "Đã xuất bản bài viết.";
    }
    return { ok: true, message, id, version: row.version + 1, slug: slug.slug };
  }, WRITE);
}

type Comparable = {
  title: string;
  slug: string;
  lead: string;
  body: unknown;
  source: string;
  seoTitle: string;
  seoDescription: string;
  featuredMediaId: number | null;
  featuredImageUrl: string | null;
  featuredImageCaption: string;
  categoryId: number;
  status: PostStatus;
  publishedAt: Date | null;
};

// Labels of what changed, for the activity log; an empty list means the save would write nothing.
const CHANGE_LABELS: Array<[keyof Comparable, string]> = [
  ["title", "tiêu đề"],
  ["slug", "đường dẫn"],
  ["lead", "sapo"],
  ["body", "nội dung"],
  ["source", "nguồn"],
  ["seoTitle", "tiêu đề SEO"],
  ["seoDescription", "mô tả SEO"],
  ["featuredMediaId", "ảnh đại diện"],
  ["featuredImageUrl", "ảnh đại diện"],
  ["featuredImageCaption", "chú thích ảnh"],
  ["categoryId", "chuyên mục"],
  ["publishedAt", "thời gian xuất bản"],
  ["status", "status"],
];

function same(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) return (a instanceof Date ? a.getTime() : a) === (b instanceof Date ? b.getTime() : b);
  if (typeof a === "object" || typeof b === "object") return JSON.stringify(a) === JSON.stringify(b);
  return a === b;
}

function describeChanges(before: Comparable, after: Comparable): string[] {
  const labels = new Set<string>();
  for (const [key, label] of CHANGE_LABELS) if (!same(before[key], after[key])) labels.add(label);
  return [...labels];
}

// ─── Trash ──────────────────────────────────────────────────────────────────────────────────────

type TrashRow = { id: number; title: string; slug: string; status: PostStatus; categoryId: number; authorId: number | null; deletedAt: Date | null };

function readForBulk(tx: Tx, actor: PostActor, ids: number[]): TrashRow[] {
  return tx
    .select({ id: posts.id, title: posts.title, slug: posts.slug, status: posts.status, categoryId: posts.categoryId, authorId: posts.authorId, deletedAt: posts.deletedAt })
    .from(posts)
    .where(and(inArray(posts.id, ids), visiblePostsWhere(actor)))
    .all();
}

/**
 * Moves posts to the trash (all or none): editors any post, authors their own drafts. A published
 * post leaves the public site at once (its pages are queued for revalidation in this transaction).
 */
export function trashPostsFor(db: AppDatabase, actor: PostActor | null, ids: number[], now: Date = new Date()): PostChangeResult<{ count: number }> {
  if (!actor || !(can(actor.role, "post:delete-any") || can(actor.role, "post:delete-own-draft"))) throw new PostDeniedError("post:delete");
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return { ok: false, field: "ids", message: "Vui lòng chọn ít nhất một bài viết." };
  return db.transaction((tx): PostChangeResult<{ count: number }> => {
    const rows = readForBulk(tx, actor, wanted);
    if (rows.length !== wanted.length) return { ok: false, denied: true, message: POST_ADMIN_MESSAGES.someMissing };
    const todo = rows.filter((r) => !r.deletedAt);
    if (todo.some((r) => !canTrashPost(actor, r))) return { ok: false, denied: true, message: POST_ADMIN_MESSAGES.forbiddenTrash };
    if (todo.length > 0) {
      tx.update(posts)
        .set({ deletedAt: now })
        .where(and(inArray(posts.id, todo.map((r) => r.id)), isNull(posts.deletedAt)))
        .run();
    }
    for (const row of todo) {
      logActivity(tx, { actor, action: "post.trash", objectType: "post", objectId: row.id, summary: quoted(row.title), ip: actor.ip });
    }
    const wasPublic = todo.filter((r) => r.status === "published");
    if (wasPublic.length > 0) queueInvalidation(tx, tagsForPostChange({ slugs: wasPublic.map((r) => r.slug), categoryIds: wasPublic.map((r) => r.categoryId) }));
    return { ok: true, message: `Đã chuyển ${rows.length} bài viết vào thùng rác.`, count: todo.length };
  }, WRITE);
}

/** Brings posts back from the trash with the status they had (editors and admins). */
export function restorePostsFor(db: AppDatabase, actor: PostActor | null, ids: number[]): PostChangeResult<{ count: number }> {
  if (!actor || !can(actor.role, "post:restore")) throw new PostDeniedError("post:restore");
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return { ok: false, field: "ids", message: "Vui lòng chọn ít nhất một bài viết." };
  return db.transaction((tx): PostChangeResult<{ count: number }> => {
    const rows = readForBulk(tx, actor, wanted);
    if (rows.length !== wanted.length) return { ok: false, denied: true, message: POST_ADMIN_MESSAGES.someMissing };
    const todo = rows.filter((r) => r.deletedAt);
    if (todo.length > 0) {
      tx.update(posts)
        .set({ deletedAt: null })
        .where(and(inArray(posts.id, todo.map((r) => r.id)), isNotNull(posts.deletedAt)))
        .run();
    }
    for (const row of todo) {
      logActivity(tx, { actor, action: "post.restore", objectType: "post", objectId: row.id, summary: quoted(row.title), ip: actor.ip });
    }
    const isPublic = todo.filter((r) => r.status === "published");
    if (isPublic.length > 0) queueInvalidation(tx, tagsForPostChange({ slugs: isPublic.map((r) => r.slug), categoryIds: isPublic.map((r) => r.categoryId) }));
    return { ok: true, message: `Đã khôi phục ${rows.length} bài viết.`, count: todo.length };
  }, WRITE);
}
