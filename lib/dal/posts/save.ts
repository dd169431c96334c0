/**
 * Every way a post is saved goes through `savePostFor`: the form's Lưu and workflow buttons, the
 * editor's autosave and "Giữ bản của tôi", restoring a revision, the importer's JSON route. The
 * intent says which; the checks (schema of the body, who may edit, the version, the references,
 * the slug, the workflow and its checklist) are the same code for all, so a rule added here
 * cannot miss a path.
 */
import "server-only";
import { and, eq } from "drizzle-orm";
import { posts, type ContentKind, type Language, type RevisionKind } from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import { tagsForContentChange } from "@/lib/cache/tags";
import { logActivity, quoted } from "@/lib/dal/activity/log";
import { queueAudio } from "@/lib/dal/audio/queue";
import { RefusedError, type Actor } from "@/lib/dal/actor";
import { WRITE, type Db, type Tx } from "@/lib/dal/connection";
import { queueInvalidation } from "@/lib/dal/outbox";
import type { ChangeFailure, ChangeResult } from "@/lib/dal/result";
import { pickDraftValues, type DraftValues } from "@/lib/editor/draft-values";
import { InvalidDocumentError } from "@/lib/richtext/document";
import { renderDocument, type RenderedDocument } from "@/lib/richtext/render";
import { KINDS } from "@/lib/content/kinds";
import { POST_MESSAGES, type ContentFields } from "@/lib/validations/post";
import { TRANSITIONS } from "@/lib/workflow/transitions";
import { assertStaff, canEditPost, POST_ADMIN_MESSAGES, type PostSaved } from "./access";
import { contentOf, describeChanges, postContent } from "./content";
import { featuredColumns } from "./featured";
import { syncPostMedia, withLibraryAlts } from "./images";
import { discardPendingDraft, keepPendingDraft } from "./pending-drafts";
import { languageOf, postExists, readVisible } from "./read";
import { recordRevision, recordSubmittedRevision } from "./record-revision";
import { fileContent } from "./filing";
import type { KindExtension } from "./extension";
import { checkPickedDocuments, pickedDocumentsChange, syncCitedDocuments } from "./cited-documents";
import { keepOldSlug, type SlugSpace } from "./slugs";
import { movePageDescendants, nextPosition } from "./tree";
import { logTransition, planStatus, type TransitionRequest } from "./transition";

/** What a save asks for; `extension` carries a kind's own fields (lib/dal/posts/extension.ts). */
export type SaveRequest = (
  | { intent: "create"; kind?: ContentKind; language?: Language; fields: ContentFields }
  /** A save by hand (Lưu, "Giữ bản của tôi"), or a restore of a revision (its kind and note go to the history). */
  | { intent: "save"; id: number; version: number; fields: ContentFields; revision?: { kind: Extract<RevisionKind, "save" | "restore">; note?: string } }
  /** The editor's background save; a public post's is kept aside (`draft`, the form as typed) rather than put live. */
  | { intent: "autosave"; id: number; version: number; fields: ContentFields; draft: DraftValues }
  /** A save with a workflow move (Gửi duyệt, Xuất bản, Hẹn giờ, Từ chối, Gỡ bài…) in the same transaction. */
  | { intent: "transition"; id: number; version: number; fields: ContentFields; transition: TransitionRequest }
) & { extension?: KindExtension };

/** `saved`: the post itself now holds it; `kept`: set aside as this person's pending draft of a public post. */
export type SaveOutcome = PostSaved & { mode: "saved" | "kept"; savedAt: string };

/** Editor JSON → validated, sanitized; an unknown node or mark is a field error and nothing is saved. */
export function render(body: unknown): { ok: true; rendered: RenderedDocument } | ChangeFailure {
  try {
    return { ok: true, rendered: renderDocument(body) };
  } catch (error) {
    if (!(error instanceof InvalidDocumentError)) throw error;
    console.warn("[posts] refused document:", error.message);
    return { ok: false, field: "body", message: POST_ADMIN_MESSAGES.bodyUnsupported };
  }
}

/**
 * Saves a post as `request` says, over the version it was based on. A stale version changes
 * nothing and says so (never a silent overwrite), but what it carried is kept as a "conflict"
 * revision; the version is bumped only when something was written.
 */
export function savePostFor(db: Db, actor: Actor | null, request: SaveRequest, now: Date = new Date()): ChangeResult<SaveOutcome> {
  assertStaff(actor);
  if (request.intent === "transition") {
    const permission = TRANSITIONS[request.transition.name].permission;
    if (!can(actor.role, permission)) throw new RefusedError(permission, String(request.id));
  }
  // The library's descriptions of body images are Vietnamese: an English post's figures keep their own.
  const language = request.intent === "create" ? (request.language ?? "vi") : languageOf(db, request.id);
  const prepared = render(language === "vi" ? withLibraryAlts(db, request.fields.body) : request.fields.body);
  if (!prepared.ok) return prepared;
  if (request.intent === "create") return create(db, actor, { kind: request.kind ?? "post", language: request.language ?? "vi" }, request.fields, prepared.rendered, now, request.extension);
  return db.transaction((tx) => update(tx, actor, request, prepared.rendered, now), WRITE);
}

