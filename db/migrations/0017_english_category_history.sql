PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_category_slug_history` (
	`language` text DEFAULT 'vi' NOT NULL,
	`slug` text NOT NULL,
	`category_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`language`, `slug`),
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO `__new_category_slug_history`("language", "slug", "category_id", "created_at") SELECT 'vi', "slug", "category_id", "created_at" FROM `category_slug_history`;--> statement-breakpoint
DROP TABLE `category_slug_history`;--> statement-breakpoint
ALTER TABLE `__new_category_slug_history` RENAME TO `category_slug_history`;--> statement-breakpoint
PRAGMA foreign_keys=ON;