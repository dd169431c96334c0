import { desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { activityLog, postRevisions } from "@/db/schema";
import { queueInvalidation } from "@/lib/dal/outbox";
import { announceDuePosts } from "@/lib/dal/posts/schedule";
import { getPostForEditFor } from "@/lib/dal/posts/read";
import { updatePostFor } from "./helpers/save-post";
import type { TransitionName } from "@/lib/workflow/transitions";
import { authorA, authorB, create, db, editor, fields, logs, row, setStatus, tags } from "./helpers/posts-world";
import { RefusedError } from "@/lib/dal/actor";

const move = (actor: Parameters<typeof updatePostFor>[1], id: number, version: number, name: TransitionName, extra: Partial<ReturnType<typeof fields>> = {}, note?: string, now?: Date) =>
  updatePostFor(db, actor, id, version, fields({ slug: row(id).slug, ...extra }), { transition: { name, note }, now });

const revisions = (postId: number) => db.select().from(postRevisions).where(eq(postRevisions.postId, postId)).orderBy(postRevisions.id).all();

describe("the workflow through the save path", () => {
  it("an author submits their draft; an editor sends it back with a note the author sees; the author resubmits", () => {
    const { id } = create(authorA);
    expect(move(authorA, id, 1, "submit")).toMatchObject({ ok: true, version: 2, message: "Đã gửi bài cho biên tập viên duyệt." });
    expect(row(id).status).toBe("pending");

    const now = new Date("2026-05-04T03:00:00Z");
    expect(move(editor, id, 2, "reject", {}, "", now)).toMatchObject({ ok: false, message: "Vui lòng ghi lý do từ chối để tác giả biết cần sửa gì." });
    expect(move(editor, id, 2, "reject", {}, "  Thiếu ảnh hội nghị.  ", now)).toMatchObject({ ok: true, version: 3 });
    expect(row(id)).toMatchObject({ status: "draft", reviewNote: "Thiếu ảnh hội nghị.", reviewNoteBy: editor.name, reviewNoteAt: now });
    expect(getPostForEditFor(db, authorA, id)?.review).toEqual({ note: "Thiếu ảnh hội nghị.", by: editor.name, at: now.toISOString() });
    expect(logs("post.reject")[0]?.summary).toContain("Thiếu ảnh hội nghị.");

    expect(move(authorA, id, 3, "submit")).toMatchObject({ ok: true });
    expect(row(id)).toMatchObject({ status: "pending", reviewNote: "" });
    expect(getPostForEditFor(db, authorA, id)?.review).toBeNull();
    expect(revisions(id).map((r) => r.kind)).toEqual(["create", "submit", "reject", "submit"]);
    expect(revisions(id)[2]?.note).toBe("Thiếu ảnh hội nghị.");
  });

  it("refuses an author's crafted publish, schedule, reject or unpublish before anything is read, and writes nothing", () => {
    const { id } = create(authorA);
    move(authorA, id, 1, "submit");
    const before = row(id);
    for (const name of ["publish", "schedule", "reject", "unpublish", "unschedule"] as const) {
      expect(() => move(authorA, id, 2, name, {}, "ghi chú")).toThrow(RefusedError);
    }
    expect(row(id)).toEqual(before);
  });

  it("an author cannot submit or withdraw another author's post (it is not theirs to see)", () => {
    const { id } = create(authorB);
    expect(move(authorA, id, 1, "submit")).toMatchObject({ ok: false, denied: true });
    expect(row(id).status).toBe("draft");
  });

  it("refuses a move from the wrong status, naming the status", () => {
    const { id } = create(authorA);
    expect(move(editor, id, 1, "unpublish")).toMatchObject({ ok: false, message: expect.stringContaining("khi bài viết bản nháp") });
    expect(row(id).version).toBe(1);
  });

  it("a stale version is a conflict even with a move", () => {
    const { id } = create(authorA);
    move(authorA, id, 1, "submit");
    expect(move(editor, id, 1, "publish")).toMatchObject({ ok: false, conflict: true });
    expect(row(id).status).toBe("pending");
  });

  it("blocks publishing with the checklist (everything missing at once), and a save of a live post too", () => {
    const { id } = create(authorA);
    const refused = move(editor, id, 1, "publish", { lead: "", source: "" });
    expect(refused).toMatchObject({ ok: false });
    expect((refused as { message: string }).message).toBe("Chưa xuất bản được. Bài viết còn thiếu: Có sapo; Có dòng nguồn (đơn vị viết bài).");
    expect(row(id)).toMatchObject({ status: "draft", version: 1 });

    expect(move(editor, id, 1, "publish")).toMatchObject({ ok: true });
    const live = updatePostFor(db, editor, id, 2, fields({ slug: row(id).slug, lead: "" }));
    expect(live).toMatchObject({ ok: false, message: "Chưa xuất bản được. Bài viết còn thiếu: Có sapo." });
    expect(row(id).lead).toBe("Sapo của bài");
  });

  it("refuses publishing, scheduling and saving a live post with accessibility errors, listing them; warnings do not block", () => {
    const doc = (...content: object[]) => ({ type: "doc", content });
    const emptyHeading = { type: "heading", attrs: { level: 2 }, content: [] };
    const namedImage = { type: "figure", attrs: { src: "https://example.com/anh.jpg", alt: "IMG_2041.jpg" }, content: [{ type: "text", text: "Toàn cảnh" }] };
    const vagueLink = { type: "paragraph", content: [{ type: "text", text: "tại đây", marks: [{ type: "link", attrs: { href: "https://noip.gov.vn" } }] }] };
    const errors = doc({ type: "paragraph", content: [{ type: "text", text: "Mở đầu." }] }, emptyHeading, namedImage);
    const { id } = create(authorA);
    const expected =
      "Chưa xuất bản được. Nội dung còn lỗi về khả năng tiếp cận: Tiêu đề thứ 1 (H2) trống; Ảnh thứ 1 có mô tả là tên tệp “IMG_2041.jpg”.";
    for (const name of ["publish", "schedule"] as const) {
      const refused = move(editor, id, 1, name, { body: errors, publishedAt: new Date(Date.now() + 86_400_000) });
      expect(refused).toMatchObject({ ok: false, message: expected });
    }
    expect(row(id)).toMatchObject({ status: "draft", version: 1 });

    // With the checklist's items missing as well, one refusal names both.
    const both = move(editor, id, 1, "publish", { body: errors, lead: "" });
    expect((both as { message: string }).message).toBe(
      "Chưa xuất bản được. Bài viết còn thiếu: Có sapo. Nội dung còn lỗi về khả năng tiếp cận: Tiêu đề thứ 1 (H2) trống; Ảnh thứ 1 có mô tả là tên tệp “IMG_2041.jpg”.",
    );

    // A warning (vague link text) publishes; a draft with errors still saves.
    expect(move(editor, id, 1, "publish", { body: doc(vagueLink) })).toMatchObject({ ok: true, version: 2 });
    const live = updatePostFor(db, editor, id, 2, fields({ slug: row(id).slug, body: doc(vagueLink, emptyHeading) }));
    expect(live).toMatchObject({ ok: false, message: "Chưa xuất bản được. Nội dung còn lỗi về khả năng tiếp cận: Tiêu đề thứ 1 (H2) trống." });
    expect(row(id)).toMatchObject({ status: "published", version: 2 });
    const { id: draft } = create(authorA);
    expect(updatePostFor(db, authorA, draft, 1, fields({ slug: row(draft).slug, body: errors }))).toMatchObject({ ok: true, version: 2 });
  });

  it("schedules only in the future; publish now never takes a future time; unschedule returns to draft", () => {
    const now = new Date("2026-05-04T03:00:00Z");
    const { id } = create(authorA);
    expect(move(editor, id, 1, "schedule", { publishedAt: new Date("2026-05-04T02:00:00Z") }, undefined, now)).toMatchObject({ ok: false, field: "publishedAt" });
    expect(move(editor, id, 1, "schedule", { publishedAt: null }, undefined, now)).toMatchObject({ ok: false, field: "publishedAt" });
    const at = new Date("2026-05-05T01:00:00Z");
    expect(move(editor, id, 1, "schedule", { publishedAt: at }, undefined, now)).toMatchObject({ ok: true, message: "Đã hẹn giờ xuất bản bài viết." });
    expect(row(id)).toMatchObject({ status: "published", publishedAt: at });
    expect(getPostForEditFor(db, editor, id, now)?.transitions).toEqual(["publish", "schedule", "unschedule"]);
    expect(revisions(id).at(-1)).toMatchObject({ kind: "schedule", published: true });

    expect(move(editor, id, 2, "unschedule", { publishedAt: at }, undefined, now)).toMatchObject({ ok: true });
    expect(row(id).status).toBe("draft");
    expect(move(editor, id, 3, "publish", { publishedAt: at }, undefined, now)).toMatchObject({ ok: true });
    expect(row(id)).toMatchObject({ status: "published", publishedAt: now });
    expect(logs("post.unschedule")).toHaveLength(1);
  });

  it("unpublish takes a live post off the public pages at once (cache tags) and keeps its time for a re-publication", () => {
    const { id, slug } = create(authorA);
    const then = new Date("2025-06-01T03:00:00Z");
    setStatus(id, "published", then);
    const before = tags().length;
    expect(move(editor, id, 1, "unpublish", { publishedAt: then })).toMatchObject({ ok: true, message: "Đã gỡ bài khỏi trang tin." });
    expect(row(id)).toMatchObject({ status: "unpublished", publishedAt: then });
    expect(tags().slice(before)).toEqual(expect.arrayContaining(["home", `article:${slug}`]));
    expect(move(editor, id, 2, "publish", { publishedAt: then })).toMatchObject({ ok: true });
    expect(row(id)).toMatchObject({ status: "published", publishedAt: then });
  });

  it("logs every status change", () => {
    const { id } = create(authorA);
    move(authorA, id, 1, "submit");
    move(authorA, id, 2, "withdraw");
    move(authorA, id, 3, "submit");
    move(editor, id, 4, "publish");
    move(editor, id, 5, "unpublish");
    const actions = db.select({ action: activityLog.action }).from(activityLog).where(eq(activityLog.objectId, String(id))).orderBy(activityLog.id).all();
    expect(actions.map((a) => a.action)).toEqual(["post.create", "post.submit", "post.withdraw", "post.submit", "post.publish", "post.unpublish"]);
  });
});

describe("the scheduler", () => {
  it("announces posts whose time came since its last run: cache tags and a log entry, once", () => {
    const t0 = new Date("2026-05-04T03:00:00Z");
    announceDuePosts(db, t0); // the first run only sets its mark
    const { id, slug } = create(authorA);
    move(editor, id, 1, "schedule", { publishedAt: new Date("2026-05-04T03:00:30Z") }, undefined, t0);
    const before = tags().length;

    expect(announceDuePosts(db, new Date("2026-05-04T03:00:20Z"))).toBe(0);
    expect(announceDuePosts(db, new Date("2026-05-04T03:00:35Z"))).toBe(1);
    expect(tags().slice(before)).toEqual(expect.arrayContaining(["home", `article:${slug}`]));
    const entry = db.select().from(activityLog).where(eq(activityLog.action, "post.go-live")).orderBy(desc(activityLog.id)).get();
    expect(entry).toMatchObject({ actorId: null, actorName: "Hệ thống (hẹn giờ)", objectId: String(id) });
    expect(announceDuePosts(db, new Date("2026-05-04T03:01:00Z"))).toBe(0);
  });

  it("catches up after downtime: a post due while the server was down is announced at the first run", () => {
    announceDuePosts(db, new Date("2026-05-04T03:00:00Z"));
    const { id } = create(authorA);
    move(editor, id, 1, "schedule", { publishedAt: new Date("2026-05-04T05:00:00Z") }, undefined, new Date("2026-05-04T03:00:00Z"));
    expect(announceDuePosts(db, new Date("2026-05-04T09:00:00Z"))).toBe(1);
  });

  it("only sets its mark on the first run, however many posts are live, and queues any number of tags", () => {
    const { id } = create(authorA);
    move(editor, id, 1, "publish", { publishedAt: new Date("2026-05-04T02:00:00Z") }, undefined, new Date("2026-05-04T02:00:00Z"));
    const before = tags().length;
    expect(announceDuePosts(db, new Date("2026-05-04T03:00:00Z"))).toBe(0);
    expect(tags()).toHaveLength(before);
    const many = Array.from({ length: 40_000 }, (_, i) => `article:bai-${i}`);
    db.transaction((tx) => queueInvalidation(tx, many));
    expect(tags().slice(before)).toEqual(many);
  });

  it("ignores trashed and unpublished posts", () => {
    announceDuePosts(db, new Date("2026-05-04T03:00:00Z"));
    const { id } = create(authorA);
    setStatus(id, "unpublished", new Date("2026-05-04T04:00:00Z"));
    expect(announceDuePosts(db, new Date("2026-05-04T05:00:00Z"))).toBe(0);
  });
});
