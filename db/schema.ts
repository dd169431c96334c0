import { relations, sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import {
  AUDIO_REASONS,
  AUDIO_STATES,
  CONTENT_KINDS,
  DOCUMENT_RELATIONS,
  EXTRACTION_STATES,
  LANGUAGES,
  MENU_LOCATIONS,
  MENU_TARGET_KINDS,
  POST_STATUSES,
  REVISION_KINDS,
  ROLES,
  SIGN_IN_OUTCOMES,
  USER_STATUSES,
  VALIDITY_STATUSES,
  type FeaturedEntry,
  type MediaRendition,
} from "./vocabulary";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";

export * from "./vocabulary";

// Times are stored as integer milliseconds since the epoch (UTC); Vietnam time is a display concern.
const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);
const updatedAt = () =>
  integer("updated_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`)
    .$onUpdate(() => new Date());

export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: text("role", { enum: ROLES }).notNull().default("author"),
    // The unit a staff member writes for; it becomes the default source line of their posts.
    unit: text("unit").notNull().default(""),
    passwordHash: text("password_hash"),
    status: text("status", { enum: USER_STATUSES }).notNull().default("active"),
    // Bumped to end every session of this user at once (disable, role change, password reset).
    tokenVersion: integer("token_version").notNull().default(0),
    // Set for a temporary password (first admin, created or reset by an admin): choose a new one first.
    mustChangePassword: integer("must_change_password", { mode: "boolean" }).notNull().default(false),
    // Base32 TOTP secret; null until enrolment is confirmed with a first valid code.
    totpSecret: text("totp_secret"),
    totpPendingSecret: text("totp_pending_secret"),
    // The 30-second step of the last code accepted at sign-in: a code is good once, not twice.
    totpLastStep: integer("totp_last_step"),
    lastSignInAt: integer("last_sign_in_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  // E-mails are stored lower-cased, so this unique index is case-insensitive in effect.
  (t) => [uniqueIndex("users_email_unique").on(t.email), index("users_role_status_idx").on(t.role, t.status)],
);

/** One-time codes for signing in without the authenticator app; only their hashes are kept. */
export const recoveryCodes = sqliteTable(
  "recovery_codes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: integer("used_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [index("recovery_codes_user_idx").on(t.userId)],
);

/** Every sign-in attempt, kept in the database so throttling survives a restart. */
export const signInAttempts = sqliteTable(
  "sign_in_attempts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    outcome: text("outcome", { enum: SIGN_IN_OUTCOMES }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("sign_in_attempts_email_idx").on(t.email, t.createdAt), index("sign_in_attempts_ip_idx").on(t.ip, t.createdAt)],
);

/**
 * Append-only log of who did what to which object (triggers in the migration refuse UPDATE and
 * DELETE). The actor's name is copied so the log reads the same after the account changes.
 */
export const activityLog = sqliteTable(
  "activity_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    actorId: integer("actor_id").references(() => users.id, { onDelete: "set null" }),
    actorName: text("actor_name").notNull().default(""),
    action: text("action").notNull(),
    objectType: text("object_type").notNull().default(""),
    objectId: text("object_id").notNull().default(""),
    summary: text("summary").notNull().default(""),
    ip: text("ip").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [
    index("activity_log_created_idx").on(t.createdAt),
    index("activity_log_actor_idx").on(t.actorId, t.createdAt),
    index("activity_log_action_idx").on(t.action, t.createdAt),
  ],
);

/** Site-wide settings an admin changes from the browser (e.g. which roles must use two-factor sign-in). */
export const settings = sqliteTable("settings", {
  key: text("key").primaryKey(),
  value: text("value", { mode: "json" }).notNull(),
  updatedAt: updatedAt(),
});

export const categories = sqliteTable(
  "categories",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    slug: text("slug").notNull(),
    description: text("description").notNull().default(""),
    position: integer("position").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("categories_slug_unique").on(t.slug), uniqueIndex("categories_name_unique").on(t.name)],
);

