-- Full-text index of posts for search (public site and admin post list).
-- Contentless: the text lives in `posts`; the index holds only the folded tokens (rowid = posts.id),
-- and contentless_delete lets triggers remove a post's row. Text is folded by `cms_fold`
-- (registered on every connection by db/open.ts) because the unicode61 tokenizer strips marks but
-- keeps `đ` apart from `d`; remove_diacritics stays on so an unfolded value still matches.
-- Every status is indexed: the admin list searches drafts too, and public queries filter by status.
CREATE VIRTUAL TABLE `posts_fts` USING fts5(
  title, lead, body,
  content = '',
  contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `posts_fts_after_insert` AFTER INSERT ON `posts`
BEGIN
  INSERT INTO posts_fts (rowid, title, lead, body)
  VALUES (new.id, cms_fold(new.title), cms_fold(new.lead), cms_fold(new.body_text));
END;
--> statement-breakpoint
-- Status is not in the index, so publishing or unpublishing leaves it alone (and works from any
-- connection, even one without cms_fold); only a real change of the indexed text re-indexes.
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
INSERT INTO posts_fts (rowid, title, lead, body)
SELECT id, cms_fold(title), cms_fold(lead), cms_fold(body_text) FROM posts;
