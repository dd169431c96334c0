// The history of a post (Lịch sử phiên bản): its revisions, one rendered as the public page shows
// it, two compared word by word, and one restored through the same save as the editor's.
import "server-only";
import { and, count, desc, eq, lt, lte, sql } from "drizzle-orm";
import type { Db } from "@/lib/dal/connection";
import { categories, postRevisions, users, type RevisionKind } from "@/db/schema";
import { logActivity } from "@/lib/dal/activity/log";
import { registryOfSnapshot, registrySnapshot } from "@/lib/dal/documents/snapshot";
import { registryExtension } from "@/lib/dal/documents/registry";
import { registryLines, type RegistryLine } from "@/lib/documents/revision-lines";
import { diffLines, diffRevisions, type FieldDiff } from "@/lib/revisions/diff";
import { DOCUMENT_MESSAGES } from "@/lib/validations/document";
import { REVISION_KIND_LABELS, revisionName } from "@/lib/revisions/labels";
import { sanitizeRichHtml } from "@/lib/richtext/sanitize";
import { postTextOf, type ContentFields } from "@/lib/validations/post";
import { pageOf } from "../paging";
import type { Article } from "@/lib/dal/public/posts";
import { assertStaff, canEditPost, POST_ADMIN_MESSAGES, type PostSaved } from "./access";
import { postExists, readVisible } from "./read";
import { savePostFor } from "./save";
import { WRITE } from "@/lib/dal/connection";
import { quoted } from "@/lib/dal/activity/log";
import { type Actor } from "@/lib/dal/actor";
import { type ChangeResult } from "@/lib/dal/result";

export const REVISIONS_PAGE_SIZE = 20;

export const REVISION_MESSAGES = {
  notFound: "Không tìm thấy phiên bản này của bài viết.",
  stale: "Bài viết đã thay đổi sau khi bạn mở trang này nên chưa khôi phục gì. Hãy tải lại trang rồi thử lại.",
  categoryGone: "Không khôi phục được: chuyên mục của phiên bản này không còn tồn tại. Bài viết chưa thay đổi.",
  mediaGone: "Không khôi phục được: ảnh đại diện của phiên bản này đã bị xoá khỏi thư viện ảnh. Bài viết chưa thay đổi.",
  slugTaken: "Không khôi phục được: đường dẫn của phiên bản này nay thuộc về bài viết khác. Bài viết chưa thay đổi.",
  typeGone: "Không khôi phục được: loại văn bản của phiên bản này không còn trong danh sách. Văn bản chưa thay đổi.",
  numberTaken: `Không khôi phục được: ${DOCUMENT_MESSAGES.numberTaken.toLowerCase()} Văn bản chưa thay đổi.`,
  relationGone: "Không khôi phục được: một văn bản được thay thế hoặc sửa đổi trong phiên bản này không còn trong sổ văn bản. Văn bản chưa thay đổi.",
} as const;

type Reader = Pick<Db, "select">;

/** What the history shows of the post itself, and whether this person may restore into it. */
export type RevisionPost = { id: number; title: string; version: number; canRestore: boolean };

export type RevisionSummary = {
  id: number;
  /** Its place in the post's history, oldest first: `phiên bản #N`. */
  number: number;
  kind: RevisionKind;
  kindLabel: string;
  actorName: string;
  createdAt: string;
  /** Was public: part of the permanent public record. */
  published: boolean;
  note: string;
  title: string;
};

export type RevisionHistory = { post: RevisionPost; items: RevisionSummary[]; page: number; pageCount: number; total: number };

const summaryColumns = {
  id: postRevisions.id,
  kind: postRevisions.kind,
  published: postRevisions.published,
  actorId: postRevisions.actorId,
  actorName: postRevisions.actorName,
  // Revisions from before names were copied (the migration's first snapshot) name the account.
  accountName: users.name,
  note: postRevisions.note,
  title: postRevisions.title,
  createdAt: postRevisions.createdAt,
};