/**
 * The content of a post: what a save writes, a revision keeps and a refused save sets aside.
 * Declared once for both tables, so adding a field to posts is one line here (and its migration);
 * lib/dal/posts/content.ts builds and compares these columns.
 */
export const contentColumns = () => ({
  title: text("title").notNull(),
  slug: text("slug").notNull(),
  lead: text("lead").notNull().default(""),
  // The editor's ProseMirror JSON, the source of truth; html and text are derived from it on save.
  body: text("body", { mode: "json" }).notNull(),
  bodyHtml: text("body_html").notNull().default(""),
  bodyText: text("body_text").notNull().default(""),
  source: text("source").notNull().default(""),
  seoTitle: text("seo_title").notNull().default(""),
  seoDescription: text("seo_description").notNull().default(""),
  featuredMediaId: integer("featured_media_id"),
  featuredImageUrl: text("featured_image_url"),
  featuredImageAlt: text("featured_image_alt").notNull().default(""),
  featuredImageCaption: text("featured_image_caption").notNull().default(""),
  // A post's category; pages have none.
  categoryId: integer("category_id"),
  status: text("status", { enum: POST_STATUSES }).notNull(),
  publishedAt: integer("published_at", { mode: "timestamp_ms" }),
});

export const posts = sqliteTable(
  "posts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    // What kind of content the row is (a news post, a standing page) and in which language; each
    // kind and language has its own addresses, so slugs are unique within them.
    kind: text("kind", { enum: CONTENT_KINDS }).notNull().default("post"),
    language: text("language", { enum: LANGUAGES }).notNull().default("vi"),
    // Translations of one another share a group (the id of the first of them).
    translationGroupId: integer("translation_group_id"),
    // A page's place in the tree: its parent page and its order among its siblings. A page's slug is its whole path.
    parentId: integer("parent_id").references((): AnySQLiteColumn => posts.id, { onDelete: "set null" }),
    position: integer("position").notNull().default(0),
    ...contentColumns(),
    // The live row points at what it uses; a revision keeps plain ids, since it must outlive them.
    featuredMediaId: integer("featured_media_id").references(() => media.id, { onDelete: "set null" }),
    categoryId: integer("category_id").references(() => categories.id, { onDelete: "restrict" }),
    status: text("status", { enum: POST_STATUSES }).notNull().default("draft"),
    authorId: integer("author_id").references(() => users.id, { onDelete: "set null" }),
    // Optimistic concurrency: every update must name the version it was based on.
    version: integer("version").notNull().default(1),
    // Set when the post is moved to the trash (Thùng rác); it can be restored until purged.
    deletedAt: integer("deleted_at", { mode: "timestamp_ms" }),
    // Identity of an imported legacy post, so importing the same export twice finds it again.
    legacyKey: text("legacy_key"),
    // The editor's note when a post is sent back to its author (Trả lại); cleared when it is submitted again.
    reviewNote: text("review_note").notNull().default(""),
    reviewNoteBy: text("review_note_by").notNull().default(""),
    reviewNoteAt: integer("review_note_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("posts_kind_language_slug_unique").on(t.kind, t.language, t.slug),
    uniqueIndex("posts_legacy_key_unique").on(t.legacyKey),
    // The public lists (home, category pages, feeds) and their counts read only these indexes: every column
    // of the public constraint is in them, deleted_at before published_at so the newest-first order needs no sort.
    index("posts_listing_idx").on(t.kind, t.language, t.status, t.deletedAt, t.publishedAt),
    index("posts_category_listing_idx").on(t.categoryId, t.kind, t.language, t.status, t.deletedAt, t.publishedAt),
    index("posts_author_idx").on(t.authorId),
    index("posts_parent_idx").on(t.parentId, t.position),
    index("posts_translation_group_idx").on(t.translationGroupId),
    // Search checks each full-text match against the public constraint here, not in the wide row (lib/dal/search/queries.ts).
    index("posts_search_lookup_idx").on(t.id, t.status, t.publishedAt, t.deletedAt, t.categoryId, t.kind, t.language),
  ],
);

