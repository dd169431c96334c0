import "server-only";
import { and, eq } from "drizzle-orm";
import type { AppDatabase } from "@/db";
import { categories, postSlugHistory, posts, type RevisionKind } from "@/db/schema";
import { logActivity } from "@/lib/activity/log";
import { can } from "@/lib/auth/permissions";
import { queueInvalidation } from "@/lib/cache/outbox";
import { tagsForPostChange } from "@/lib/cache/tags";
import { isPostSlugTaken, uniquePostSlug } from "@/lib/content/post-slugs";
import { recordRevision } from "@/lib/content/revisions";
import { InvalidDocumentError } from "@/lib/richtext/document";
import { renderDocument, type RenderedDocument } from "@/lib/richtext/render";
import { POST_MESSAGES, type PostFields } from "@/lib/validations/post";
import { TRANSITIONS } from "@/lib/workflow/transitions";
import {
  assertStaff,
  canEditPost,
  POST_ADMIN_MESSAGES,
  PostDeniedError,
  type PostActor,
  type PostChangeFailure,
  type PostChangeResult,
  type PostSaved,
} from "./access";
import { describeChanges } from "./changes";
import { featuredColumns } from "./featured";
import { syncPostMedia, withLibraryAlts } from "./images";
import { discardPendingDraft } from "./pending-drafts";
import { postExists, readVisible } from "./read";
import { keepRefusedSave } from "./refused-save";
import { logTransition, planStatus, type TransitionRequest } from "./transition";
import { quoted, WRITE, type Tx } from "./write";

/** Editor JSON → validated, sanitized; an unknown node or mark is a field error and nothing is saved. */
export function render(body: unknown): { ok: true; rendered: RenderedDocument } | PostChangeFailure {
  try {
    return { ok: true, rendered: renderDocument(body) };
  } catch (error) {
    if (!(error instanceof InvalidDocumentError)) throw error;
    console.warn("[posts] refused document:", error.message);
    return { ok: false, field: "body", message: POST_ADMIN_MESSAGES.bodyUnsupported };
  }
}

/** The slug to store: a generated one is made free; a typed one must already be. */
function resolveSlug(tx: Tx, data: PostFields, postId?: number): { ok: true; slug: string } | PostChangeFailure {
  if (data.slugAuto || data.slug === "") return { ok: true, slug: uniquePostSlug(tx, data.title, postId) };
  if (isPostSlugTaken(tx, data.slug, postId)) return { ok: false, field: "slug", message: POST_MESSAGES.slugTaken };
  return { ok: true, slug: data.slug };
}

function categoryExists(tx: Tx, id: number): boolean {
  return Boolean(tx.select({ id: categories.id }).from(categories).where(eq(categories.id, id)).get());
}

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
    syncPostMedia(tx, created.id, rendered.json, featured.columns.featuredMediaId);
    recordRevision(tx, created.id, "create", actor);
    logActivity(tx, { actor, action: "post.create", objectType: "post", objectId: created.id, summary: quoted(data.title), ip: actor.ip });
    return { ok: true, message: "Đã lưu bản nháp.", id: created.id, version: 1, slug: slug.slug };
  }, WRITE);
}

type SaveOptions = {
  /** A workflow move made with this save (Gửi duyệt, Xuất bản, Hẹn giờ, Từ chối, Gỡ bài…). */
  transition?: TransitionRequest;
  now?: Date;
  /** What the revision of a plain save is called: a manual save by default; autosaves coalesce. */
  revisionKind?: Extract<RevisionKind, "save" | "autosave" | "restore">;
  /** Shown in the history next to the revision (e.g. which revision a restore came from). */
  revisionNote?: string;
};

