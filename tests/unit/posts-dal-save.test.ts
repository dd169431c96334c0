import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { media, posts, postSlugHistory } from "@/db/schema";
import { isSlugTaken, NEWS_SPACE } from "@/lib/dal/posts/slugs";
import { publicConstraint } from "@/lib/dal/public/constraint";
import { createPostFor, updatePostFor } from "./helpers/save-post";
import { getPostForEditFor } from "@/lib/dal/posts/read";
import { POST_ADMIN_MESSAGES } from "@/lib/dal/posts/access";
import { trashPostsFor } from "@/lib/dal/posts/trash";
import { searchPostIdsIn } from "@/lib/dal/search/queries";
import { POST_MESSAGES } from "@/lib/validations/post";
import { db, categoryId, otherCategoryId, authorA, authorB, editor, paragraph, insertMedia, figure, doc, fields, create, setStatus, row, postCount, logCount, logs, tags, usedMedia, breakActivityLog } from "./helpers/posts-world";
import { RefusedError } from "@/lib/dal/actor";

describe("createPostFor", () => {
  it("creates a draft by the actor, version 1, source from the actor's unit, slug from the title, logged", () => {
    const result = create(authorA, { title: "Đảng bộ Cục tổ chức Hội nghị", source: "" });
    expect(result).toMatchObject({ ok: true, version: 1, slug: "dang-bo-cuc-to-chuc-hoi-nghi" });
    expect(row(result.id)).toMatchObject({
      status: "draft",
      authorId: authorA.id,
      version: 1,
      source: "Phòng Tổ chức cán bộ",
      slug: "dang-bo-cuc-to-chuc-hoi-nghi",
      bodyText: "Nội dung bài viết",
      deletedAt: null,
    });
    expect(row(result.id).bodyHtml).toBe("<p>Nội dung bài viết</p>");
    expect(logs("post.create")).toMatchObject([{ actorId: authorA.id, objectType: "post", objectId: String(result.id) }]);
    // A draft is not public: nothing to revalidate.
    expect(tags()).toEqual([]);
  });

  it("keeps a source that was typed", () => {
    expect(row(create(authorA, { source: "Cục Sở hữu trí tuệ" }).id).source).toBe("Cục Sở hữu trí tuệ");
  });

  it("a generated slug gets a free variant; a typed slug that is taken is refused with nothing written", () => {
    const first = create(authorA, { title: "Hội nghị" });
    const second = create(authorB, { title: "Hội nghị", slugAuto: true, slug: "hoi-nghi" });
    expect([first.slug, second.slug]).toEqual(["hoi-nghi", "hoi-nghi-2"]);
    const before = { posts: postCount(), log: logCount() };
    const clash = createPostFor(db, authorB, fields({ title: "Khác", slug: "hoi-nghi" }));
    expect(clash).toEqual({ ok: false, field: "slug", message: POST_MESSAGES.slugTaken });
    expect({ posts: postCount(), log: logCount() }).toEqual(before);
  });

  it("refuses a category that no longer exists", () => {
    const result = createPostFor(db, authorA, fields({ categoryId: 9999 }));
    expect(result).toEqual({ ok: false, field: "categoryId", message: POST_MESSAGES.categoryMissing });
    expect(postCount()).toBe(0);
  });

  it("refuses an invalid document with a Vietnamese message and stores nothing", () => {
    for (const body of [
      { type: "doc", content: [{ type: "script", content: [{ type: "text", text: "alert(1)" }] }] },
      { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "onclick" }] }] }] },
      { type: "doc", content: [{ type: "figure", attrs: { src: "javascript:alert(1)", alt: "" } }] },
      // Values the editor cannot make are refused too, not only filtered when rendered (issue 19).
      { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }] }] },
      { type: "doc", content: [{ type: "heading", attrs: { level: 9 }, content: [{ type: "text", text: "x" }] }] },
      { type: "paragraph" },
    ]) {
      const result = createPostFor(db, authorA, fields({ body }));
      expect(result, JSON.stringify(body)).toEqual({ ok: false, field: "body", message: POST_ADMIN_MESSAGES.bodyUnsupported });
    }
    expect(postCount()).toBe(0);
    expect(logCount()).toBe(0);
  });

  it("stores sanitized HTML: no script, no handlers", () => {
    const body = doc(paragraph("<img src=x onerror=alert(1)>"));
    const id = create(authorA, { title: "<script>alert(1)</script>", body }).id;
    const stored = row(id);
    // Typed text stays text (escaped); no tag carries a handler or a javascript: URL.
    expect(stored.bodyHtml).not.toMatch(/<img|<[^>]*(\son\w+=|javascript:)/i);
    expect(stored.bodyHtml).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(stored.title).toBe("<script>alert(1)</script>"); // plain text; React escapes it on every page
  });
});

