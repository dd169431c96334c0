-- Content kinds: pages share the posts table (kind, a place in a tree, no category), and every row
-- has a language. drizzle-kit rebuilds posts and post_revisions to make category_id nullable; the
-- rebuild drops the tables' triggers, which are made again at the end, as 0003 and 0006 made them.
-- (The generated copy also listed the new columns as if the old tables had them: they are left to
-- their defaults instead.)
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_posts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text DEFAULT 'post' NOT NULL,
	`language` text DEFAULT 'vi' NOT NULL,
	`translation_group_id` integer,
	`parent_id` integer,
	`position` integer DEFAULT 0 NOT NULL,
	`title` text NOT NULL,
	`slug` text NOT NULL,
	`lead` text DEFAULT '' NOT NULL,
	`body` text NOT NULL,
	`body_html` text DEFAULT '' NOT NULL,
	`body_text` text DEFAULT '' NOT NULL,
	`source` text DEFAULT '' NOT NULL,
	`seo_title` text DEFAULT '' NOT NULL,
	`seo_description` text DEFAULT '' NOT NULL,
	`featured_media_id` integer,
	`featured_image_url` text,
	`featured_image_alt` text DEFAULT '' NOT NULL,
	`featured_image_caption` text DEFAULT '' NOT NULL,
	`category_id` integer,
	`status` text DEFAULT 'draft' NOT NULL,
	`published_at` integer,
	`author_id` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` integer,
	`legacy_key` text,
	`review_note` text DEFAULT '' NOT NULL,
	`review_note_by` text DEFAULT '' NOT NULL,
	`review_note_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`featured_media_id`) REFERENCES `media`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
