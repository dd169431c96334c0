CREATE TABLE `registry_version` (
	`id` integer PRIMARY KEY NOT NULL,
	`version` integer NOT NULL,
	CONSTRAINT "registry_version_one_row" CHECK("registry_version"."id" = 1)
);
--> statement-breakpoint
-- The version the public registry's in-memory copy (lib/dal/documents/public-registry.ts) is
-- checked against on every search: bumped in the writing transaction by every change to what the
-- copy holds, whichever process or CLI writes. Only published documents are in it, so changes to a
-- document that is published neither before nor after (a draft's autosave, every few seconds while
-- staff type) leave it alone; publishing, unpublishing, trashing and scheduling are changes of the
-- posts row, which the posts triggers see.
INSERT INTO `registry_version` (`id`, `version`) VALUES (1, 0);
--> statement-breakpoint
CREATE TRIGGER `posts_registry_version_after_insert` AFTER INSERT ON `posts`
WHEN new.kind = 'document' AND new.status = 'published'
BEGIN
  UPDATE registry_version SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `posts_registry_version_after_update` AFTER UPDATE ON `posts`
WHEN (old.kind = 'document' AND old.status = 'published') OR (new.kind = 'document' AND new.status = 'published')
BEGIN
  UPDATE registry_version SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `posts_registry_version_after_delete` AFTER DELETE ON `posts`
WHEN old.kind = 'document' AND old.status = 'published'
BEGIN
  UPDATE registry_version SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `documents_registry_version_after_insert` AFTER INSERT ON `documents`
WHEN EXISTS (SELECT 1 FROM posts WHERE id = new.post_id AND status = 'published')
BEGIN
  UPDATE registry_version SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `documents_registry_version_after_update` AFTER UPDATE ON `documents`
WHEN EXISTS (SELECT 1 FROM posts WHERE id IN (old.post_id, new.post_id) AND status = 'published')
BEGIN
  UPDATE registry_version SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
-- A document's rows go with its post (ON DELETE CASCADE), which is then already gone: a removed row
-- counts unless its post is still there and not published.
CREATE TRIGGER `documents_registry_version_after_delete` AFTER DELETE ON `documents`
WHEN NOT EXISTS (SELECT 1 FROM posts WHERE id = old.post_id AND status <> 'published')
BEGIN
  UPDATE registry_version SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `document_field_links_registry_version_after_insert` AFTER INSERT ON `document_field_links`
WHEN EXISTS (SELECT 1 FROM posts WHERE id = new.document_id AND status = 'published')
BEGIN
  UPDATE registry_version SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `document_field_links_registry_version_after_update` AFTER UPDATE ON `document_field_links`
WHEN EXISTS (SELECT 1 FROM posts WHERE id IN (old.document_id, new.document_id) AND status = 'published')
BEGIN
  UPDATE registry_version SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `document_field_links_registry_version_after_delete` AFTER DELETE ON `document_field_links`
WHEN NOT EXISTS (SELECT 1 FROM posts WHERE id = old.document_id AND status <> 'published')
BEGIN
  UPDATE registry_version SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `document_fields_registry_version_after_insert` AFTER INSERT ON `document_fields`
BEGIN
  UPDATE registry_version SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `document_fields_registry_version_after_update` AFTER UPDATE ON `document_fields`
BEGIN
  UPDATE registry_version SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `document_fields_registry_version_after_delete` AFTER DELETE ON `document_fields`
BEGIN
  UPDATE registry_version SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `document_types_registry_version_after_insert` AFTER INSERT ON `document_types`
BEGIN
  UPDATE registry_version SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `document_types_registry_version_after_update` AFTER UPDATE ON `document_types`
BEGIN
  UPDATE registry_version SET version = version + 1 WHERE id = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `document_types_registry_version_after_delete` AFTER DELETE ON `document_types`
BEGIN
  UPDATE registry_version SET version = version + 1 WHERE id = 1;
END;
