import { describe, expect, it } from "vitest";
import { dashboardFor } from "@/lib/dal/posts/dashboard";
import { updatePostFor } from "./helpers/save-post";
import { authorA, authorB, create, db, editor, fields, row, setStatus } from "./helpers/posts-world";

const titles = (section: { items: Array<{ title: string }> }) => section.items.map((i) => i.title);
const now = new Date("2026-05-04T03:00:00Z");

describe("the /admin dashboard", () => {
  it("shows each person their own drafts, editors the review queue oldest first, and scheduled and recent posts within what they may see", () => {
    const mine = create(authorA, { title: "Nháp của A" });
    create(authorB, { title: "Nháp của B" });
    const first = create(authorA, { title: "Chờ duyệt 1" });
    const second = create(authorB, { title: "Chờ duyệt 2" });
    updatePostFor(db, authorA, first.id, 1, fields({ title: "Chờ duyệt 1", slug: first.slug }), { transition: { name: "submit" }, now: new Date("2026-05-01T00:00:00Z") });
    updatePostFor(db, authorB, second.id, 1, fields({ title: "Chờ duyệt 2", slug: second.slug }), { transition: { name: "submit" } });
    const later = create(authorB, { title: "Hẹn giờ của B" });
    setStatus(later.id, "published", new Date("2026-05-05T00:00:00Z"));
    const live = create(authorA, { title: "Đã đăng của A" });
    setStatus(live.id, "published", new Date("2026-05-03T00:00:00Z"));

    const forEditor = dashboardFor(db, editor, now);
    expect(forEditor.reviewer).toBe(true);
    expect(titles(forEditor.drafts)).toEqual([]);
    expect(titles(forEditor.pending)).toEqual(["Chờ duyệt 1", "Chờ duyệt 2"]);
    expect(titles(forEditor.scheduled)).toEqual(["Hẹn giờ của B"]);
    expect(titles(forEditor.recent)).toEqual(["Đã đăng của A"]);

    const forAuthor = dashboardFor(db, authorA, now);
    expect(forAuthor.reviewer).toBe(false);
    expect(titles(forAuthor.drafts)).toEqual(["Nháp của A"]);
    expect(titles(forAuthor.pending)).toEqual(["Chờ duyệt 1"]);
    expect(forAuthor.scheduled.total).toBe(0);
    expect(titles(forAuthor.recent)).toEqual(["Đã đăng của A"]);
    expect(row(mine.id).status).toBe("draft");
  });

  it("marks a draft sent back with a note, and leaves trashed posts out", () => {
    const post = create(authorA, { title: "Bài bị trả" });
    updatePostFor(db, authorA, post.id, 1, fields({ title: "Bài bị trả", slug: post.slug }), { transition: { name: "submit" } });
    updatePostFor(db, editor, post.id, 2, fields({ title: "Bài bị trả", slug: post.slug }), { transition: { name: "reject", note: "Thêm nguồn." } });
    expect(dashboardFor(db, authorA, now).drafts.items).toMatchObject([{ title: "Bài bị trả", returned: true }]);
    db.$client.prepare("UPDATE posts SET deleted_at = ? WHERE id = ?").run(now.getTime(), post.id);
    expect(dashboardFor(db, authorA, now).drafts.total).toBe(0);
  });
});