type SummaryRow = {
  id: number;
  kind: RevisionKind;
  published: boolean;
  actorId: number | null;
  actorName: string;
  accountName: string | null;
  note: string;
  title: string;
  createdAt: Date;
};

function toSummary(row: SummaryRow, number: number): RevisionSummary {
  return {
    id: row.id,
    number,
    kind: row.kind,
    kindLabel: REVISION_KIND_LABELS[row.kind],
    actorName: row.actorName || row.accountName || (row.actorId === null ? "Hệ thống" : `Tài khoản #${row.actorId}`),
    createdAt: row.createdAt.toISOString(),
    published: row.published,
    note: row.note,
    title: row.title,
  };
}

/** The post if this actor may see it (the same constraint as every post read), with the restore right. */
function visiblePost(db: Reader, actor: Actor, postId: number): RevisionPost | null {
  const row = readVisible(db, actor, postId);
  if (!row) return null;
  return { id: row.id, title: row.title, version: row.version, canRestore: canEditPost(actor, row) };
}

function revisionNumber(db: Reader, postId: number, revisionId: number): number {
  return db
    .select({ n: count() })
    .from(postRevisions)
    .where(and(eq(postRevisions.postId, postId), lte(postRevisions.id, revisionId)))
    .get()!.n;
}

function readRevision(db: Reader, postId: number, revisionId: number) {
  return db
    .select({ ...summaryColumns, revision: postRevisions, categoryName: categories.name, categorySlug: categories.slug })
    .from(postRevisions)
    .leftJoin(users, eq(postRevisions.actorId, users.id))
    .leftJoin(categories, eq(postRevisions.categoryId, categories.id))
    .where(and(eq(postRevisions.id, revisionId), eq(postRevisions.postId, postId)))
    .get();
}

/** A post's revisions, newest first, one page at a time; null when the post is not this actor's to see. */
export function listRevisionsFor(db: Db, actor: Actor | null, postId: number, requestedPage = 1): RevisionHistory | null {
  assertStaff(actor);
  const post = visiblePost(db, actor, postId);
  if (!post) return null;
  const ofPost = eq(postRevisions.postId, postId);
  const total = db.select({ n: count() }).from(postRevisions).where(ofPost).get()!.n;
  const { page, pageCount, offset } = pageOf(total, requestedPage, REVISIONS_PAGE_SIZE);
  const rows = db
    .select({ ...summaryColumns, number: sql<number>`row_number() over (order by ${postRevisions.id})` })
    .from(postRevisions)
    .leftJoin(users, eq(postRevisions.actorId, users.id))
    .where(ofPost)
    .orderBy(desc(postRevisions.id))
    .limit(REVISIONS_PAGE_SIZE)
    .offset(offset)
    .all();
  return { post, items: rows.map((row) => toSummary(row, row.number)), page, pageCount, total };
}

export type RevisionOption = { id: number; label: string };

/** Every revision of a visible post as a choice for the comparison, newest first. */
function revisionOptions(db: Reader, postId: number): RevisionOption[] {
  const rows = db
    .select({ id: postRevisions.id, kind: postRevisions.kind, createdAt: postRevisions.createdAt, number: sql<number>`row_number() over (order by ${postRevisions.id})` })
    .from(postRevisions)
    .where(eq(postRevisions.postId, postId))
    .orderBy(desc(postRevisions.id))
    .all();
  return rows.map((r) => ({ id: r.id, label: `#${r.number} · ${REVISION_KIND_LABELS[r.kind]}` }));
}

export type RevisionView = {
  post: RevisionPost;
  revision: RevisionSummary & { categoryMissing: boolean };
  /** A document's registry fields as they were at this revision (none for news and pages). */
  registry: RegistryLine[];
  previousId: number | null;
  /** The revision shaped exactly like the public article, so the public component renders it. */
  article: Article;
};

