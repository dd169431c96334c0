import { relations, sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

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

export const ROLES = ["admin", "editor", "author"] as const;
export type Role = (typeof ROLES)[number];

export const USER_STATUSES = ["active", "disabled"] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export const POST_STATUSES = ["draft", "pending", "published", "unpublished"] as const;
export type PostStatus = (typeof POST_STATUSES)[number];

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
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("users_email_unique").on(t.email)],
);

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

export const posts = sqliteTable(
  "posts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    title: text("title").notNull(),
    slug: text("slug").notNull(),
    lead: text("lead").notNull().default(""),
    // The editor's ProseMirror JSON, the source of truth; html and text are derived from it on save.
    body: text("body", { mode: "json" }).notNull(),
    bodyHtml: text("body_html").notNull().default(""),
    bodyText: text("body_text").notNull().default(""),
    source: text("source").notNull().default(""),
    featuredImageUrl: text("featured_image_url"),
    featuredImageAlt: text("featured_image_alt").notNull().default(""),
    featuredImageCaption: text("featured_image_caption").notNull().default(""),
    categoryId: integer("category_id")
      .notNull()
      .references(() => categories.id, { onDelete: "restrict" }),
    authorId: integer("author_id").references(() => users.id, { onDelete: "set null" }),
    status: text("status", { enum: POST_STATUSES }).notNull().default("draft"),
    publishedAt: integer("published_at", { mode: "timestamp_ms" }),
    // Optimistic concurrency: every update must name the version it was based on.
    version: integer("version").notNull().default(1),
    // Identity of an imported legacy post, so importing the same export twice finds it again.
    legacyKey: text("legacy_key"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("posts_slug_unique").on(t.slug),
    uniqueIndex("posts_legacy_key_unique").on(t.legacyKey),
    index("posts_status_published_idx").on(t.status, t.publishedAt),
    index("posts_category_status_published_idx").on(t.categoryId, t.status, t.publishedAt),
    index("posts_author_idx").on(t.authorId),
  ],
);

// Slugs a post answered at before; requests for them redirect permanently to the current slug.
export const postSlugHistory = sqliteTable(
  "post_slug_history",
  {
    slug: text("slug").primaryKey(),
    postId: integer("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [index("post_slug_history_post_idx").on(t.postId)],
);

// Outbox of cache tags to revalidate: any process that changes content (the app, the importer CLI,
// the scheduler) appends here in the same transaction, and the running server revalidates them.
export const cacheInvalidations = sqliteTable("cache_invalidations", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  tag: text("tag").notNull(),
  createdAt: createdAt(),
});

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
export type NewUser = typeof users.$inferInsert;
export type Category = typeof categories.$inferSelect;
export type NewCategory = typeof categories.$inferInsert;
export type Post = typeof posts.$inferSelect;
export type NewPost = typeof posts.$inferInsert;
