DROP INDEX `posts_kind_language_status_published_idx`;--> statement-breakpoint
DROP INDEX `posts_category_status_published_idx`;--> statement-breakpoint
CREATE INDEX `posts_listing_idx` ON `posts` (`kind`,`language`,`status`,`deleted_at`,`published_at`);--> statement-breakpoint
CREATE INDEX `posts_category_listing_idx` ON `posts` (`category_id`,`kind`,`language`,`status`,`deleted_at`,`published_at`);