/** A new draft by the actor; a news post's source line defaults to the actor's unit. */
function create(db: Db, actor: Actor, space: SlugSpace, data: ContentFields, rendered: RenderedDocument, now: Date, extension?: KindExtension): ChangeResult<SaveOutcome> {
  return db.transaction((tx): ChangeResult<SaveOutcome> => {
    const filed = fileContent(tx, actor, space, data);
    if (!filed.ok) return filed;
    const refused = extension?.check(tx, null);
    if (refused) return refused;
    const featured = featuredColumns(tx, data, null, space.language);
    if (!featured.ok) return featured;
    const citing = space.kind !== "document";
    const unknownDocument = citing ? checkPickedDocuments(tx, data.relatedDocuments ?? []) : null;
    if (unknownDocument) return unknownDocument;
    // The unit's name is Vietnamese: an English version writes its own source line.
    const source = data.source || (KINDS[space.kind].needsLeadAndSource && space.language === "vi" ? actor.unit : "");
    const content = postContent({ ...data, source, categoryId: filed.categoryId }, { slug: filed.slug, rendered, featured: featured.columns, status: "draft", publishedAt: data.publishedAt });
    const created = tx
      .insert(posts)
      .values({ ...content, ...space, parentId: filed.parentId, position: nextPosition(tx, space, filed.parentId), authorId: actor.id, version: 1 })
      .returning({ id: posts.id })
      .get();
    syncPostMedia(tx, created.id, content.body, content.featuredMediaId);
    if (citing) syncCitedDocuments(tx, created.id, content.body, data.relatedDocuments ?? []);
    extension?.write(tx, created.id);
    recordRevision(tx, created.id, "create", actor);
    logActivity(tx, { actor, action: "post.create", objectType: "post", objectId: created.id, summary: quoted(data.title), ip: actor.ip });
    return { ok: true, message: "Đã lưu bản nháp.", id: created.id, version: 1, slug: filed.slug, mode: "saved", savedAt: now.toISOString() };
  }, WRITE);
}

type UpdateRequest = Exclude<SaveRequest, { intent: "create" }>;