/**
 * Saves the form over the version it was based on. A stale version changes nothing and says so
 * (never a silent overwrite); the version is bumped only when something was written. With a
 * transition the same transaction also moves the post in the workflow, so what is published is
 * exactly what was on the screen.
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
  const { transition } = options;
  if (transition && !can(actor.role, TRANSITIONS[transition.name].permission)) throw new PostDeniedError(TRANSITIONS[transition.name].permission);
  const prepared = render(withLibraryAlts(db, data.body));
  if (!prepared.ok) return prepared;
  const { rendered } = prepared;
  const now = options.now ?? new Date();

  return db.transaction((tx): PostChangeResult<PostSaved> => {
    const row = readVisible(tx, actor, id);
    if (!row) return postExists(tx, id) ? { ok: false, denied: true, message: POST_ADMIN_MESSAGES.notFound } : { ok: false, message: POST_ADMIN_MESSAGES.notFound };
    if (row.deletedAt) return { ok: false, message: POST_ADMIN_MESSAGES.inTrash };
    if (!canEditPost(actor, row)) return { ok: false, denied: true, message: POST_ADMIN_MESSAGES.forbiddenEdit };
    if (row.version !== expectedVersion) {
      keepRefusedSave(tx, actor, id, expectedVersion, data, rendered, row);
      return { ok: false, conflict: true, field: "version", message: POST_MESSAGES.conflict };
    }
    if (!categoryExists(tx, data.categoryId)) return { ok: false, field: "categoryId", message: POST_MESSAGES.categoryMissing };
    const featured = featuredColumns(tx, data, row);
    if (!featured.ok) return featured;
    const slug = resolveSlug(tx, data, id);
    if (!slug.ok) return slug;
    const planned = planStatus(
      actor,
      row,
      transition,
      {
        title: data.title,
        lead: data.lead,
        categoryId: data.categoryId,
        source: data.source,
        body: rendered.json,
        featured: { present: Boolean(featured.columns.featuredImageUrl), alt: featured.columns.featuredImageAlt, caption: featured.columns.featuredImageCaption },
        publishedAt: data.publishedAt,
      },
      now,
    );
    if (!planned.ok) return planned;

    // A save by hand settles this person's pending draft of a public post (autosave.ts), even if unchanged.
    if (options.revisionKind !== "autosave") discardPendingDraft(tx, id, actor.id);

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
      status: planned.status,
      publishedAt: planned.publishedAt,
    };
    const changes = describeChanges(row, values);
    if (changes.length === 0 && !transition) return { ok: true, message: POST_ADMIN_MESSAGES.unchanged, id, version: row.version, slug: row.slug };

    const review = planned.review ? { reviewNote: planned.review.note, reviewNoteBy: planned.review.by, reviewNoteAt: planned.review.at } : {};
    const written = tx
      .update(posts)
      .set({ ...values, ...review, version: row.version + 1 })
      .where(and(eq(posts.id, id), eq(posts.version, expectedVersion)))
      .run();
    // Cannot happen under the IMMEDIATE lock; if it ever did, the caller must hear "conflict", not "saved".
    if (written.changes !== 1) throw new Error(`post ${id}: version moved during the save`);

    if (slug.slug !== row.slug) {
      // The old address keeps answering (a redirect); going back to an earlier slug makes it current again.
      tx.delete(postSlugHistory).where(and(eq(postSlugHistory.slug, slug.slug), eq(postSlugHistory.postId, id))).run();
      tx.insert(postSlugHistory).values({ slug: row.slug, postId: id }).onConflictDoNothing().run();
    }
    syncPostMedia(tx, id, rendered.json, featured.columns.featuredMediaId);
    recordRevision(tx, id, transition?.name ?? options.revisionKind ?? "save", actor, transition?.name === "reject" ? (transition.note ?? "").trim() : options.revisionNote);
    // A post that is or was public changes public pages: its addresses before and after, and its lists.
    if (row.status === "published" || planned.status === "published") {
      queueInvalidation(tx, tagsForPostChange({ slugs: [row.slug, slug.slug], categoryIds: [row.categoryId, data.categoryId] }));
    }
    // The status, and the time a move sets (publish now, schedule), are part of the move's own log line.
    const contentChanges = describeChanges(row, values, transition ? ["status", "publishedAt"] : ["status"]);
    if (contentChanges.length > 0) {
      logActivity(tx, { actor, action: "post.update", objectType: "post", objectId: id, summary: `${quoted(data.title)}: ${contentChanges.join(", ")}`, ip: actor.ip });
    }
    const message = transition ? logTransition(tx, actor, id, data.title, transition, planned.publishedAt) : "Đã lưu bài viết.";
    return { ok: true, message, id, version: row.version + 1, slug: slug.slug };
  }, WRITE);
}
