import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { categories, postRevisions, postSlugHistory } from "@/db/schema";
import { compareRevisionsFor, getRevisionFor, listRevisionsFor, restoreRevisionFor, REVISION_MESSAGES, REVISIONS_PAGE_SIZE } from "@/lib/dal/posts/revisions";
import { POST_ADMIN_MESSAGES } from "@/lib/dal/posts/access";
import { updatePostFor } from "./helpers/save-post";

import type { PostFields } from "@/lib/validations/post";
import { admin, authorA, authorB, categoryId, create, db, doc, editor, fields, logCount, logs, otherCategoryId, paragraph, row, tags } from "./helpers/posts-world";
import { type Actor, RefusedError } from "@/lib/dal/actor";

const revisions = (postId: number) => db.select().from(postRevisions).where(eq(postRevisions.postId, postId)).orderBy(postRevisions.id).all();

/** Saves over the post's current version, as the editor's form does. */
function save(actor: Actor, id: number, overrides: Partial<PostFields>, options: Parameters<typeof updatePostFor>[5] = {}) {
  const result = updatePostFor(db, actor, id, row(id).version, fields(overrides), options);
  if (!result.ok) throw new Error(result.message);
  return result;
}

/** A draft by author A edited twice: revisions #1 (create), #2 and #3 (save). */
function editedTwice() {
  const { id } = create(authorA, { title: "Hội nghị tổng kết", lead: "Sapo đầu tiên" });
  save(authorA, id, { title: "Hội nghị tổng kết", lead: "Sapo thứ hai", body: doc(paragraph("Nội dung đã sửa")) });
  save(editor, id, { title: "Hội nghị sơ kết", lead: "Sapo thứ hai", body: doc(paragraph("Nội dung đã sửa lần nữa")) });
  const [first, second, third] = revisions(id);
  return { id, first: first!, second: second!, third: third! };
}

describe("listRevisionsFor", () => {
  it("lists every revision newest first, numbered oldest first, with kind, who and when", () => {
    const { id, first, third } = editedTwice();
    const history = listRevisionsFor(db, editor, id)!;
    expect(history.post).toEqual({ id, title: "Hội nghị sơ kết", version: 3, canRestore: true });
    expect(history).toMatchObject({ page: 1, pageCount: 1, total: 3 });
    expect(history.items.map((r) => [r.number, r.kind, r.kindLabel, r.actorName, r.published])).toEqual([
      [3, "save", "Lưu", editor.name, false],
      [2, "save", "Lưu", authorA.name, false],
      [1, "create", "Tạo", authorA.name, false],
    ]);
    expect(history.items[0]).toMatchObject({ id: third.id, title: "Hội nghị sơ kết", createdAt: third.createdAt.toISOString() });
    expect(history.items[2]!.id).toBe(first.id);
  });

  it("pages a long history, numbers continuing across pages", () => {
    const { id } = create(authorA);
    for (let i = 1; i <= REVISIONS_PAGE_SIZE + 4; i++) save(authorA, id, { lead: `Sapo ${i}` });
    const total = REVISIONS_PAGE_SIZE + 5;
    const first = listRevisionsFor(db, authorA, id, 1)!;
    const second = listRevisionsFor(db, authorA, id, 2)!;
    expect([first.total, first.pageCount, first.items.length, second.items.length]).toEqual([total, 2, REVISIONS_PAGE_SIZE, 5]);
    expect(first.items[0]!.number).toBe(total);
    expect(second.items.map((r) => r.number)).toEqual([5, 4, 3, 2, 1]);
    // A page past the end shows the last one.
    expect(listRevisionsFor(db, authorA, id, 99)!.page).toBe(2);
  });

  it("shows a post's history to whoever may see the post, and to nobody else", () => {
    const { id } = editedTwice();
    expect(listRevisionsFor(db, authorA, id)?.total).toBe(3);
    expect(listRevisionsFor(db, admin, id)?.total).toBe(3);
    expect(listRevisionsFor(db, authorB, id)).toBeNull();
    expect(listRevisionsFor(db, editor, 999_999)).toBeNull();
    expect(() => listRevisionsFor(db, null, id)).toThrow(RefusedError);
  });

  it("names the system when nobody did it, and an author may not restore once the post is published", () => {
    const { id } = create(authorA);
    save(editor, id, { lead: "Xuất bản" }, { transition: { name: "publish" } });
    const history = listRevisionsFor(db, authorA, id)!;
    expect(history.post.canRestore).toBe(false);
    expect(history.items[0]).toMatchObject({ kind: "publish", kindLabel: "Xuất bản", published: true });
    db.$client.prepare("update post_revisions set actor_name = '', actor_id = null where id = ?").run(history.items[1]!.id);
    expect(listRevisionsFor(db, authorA, id)!.items[1]!.actorName).toBe("Hệ thống");
  });
});

