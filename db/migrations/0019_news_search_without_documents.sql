-- The readers' search index (posts_fts) holds news and pages only. Legal documents have their own
-- index (documents_fts, migration 0013, with their number tokens and files' text), and nothing
-- searched them here: their rows only made every news search walk past them (a broad query reads
-- the newest matches first, and an import of 20,000 documents put 20,000 non-matching rows ahead
-- of every post).
DROP TRIGGER IF EXISTS `posts_fts_after_insert`;
--> statement-breakpoint
CREATE TRIGGER `posts_fts_after_insert` AFTER INSERT ON `posts`
WHEN new.kind <> 'document'
BEGIN
  INSERT INTO posts_fts (rowid, title, lead, body)
  VALUES (new.id, cms_fold(new.title), cms_fold(new.lead), cms_fold(new.body_text));
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `posts_fts_after_update`;
--> statement-breakpoint
CREATE TRIGGER `posts_fts_after_update` AFTER UPDATE OF title, lead, body_text ON `posts`
WHEN (old.title IS NOT new.title OR old.lead IS NOT new.lead OR old.body_text IS NOT new.body_text) AND new.kind <> 'document'
BEGIN
  DELETE FROM posts_fts WHERE rowid = old.id;
  INSERT INTO posts_fts (rowid, title, lead, body)
  VALUES (new.id, cms_fold(new.title), cms_fold(new.lead), cms_fold(new.body_text));
END;
--> statement-breakpoint
DELETE FROM posts_fts WHERE rowid IN (SELECT id FROM posts WHERE kind = 'document');
