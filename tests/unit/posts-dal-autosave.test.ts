import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { postAutosaves, postRevisions } from "@/db/schema";
import { autosavePostFor, updatePostFor } from "./helpers/save-post";
import { discardPendingDraftFor, getCurrentVersionFor, getPendingDraftFor } from "@/lib/dal/posts/autosave";
import { POST_ADMIN_MESSAGES } from "@/lib/dal/posts/access";
import type { DraftValues } from "@/lib/editor/draft-values";
import { POST_MESSAGES, type PostFields } from "@/lib/validations/post";
import { authorA, authorB, create, db, doc, editor, fields, insertMedia, paragraph, row, setStatus } from "./helpers/posts-world";
import { RefusedError } from "@/lib/dal/actor";

const revisions = (postId: number) => db.select().from(postRevisions).where(eq(postRevisions.postId, postId)).orderBy(postRevisions.id).all();
const pendingRows = (postId: number) => db.select().from(postAutosaves).where(eq(postAutosaves.postId, postId)).all();

/** What the form would send for these fields (the values a restore puts back). */
function valuesOf(data: PostFields): DraftValues {
  return { title: data.title, lead: data.lead, categoryId: String(data.categoryId), body: JSON.stringify(data.body) };
}

function autosave(actor: Parameters<typeof autosavePostFor>[1], id: number, version: number, overrides: Partial<PostFields>, now = new Date()) {
  const data = fields(overrides);
  return autosavePostFor(db, actor, id, version, data, valuesOf(data), now);
}

describe("autosave of a post that is not public", () => {
  it("saves through the version check: the post changes and its version advances", () => {
    const { id } = create(authorA);
    const result = autosave(authorA, id, 1, { body: doc(paragraph("Đoạn mới gõ")) });
    expect(result).toMatchObject({ ok: true, mode: "saved", version: 2 });
    expect(row(id)).toMatchObject({ version: 2, bodyText: "Đoạn mới gõ", status: "draft" });
    expect(pendingRows(id)).toEqual([]);
  });

  it("many autosaves by the same person coalesce into one revision row", () => {
    const { id } = create(authorA);
    let version = 1;
    for (let i = 1; i <= 6; i++) {
      const result = autosave(authorA, id, version, { body: doc(paragraph(`Lần gõ ${i}`)) });
      if (!result.ok) throw new Error(result.message);
      version = result.version;
    }
    expect(version).toBe(7);
    const kinds = revisions(id).map((r) => r.kind);
    expect(kinds).toEqual(["create", "autosave"]);
    expect(revisions(id).at(-1)).toMatchObject({ bodyText: "Lần gõ 6", version: 7 });
  });

  it("a stale version is refused, the post is untouched and the refused text is kept as a conflict revision", () => {
    const { id } = create(authorA);
    expect(autosave(editor, id, 1, { title: "Bản của biên tập viên" })).toMatchObject({ ok: true, version: 2 });
    const refused = autosave(authorA, id, 1, { title: "Bản của tác giả", body: doc(paragraph("Chữ của tác giả")) });
    expect(refused).toEqual({ ok: false, conflict: true, field: "version", message: POST_MESSAGES.conflict });
    expect(row(id)).toMatchObject({ version: 2, title: "Bản của biên tập viên" });
    expect(revisions(id).at(-1)).toMatchObject({ kind: "conflict", version: 1, title: "Bản của tác giả", bodyText: "Chữ của tác giả", actorId: authorA.id, published: false });
  });

  it("an author may not autosave another author's post; nothing is written", () => {
    const { id } = create(authorA);
    expect(autosave(authorB, id, 1, { title: "Chen ngang" })).toMatchObject({ ok: false, denied: true, message: POST_ADMIN_MESSAGES.notFound });
    expect(row(id)).toMatchObject({ version: 1, title: fields().title });
    expect(revisions(id).map((r) => r.kind)).toEqual(["create"]);
  });

  it("a reader role is not staff", () => {
    expect(() => autosavePostFor(db, null, 1, 1, fields(), {})).toThrow(RefusedError);
  });
});