// Slugs a post answered at before; requests for them redirect permanently to the current slug.
export const postSlugHistory = sqliteTable(
  "post_slug_history",
  {
    kind: text("kind", { enum: CONTENT_KINDS }).notNull().default("post"),
    language: text("language", { enum: LANGUAGES }).notNull().default("vi"),
    slug: text("slug").notNull(),
    postId: integer("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.language, t.slug] }), index("post_slug_history_post_idx").on(t.postId)],
);

// Outbox of cache tags to revalidate: any process that changes content (the app, the importer CLI,
// the scheduler) appends here in the same transaction, and the running server revalidates them.
export const cacheInvalidations = sqliteTable("cache_invalidations", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  tag: text("tag").notNull(),
  createdAt: createdAt(),
});

// Who runs the background work (jobs, outbox pruning, replication) while several server processes
// share the database: one row per lease, held until `expires_at` and renewed well before it, so
// another process takes over within seconds of the holder dying. `detail` is the holder's own
// state that a successor needs (the replication process it started, to stop it first).
export const leases = sqliteTable("leases", {
  name: text("name").primaryKey(),
  holder: text("holder").notNull(),
  pid: integer("pid").notNull(),
  acquiredAt: integer("acquired_at", { mode: "timestamp_ms" }).notNull(),
  expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  detail: text("detail", { mode: "json" }),
});

// Old category slugs keep answering (redirect) after a rename, like post slugs.
export const categorySlugHistory = sqliteTable("category_slug_history", {
  slug: text("slug").primaryKey(),
  categoryId: integer("category_id")
    .notNull()
    .references(() => categories.id, { onDelete: "cascade" }),
  createdAt: createdAt(),
});

/** Which posts use which image (body figures and the featured image), kept in step on every save. */
export const postMedia = sqliteTable(
  "post_media",
  {
    postId: integer("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    mediaId: integer("media_id")
      .notNull()
      .references(() => media.id, { onDelete: "restrict" }),
  },
  (t) => [primaryKey({ columns: [t.postId, t.mediaId] }), index("post_media_media_idx").on(t.mediaId)],
);

/** An uploaded image: only re-encoded renditions are kept (under the data folder, named by content hash). */
export const media = sqliteTable(
  "media",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    hash: text("hash").notNull(),
    originalName: text("original_name").notNull().default(""),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    fallbackFormat: text("fallback_format", { enum: ["jpeg", "png", "gif"] }).notNull(),
    renditions: text("renditions", { mode: "json" }).$type<MediaRendition[]>().notNull(),
    // Required before a post using the image can be published (the editorial checklist).
    alt: text("alt").notNull().default(""),
    caption: text("caption").notNull().default(""),
    uploadedBy: integer("uploaded_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("media_hash_unique").on(t.hash), index("media_created_idx").on(t.createdAt)],
);

/**
 * A snapshot of a post after a change (Lịch sử phiên bản). Autosaves by the same person coalesce
 * into one row. A row with `published` set is part of the public record (what was public and
 * from when): triggers refuse to change or delete it, whoever asks. No foreign key to posts, so
 * purging a post from the trash keeps its public record.
 */
export const postRevisions = sqliteTable(
  "post_revisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    postId: integer("post_id").notNull(),
    // The post's version this snapshot is; for a refused (conflicting) save, the version it was based on.
    version: integer("version").notNull(),
    kind: text("kind", { enum: REVISION_KINDS }).notNull(),
    published: integer("published", { mode: "boolean" }).notNull().default(false),
    ...contentColumns(),
    // Who made it; the name is copied so the history reads the same after the account changes.
    actorId: integer("actor_id"),
    actorName: text("actor_name").notNull().default(""),
    note: text("note").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("post_revisions_post_idx").on(t.postId, t.id)],
);

/** Dated correction notices (Đính chính) shown under a published post's title; append-only. */
export const postCorrections = sqliteTable(
  "post_corrections",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    postId: integer("post_id").notNull(),
    text: text("text").notNull(),
    actorId: integer("actor_id"),
    actorName: text("actor_name").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [index("post_corrections_post_idx").on(t.postId, t.createdAt)],
);

/**
 * Autosaves of a post that is public (published or scheduled): kept aside per person as a pending
 * draft of it, never pushed live; a manual save publishes them and removes the row.
 */
export const postAutosaves = sqliteTable(
  "post_autosaves",
  {
    postId: integer("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    baseVersion: integer("base_version").notNull(),
    fields: text("fields", { mode: "json" }).notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.userId] })],
);