/** One revision as the public page would show it, or null (post not visible, or not its revision). */
export function getRevisionFor(db: Db, actor: Actor | null, postId: number, revisionId: number): RevisionView | null {
  assertStaff(actor);
  const post = visiblePost(db, actor, postId);
  if (!post) return null;
  const row = readRevision(db, postId, revisionId);
  if (!row) return null;
  const r = row.revision;
  const previous = db
    .select({ id: postRevisions.id })
    .from(postRevisions)
    .where(and(eq(postRevisions.postId, postId), lt(postRevisions.id, revisionId)))
    .orderBy(desc(postRevisions.id))
    .limit(1)
    .get();
  return {
    post,
    // A page or a document has no category; only a category that was there and is gone is missing.
    revision: { ...toSummary(row, revisionNumber(db, postId, revisionId)), categoryMissing: r.categoryId !== null && row.categoryName === null },
    registry: registryLines(r.kindFields),
    previousId: previous?.id ?? null,
    article: {
      id: postId,
      title: r.title,
      slug: r.slug,
      lead: r.lead,
      // Never public yet: shown at the time it was written, as publishing it then would have.
      publishedAt: (r.publishedAt ?? r.createdAt).toISOString(),
      category: { name: row.categoryName ?? "Chuyên mục không còn tồn tại", slug: row.categorySlug ?? "" },
      image: r.featuredImageUrl ? { src: r.featuredImageUrl, alt: r.featuredImageAlt } : null,
      categoryId: r.categoryId,
      // Sanitized again, as the public page does, so a tampered row stays harmless here too.
      bodyHtml: sanitizeRichHtml(r.bodyHtml),
      source: r.source,
      updatedAt: r.updatedAt.toISOString(),
      imageCaption: r.featuredImageCaption,
    },
  };
}

export type RevisionComparison = {
  post: RevisionPost;
  /** The older side; null when `to` is the first revision (compared with nothing). */
  from: RevisionSummary | null;
  to: RevisionSummary;
  fields: FieldDiff[];
  options: RevisionOption[];
};

/**
 * Two revisions compared word by word, older → newer whichever order they were chosen in. Without
 * `toId` the newest revision is compared; without `fromId`, the one before it.
 */
export function compareRevisionsFor(
  db: Db,
  actor: Actor | null,
  postId: number,
  choice: { fromId?: number; toId?: number },
): RevisionComparison | null {
  assertStaff(actor);
  const post = visiblePost(db, actor, postId);
  if (!post) return null;
  const toId =
    choice.toId ??
    db.select({ id: postRevisions.id }).from(postRevisions).where(eq(postRevisions.postId, postId)).orderBy(desc(postRevisions.id)).limit(1).get()?.id;
  if (toId === undefined) return null;
  const fromId =
    choice.fromId ??
    db
      .select({ id: postRevisions.id })
      .from(postRevisions)
      .where(and(eq(postRevisions.postId, postId), lt(postRevisions.id, toId)))
      .orderBy(desc(postRevisions.id))
      .limit(1)
      .get()?.id;
  const [older, newer] = fromId !== undefined && fromId > toId ? [toId, fromId] : [fromId, toId];
  const to = readRevision(db, postId, newer);
  const from = older === undefined ? null : readRevision(db, postId, older);
  if (!to || from === undefined) return null;
  const empty = { title: "", lead: "", bodyText: "" };
  return {
    post,
    from: from ? toSummary(from, revisionNumber(db, postId, from.id)) : null,
    to: toSummary(to, revisionNumber(db, postId, to.id)),
    fields: [...diffRevisions(from?.revision ?? empty, to.revision), ...diffLines(registryLines(from?.revision.kindFields), registryLines(to.revision.kindFields))],
    options: revisionOptions(db, postId),
  };
}

type RevisionRow = typeof postRevisions.$inferSelect;

/**
 * The revision as the editor's form would send it. Content comes back; the workflow does not:
 * status and publication time stay as the post has them now (a save keeps the status).
 * An imported image without a library entry can only be kept, not brought back once replaced.
 */