describe("updatePostFor", () => {
  it("saves over the current version and bumps it once", () => {
    const { id } = create(authorA);
    const result = updatePostFor(db, authorA, id, 1, fields({ title: "Tiêu đề mới", lead: "Sapo mới", slug: "hoi-nghi-tong-ket-cong-tac-nam-2025" }));
    expect(result).toMatchObject({ ok: true, version: 2 });
    expect(row(id)).toMatchObject({ title: "Tiêu đề mới", lead: "Sapo mới", version: 2 });
    expect(logs("post.update")).toHaveLength(1);
    expect(logs("post.update")[0]!.summary).toContain("tiêu đề");
  });

  it("refuses a stale version with a conflict, changing nothing", () => {
    const { id } = create(authorA);
    expect(updatePostFor(db, editor, id, 1, fields({ lead: "Bản của biên tập viên", slug: row(id).slug }))).toMatchObject({ ok: true, version: 2 });
    const before = { row: row(id), log: logCount(), tags: tags() };
    const stale = updatePostFor(db, authorA, id, 1, fields({ lead: "Bản của tác giả", slug: row(id).slug }));
    expect(stale).toEqual({ ok: false, conflict: true, field: "version", message: POST_MESSAGES.conflict });
    expect(row(id)).toEqual(before.row);
    expect(row(id).lead).toBe("Bản của biên tập viên");
    expect(logCount()).toBe(before.log);
    expect(tags()).toEqual(before.tags);
    // A version from the future is just as stale.
    expect(updatePostFor(db, authorA, id, 7, fields())).toMatchObject({ conflict: true });
  });

  it("a save that changes nothing keeps the version", () => {
    const { id, slug } = create(authorA);
    expect(updatePostFor(db, authorA, id, 1, fields({ slug, source: row(id).source }))).toMatchObject({ ok: true, version: 1, message: POST_ADMIN_MESSAGES.unchanged });
    expect(row(id).version).toBe(1);
    expect(logs("post.update")).toHaveLength(0);
  });

  it("a slug change keeps the old address answering (history) and reserves it", () => {
    const { id, slug } = create(authorA, { title: "Tên cũ" });
    setStatus(id, "published");
    expect(updatePostFor(db, editor, id, 1, fields({ title: "Tên mới", slug: "ten-moi" }))).toMatchObject({ ok: true, slug: "ten-moi" });
    expect(db.select().from(postSlugHistory).all()).toMatchObject([{ slug, postId: id }]);
    // The public lookup: an old slug redirects to the current one of a public post.
    const now = new Date();
    const redirect = db
      .select({ slug: posts.slug })
      .from(postSlugHistory)
      .innerJoin(posts, eq(postSlugHistory.postId, posts.id))
      .where(and(publicConstraint(now), eq(postSlugHistory.slug, "ten-cu")))
      .get();
    expect(redirect).toEqual({ slug: "ten-moi" });
    expect(isSlugTaken(db, NEWS_SPACE, "ten-cu")).toBe(true);
    expect(createPostFor(db, authorB, fields({ title: "X", slug: "ten-cu" }))).toMatchObject({ ok: false, field: "slug" });
    // Both addresses and the lists are revalidated.
    expect(tags()).toEqual(expect.arrayContaining(["home", "article:ten-cu", "article:ten-moi", `category:${categoryId}`]));
    // Going back to the old slug makes it current again and records the other one.
    expect(updatePostFor(db, editor, id, 2, fields({ title: "Tên mới", slug: "ten-cu" }))).toMatchObject({ ok: true, slug: "ten-cu" });
    expect(db.select({ slug: postSlugHistory.slug }).from(postSlugHistory).all()).toEqual([{ slug: "ten-moi" }]);
  });

  it("an emptied publication time never takes a published post off the site", () => {
    const { id, slug } = create(authorA);
    const at = new Date("2025-06-01T03:00:00Z");
    setStatus(id, "published", at);
    updatePostFor(db, editor, id, 1, fields({ slug, lead: "Sửa", publishedAt: null }));
    expect(row(id)).toMatchObject({ status: "published", publishedAt: at, lead: "Sửa" });
    const moved = new Date("2025-07-01T03:00:00Z");
    updatePostFor(db, editor, id, 2, fields({ slug, lead: "Sửa", publishedAt: moved }));
    expect(row(id).publishedAt).toEqual(moved);
  });

  it("refuses a typed slug that another post uses, keeping everything", () => {
    create(authorA, { title: "Bài một" });
    const { id } = create(authorA, { title: "Bài hai" });
    const before = row(id);
    expect(updatePostFor(db, authorA, id, 1, fields({ title: "Bài hai", slug: "bai-mot" }))).toEqual({ ok: false, field: "slug", message: POST_MESSAGES.slugTaken });
    expect(row(id)).toEqual(before);
  });

  it("re-renders the HTML and text, and an invalid document changes nothing", () => {
    const { id, slug } = create(authorA);
    updatePostFor(db, authorA, id, 1, fields({ slug, body: doc({ type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Phần một" }] }, paragraph("Đoạn văn")) }));
    expect(row(id).bodyHtml).toBe("<h2>Phần một</h2><p>Đoạn văn</p>");
    expect(row(id).bodyText).toBe("Phần một\n\nĐoạn văn");
    const before = row(id);
    const bad = updatePostFor(db, authorA, id, 2, fields({ slug, body: doc({ type: "iframe", attrs: { src: "https://evil.example" } }) }));
    expect(bad).toMatchObject({ ok: false, field: "body" });
    expect(row(id)).toEqual(before);
  });

  it("authors cannot edit another author's post (it does not exist for them) nor their own published one", () => {
    const { id } = create(authorA);
    const before = row(id);
    expect(updatePostFor(db, authorB, id, 1, fields({ title: "Chiếm bài" }))).toEqual({ ok: false, denied: true, message: POST_ADMIN_MESSAGES.notFound });
    expect(updatePostFor(db, authorB, 424242, 1, fields())).toEqual({ ok: false, message: POST_ADMIN_MESSAGES.notFound });
    setStatus(id, "published");
    const published = row(id);
    expect(updatePostFor(db, authorA, id, 1, fields({ title: "Sửa bài đã đăng" }))).toEqual({ ok: false, denied: true, message: POST_ADMIN_MESSAGES.forbiddenEdit });
    expect(row(id)).toEqual(published);
    expect(row(id).title).toBe(before.title);
    // Pending posts are still the author's to edit.
    setStatus(id, "pending", null);
    expect(updatePostFor(db, authorA, id, 1, fields({ title: "Sửa khi chờ duyệt" }))).toMatchObject({ ok: true });
    expect(getPostForEditFor(db, authorA, id)?.permissions.edit).toBe(true);
    setStatus(id, "published");
    expect(getPostForEditFor(db, authorA, id)?.permissions).toEqual({ edit: false, trash: false, restore: false });
  });

  it("an editor's save of a published post queues its public pages in the same transaction", () => {
    const { id, slug } = create(authorA);
    setStatus(id, "published");
    updatePostFor(db, editor, id, 1, fields({ slug, categoryId: otherCategoryId, lead: "Sửa sapo" }));
    // …and its translation group's (the switcher and hreflang of its translations name it): a lone post's group is its own id.
    expect(tags().sort()).toEqual(["home", `article:${slug}`, `category:${categoryId}`, `category:${otherCategoryId}`, `translations:${id}`].sort());
  });

  it("keeps post_media in step with the figures and the featured image, and fills the image columns from the library", () => {
    const m1 = insertMedia();
    const m2 = insertMedia("Chú thích mặc định", "Mô tả ảnh 2");
    const m3 = insertMedia();
    const gallery = { type: "gallery", content: [figure(m3, "Ảnh 3")] };
    const { id, slug } = create(authorA, { body: doc(paragraph("Mở đầu"), figure(m1), gallery), featuredMediaId: m2.id });
    expect(usedMedia(id)).toEqual([m1.id, m2.id, m3.id]);
    expect(row(id)).toMatchObject({ featuredMediaId: m2.id, featuredImageUrl: m2.src, featuredImageAlt: "Mô tả ảnh 2", featuredImageCaption: "Chú thích mặc định" });
    expect(row(id).bodyHtml).toContain(`src="${m1.src}"`);

    updatePostFor(db, authorA, id, 1, fields({ slug, body: doc(paragraph("Chỉ còn chữ")), featuredMediaId: m2.id, featuredCaption: "Chú thích riêng" }));
    expect(usedMedia(id)).toEqual([m2.id]);
    expect(row(id).featuredImageCaption).toBe("Chú thích riêng");

    updatePostFor(db, authorA, id, 2, fields({ slug, body: doc(figure(m1)), featuredMediaId: null }));
    expect(usedMedia(id)).toEqual([m1.id]);
    expect(row(id)).toMatchObject({ featuredMediaId: null, featuredImageUrl: null, featuredImageCaption: "" });

    // A featured image that is no longer in the library is refused; nothing changes.
    const before = row(id);
    expect(updatePostFor(db, authorA, id, 3, fields({ slug, featuredMediaId: 9999 }))).toEqual({ ok: false, field: "featuredMediaId", message: POST_MESSAGES.mediaMissing });
    expect(row(id)).toEqual(before);
    expect(usedMedia(id)).toEqual([m1.id]);
  });

  it("keeps an imported post's URL-only image while the form says so", () => {
    const { id, slug } = create(editor);
    db.update(posts).set({ featuredImageUrl: "https://sohuutritue.gov.vn/anh.jpg", featuredImageAlt: "Ảnh cũ", featuredImageCaption: "Cũ" }).where(eq(posts.id, id)).run();
    updatePostFor(db, editor, id, 1, fields({ slug, keepLegacyImage: true, featuredCaption: "Chú thích mới" }));
    expect(row(id)).toMatchObject({ featuredImageUrl: "https://sohuutritue.gov.vn/anh.jpg", featuredImageAlt: "Ảnh cũ", featuredImageCaption: "Chú thích mới" });
    updatePostFor(db, editor, id, 2, fields({ slug, keepLegacyImage: false }));
    expect(row(id).featuredImageUrl).toBeNull();
  });

  it("refuses to edit a post in the trash", () => {
    const { id } = create(authorA);
    trashPostsFor(db, editor, [id]);
    expect(updatePostFor(db, editor, id, 1, fields())).toEqual({ ok: false, message: POST_ADMIN_MESSAGES.inTrash });
  });

  it("finds words of a saved post through the search index", () => {
    const { id, slug } = create(authorA, { title: "Tin ngắn" });
    updatePostFor(db, authorA, id, 1, fields({ title: "Tin ngắn", slug, body: doc(paragraph("Sở hữu công nghiệp")) }));
    expect(searchPostIdsIn(db, "so huu cong nghiep", { limit: 10 })).toEqual([id]);
  });
});

describe("publishing with a save (`Xuất bản`, `Hẹn giờ xuất bản`)", () => {
  it("is refused to authors, writing nothing", () => {
    const { id, slug } = create(authorA);
    const before = row(id);
    expect(() => updatePostFor(db, authorA, id, 1, fields({ slug }), { transition: { name: "publish" } })).toThrow(RefusedError);
    expect(() => updatePostFor(db, authorA, id, 1, fields({ slug }), { transition: { name: "schedule" } })).toThrow(RefusedError);
    expect(row(id)).toEqual(before);
  });

  it("an editor saves and publishes in one step: now, or schedules at a chosen future time", () => {
    const now = new Date("2026-03-01T02:00:00Z");
    const { id, slug } = create(authorA, { lead: "Sapo" });
    const result = updatePostFor(db, editor, id, 1, fields({ slug, lead: "Sapo đã duyệt" }), { transition: { name: "publish" }, now });
    expect(result).toMatchObject({ ok: true, version: 2, message: "Đã xuất bản bài viết." });
    expect(row(id)).toMatchObject({ status: "published", publishedAt: now, lead: "Sapo đã duyệt", version: 2 });
    expect(tags()).toEqual(expect.arrayContaining(["home", `article:${slug}`, `category:${categoryId}`]));
    expect(logs("post.publish")).toHaveLength(1);
    expect(logs("post.update")).toHaveLength(1);

    const other = create(authorA, { title: "Bài hẹn giờ" });
    const later = new Date("2026-03-02T01:00:00Z");
    expect(updatePostFor(db, editor, other.id, 1, fields({ title: "Bài hẹn giờ", slug: other.slug, publishedAt: later }), { transition: { name: "schedule" }, now })).toMatchObject({ ok: true });
    expect(row(other.id)).toMatchObject({ status: "published", publishedAt: later });
    expect(getPostForEditFor(db, editor, other.id, now)?.statusLabel).toBe("Hẹn giờ");
    expect(logs("post.schedule")).toHaveLength(1);
  });
});

describe("image descriptions (alt text) before publishing", () => {
  it("fills an empty figure description from the library, and refuses to publish while an image has none", () => {
    const described = insertMedia("Toàn cảnh", "Toàn cảnh hội trường");
    const undescribed = insertMedia("Đại biểu", "");
    const { id, slug } = create(authorA, { body: doc(paragraph("Mở đầu"), figure(described), figure(undescribed)) });
    const stored = row(id).body as { content: Array<{ attrs?: { alt?: string } }> };
    expect(stored.content[1]?.attrs?.alt).toBe("Toàn cảnh hội trường");
    expect(row(id).bodyHtml).toContain('alt="Toàn cảnh hội trường"');

    const refused = updatePostFor(db, editor, id, 1, fields({ slug, body: doc(paragraph("Mở đầu"), figure(described), figure(undescribed)) }), { transition: { name: "publish" } });
    expect(refused).toMatchObject({ ok: false });
    expect((refused as { message: string }).message).toMatch(/Thiếu mô tả: ảnh thứ 2 trong nội dung/);
    expect(row(id)).toMatchObject({ status: "draft", version: 1 });

    db.update(media).set({ alt: "Các đại biểu dự hội nghị" }).where(eq(media.id, undescribed.id)).run();
    const published = updatePostFor(db, editor, id, 1, fields({ slug, body: doc(paragraph("Mở đầu"), figure(described), figure(undescribed)) }), { transition: { name: "publish" } });
    expect(published).toMatchObject({ ok: true });
    expect(row(id).status).toBe("published");
  });

  it("refuses to publish a featured image without a description", () => {
    const picture = insertMedia("Ảnh đại diện", "");
    const { id, slug } = create(authorA);
    const result = updatePostFor(db, editor, id, 1, fields({ slug, featuredMediaId: picture.id }), { transition: { name: "publish" } });
    expect(result).toMatchObject({ ok: false });
    expect((result as { message: string }).message).toMatch(/Thiếu mô tả: ảnh đại diện/);
  });
});

describe("one transaction per change", () => {
  it("a failure mid-write (the activity log) leaves nothing behind", () => {
    const m1 = insertMedia();
    const { id, slug } = create(authorA, { body: doc(figure(m1)) });
    setStatus(id, "published");
    const before = { row: row(id), media: usedMedia(id), history: db.select().from(postSlugHistory).all(), tags: tags(), posts: postCount() };
    breakActivityLog();

    expect(() => updatePostFor(db, editor, id, 1, fields({ title: "Tên mới", slug: "ten-moi", body: doc(paragraph("Không ảnh")) }))).toThrow(/log write failed/);
    expect(() => createPostFor(db, authorA, fields({ title: "Bài mới" }))).toThrow(/log write failed/);
    expect(() => trashPostsFor(db, editor, [id])).toThrow(/log write failed/);

    expect(row(id)).toEqual(before.row);
    expect(row(id).slug).toBe(slug);
    expect(usedMedia(id)).toEqual(before.media);
    expect(db.select().from(postSlugHistory).all()).toEqual(before.history);
    expect(tags()).toEqual(before.tags);
    expect(postCount()).toBe(before.posts);
  });
});
