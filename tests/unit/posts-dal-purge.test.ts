import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { postRevisions, postSlugHistory, posts } from "@/db/schema";
import { purgeExpiredTrash } from "@/lib/dal/posts/purge";
import { emptyTrashFor, trashPostsFor } from "@/lib/dal/posts/trash";
import { updatePostFor } from "./helpers/save-post";
import { admin, authorA, create, db, editor, fields, logs, row } from "./helpers/posts-world";
import { RefusedError } from "@/lib/dal/actor";

const exists = (id: number) => Boolean(db.select({ id: posts.id }).from(posts).where(eq(posts.id, id)).get());
const revisionCount = (id: number, published?: boolean) =>
  db
    .select({ n: count() })
    .from(postRevisions)
    .where(published === undefined ? eq(postRevisions.postId, id) : eq(postRevisions.published, published))
    .get()!.n;

function publishedPost() {
  const { id, slug } = create(authorA);
  const result = updatePostFor(db, editor, id, 1, fields({ slug }), { transition: { name: "publish" } });
  if (!result.ok) throw new Error(result.message);
  return { id, slug };
}

describe("purging the trash", () => {
  it("the job deletes posts trashed more than 30 days ago, keeping their published revisions as the public record", () => {
    const old = publishedPost();
    const recent = create(authorA);
    trashPostsFor(db, editor, [old.id], new Date("2026-01-01T00:00:00Z"));
    trashPostsFor(db, editor, [recent.id], new Date("2026-01-20T00:00:00Z"));
    expect(revisionCount(old.id)).toBe(2); // create, publish

    expect(purgeExpiredTrash(db, new Date("2026-01-31T00:00:01Z"))).toBe(1);
    expect(exists(old.id)).toBe(false);
    expect(exists(recent.id)).toBe(true);
    const kept = db.select().from(postRevisions).where(eq(postRevisions.postId, old.id)).all();
    expect(kept.map((r) => r.kind)).toEqual(["publish"]);
    expect(db.select().from(postSlugHistory).where(eq(postSlugHistory.postId, old.id)).all()).toEqual([]);
    expect(logs("post.purge")).toMatchObject([{ actorId: null, actorName: "Hệ thống (dọn thùng rác)", objectId: String(old.id) }]);
  });

  it("never touches a post that is not in the trash, however old", () => {
    const { id } = create(authorA);
    expect(purgeExpiredTrash(db, new Date("2099-01-01T00:00:00Z"))).toBe(0);
    expect(exists(id)).toBe(true);
  });

  it("admins empty the whole trash at once; editors and authors are refused and nothing is deleted", () => {
    const a = publishedPost();
    const b = create(authorA);
    trashPostsFor(db, editor, [a.id, b.id]);
    expect(() => emptyTrashFor(db, editor)).toThrow(RefusedError);
    expect(() => emptyTrashFor(db, authorA)).toThrow(RefusedError);
    expect(exists(a.id) && exists(b.id)).toBe(true);

    const publishedBefore = revisionCount(0, true);
    expect(emptyTrashFor(db, admin)).toMatchObject({ ok: true, count: 2, message: "Đã xoá hẳn 2 bài viết trong thùng rác." });
    expect(exists(a.id) || exists(b.id)).toBe(false);
    expect(revisionCount(0, true)).toBe(publishedBefore);
    expect(logs("trash.empty")).toHaveLength(1);
    expect(emptyTrashFor(db, admin)).toMatchObject({ ok: true, count: 0, message: "Thùng rác đã trống." });
  });

  it("the published record cannot be deleted or changed, even with raw SQL", () => {
    const { id } = publishedPost();
    expect(() => db.$client.prepare("DELETE FROM post_revisions WHERE post_id = ? AND published = 1").run(id)).toThrow(/published revisions are permanent/);
    expect(() => db.$client.prepare("UPDATE post_revisions SET title = 'Sửa lén' WHERE post_id = ? AND published = 1").run(id)).toThrow(/published revisions are permanent/);
    expect(row(id).status).toBe("published");
  });
});