function update(tx: Tx, actor: Actor, request: UpdateRequest, rendered: RenderedDocument, now: Date): ChangeResult<SaveOutcome> {
  const { id, version: expectedVersion, fields: data } = request;
  const transition = request.intent === "transition" ? request.transition : undefined;
  const row = readVisible(tx, actor, id);
  if (!row) return postExists(tx, id) ? { ok: false, denied: true, message: POST_ADMIN_MESSAGES.notFound } : { ok: false, message: POST_ADMIN_MESSAGES.notFound };
  if (row.deletedAt) return { ok: false, message: POST_ADMIN_MESSAGES.inTrash };
  if (!canEditPost(actor, row)) return { ok: false, denied: true, message: POST_ADMIN_MESSAGES.forbiddenEdit };
  // A document saved without its registry fields would lose them from its revisions and its kept drafts.
  if (row.kind === "document" && !request.extension) return { ok: false, message: POST_ADMIN_MESSAGES.documentElsewhere };
  if (row.version !== expectedVersion) {
    keepRefusedSave(tx, actor, request, rendered, row);
    return { ok: false, conflict: true, field: "version", message: POST_MESSAGES.conflict };
  }
  // A public post (published, or scheduled) is never changed by an autosave: the text waits, per person, for a save by hand.
  if (request.intent === "autosave" && row.status === "published") {
    keepPendingDraft(tx, id, actor.id, expectedVersion, pickDraftValues(request.draft), now);
    return { ok: true, message: "Đã lưu nháp, chưa đăng.", id, version: row.version, slug: row.slug, mode: "kept", savedAt: now.toISOString() };
  }
  const space = { kind: row.kind, language: row.language };
  const filed = fileContent(tx, actor, space, data, row);
  if (!filed.ok) return filed;
  const featured = featuredColumns(tx, data, row, row.language);
  if (!featured.ok) return featured;
  const checked = { ...data, kind: row.kind, categoryId: filed.categoryId, body: rendered.json, featured: { present: Boolean(featured.columns.featuredImageUrl), alt: featured.columns.featuredImageAlt, caption: featured.columns.featuredImageCaption } };
  const planned = planStatus(actor, row, transition, checked, now);
  if (!planned.ok) return planned;
  const { extension } = request;
  const refused = extension?.check(tx, id);
  if (refused) return refused;
  const citing = row.kind !== "document";
  const unknownDocument = citing ? checkPickedDocuments(tx, data.relatedDocuments ?? []) : null;
  if (unknownDocument) return unknownDocument;

  // A save by hand settles this person's pending draft of a public post (see above), even if unchanged.
  if (request.intent !== "autosave") discardPendingDraft(tx, id, actor.id);

  const content = postContent({ ...data, categoryId: filed.categoryId }, { slug: filed.slug, rendered, featured: featured.columns, status: planned.status, publishedAt: planned.publishedAt });
  const before = contentOf(row);
  const moved = filed.parentId !== row.parentId;
  const kindChanges = [...(extension?.changes(tx, id) ?? []), ...(citing && pickedDocumentsChange(tx, id, data.relatedDocuments) ? ["văn bản liên quan"] : [])];
  if (describeChanges(before, content).length === 0 && kindChanges.length === 0 && !moved && !transition) {
    return { ok: true, message: POST_ADMIN_MESSAGES.unchanged, id, version: row.version, slug: row.slug, mode: "saved", savedAt: now.toISOString() };
  }

  const review = planned.review ? { reviewNote: planned.review.note, reviewNoteBy: planned.review.by, reviewNoteAt: planned.review.at } : {};
  const written = tx
    .update(posts)
    .set({ ...content, ...review, parentId: filed.parentId, ...(moved ? { position: nextPosition(tx, space, filed.parentId) } : {}), version: row.version + 1 })
    .where(and(eq(posts.id, id), eq(posts.version, expectedVersion)))
    .run();
  // Cannot happen under the IMMEDIATE lock; if it ever did, the caller must hear "conflict", not "saved".
  if (written.changes !== 1) throw new Error(`post ${id}: version moved during the save`);

  if (filed.slug !== row.slug) {
    keepOldSlug(tx, space, id, row.slug, filed.slug);
    // A page's children's paths start with its own: they move with it, their old addresses redirecting too.
    if (row.kind === "page") movePageDescendants(tx, space, row.slug, filed.slug);
  }
  syncPostMedia(tx, id, content.body, content.featuredMediaId);
  if (citing) syncCitedDocuments(tx, id, content.body, data.relatedDocuments);
  extension?.write(tx, id);
  const revisionKind = transition?.name ?? (request.intent === "autosave" ? "autosave" : (request.intent === "save" && request.revision?.kind) || "save");
  const revisionNote = transition?.name === "reject" ? (transition.note ?? "").trim() : request.intent === "save" ? request.revision?.note : undefined;
  recordRevision(tx, id, revisionKind, actor, revisionNote);
  // A post that is or was public changes public pages: its addresses before and after, and its lists.
  if (row.status === "published" || planned.status === "published") {
    queueInvalidation(tx, tagsForContentChange([row, { kind: row.kind, slug: filed.slug, categoryId: content.categoryId }]));
  }
  // Its read-aloud audio is made (again) in the background; the job skips the synthesis when the spoken text did not change.
  if (planned.status === "published") queueAudio(tx, id, "publish", now, row.language);
  // The status, and the time a move sets (publish now, schedule), are part of the move's own log line.
  const contentChanges = [...describeChanges(before, content, transition ? ["status", "publishedAt"] : ["status"]), ...kindChanges];
  if (contentChanges.length > 0) {
    logActivity(tx, { actor, action: "post.update", objectType: "post", objectId: id, summary: `${quoted(data.title)}: ${contentChanges.join(", ")}`, ip: actor.ip });
  }
  const message = transition ? logTransition(tx, actor, id, data.title, transition, planned.publishedAt, row.kind) : `Đã lưu ${KINDS[row.kind].noun}.`;
  return { ok: true, message, id, version: row.version + 1, slug: filed.slug, mode: "saved", savedAt: now.toISOString() };
}

/**
 * A save based on an older version writes nothing to the post, but what it carried is kept as a
 * "conflict" revision: the person may close the tab before choosing, and neither text may be lost.
 */
function keepRefusedSave(tx: Tx, actor: Actor, request: UpdateRequest, rendered: RenderedDocument, row: ReturnType<typeof readVisible> & object): void {
  const { fields: data } = request;
  // A picture deleted meanwhile must not cost the text: the current picture is kept instead.
  const featured = featuredColumns(tx, data, row, row.language);
  const content = postContent({ ...data, categoryId: data.categoryId ?? row.categoryId }, {
    slug: data.slug ? (row.kind === "page" ? [...row.slug.split("/").slice(0, -1), data.slug].join("/") : data.slug) : row.slug,
    rendered,
    featured: featured.ok ? featured.columns : contentOf(row),
    status: row.status,
    publishedAt: data.publishedAt ?? row.publishedAt,
  });
  recordSubmittedRevision(tx, row.id, request.version, "conflict", content, actor, `Bản bị từ chối vì dựa trên phiên bản ${request.version}`);
}
