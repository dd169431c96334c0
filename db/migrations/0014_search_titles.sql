DROP INDEX `posts_search_lookup_idx`;--> statement-breakpoint
CREATE INDEX `posts_search_lookup_idx` ON `posts` (`id`,`status`,`published_at`,`deleted_at`,`category_id`,`kind`,`language`,`title`);