describe("getRevisionFor", () => {
  it("shapes a revision like the public article, sanitized, with the one before it", () => {
    const { id, first, second } = editedTwice();
    db.$client.prepare("update post_revisions set body_html = ? where id = ?").run('<p>Cũ</p><script>alert(1)</script><img src=x onerror="alert(2)">', first.id);
    const view = getRevisionFor(db, editor, id, first.id)!;
    expect(view.revision).toMatchObject({ number: 1, kind: "create", categoryMissing: false });
    expect(view.previousId).toBeNull();
    expect(view.article).toMatchObject({ id, title: "Hội nghị tổng kết", lead: "Sapo đầu tiên", category: { name: "Hoạt động Đảng, đoàn thể" } });
    expect(view.article.bodyHtml).not.toMatch(/script|onerror/);
    expect(getRevisionFor(db, editor, id, second.id)!.previousId).toBe(first.id);
  });

  it("answers null for another post's revision and for a post the actor may not see", () => {
    const { id, first } = editedTwice();
    const other = create(authorB);
    expect(getRevisionFor(db, editor, other.id, first.id)).toBeNull();
    expect(getRevisionFor(db, authorB, id, first.id)).toBeNull();
  });
});

describe("compareRevisionsFor", () => {
  it("compares a revision with the one before it by default, word by word", () => {
    const { id, second, third } = editedTwice();
    const comparison = compareRevisionsFor(db, editor, id, { toId: third.id })!;
    expect([comparison.from?.id, comparison.to.id]).toEqual([second.id, third.id]);
    const title = comparison.fields.find((f) => f.field === "title")!.diff;
    expect(title.parts.filter((p) => p.kind !== "same")).toEqual([
      { kind: "removed", text: "tổng" },
      { kind: "added", text: "sơ" },
    ]);
    expect(comparison.fields.find((f) => f.field === "bodyText")!.diff.parts.filter((p) => p.kind === "added")).toEqual([{ kind: "added", text: "lần nữa" }]);
    expect(comparison.options.map((o) => o.label)).toEqual(["#3 · Lưu", "#2 · Lưu", "#1 · Tạo"]);
  });

  it("puts the older revision first whichever order they were chosen in; the newest when none is chosen", () => {
    const { id, first, third } = editedTwice();
    const swapped = compareRevisionsFor(db, editor, id, { fromId: third.id, toId: first.id })!;
    expect([swapped.from?.number, swapped.to.number]).toEqual([1, 3]);
    const latest = compareRevisionsFor(db, editor, id, {})!;
    expect([latest.from?.number, latest.to.number]).toEqual([2, 3]);
  });

  it("compares the first revision with nothing: everything in it was added", () => {
    const { id, first } = editedTwice();
    const comparison = compareRevisionsFor(db, editor, id, { toId: first.id })!;
    expect(comparison.from).toBeNull();
    expect(comparison.fields.find((f) => f.field === "lead")!.diff.parts).toEqual([{ kind: "added", text: "Sapo đầu tiên" }]);
  });

  it("answers null for revisions of another post and for a post the actor may not see", () => {
    const { id, first } = editedTwice();
    const other = create(authorB);
    expect(compareRevisionsFor(db, editor, other.id, { toId: first.id })).toBeNull();
    expect(compareRevisionsFor(db, editor, id, { fromId: revisions(other.id)[0]!.id, toId: first.id })).toBeNull();
    expect(compareRevisionsFor(db, authorB, id, {})).toBeNull();
  });
});

