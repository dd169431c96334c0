ALTER TABLE `categories` ADD `name_en` text;--> statement-breakpoint
ALTER TABLE `categories` ADD `slug_en` text;--> statement-breakpoint
CREATE UNIQUE INDEX `categories_slug_en_unique` ON `categories` (`slug_en`);--> statement-breakpoint
CREATE UNIQUE INDEX `categories_name_en_unique` ON `categories` (`name_en`);