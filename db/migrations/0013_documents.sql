CREATE TABLE `document_attachments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` integer NOT NULL,
	`label` text DEFAULT '' NOT NULL,
	`file` text NOT NULL,
	`original_name` text NOT NULL,
	`kind` text NOT NULL,
	`bytes` integer NOT NULL,
	`extraction` text NOT NULL,
	`text` text DEFAULT '' NOT NULL,
	`flags` text DEFAULT '[]' NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`uploaded_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`post_id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `document_attachments_document_idx` ON `document_attachments` (`document_id`,`position`);--> statement-breakpoint
CREATE INDEX `document_attachments_file_idx` ON `document_attachments` (`file`);--> statement-breakpoint
CREATE TABLE `document_field_links` (
	`document_id` integer NOT NULL,
	`field_id` integer NOT NULL,
	PRIMARY KEY(`document_id`, `field_id`),
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`post_id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`field_id`) REFERENCES `document_fields`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `document_field_links_field_idx` ON `document_field_links` (`field_id`);--> statement-breakpoint
CREATE TABLE `document_fields` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`slug` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `document_fields_slug_unique` ON `document_fields` (`slug`);--> statement-breakpoint
CREATE TABLE `document_relations` (
	`from_id` integer NOT NULL,
	`to_id` integer NOT NULL,
	`relation` text NOT NULL,
	PRIMARY KEY(`from_id`, `to_id`, `relation`),
	FOREIGN KEY (`from_id`) REFERENCES `documents`(`post_id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`to_id`) REFERENCES `documents`(`post_id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `document_relations_to_idx` ON `document_relations` (`to_id`);--> statement-breakpoint
CREATE TABLE `document_types` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`slug` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `document_types_slug_unique` ON `document_types` (`slug`);--> statement-breakpoint
CREATE TABLE `documents` (
	`post_id` integer PRIMARY KEY NOT NULL,
	`type_id` integer NOT NULL,
	`number` text NOT NULL,
	`number_key` text NOT NULL,
	`issuer` text NOT NULL,
	`issuer_key` text NOT NULL,
	`signer` text DEFAULT '' NOT NULL,
	`issued_on` text NOT NULL,
	`effective_from` text,
	`effective_until` text,
	`manual_status` text,
	`national_database_url` text DEFAULT '' NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`type_id`) REFERENCES `document_types`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `documents_issuer_number_unique` ON `documents` (`issuer_key`,`number_key`);--> statement-breakpoint
CREATE INDEX `documents_number_key_idx` ON `documents` (`number_key`);--> statement-breakpoint
CREATE INDEX `documents_issued_idx` ON `documents` (`issued_on`);--> statement-breakpoint
CREATE INDEX `documents_type_issued_idx` ON `documents` (`type_id`,`issued_on`);--> statement-breakpoint
CREATE INDEX `documents_issuer_issued_idx` ON `documents` (`issuer_key`,`issued_on`);--> statement-breakpoint
-- Full-text index of the legal documents registry (/van-ban). Contentless like posts_fts: the data
-- layer writes each document's row (rowid = documents.post_id) on every save and attachment change,
-- folded by cms_fold: the number's tokens (lib/documents/number.ts, documentNumberSearchText), the
-- trích yếu, the note and the text extracted from the files. Numbers are tokens only the data layer
-- can compute, hence no trigger fills it; removing a document removes its row here.
CREATE VIRTUAL TABLE `documents_fts` USING fts5(
  number, summary, note, files,
  content = '',
  contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `documents_fts_after_delete` AFTER DELETE ON `documents`
BEGIN
  DELETE FROM documents_fts WHERE rowid = old.post_id;
END;
--> statement-breakpoint
-- The forms of Nghị định 30/2020/NĐ-CP and Luật Ban hành văn bản quy phạm pháp luật an agency meets
-- most; staff edit the list.
INSERT INTO `document_types` (`name`, `slug`, `position`) VALUES
  ('Luật', 'luat', 1), ('Pháp lệnh', 'phap-lenh', 2), ('Nghị quyết', 'nghi-quyet', 3), ('Nghị định', 'nghi-dinh', 4),
  ('Quyết định', 'quyet-dinh', 5), ('Chỉ thị', 'chi-thi', 6), ('Thông tư', 'thong-tu', 7), ('Thông tư liên tịch', 'thong-tu-lien-tich', 8),
  ('Công văn', 'cong-van', 9), ('Thông báo', 'thong-bao', 10), ('Kế hoạch', 'ke-hoach', 11), ('Hướng dẫn', 'huong-dan', 12),
  ('Báo cáo', 'bao-cao', 13), ('Văn bản hợp nhất', 'van-ban-hop-nhat', 14);
