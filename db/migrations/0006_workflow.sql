CREATE TABLE `post_autosaves` (
	`post_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`base_version` integer NOT NULL,
	`fields` text NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`post_id`, `user_id`),
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `post_corrections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`post_id` integer NOT NULL,
	`text` text NOT NULL,
	`actor_id` integer,
	`actor_name` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `post_corrections_post_idx` ON `post_corrections` (`post_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `post_presence` (
	`post_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`user_name` text NOT NULL,
	`seen_at` integer NOT NULL,
	PRIMARY KEY(`post_id`, `user_id`),
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `post_revisions` (
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
	`category_id` integer NOT NULL,
	`status` text NOT NULL,
	`published_at` integer,
	`actor_id` integer,
	`actor_name` text DEFAULT '' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `post_revisions_post_idx` ON `post_revisions` (`post_id`,`id`);--> statement-breakpoint
ALTER TABLE `posts` ADD `review_note` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `posts` ADD `review_note_by` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `posts` ADD `review_note_at` integer;--> statement-breakpoint
-- The public record: a published revision, once written, is permanent, whoever asks.
CREATE TRIGGER `post_revisions_published_no_update` BEFORE UPDATE ON `post_revisions` WHEN OLD.`published` = 1
BEGIN SELECT RAISE(ABORT, 'published revisions are permanent'); END;
--> statement-breakpoint
CREATE TRIGGER `post_revisions_published_no_delete` BEFORE DELETE ON `post_revisions` WHEN OLD.`published` = 1
BEGIN SELECT RAISE(ABORT, 'published revisions are permanent'); END;
--> statement-breakpoint
CREATE TRIGGER `post_corrections_no_update` BEFORE UPDATE ON `post_corrections`
BEGIN SELECT RAISE(ABORT, 'post_corrections is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `post_corrections_no_delete` BEFORE DELETE ON `post_corrections`
BEGIN SELECT RAISE(ABORT, 'post_corrections is append-only'); END;
--> statement-breakpoint
-- Every post that exists before this migration starts its history with one revision of what it is now.
INSERT INTO `post_revisions` (`post_id`, `version`, `kind`, `published`, `title`, `slug`, `lead`, `body`, `body_html`, `body_text`, `source`, `seo_title`, `seo_description`, `featured_media_id`, `featured_image_url`, `featured_image_alt`, `featured_image_caption`, `category_id`, `status`, `published_at`, `actor_id`, `actor_name`, `created_at`, `updated_at`)
SELECT `id`, `version`, 'import', `status` = 'published', `title`, `slug`, `lead`, `body`, `body_html`, `body_text`, `source`, `seo_title`, `seo_description`, `featured_media_id`, `featured_image_url`, `featured_image_alt`, `featured_image_caption`, `category_id`, `status`, `published_at`, `author_id`, '', `updated_at`, `updated_at` FROM `posts`;