INSERT INTO `__new_posts`("id", "title", "slug", "lead", "body", "body_html", "body_text", "source", "seo_title", "seo_description", "featured_media_id", "featured_image_url", "featured_image_alt", "featured_image_caption", "category_id", "status", "published_at", "author_id", "version", "deleted_at", "legacy_key", "review_note", "review_note_by", "review_note_at", "created_at", "updated_at") SELECT "id", "title", "slug", "lead", "body", "body_html", "body_text", "source", "seo_title", "seo_description", "featured_media_id", "featured_image_url", "featured_image_alt", "featured_image_caption", "category_id", "status", "published_at", "author_id", "version", "deleted_at", "legacy_key", "review_note", "review_note_by", "review_note_at", "created_at", "updated_at" FROM `posts`;--> statement-breakpoint
DROP TABLE `posts`;--> statement-breakpoint
ALTER TABLE `__new_posts` RENAME TO `posts`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `posts_kind_language_slug_unique` ON `posts` (`kind`,`language`,`slug`);--> statement-breakpoint
CREATE UNIQUE INDEX `posts_legacy_key_unique` ON `posts` (`legacy_key`);--> statement-breakpoint
CREATE INDEX `posts_kind_language_status_published_idx` ON `posts` (`kind`,`language`,`status`,`published_at`);--> statement-breakpoint
CREATE INDEX `posts_category_status_published_idx` ON `posts` (`category_id`,`status`,`published_at`);--> statement-breakpoint
CREATE INDEX `posts_author_idx` ON `posts` (`author_id`);--> statement-breakpoint
CREATE INDEX `posts_parent_idx` ON `posts` (`parent_id`,`position`);--> statement-breakpoint
CREATE INDEX `posts_translation_group_idx` ON `posts` (`translation_group_id`);--> statement-breakpoint
CREATE INDEX `posts_search_lookup_idx` ON `posts` (`id`,`status`,`published_at`,`deleted_at`,`category_id`,`kind`,`language`);--> statement-breakpoint
CREATE TABLE `__new_post_revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`post_id` integer NOT NULL,
	`version` integer NOT NULL,
	`kind` text NOT NULL,
	`published` integer DEFAULT false NOT NULL,
	`title` text NOT NULL,
	`slug` text NOT NULL,
	`lead` text DEFAULT '' NOT NULL,
	`body` text NOT NULL,
	`body_html` text DEFAULT '' NOT NULL,
	`body_text` text DEFAULT '' NOT NULL,
	`source` text DEFAULT '' NOT NULL,
	`seo_title` text DEFAULT '' NOT NULL,
	`seo_description` text DEFAULT '' NOT NULL,
	`featured_media_id` integer,
	`featured_image_url` text,
	`featured_image_alt` text DEFAULT '' NOT NULL,
	`featured_image_caption` text DEFAULT '' NOT NULL,
	`category_id` integer,
	`status` text NOT NULL,
	`published_at` integer,
	`actor_id` integer,
	`actor_name` text DEFAULT '' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
INSERT INTO `__new_post_revisions`("id", "post_id", "version", "kind", "published", "title", "slug", "lead", "body", "body_html", "body_text", "source", "seo_title", "seo_description", "featured_media_id", "featured_image_url", "featured_image_alt", "featured_image_caption", "category_id", "status", "published_at", "actor_id", "actor_name", "note", "created_at", "updated_at") SELECT "id", "post_id", "version", "kind", "published", "title", "slug", "lead", "body", "body_html", "body_text", "source", "seo_title", "seo_description", "featured_media_id", "featured_image_url", "featured_image_alt", "featured_image_caption", "category_id", "status", "published_at", "actor_id", "actor_name", "note", "created_at", "updated_at" FROM `post_revisions`;--> statement-breakpoint
DROP TABLE `post_revisions`;--> statement-breakpoint
ALTER TABLE `__new_post_revisions` RENAME TO `post_revisions`;--> statement-breakpoint
CREATE INDEX `post_revisions_post_idx` ON `post_revisions` (`post_id`,`id`);--> statement-breakpoint
CREATE TABLE `__new_post_slug_history` (
	`kind` text DEFAULT 'post' NOT NULL,
	`language` text DEFAULT 'vi' NOT NULL,
	`slug` text NOT NULL,
	`post_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`kind`, `language`, `slug`),
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO `__new_post_slug_history`("slug", "post_id", "created_at") SELECT "slug", "post_id", "created_at" FROM `post_slug_history`;--> statement-breakpoint
DROP TABLE `post_slug_history`;--> statement-breakpoint
ALTER TABLE `__new_post_slug_history` RENAME TO `post_slug_history`;--> statement-breakpoint
CREATE INDEX `post_slug_history_post_idx` ON `post_slug_history` (`post_id`);--> statement-breakpoint
CREATE TRIGGER `posts_fts_after_insert` AFTER INSERT ON `posts`
BEGIN
  INSERT INTO posts_fts (rowid, title, lead, body)
  VALUES (new.id, cms_fold(new.title), cms_fold(new.lead), cms_fold(new.body_text));
END;
--> statement-breakpoint
CREATE TRIGGER `posts_fts_after_update` AFTER UPDATE OF title, lead, body_text ON `posts`
WHEN old.title IS NOT new.title OR old.lead IS NOT new.lead OR old.body_text IS NOT new.body_text
BEGIN
  DELETE FROM posts_fts WHERE rowid = old.id;
  INSERT INTO posts_fts (rowid, title, lead, body)
  VALUES (new.id, cms_fold(new.title), cms_fold(new.lead), cms_fold(new.body_text));
END;
--> statement-breakpoint
CREATE TRIGGER `posts_fts_after_delete` AFTER DELETE ON `posts`
BEGIN
  DELETE FROM posts_fts WHERE rowid = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `post_revisions_published_no_update` BEFORE UPDATE ON `post_revisions` WHEN OLD.`published` = 1
BEGIN SELECT RAISE(ABORT, 'published revisions are permanent'); END;
--> statement-breakpoint
CREATE TRIGGER `post_revisions_published_no_delete` BEFORE DELETE ON `post_revisions` WHEN OLD.`published` = 1
BEGIN SELECT RAISE(ABORT, 'published revisions are permanent'); END;
