import { describe, expect, it } from "vitest";
import { posts, type Role } from "@/db/schema";
import { checkSlugFor, getPostForEditFor, getPostPreviewFor } from "@/lib/dal/posts/read";
import { createPostFor } from "./helpers/save-post";
import { listAuthorOptionsFor, listPostsFor, POSTS_PAGE_SIZE } from "@/lib/dal/posts/list";
import { trashPostsFor } from "@/lib/dal/posts/trash";
import { visiblePostsWhere } from "@/lib/dal/posts/access";
import { searchPostIdsIn } from "@/lib/dal/search/queries";
import { POST_MESSAGES } from "@/lib/validations/post";
import { db, categoryId, otherCategoryId, authorA, authorB, editor, admin, fields, create, setStatus, listIds } from "./helpers/posts-world";
import { type Actor, RefusedError } from "@/lib/dal/actor";

describe("visibility, as a query constraint", () => {
  it("authors see only their own posts; editors and admins see every post", () => {
    const a = create(authorA, { title: "Bài của A" }).id;
    const b = create(authorB, { title: "Bài của B" }).id;
    const e = create(editor, { title: "Bài của biên tập viên" }).id;
    expect(listIds(authorA)).toEqual([a]);
    expect(listIds(authorB)).toEqual([b]);
    expect(listIds(editor).sort()).toEqual([a, b, e].sort());
    expect(listIds(admin).sort()).toEqual([a, b, e].sort());
    const constrained = (actor: Actor) => db.select({ id: posts.id }).from(posts).where(visiblePostsWhere(actor)).all().length;
    expect([constrained(authorA), constrained(editor)]).toEqual([1, 3]);
  });

  it("another author's post reads exactly like a missing one; editors open it", () => {
    const a = create(authorA).id;
    expect(getPostForEditFor(db, authorB, a)).toBeNull();
    expect(getPostForEditFor(db, authorB, 99999)).toBeNull();
    expect(getPostPreviewFor(db, authorB, a)).toBeNull();
    expect(getPostForEditFor(db, authorA, a)).toMatchObject({ id: a, statusLabel: "Bản nháp", permissions: { edit: true, trash: true, restore: false }, transitions: ["submit"] });
    expect(getPostForEditFor(db, editor, a)).toMatchObject({ id: a, permissions: { edit: true, trash: true }, transitions: ["submit", "publish", "schedule"] });
  });

  it("no session or a role without post access gets nothing", () => {
    create(authorA);
    expect(() => listPostsFor(db, null, {}, null)).toThrow(RefusedError);
    expect(() => getPostForEditFor(db, null, 1)).toThrow(RefusedError);
    expect(() => createPostFor(db, null, fields())).toThrow(RefusedError);
    expect(() => checkSlugFor(db, null, "x")).toThrow(RefusedError);
    const stranger = { ...authorA, role: "reader" as Role };
    expect(() => listPostsFor(db, stranger, {}, null)).toThrow(RefusedError);
  });

  it("search hits are intersected with the constraint, never trusted alone", () => {
    const a = create(authorA, { title: "Đại hội chi bộ phòng A" }).id;
    const b = create(authorB, { title: "Đại hội chi bộ phòng B" }).id;
    const hits = searchPostIdsIn(db, "dai hoi chi bo", { limit: 100 });
    expect(hits.sort()).toEqual([a, b].sort());
    expect(listIds(authorB, {}, hits)).toEqual([b]);
    expect(listIds(editor, {}, hits).sort()).toEqual([a, b].sort());
    expect(listIds(editor, {}, [])).toEqual([]);
  });
});