/** Who has a post open in the editor, refreshed every few seconds by each open editor. */
export const postPresence = sqliteTable(
  "post_presence",
  {
    postId: integer("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    userName: text("user_name").notNull(),
    seenAt: integer("seen_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.userId] })],
);

/**
 * A menu of the public site (the header navigation, the footer links, the "Liên kết" list) in one
 * language. Staff edit it as a whole: a save replaces its items and must name the version it was
 * based on, so two editors never silently overwrite each other.
 */
export const menus = sqliteTable(
  "menus",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    location: text("location", { enum: MENU_LOCATIONS }).notNull(),
    language: text("language", { enum: LANGUAGES }).notNull().default("vi"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("menus_location_language_unique").on(t.location, t.language)],
);

/**
 * One entry of a menu, in order; a header entry may have entries under it (two levels). The target
 * is a plain id (a category, a page, a post) or an address: a target that is later trashed,
 * unpublished or deleted leaves the entry in place, flagged in the editor and left out of the public menu.
 */
export const menuItems = sqliteTable(
  "menu_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    menuId: integer("menu_id")
      .notNull()
      .references(() => menus.id, { onDelete: "cascade" }),
    parentId: integer("parent_id").references((): AnySQLiteColumn => menuItems.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    label: text("label").notNull(),
    targetKind: text("target_kind", { enum: MENU_TARGET_KINDS }).notNull(),
    targetId: integer("target_id"),
    url: text("url"),
    createdAt: createdAt(),
  },
  (t) => [index("menu_items_menu_idx").on(t.menuId, t.position)],
);

/**
 * Who publishes the site, per language: the agency's name and parent body, its logo (also the
 * site's icons), the footer's contact block and lines. Without a row the start-time settings
 * (SITE_NAME, SITE_PARENT) stand in; the first start writes them here.
 */
export const siteProfiles = sqliteTable("site_profiles", {
  language: text("language", { enum: LANGUAGES }).primaryKey(),
  name: text("name").notNull(),
  parent: text("parent").notNull().default(""),
  // The logo is a library image: RESTRICT keeps it from being deleted while the site shows it.
  logoMediaId: integer("logo_media_id").references(() => media.id, { onDelete: "restrict" }),
  address: text("address").notNull().default(""),
  phone: text("phone").notNull().default(""),
  hotline: text("hotline").notNull().default(""),
  email: text("email").notNull().default(""),
  workingHours: text("working_hours").notNull().default(""),
  copyright: text("copyright").notNull().default(""),
  sourceNote: text("source_note").notNull().default(""),
  version: integer("version").notNull().default(1),
  updatedAt: updatedAt(),
});

/**
 * What editors arrange on the home page, per language: the featured stories in order (each with an
 * optional end time), the categories that get a block, in order, and the announcements category
 * of the side column. Plain ids, like menu targets: one that leaves the public site is skipped.
 */
export const homeLayouts = sqliteTable("home_layouts", {
  language: text("language", { enum: LANGUAGES }).primaryKey(),
  featured: text("featured", { mode: "json" }).$type<FeaturedEntry[]>().notNull(),
  blockCategoryIds: text("block_category_ids", { mode: "json" }).$type<number[]>().notNull(),
  announcementsCategoryId: integer("announcements_category_id"),
  version: integer("version").notNull().default(1),
  updatedAt: updatedAt(),
});

/**
 * A post's read-aloud audio in one language (Đọc bài viết): the server-made recording of what the
 * browser voice reads, and its place in the background job's queue (lib/audio/job.ts). Queued in
 * the transaction of a save of a public post or of a correction, or by a reader of an archive post;
 * `generation` counts the queueings, so audio made for text that changed meanwhile is not kept.
 * The file columns describe the audio made last (a content-hashed file under data/audio/); the
 * page offers it only while `state` is `ready`. Gone with the post (cascade), and swept by the job
 * once the post is unpublished or in the trash.
 */
export const postAudio = sqliteTable(
  "post_audio",
  {
    postId: integer("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    language: text("language", { enum: LANGUAGES }).notNull(),
    state: text("state", { enum: AUDIO_STATES }).notNull(),
    reason: text("reason", { enum: AUDIO_REASONS }).notNull(),
    generation: integer("generation").notNull().default(1),
    requestedAt: integer("requested_at", { mode: "timestamp_ms" }).notNull(),
    // A job that took the row; a claim older than the lease is taken over (its process died).
    claimedAt: integer("claimed_at", { mode: "timestamp_ms" }),
    attempts: integer("attempts").notNull().default(0),
    nextTryAt: integer("next_try_at", { mode: "timestamp_ms" }),
    error: text("error").notNull().default(""),
    // The audio made last: file name (sha256 of the MP3), and the hash of engine, language and text it was made from.
    file: text("file"),
    textKey: text("text_key"),
    engine: text("engine"),
    bytes: integer("bytes").notNull().default(0),
    durationMs: integer("duration_ms").notNull().default(0),
    cpuMs: integer("cpu_ms").notNull().default(0),
    madeAt: integer("made_at", { mode: "timestamp_ms" }),
    // When it was made or last started by a reader: the space bound removes the oldest first.
    lastUsedAt: integer("last_used_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    primaryKey({ columns: [t.postId, t.language] }),
    index("post_audio_state_idx").on(t.state, t.requestedAt),
    index("post_audio_file_idx").on(t.file),
    index("post_audio_used_idx").on(t.lastUsedAt),
  ],
);

/** Loại văn bản: an editable list (Luật, Nghị định, Thông tư, Quyết định…), in the order the filters show it. */
export const documentTypes = sqliteTable(
  "document_types",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    slug: text("slug").notNull(),
    position: integer("position").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("document_types_slug_unique").on(t.slug)],
);

/** Lĩnh vực: the subject fields a document belongs to (one or more each). */
export const documentFields = sqliteTable(
  "document_fields",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    slug: text("slug").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("document_fields_slug_unique").on(t.slug)],
);

/**
 * The registry fields of a legal document. The document itself is a posts row of kind `document`
 * (its title is the trích yếu, its body the optional note), so drafts, revisions, autosave, the
 * workflow and permissions are the posts' own; this row shares its id and goes with it.
 */
export const documents = sqliteTable(
  "documents",
  {
    postId: integer("post_id")
      .primaryKey()
      .references(() => posts.id, { onDelete: "cascade" }),
    typeId: integer("type_id")
      .notNull()
      .references(() => documentTypes.id, { onDelete: "restrict" }),
    // Số/ký hiệu as shown, and its canonical key (lib/documents/number.ts): unique with the issuing body.
    number: text("number").notNull(),
    numberKey: text("number_key").notNull(),
    issuer: text("issuer").notNull(),
    // The issuer folded (no case, diacritics or extra spaces), so "Bộ KH&CN" typed twice is one body for uniqueness and facets.
    issuerKey: text("issuer_key").notNull(),
    signer: text("signer").notNull().default(""),
    // Vietnam calendar days, yyyy-mm-dd: the text sorts and compares as the dates do.
    issuedOn: text("issued_on").notNull(),
    effectiveFrom: text("effective_from"),
    effectiveUntil: text("effective_until"),
    // Set by staff where the dates cannot tell (partly expired, annulled); null: from the dates.
    manualStatus: text("manual_status", { enum: VALIDITY_STATUSES }),
    nationalDatabaseUrl: text("national_database_url").notNull().default(""),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("documents_issuer_number_unique").on(t.issuerKey, t.numberKey),
    index("documents_number_key_idx").on(t.numberKey),
    index("documents_issued_idx").on(t.issuedOn),
    index("documents_type_issued_idx").on(t.typeId, t.issuedOn),
    index("documents_issuer_issued_idx").on(t.issuerKey, t.issuedOn),
  ],
);

export const documentFieldLinks = sqliteTable(
  "document_field_links",
  {
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.postId, { onDelete: "cascade" }),
    fieldId: integer("field_id")
      .notNull()
      .references(() => documentFields.id, { onDelete: "restrict" }),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.fieldId] }), index("document_field_links_field_idx").on(t.fieldId)],
);