describe("autosave of a public post", () => {
  function published(scheduledFor?: Date) {
    const { id } = create(authorA, { title: "Bài đã đăng" });
    setStatus(id, "published", scheduledFor ?? new Date("2025-06-01T03:00:00Z"));
    return id;
  }

  it("keeps the text aside per person with its base version; the post and its public text do not change", () => {
    const id = published();
    const before = row(id);
    const result = autosave(editor, id, 1, { title: "Sửa chưa đăng", body: doc(paragraph("Chưa được lên trang")) }, new Date("2025-07-01T07:05:00Z"));
    expect(result).toMatchObject({ ok: true, mode: "kept", version: 1 });
    expect(row(id)).toEqual(before);
    expect(revisions(id).map((r) => r.kind)).toEqual(["create"]);
    expect(getPendingDraftFor(db, editor, id)).toEqual({
      baseVersion: 1,
      savedAt: "2025-07-01T07:05:00.000Z",
      values: expect.objectContaining({ title: "Sửa chưa đăng" }),
      featured: null,
    });
    // Someone else's pending draft is theirs alone.
    expect(getPendingDraftFor(db, authorA, id)).toBeNull();
  });

  it("the pending draft's picture is looked up from the library, not taken from the browser", () => {
    const id = published();
    const picture = insertMedia();
    const data = fields({ featuredMediaId: picture.id });
    autosavePostFor(db, editor, id, 1, data, { ...valuesOf(data), featuredMediaId: String(picture.id) });
    expect(getPendingDraftFor(db, editor, id)?.featured).toMatchObject({ mediaId: picture.id, legacy: false, alt: "Toàn cảnh hội trường" });
  });

  it("a scheduled post counts as public too", () => {
    const id = published(new Date(Date.now() + 86_400_000));
    expect(autosave(editor, id, 1, { title: "Sửa bài hẹn giờ" })).toMatchObject({ mode: "kept" });
    expect(row(id).title).toBe("Bài đã đăng");
  });

  it("the next autosave replaces the pending draft: one row per person", () => {
    const id = published();
    autosave(editor, id, 1, { title: "Lần 1" });
    autosave(editor, id, 1, { title: "Lần 2" });
    expect(pendingRows(id)).toHaveLength(1);
    expect(getPendingDraftFor(db, editor, id)?.values.title).toBe("Lần 2");
  });

  it("a manual save publishes the edit and removes the pending draft; an autosave of a draft does not touch it", () => {
    const id = published();
    autosave(editor, id, 1, { title: "Sửa chưa đăng" });
    expect(updatePostFor(db, editor, id, 1, fields({ title: "Sửa chưa đăng" }))).toMatchObject({ ok: true, version: 2 });
    expect(row(id).title).toBe("Sửa chưa đăng");
    expect(pendingRows(id)).toEqual([]);
  });

  it("a stale base version is a conflict and the refused text is kept as a revision", () => {
    const id = published();
    updatePostFor(db, editor, id, 1, fields({ title: "Bản mới đã đăng" }));
    expect(autosave(editor, id, 1, { title: "Bản cũ" })).toMatchObject({ ok: false, conflict: true });
    expect(pendingRows(id)).toEqual([]);
    expect(revisions(id).at(-1)).toMatchObject({ kind: "conflict", title: "Bản cũ", version: 1 });
  });

  it("an author may not autosave their own published post", () => {
    const id = published();
    expect(autosave(authorA, id, 1, { title: "Tác giả sửa" })).toMatchObject({ ok: false, denied: true, message: POST_ADMIN_MESSAGES.forbiddenEdit });
    expect(pendingRows(id)).toEqual([]);
  });

  it("Bỏ removes only the person's own pending draft", () => {
    const id = published();
    const other = { ...editor, id: authorB.id, name: authorB.name, role: "editor" as const };
    autosave(editor, id, 1, { title: "Của biên tập viên" });
    autosave(other, id, 1, { title: "Của người khác" });
    discardPendingDraftFor(db, editor, id);
    expect(pendingRows(id).map((r) => r.userId)).toEqual([authorB.id]);
  });
});

describe("getCurrentVersionFor", () => {
  it("says who saved the current version; hidden posts answer null", () => {
    const { id } = create(authorA);
    updatePostFor(db, editor, id, 1, fields({ title: "Bản của biên tập viên" }));
    const current = getCurrentVersionFor(db, authorA, id);
    expect(current).toMatchObject({ post: { version: 2, title: "Bản của biên tập viên" }, savedBy: editor.name });
    expect(getCurrentVersionFor(db, authorB, id)).toBeNull();
    const conflict = db.select().from(postRevisions).where(and(eq(postRevisions.postId, id), eq(postRevisions.kind, "conflict"))).all();
    expect(conflict).toEqual([]);
  });
});
