import "server-only";
import type { ContentKind, Language } from "@/db/vocabulary";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/dal/connection";
import { categories, posts, users } from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import { isSlugTaken, NEWS_SPACE, type SlugSpace } from "@/lib/dal/posts/slugs";
import { sanitizeRichHtml } from "@/lib/richtext/sanitize";
import type { PickableDocument } from "@/lib/editor/related-documents";
import { pickedDocumentsOf } from "./cited-documents";
import { POST_MESSAGES, postTextOf, SLUG_MAX, SLUG_PATTERN, type PostTextField } from "@/lib/validations/post";
import { slugify, uniqueSlug } from "@/lib/vi/slug";
import { availableTransitions, type TransitionName } from "@/lib/workflow/transitions";
import { pageViewOf, type PublicPage } from "@/lib/dal/public/pages";
import type { Article } from "@/lib/dal/public/posts";
import { postContentColumns } from "./content";
import { assertStaff, canEditPost, canTrashPost, displayStatus, POST_STATUS_LABELS, visiblePostsWhere, type DisplayStatus } from "./access";
import { type Actor } from "@/lib/dal/actor";

export type PostDetail = Record<PostTextField, string> & {
  id: number;
  kind: ContentKind;
  language: Language;
  /** A page's parent page. */
  parentId: number | null;
  slug: string;
  /** The editor's JSON, as stored. */
  body: unknown;
  featured: { mediaId: number | null; src: string | null; alt: string; caption: string };
  /** A post's category; pages have none. */
  categoryId: number | null;
  categoryName: string | null;
  author: { id: number; name: string; unit: string } | null;
  status: DisplayStatus;
  statusLabel: string;
  publishedAt: string | null;
  version: number;
  deletedAt: string | null;
  createdAt: string;
  updatedAt: string;
  permissions: { edit: boolean; trash: boolean; restore: boolean };
  /** The workflow moves this person can make now (the editor's buttons). */
  transitions: TransitionName[];
  /** The editor's note when the post was last sent back (Từ chối), until it is submitted again. */
  review: { note: string; by: string; at: string } | null;
  /** "Văn bản liên quan" picked for a news post or a page. */
  relatedDocuments: PickableDocument[];
};

const detailColumns = {
  id: posts.id,
  kind: posts.kind,
  language: posts.language,
  translationGroupId: posts.translationGroupId,
  parentId: posts.parentId,
  position: posts.position,
  ...postContentColumns,
  categoryName: categories.name,
  categorySlug: categories.slug,
  authorId: posts.authorId,
  authorName: users.name,
  authorUnit: users.unit,
  version: posts.version,
  deletedAt: posts.deletedAt,
  reviewNote: posts.reviewNote,
  reviewNoteBy: posts.reviewNoteBy,
  reviewNoteAt: posts.reviewNoteAt,
  createdAt: posts.createdAt,
  updatedAt: posts.updatedAt,
};

type Reader = Pick<Db, "select">;

/** One post with everything the edit screen, the preview and a save need, if this actor may see it. */
export function readVisible(db: Reader, actor: Actor, id: number) {
  return db
    .select(detailColumns)
    .from(posts)
    .leftJoin(categories, eq(posts.categoryId, categories.id))
    .leftJoin(users, eq(posts.authorId, users.id))
    .where(and(eq(posts.id, id), visiblePostsWhere(actor)))
    .get();
}

/** True when a post with this id exists at all, whoever may see it (to log refused attempts only). */
export function postExists(db: Reader, id: number): boolean {
  return Boolean(db.select({ id: posts.id }).from(posts).where(eq(posts.id, id)).get());
}

/** A post's language ("vi" for one that does not exist: the save then answers "not found" itself). */
export function languageOf(db: Reader, id: number): Language {
  return db.select({ language: posts.language }).from(posts).where(eq(posts.id, id)).get()?.language ?? "vi";
}

/** The post for the edit screen, or null when it does not exist or is not this actor's to see (one answer for both). */
export function getPostForEditFor(db: Db, actor: Actor | null, id: number, now: Date = new Date()): PostDetail | null {
  assertStaff(actor);
  const row = readVisible(db, actor, id);
  if (!row) return null;
  const status = displayStatus(row.status, row.publishedAt, now);
  return {
    id: row.id,
    kind: row.kind,
    language: row.language,
    parentId: row.parentId,
    ...postTextOf(row),
    slug: row.slug,
    body: row.body,
    featured: { mediaId: row.featuredMediaId, src: row.featuredImageUrl, alt: row.featuredImageAlt, caption: row.featuredImageCaption },
    categoryId: row.categoryId,
    categoryName: row.categoryName,
    relatedDocuments: row.kind === "document" ? [] : pickedDocumentsOf(db, row.id),
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
      trash: canTrashPost(actor, row),
      restore: Boolean(row.deletedAt) && can(actor.role, "post:restore"),
    },
    transitions: availableTransitions(actor, { authorId: row.authorId, status, deleted: Boolean(row.deletedAt) }),
    review: row.reviewNote ? { note: row.reviewNote, by: row.reviewNoteBy, at: (row.reviewNoteAt ?? row.updatedAt).toISOString() } : null,
  };
}

/** `page`: a standing page is previewed as one (its trail and sub-pages), a post as an article. */
export type PostPreview = { article: Article; page: PublicPage | null; status: DisplayStatus; statusLabel: string; deleted: boolean };

/**
 * The saved post shaped exactly like the public article, so the preview uses the public
 * component. A post without a publication time shows the current time, as publishing now would.
 */
export function getPostPreviewFor(db: Db, actor: Actor | null, id: number, now: Date = new Date()): PostPreview | null {
  assertStaff(actor);
  const row = readVisible(db, actor, id);
  if (!row) return null;
  const status = displayStatus(row.status, row.publishedAt, now);
  return {
    status,
    statusLabel: POST_STATUS_LABELS[status],
    deleted: Boolean(row.deletedAt),
    page: row.kind === "page" ? pageViewOf(db, row, row.language, now) : null,
    article: {
      id: row.id,
      title: row.title,
      slug: row.slug,
      lead: row.lead,
      publishedAt: (row.publishedAt ?? now).toISOString(),
      category: row.categoryName !== null && row.categorySlug !== null ? { name: row.categoryName, slug: row.categorySlug } : null,
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

export type SlugCheck = { status: "empty" | "invalid" | "taken" | "available"; message: string; suggestion: string };

/** The as-you-type check of the slug field; `excludeId` is the post being edited (its own slugs are free to it). */
export function checkSlugFor(db: Db, actor: Actor | null, raw: string, excludeId?: number, space: SlugSpace = NEWS_SPACE, prefix = ""): SlugCheck {
  assertStaff(actor);
  const slug = raw.trim();
  if (slug === "") return { status: "empty", message: "Để trống thì đường dẫn được tạo từ tiêu đề.", suggestion: "" };
  if (slug.length > SLUG_MAX) return { status: "invalid", message: POST_MESSAGES.slugTooLong, suggestion: slugify(slug) };
  if (!SLUG_PATTERN.test(slug)) return { status: "invalid", message: POST_MESSAGES.slugInvalid, suggestion: slugify(slug) };
  if (!isSlugTaken(db, space, `${prefix}${slug}`, excludeId)) return { status: "available", message: "Đường dẫn này dùng được.", suggestion: slug };
  const suggestion = uniqueSlug(slug, (candidate) => isSlugTaken(db, space, `${prefix}${candidate}`, excludeId), SLUG_MAX);
  return { status: "taken", message: `${POST_MESSAGES.slugTaken} Gợi ý: ${suggestion}`, suggestion };
}
