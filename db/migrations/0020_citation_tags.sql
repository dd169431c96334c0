-- A document's page lists the public news posts that cite it ("Bài viết dẫn chiếu"). It is tagged
-- `citations:<document slug>` (lib/cache/tags.ts), and these triggers queue that tag in the writing
-- transaction, whichever process or CLI writes, when what the list shows changes: a citation of a
-- published post is made or removed, or a published post that cites documents changes its title,
-- address, language, status or time, or goes to the trash. The page used to carry `home`, which
-- every post change queues, so each publish refreshed every document page a cache in front kept.
-- A scheduled post's going live changes no row: the scheduler queues the tag itself
-- (lib/dal/posts/schedule.ts). Pages queue `public`, which every page carries.
CREATE TRIGGER `post_documents_citations_after_insert` AFTER INSERT ON `post_documents`
WHEN EXISTS (SELECT 1 FROM posts WHERE id = new.post_id AND kind = 'post' AND status = 'published')
BEGIN
  INSERT INTO cache_invalidations (tag) SELECT 'citations:' || slug FROM posts WHERE id = new.document_id;
END;
--> statement-breakpoint
-- Rows also go with their post (ON DELETE CASCADE), which is then already gone: a removed row
-- counts unless its post is still there and not a published news post.
CREATE TRIGGER `post_documents_citations_after_delete` AFTER DELETE ON `post_documents`
WHEN NOT EXISTS (SELECT 1 FROM posts WHERE id = old.post_id AND (kind <> 'post' OR status <> 'published'))
BEGIN
  INSERT INTO cache_invalidations (tag) SELECT 'citations:' || slug FROM posts WHERE id = old.document_id;
END;
--> statement-breakpoint
CREATE TRIGGER `posts_citations_after_update` AFTER UPDATE OF title, slug, language, status, published_at, deleted_at ON `posts`
WHEN new.kind = 'post' AND (old.status = 'published' OR new.status = 'published')
  AND (old.title IS NOT new.title OR old.slug IS NOT new.slug OR old.language IS NOT new.language OR old.status IS NOT new.status
    OR old.published_at IS NOT new.published_at OR old.deleted_at IS NOT new.deleted_at)
BEGIN
  INSERT INTO cache_invalidations (tag)
  SELECT DISTINCT 'citations:' || d.slug FROM post_documents pd JOIN posts d ON d.id = pd.document_id WHERE pd.post_id = new.id;
END;
