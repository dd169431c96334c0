// Content: the posts table holds every kind (news, pages, documents' text) with its history.
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { CONTENT_KINDS, LANGUAGES, POST_STATUSES, REVISION_KINDS, type MediaRendition, type RegistrySnapshot } from "../vocabulary";
import { createdAt, updatedAt } from "./columns";
import { users } from "./accounts";

export const categories = sqliteTable(
  "categories",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    slug: text("slug").notNull(),
    description: text("description").notNull().default(""),
    // The category on the English site (/en/category/<slug_en>); without them it has no English address.
    nameEn: text("name_en"),
    slugEn: text("slug_en"),
    position: integer("position").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("categories_slug_unique").on(t.slug),
    uniqueIndex("categories_name_unique").on(t.name),
    // SQLite lets any number of rows have NULL here: only the categories given an English name are checked.
    uniqueIndex("categories_slug_en_unique").on(t.slugEn),
    uniqueIndex("categories_name_en_unique").on(t.nameEn),
  ],
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
    index("posts_search_lookup_idx").on(t.id, t.status, t.publishedAt, t.deletedAt, t.categoryId, t.kind, t.language, t.title),
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

// Old category slugs keep answering (redirect) after a rename, like post slugs.
// Per language: the English site's addresses (/en/category/<slug_en>) keep theirs apart.
export const categorySlugHistory = sqliteTable(
  "category_slug_history",
  {
    language: text("language", { enum: LANGUAGES }).notNull().default("vi"),
    slug: text("slug").notNull(),
    categoryId: integer("category_id")
      .notNull()
      .references(() => categories.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.language, t.slug] })],
);

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
    // A kind's own fields as they were (a document's registry); null for news and pages.
    kindFields: text("kind_fields", { mode: "json" }).$type<RegistrySnapshot>(),
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