describe("restoreRevisionFor", () => {
  it("an editor restores an older revision: the post gets its content, a new version and a 'restore' revision; logged", () => {
    const { id, first } = editedTwice();
    const before = row(id);
    const result = restoreRevisionFor(db, editor, id, first.id, before.version);
    expect(result).toMatchObject({ ok: true, version: before.version + 1, number: 1, message: "Đã khôi phục phiên bản #1. Bản khôi phục được lưu thành phiên bản mới." });
    expect(row(id)).toMatchObject({ title: "Hội nghị tổng kết", lead: "Sapo đầu tiên", bodyText: "Nội dung bài viết", status: "draft", version: before.version + 1 });
    expect(revisions(id).at(-1)).toMatchObject({ kind: "restore", note: "từ phiên bản #1", actorId: editor.id, title: "Hội nghị tổng kết", version: before.version + 1 });
    expect(logs("post.revision-restore")).toMatchObject([{ actorId: editor.id, objectId: String(id), summary: "“Hội nghị tổng kết” từ phiên bản #1" }]);
  });

  it("an author restores a revision of their own draft, never of another author's post", () => {
    const { id, second } = editedTwice();
    expect(restoreRevisionFor(db, authorA, id, second.id, row(id).version)).toMatchObject({ ok: true });
    expect(row(id).title).toBe("Hội nghị tổng kết");
    const before = { post: row(id), revisions: revisions(id).length, log: logCount() };
    expect(restoreRevisionFor(db, authorB, id, second.id, before.post.version)).toEqual({ ok: false, denied: true, message: POST_ADMIN_MESSAGES.notFound });
    expect([row(id), revisions(id).length, logCount()]).toEqual([before.post, before.revisions, before.log]);
  });

  it("an author may not restore into their published post (editing rules); an admin may", () => {
    const { id, first } = editedTwice();
    save(editor, id, { title: "Hội nghị sơ kết" }, { transition: { name: "publish" } });
    const before = row(id);
    expect(restoreRevisionFor(db, authorA, id, first.id, before.version)).toEqual({ ok: false, denied: true, message: POST_ADMIN_MESSAGES.forbiddenEdit });
    expect(row(id)).toEqual(before);
    expect(restoreRevisionFor(db, admin, id, first.id, before.version)).toMatchObject({ ok: true });
  });

  it("restoring into a public post keeps it public, refreshes its pages, and the new revision is part of the public record", () => {
    const { id, first } = editedTwice();
    save(editor, id, { title: "Hội nghị sơ kết" }, { transition: { name: "publish" } });
    const published = row(id);
    db.$client.exec("delete from cache_invalidations");
    expect(restoreRevisionFor(db, editor, id, first.id, published.version)).toMatchObject({ ok: true, slug: "hoi-nghi-tong-ket" });
    expect(row(id)).toMatchObject({ status: "published", publishedAt: published.publishedAt, title: "Hội nghị tổng kết", slug: "hoi-nghi-tong-ket" });
    expect(tags()).toEqual(expect.arrayContaining(["home", `article:${published.slug}`, "article:hoi-nghi-tong-ket", `category:${categoryId}`]));
    expect(revisions(id).at(-1)).toMatchObject({ kind: "restore", published: true });
    // The address it had while public keeps answering.
    expect(db.select().from(postSlugHistory).where(eq(postSlugHistory.postId, id)).all().map((r) => r.slug)).toContain(published.slug);
  });

  it("a stale version changes nothing and says so", () => {
    const { id, first } = editedTwice();
    const before = { post: row(id), revisions: revisions(id).length, log: logCount() };
    expect(restoreRevisionFor(db, editor, id, first.id, before.post.version - 1)).toEqual({ ok: false, conflict: true, field: "version", message: REVISION_MESSAGES.stale });
    expect([row(id), revisions(id).length, logCount()]).toEqual([before.post, before.revisions, before.log]);
  });

  it("a revision whose category no longer exists is refused with a message; nothing changes", () => {
    const { id } = create(authorA, { categoryId: otherCategoryId, lead: "Ở chuyên mục cũ" });
    save(authorA, id, { categoryId, lead: "Đã chuyển chuyên mục" });
    db.delete(categories).where(eq(categories.id, otherCategoryId)).run();
    const first = revisions(id)[0]!;
    expect(getRevisionFor(db, authorA, id, first.id)!.revision.categoryMissing).toBe(true);
    const before = { post: row(id), revisions: revisions(id).length, log: logCount() };
    expect(restoreRevisionFor(db, authorA, id, first.id, before.post.version)).toEqual({ ok: false, field: "categoryId", message: REVISION_MESSAGES.categoryGone });
    expect([row(id), revisions(id).length, logCount()]).toEqual([before.post, before.revisions, before.log]);
  });

  it("restoring what the post already is writes nothing", () => {
    const { id, third } = editedTwice();
    const before = { post: row(id), revisions: revisions(id).length, log: logCount() };
    expect(restoreRevisionFor(db, editor, id, third.id, before.post.version)).toMatchObject({ ok: true, version: before.post.version, message: "Bài viết đang giống hệt phiên bản #3; không có gì thay đổi." });
    expect([row(id), revisions(id).length, logCount()]).toEqual([before.post, before.revisions, before.log]);
  });

  it("refuses another post's revision and a post in the trash", () => {
    const { id } = editedTwice();
    const other = create(authorA);
    expect(restoreRevisionFor(db, editor, id, revisions(other.id)[0]!.id, row(id).version)).toEqual({ ok: false, message: REVISION_MESSAGES.notFound });
    db.$client.prepare("update posts set deleted_at = ? where id = ?").run(Date.now(), id);
    expect(restoreRevisionFor(db, editor, id, revisions(id)[0]!.id, row(id).version)).toEqual({ ok: false, message: POST_ADMIN_MESSAGES.inTrash });
  });

  it("rolls back the whole restore when its log entry cannot be written", () => {
    const { id, first } = editedTwice();
    const before = { post: row(id), revisions: revisions(id).length };
    db.$client.exec("CREATE TRIGGER test_break_restore_log BEFORE INSERT ON activity_log WHEN NEW.action = 'post.revision-restore' BEGIN SELECT RAISE(ABORT, 'log write failed'); END");
    expect(() => restoreRevisionFor(db, editor, id, first.id, before.post.version)).toThrow(/log write failed/);
    expect([row(id), revisions(id).length]).toEqual([before.post, before.revisions]);
  });
});