function fieldsOf(revision: RevisionRow, current: { publishedAt: Date | null; parentId: number | null }): ContentFields {
  return {
    ...postTextOf(revision),
    slug: revision.slug,
    slugAuto: false,
    categoryId: revision.categoryId,
    // Where a page sits in the tree is not part of its text: a restore leaves it there.
    parentId: current.parentId,
    featuredMediaId: revision.featuredMediaId,
    featuredCaption: revision.featuredImageCaption,
    featuredAlt: revision.featuredImageAlt,
    keepLegacyImage: revision.featuredImageUrl !== null && revision.featuredMediaId === null,
    publishedAt: current.publishedAt,
    body: revision.body,
  };
}

/** What the save's field refusals mean when the fields came from a revision, not from a form. */
const RESTORE_REFUSALS: Partial<Record<string, string>> = {
  categoryId: REVISION_MESSAGES.categoryGone,
  featuredMediaId: REVISION_MESSAGES.mediaGone,
  slug: REVISION_MESSAGES.slugTaken,
  version: REVISION_MESSAGES.stale,
  typeId: REVISION_MESSAGES.typeGone,
  number: REVISION_MESSAGES.numberTaken,
  replaces: REVISION_MESSAGES.relationGone,
  amends: REVISION_MESSAGES.relationGone,
};

/**
 * A document's registry comes back with its text: the revision's snapshot, or (a revision written
 * before revisions kept the registry) the registry as it is now. Its files are not part of it.
 */
function kindExtensionOf(tx: Reader, post: { id: number; kind: string }, revision: RevisionRow) {
  if (post.kind !== "document") return undefined;
  const snapshot = revision.kindFields ?? registrySnapshot(tx, post.id);
  return snapshot ? registryExtension(registryOfSnapshot(snapshot)) : undefined;
}

/**
 * `Khôi phục phiên bản này`: the revision's content saved over the version the person was
 * looking at, through the editor's own save (version check, slug history, images, public cache,
 * a new revision of kind "restore"). Same rules as editing: editors any post, authors their own
 * drafts and pending posts.
 */
export function restoreRevisionFor(
  db: Db,
  actor: Actor | null,
  postId: number,
  revisionId: number,
  expectedVersion: number,
): ChangeResult<PostSaved & { number: number }> {
  assertStaff(actor);
  // The save's transaction nests in this one as a savepoint (better-sqlite3), so the checks
  // below, the save and the restore's log entry commit together or not at all.
  return db.transaction((tx): ChangeResult<PostSaved & { number: number }> => {
    const post = readVisible(tx, actor, postId);
    if (!post) return postExists(tx, postId) ? { ok: false, denied: true, message: POST_ADMIN_MESSAGES.notFound } : { ok: false, message: POST_ADMIN_MESSAGES.notFound };
    if (post.deletedAt) return { ok: false, message: POST_ADMIN_MESSAGES.inTrash };
    if (!canEditPost(actor, post)) return { ok: false, denied: true, message: POST_ADMIN_MESSAGES.forbiddenEdit };
    const row = readRevision(tx, postId, revisionId);
    if (!row) return { ok: false, message: REVISION_MESSAGES.notFound };
    if (post.version !== expectedVersion) return { ok: false, conflict: true, field: "version", message: REVISION_MESSAGES.stale };
    const number = revisionNumber(tx, postId, revisionId);
    const name = revisionName(number);

    const saved = savePostFor(db, actor, {
      intent: "save",
      id: postId,
      version: expectedVersion,
      fields: fieldsOf(row.revision, post),
      revision: { kind: "restore", note: `từ ${name}` },
      extension: kindExtensionOf(tx, post, row.revision),
    });
    if (!saved.ok) return { ...saved, message: (saved.field && RESTORE_REFUSALS[saved.field]) ?? saved.message };
    if (saved.version === post.version) return { ok: true, message: `Bài viết đang giống hệt ${name}; không có gì thay đổi.`, id: postId, version: saved.version, slug: saved.slug, number };
    logActivity(tx, { actor, action: "post.revision-restore", objectType: "post", objectId: postId, summary: `${quoted(row.revision.title)} từ ${name}`, ip: actor.ip });
    return { ok: true, message: `Đã khôi phục ${name}. Bản khôi phục được lưu thành phiên bản mới.`, id: postId, version: saved.version, slug: saved.slug, number };
  }, WRITE);
}