/** `fromId` replaces or amends `toId`; the other direction (replaced by, amended by) is read from the same row. */
export const documentRelations = sqliteTable(
  "document_relations",
  {
    fromId: integer("from_id")
      .notNull()
      .references(() => documents.postId, { onDelete: "cascade" }),
    toId: integer("to_id")
      .notNull()
      .references(() => documents.postId, { onDelete: "cascade" }),
    relation: text("relation", { enum: DOCUMENT_RELATIONS }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.fromId, t.toId, t.relation] }), index("document_relations_to_idx").on(t.toId)],
);

/**
 * A file of a document (the signed PDF, a Word copy, an annex), checked by lib/attachments/check.ts
 * and stored under its content hash (`file`, lib/attachments/headers.ts); the uploaded name is kept
 * only for the download's Content-Disposition.
 */
export const documentAttachments = sqliteTable(
  "document_attachments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.postId, { onDelete: "cascade" }),
    label: text("label").notNull().default(""),
    file: text("file").notNull(),
    originalName: text("original_name").notNull(),
    kind: text("kind").notNull(),
    bytes: integer("bytes").notNull(),
    extraction: text("extraction", { enum: EXTRACTION_STATES }).notNull(),
    // Searchable text of the file (folded into the index); empty for scans and types not read.
    text: text("text").notNull().default(""),
    // Warnings shown to the uploader (a PDF with JavaScript or embedded files, programs in a ZIP).
    flags: text("flags", { mode: "json" }).$type<string[]>().notNull().default([]),
    position: integer("position").notNull().default(0),
    uploadedBy: integer("uploaded_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("document_attachments_document_idx").on(t.documentId, t.position), index("document_attachments_file_idx").on(t.file)],
);

export const usersRelations = relations(users, ({ many }) => ({ posts: many(posts) }));
export const categoriesRelations = relations(categories, ({ many }) => ({ posts: many(posts) }));
export const postsRelations = relations(posts, ({ one, many }) => ({
  category: one(categories, { fields: [posts.categoryId], references: [categories.id] }),
  author: one(users, { fields: [posts.authorId], references: [users.id] }),
  oldSlugs: many(postSlugHistory),
}));
export const postSlugHistoryRelations = relations(postSlugHistory, ({ one }) => ({
  post: one(posts, { fields: [postSlugHistory.postId], references: [posts.id] }),
}));

export type User = typeof users.$inferSelect;
export type ActivityEntry = typeof activityLog.$inferSelect;
export type Media = typeof media.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Category = typeof categories.$inferSelect;
export type NewCategory = typeof categories.$inferInsert;
export type Post = typeof posts.$inferSelect;
export type PostRevision = typeof postRevisions.$inferSelect;
export type PostCorrection = typeof postCorrections.$inferSelect;
export type NewPost = typeof posts.$inferInsert;
export type MenuItem = typeof menuItems.$inferSelect;
export type SiteProfile = typeof siteProfiles.$inferSelect;
export type HomeLayout = typeof homeLayouts.$inferSelect;
export type PostAudio = typeof postAudio.$inferSelect;
export type DocumentRow = typeof documents.$inferSelect;
export type DocumentAttachment = typeof documentAttachments.$inferSelect;
