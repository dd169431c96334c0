import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { postCorrections, postRevisions } from "@/db/schema";
import { addCorrectionFor } from "@/lib/dal/posts/corrections";
import { updatePostFor } from "./helpers/save-post";
import { create, db, editor, fields, row } from "./helpers/posts-world";

/*
 * What was public, and when, is a permanent record: published revisions and corrections are
 * refused by the database itself (migration 0006's triggers), whoever asks and however.
 */

const revisionsOf = (postId: number) => db.select().from(postRevisions).where(eq(postRevisions.postId, postId)).orderBy(postRevisions.id).all();

/** A post with a draft revision (create) and a published one (publish), plus a correction. */
function postWithRecord() {
  const { id } = create(editor, { title: "Hội nghị tổng kết" });
  const published = updatePostFor(db, editor, id, 1, fields({ title: "Hội nghị tổng kết" }), { transition: { name: "publish" }, now: new Date() });
  if (!published.ok) throw new Error(published.message);
  const added = addCorrectionFor(db, editor, id, "Đính chính tên đơn vị.");
  if (!added.ok) throw new Error(added.message);
  const [draft, publishedRevision] = revisionsOf(id);
  expect([draft!.published, publishedRevision!.published]).toEqual([false, true]);
  return { id, draft: draft!, publishedRevision: publishedRevision!, correctionId: added.id };
}

describe("the public record at the database level", () => {
  it("refuses to update or delete a published revision, through raw SQL as through the ORM", () => {
    const { id, publishedRevision } = postWithRecord();
    const before = revisionsOf(id);
    expect(() => db.$client.prepare("update post_revisions set title = 'Sửa lịch sử' where id = ?").run(publishedRevision.id)).toThrow(/published revisions are permanent/);
    expect(() => db.$client.prepare("update post_revisions set published = 0 where id = ?").run(publishedRevision.id)).toThrow(/published revisions are permanent/);
    expect(() => db.$client.prepare("delete from post_revisions where id = ?").run(publishedRevision.id)).toThrow(/published revisions are permanent/);
    expect(() => db.$client.exec(`delete from post_revisions where post_id = ${id}`)).toThrow(/published revisions are permanent/);
    expect(() => db.update(postRevisions).set({ title: "Sửa lịch sử" }).where(eq(postRevisions.id, publishedRevision.id)).run()).toThrow(/published revisions are permanent/);
    expect(() => db.delete(postRevisions).where(eq(postRevisions.id, publishedRevision.id)).run()).toThrow(/published revisions are permanent/);
    expect(revisionsOf(id)).toEqual(before);
  });

  it("refuses to update or delete a correction", () => {
    const { correctionId } = postWithRecord();
    const before = db.select().from(postCorrections).all();
    expect(() => db.$client.prepare("update post_corrections set text = 'Khác' where id = ?").run(correctionId)).toThrow(/append-only/);
    expect(() => db.$client.prepare("delete from post_corrections where id = ?").run(correctionId)).toThrow(/append-only/);
    expect(() => db.$client.exec("delete from post_corrections")).toThrow(/append-only/);
    expect(() => db.update(postCorrections).set({ text: "Khác" }).where(eq(postCorrections.id, correctionId)).run()).toThrow(/append-only/);
    expect(db.select().from(postCorrections).all()).toEqual(before);
  });

  it("lets a revision that was never public be deleted (purging a post's drafts)", () => {
    const { id, draft, publishedRevision } = postWithRecord();
    expect(db.$client.prepare("delete from post_revisions where post_id = ? and published = 0").run(id).changes).toBe(1);
    expect(revisionsOf(id).map((r) => r.id)).toEqual([publishedRevision.id]);
    expect(revisionsOf(id).map((r) => r.id)).not.toContain(draft.id);
  });

  it("keeps the record even after the post itself is deleted", () => {
    const { id, correctionId } = postWithRecord();
    // As purging it from the trash does, foreign keys enforced (its media links and old slugs go with it).
    db.$client.prepare("delete from posts where id = ?").run(id);
    expect(row(id)).toBeUndefined();
    expect(revisionsOf(id).filter((r) => r.published)).toHaveLength(1);
    expect(db.select().from(postCorrections).where(eq(postCorrections.id, correctionId)).all()).toHaveLength(1);
  });
});