describe("the staff list", () => {
  it("filters by status (scheduled apart from published), category and author, and keeps trash apart", () => {
    const now = new Date();
    const draft = create(authorA, { title: "Nháp" }).id;
    const live = create(authorA, { title: "Đã đăng", categoryId: otherCategoryId }).id;
    const later = create(authorB, { title: "Hẹn giờ" }).id;
    const gone = create(authorB, { title: "Trong thùng rác" }).id;
    setStatus(live, "published", new Date(now.getTime() - 60_000));
    setStatus(later, "published", new Date(now.getTime() + 3_600_000));
    trashPostsFor(db, editor, [gone]);

    expect(listIds(editor, { status: "draft" })).toEqual([draft]);
    expect(listIds(editor, { status: "published" })).toEqual([live]);
    expect(listIds(editor, { status: "scheduled" })).toEqual([later]);
    expect(listPostsFor(db, editor, { status: "scheduled" }, null).items[0]).toMatchObject({ status: "scheduled", statusLabel: "Hẹn giờ" });
    expect(listIds(editor, { categoryId: otherCategoryId })).toEqual([live]);
    expect(listIds(editor, { authorId: authorB.id })).toEqual([later]);
    expect(listIds(editor, { trash: true })).toEqual([gone]);
    expect(listIds(editor)).not.toContain(gone);
    // An author filter cannot widen what an author sees.
    expect(listIds(authorA, { authorId: authorB.id }).sort()).toEqual([draft, live].sort());
  });

  it("lists DTOs with labels, category, author and dates, and sorts by title ignoring diacritics", () => {
    create(authorA, { title: "Bản tin" });
    create(authorA, { title: "Đại hội" });
    create(authorA, { title: "Ấn phẩm" });
    create(authorA, { title: "Zalo" });
    const page = listPostsFor(db, authorA, { sort: "title" }, null);
    expect(page.items.map((i) => i.title)).toEqual(["Ấn phẩm", "Bản tin", "Đại hội", "Zalo"]);
    expect(page.items[0]).toMatchObject({
      status: "draft",
      statusLabel: "Bản nháp",
      category: { id: categoryId, name: "Hoạt động Đảng, đoàn thể" },
      author: { id: authorA.id, name: authorA.name },
      publishedAt: null,
      deletedAt: null,
      canEdit: true,
      canTrash: true,
    });
    expect(listPostsFor(db, authorA, { sort: "title", dir: "desc" }, null).items.map((i) => i.title)[0]).toBe("Zalo");
    expect(Object.keys(page.items[0]!)).not.toContain("body");
  });

  it("pages 20 at a time and clamps the page number", () => {
    for (let i = 0; i < POSTS_PAGE_SIZE + 3; i++) create(authorA, { title: `Tin số ${i}` });
    const first = listPostsFor(db, authorA, {}, null);
    expect([first.items.length, first.total, first.pageCount]).toEqual([20, 23, 2]);
    expect(listPostsFor(db, authorA, { page: 2 }, null).items).toHaveLength(3);
    expect(listPostsFor(db, authorA, { page: 99 }, null).page).toBe(2);
  });

  it("keeps the search's ranking when no sort is chosen", () => {
    const weak = create(authorA, { title: "Tin khác", lead: "có nhắc tới hội nghị" }).id;
    const strong = create(authorA, { title: "Hội nghị tổng kết" }).id;
    const ranked = searchPostIdsIn(db, "hoi nghi", { limit: 100 });
    expect(ranked).toEqual([strong, weak]);
    expect(listIds(authorA, {}, ranked)).toEqual([strong, weak]);
  });

  it("offers editors the authors who wrote posts", () => {
    create(authorA);
    create(authorB);
    expect(listAuthorOptionsFor(db, editor).map((a) => a.id).sort()).toEqual([authorA.id, authorB.id].sort());
    expect(listAuthorOptionsFor(db, authorA)).toEqual([]);
  });
});

describe("checkSlugFor", () => {
  it("answers available, taken (with a free suggestion), invalid or empty; a post's own slugs are free to it", () => {
    const { id } = create(authorA, { title: "Hội nghị" });
    expect(checkSlugFor(db, authorB, "hoi-nghi-moi")).toMatchObject({ status: "available", suggestion: "hoi-nghi-moi" });
    const taken = checkSlugFor(db, authorB, "hoi-nghi");
    expect(taken).toMatchObject({ status: "taken", suggestion: "hoi-nghi-2" });
    expect(taken.message).toContain(POST_MESSAGES.slugTaken);
    expect(checkSlugFor(db, authorA, "hoi-nghi", id)).toMatchObject({ status: "available" });
    expect(checkSlugFor(db, authorA, "Hội Nghị")).toMatchObject({ status: "invalid", message: POST_MESSAGES.slugInvalid, suggestion: "hoi-nghi" });
    expect(checkSlugFor(db, authorA, "a".repeat(121))).toMatchObject({ status: "invalid", message: POST_MESSAGES.slugTooLong });
    expect(checkSlugFor(db, authorA, "  ")).toMatchObject({ status: "empty" });
  });
});
