CREATE TABLE `post_documents` (
	`post_id` integer NOT NULL,
	`document_id` integer NOT NULL,
	`via` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`post_id`, `document_id`, `via`),
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`post_id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `post_documents_document_idx` ON `post_documents` (`document_id`,`post_id`);--> statement-breakpoint
ALTER TABLE `post_revisions` ADD `kind_fields` text;