import { and, count, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AppDatabase } from "@/db/open";
import { activityLog, cacheInvalidations, categories, media, postMedia, postSlugHistory, posts, users, type Role } from "@/db/schema";
import { isPostSlugTaken } from "@/lib/content/post-slugs";
import { publicConstraint } from "@/lib/dal/public-constraint";
import {
  checkSlugFor,
  createPostFor,
  getPostForEditFor,
  getPostPreviewFor,
  listAuthorOptionsFor,
  listPostsFor,
  mediaIdsInDocument,
  POST_ADMIN_MESSAGES,
  PostDeniedError,
  POSTS_PAGE_SIZE,
  restorePostsFor,
  trashPostsFor,
  updatePostFor,
  visiblePostsWhere,
  type PostActor,
} from "@/lib/dal/posts-core";
import { searchPostIdsIn } from "@/lib/dal/search-core";
import { POST_MESSAGES, type PostFields } from "@/lib/validations/post";
import { createTempDatabase } from "./helpers/temp-db";

let db: AppDatabase;
let cleanup: () => void;
let categoryId: number;
let otherCategoryId: number;
let authorA: PostActor;
let authorB: PostActor;
let editor: PostActor;
let admin: PostActor;

let seq = 0;
function insertUser(role: Role, unit = ""): PostActor {
  seq += 1;
  const row = db
    .insert(users)
    .values({ email: `u${seq}@cuc.vn`, name: `Cán bộ ${seq}`, role, unit, passwordHash: null })
    .returning()
    .get();
  return { id: row.id, name: row.name, role, unit, ip: "198.51.100.9" };
}

beforeEach(() => {
  ({ db, cleanup } = createTempDatabase());
  categoryId = db.insert(categories).values({ name: "Hoạt động Đảng, đoàn thể", slug: "hoat-dong-dang-doan-the" }).returning().get().id;
  otherCategoryId = db.insert(categories).values({ name: "Thi đua – Khen thưởng", slug: "thi-dua-khen-thuong" }).returning().get().id;
  authorA = insertUser("author", "Phòng Tổ chức cán bộ");
  authorB = insertUser("author", "Văn phòng Cục");
  editor = insertUser("editor", "Phòng Thông tin");
  admin = insertUser("admin");
});
afterEach(() => cleanup());

const paragraph = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });

function insertMedia(caption = "Toàn cảnh Hội nghị", alt = "Toàn cảnh hội trường"): { id: number; src: string } {
  seq += 1;
  const hash = seq.toString(16).padStart(20, "0");
  const row = db
    .insert(media)
    .values({
      hash,
      originalName: `anh-${seq}.jpg`,
      width: 1600,
      height: 900,
      fallbackFormat: "jpeg",
      renditions: [
        { width: 800, height: 450, format: "jpeg", file: `${hash}/800.jpg`, bytes: 100 },
        { width: 1600, height: 900, format: "jpeg", file: `${hash}/1600.jpg`, bytes: 200 },
        { width: 800, height: 450, format: "webp", file: `${hash}/800.webp`, bytes: 80 },
      ],
      alt,
      caption,
    })
    .returning()
    .get();
  return { id: row.id, src: `/media/${hash}/1600.jpg` };
}

function figure(m: { id: number; src: string }, caption = "Chú thích") {
  return { type: "figure", attrs: { src: m.src, alt: "", mediaId: m.id }, content: [{ type: "text", text: caption }] };
}

const doc = (...content: object[]) => ({ type: "doc", content: content.length ? content : [paragraph("Nội dung")] });

function fields(overrides: Partial<PostFields> = {}): PostFields {
  return {
    title: "Hội nghị tổng kết công tác năm 2025",
    slug: "",
    slugAuto: false,
    lead: "Sapo của bài",
    categoryId,
    source: "",
    featuredMediaId: null,
    featuredCaption: "",
    keepLegacyImage: false,
    publishedAt: null,
    seoTitle: "",
    seoDescription: "",
    body: doc(paragraph("Nội dung bài viết")),
    ...overrides,
  };
}

function create(actor: PostActor, overrides: Partial<PostFields> = {}) {
  const result = createPostFor(db, actor, fields(overrides));
  if (!result.ok) throw new Error(result.message);
  return result;
}

/** A post as an editor would leave it after publishing (or any other status), written directly. */
function setStatus(id: number, status: "draft" | "pending" | "published" | "unpublished", publishedAt: Date | null = new Date("2025-06-01T03:00:00Z")) {
  db.update(posts).set({ status, publishedAt }).where(eq(posts.id, id)).run();
}

const row = (id: number) => db.select().from(posts).where(eq(posts.id, id)).get()!;
const postCount = () => db.select({ n: count() }).from(posts).get()!.n;
const logCount = () => db.select({ n: count() }).from(activityLog).get()!.n;
const logs = (action: string) => db.select().from(activityLog).where(eq(activityLog.action, action)).all();
const tags = () => db.select({ tag: cacheInvalidations.tag }).from(cacheInvalidations).all().map((r) => r.tag);
const usedMedia = (postId: number) =>
  db
    .select({ mediaId: postMedia.mediaId })
    .from(postMedia)
    .where(eq(postMedia.postId, postId))
    .all()
    .map((r) => r.mediaId)
    .sort((a, b) => a - b);
const listIds = (actor: PostActor | null, filter: Parameters<typeof listPostsFor>[2] = {}, ranked: number[] | null = null) =>
  listPostsFor(db, actor, filter, ranked).items.map((i) => i.id);

/** Makes every activity-log write fail, as a full disk or a bug would, mid-transaction. */
function breakActivityLog() {
  db.$client.exec("CREATE TRIGGER test_break_log BEFORE INSERT ON activity_log BEGIN SELECT RAISE(ABORT, 'log write failed'); END");
}

describe("visibility, as a query constraint", () => {
  it("authors see only their own posts; editors and admins see every post", () => {
    const a = create(authorA, { title: "Bài của A" }).id;
    const b = create(authorB, { title: "Bài của B" }).id;
    const e = create(editor, { title: "Bài của biên tập viên" }).id;
    expect(listIds(authorA)).toEqual([a]);
    expect(listIds(authorB)).toEqual([b]);
    expect(listIds(editor).sort()).toEqual([a, b, e].sort());
    expect(listIds(admin).sort()).toEqual([a, b, e].sort());
    const constrained = (actor: PostActor) => db.select({ id: posts.id }).from(posts).where(visiblePostsWhere(actor)).all().length;
    expect([constrained(authorA), constrained(editor)]).toEqual([1, 3]);
  });

  it("another author's post reads exactly like a missing one; editors open it", () => {
    const a = create(authorA).id;
    expect(getPostForEditFor(db, authorB, a)).toBeNull();
    expect(getPostForEditFor(db, authorB, 99999)).toBeNull();
    expect(getPostPreviewFor(db, authorB, a)).toBeNull();
    expect(getPostForEditFor(db, authorA, a)).toMatchObject({ id: a, statusLabel: "Bản nháp", permissions: { edit: true, publish: false, trash: true, restore: false } });
    expect(getPostForEditFor(db, editor, a)).toMatchObject({ id: a, permissions: { edit: true, publish: true, trash: true } });
  });

  it("no session or a role without post access gets nothing", () => {
    create(authorA);
    expect(() => listPostsFor(db, null, {}, null)).toThrow(PostDeniedError);
    expect(() => getPostForEditFor(db, null, 1)).toThrow(PostDeniedError);
    expect(() => createPostFor(db, null, fields())).toThrow(PostDeniedError);
    expect(() => checkSlugFor(db, null, "x")).toThrow(PostDeniedError);
    const stranger = { ...authorA, role: "reader" as Role };
    expect(() => listPostsFor(db, stranger, {}, null)).toThrow(PostDeniedError);
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

describe("createPostFor", () => {
  it("creates a draft by the actor, version 1, source from the actor's unit, slug from the title, logged", () => {
    const result = create(authorA, { title: "Đảng bộ Cục tổ chức Hội nghị" });
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
      { type: "paragraph" },
    ]) {
      const result = createPostFor(db, authorA, fields({ body }));
      expect(result, JSON.stringify(body)).toEqual({ ok: false, field: "body", message: POST_ADMIN_MESSAGES.bodyUnsupported });
    }
    expect(postCount()).toBe(0);
    expect(logCount()).toBe(0);
  });

  it("stores sanitized HTML: no script, no handlers, no javascript: links", () => {
    const body = doc(
      paragraph("<img src=x onerror=alert(1)>"),
      { type: "paragraph", content: [{ type: "text", text: "liên kết", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }] },
    );
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
    expect(isPostSlugTaken(db, "ten-cu")).toBe(true);
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
    expect(getPostForEditFor(db, authorA, id)?.permissions).toEqual({ edit: false, publish: false, trash: false, restore: false });
  });

  it("an editor's save of a published post queues its public pages in the same transaction", () => {
    const { id, slug } = create(authorA);
    setStatus(id, "published");
    updatePostFor(db, editor, id, 1, fields({ slug, categoryId: otherCategoryId, lead: "Sửa sapo" }));
    expect(tags().sort()).toEqual(["home", `article:${slug}`, `category:${categoryId}`, `category:${otherCategoryId}`].sort());
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

describe("publishing (the minimal `Xuất bản ngay`)", () => {
  it("is refused to authors, writing nothing", () => {
    const { id, slug } = create(authorA);
    const before = row(id);
    expect(() => updatePostFor(db, authorA, id, 1, fields({ slug }), { publish: true })).toThrow(PostDeniedError);
    expect(row(id)).toEqual(before);
  });

  it("an editor saves and publishes in one step: now, or at the chosen time (scheduled)", () => {
    const now = new Date("2026-03-01T02:00:00Z");
    const { id, slug } = create(authorA, { lead: "Sapo" });
    const result = updatePostFor(db, editor, id, 1, fields({ slug, lead: "Sapo đã duyệt" }), { publish: true, now });
    expect(result).toMatchObject({ ok: true, version: 2, message: "Đã xuất bản bài viết." });
    expect(row(id)).toMatchObject({ status: "published", publishedAt: now, lead: "Sapo đã duyệt", version: 2 });
    expect(tags()).toEqual(expect.arrayContaining(["home", `article:${slug}`, `category:${categoryId}`]));
    expect(logs("post.publish")).toHaveLength(1);
    expect(logs("post.update")).toHaveLength(1);

    const other = create(authorA, { title: "Bài hẹn giờ" });
    const later = new Date("2026-03-02T01:00:00Z");
    expect(updatePostFor(db, editor, other.id, 1, fields({ title: "Bài hẹn giờ", slug: other.slug, publishedAt: later }), { publish: true, now })).toMatchObject({ ok: true });
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

    const refused = updatePostFor(db, editor, id, 1, fields({ slug, body: doc(paragraph("Mở đầu"), figure(described), figure(undescribed)) }), { publish: true });
    expect(refused).toMatchObject({ ok: false, field: "body" });
    expect((refused as { message: string }).message).toMatch(/ảnh thứ 2 trong nội dung chưa có mô tả ảnh/);
    expect(row(id)).toMatchObject({ status: "draft", version: 1 });

    db.update(media).set({ alt: "Các đại biểu dự hội nghị" }).where(eq(media.id, undescribed.id)).run();
    const published = updatePostFor(db, editor, id, 1, fields({ slug, body: doc(paragraph("Mở đầu"), figure(described), figure(undescribed)) }), { publish: true });
    expect(published).toMatchObject({ ok: true });
    expect(row(id).status).toBe("published");
  });

  it("refuses to publish a featured image without a description", () => {
    const picture = insertMedia("Ảnh đại diện", "");
    const { id, slug } = create(authorA);
    const result = updatePostFor(db, editor, id, 1, fields({ slug, featuredMediaId: picture.id }), { publish: true });
    expect(result).toMatchObject({ ok: false });
    expect((result as { message: string }).message).toMatch(/ảnh đại diện chưa có mô tả ảnh/);
  });
});

describe("trash and restore", () => {
  it("an editor trashes a published post: it leaves the public constraint and its pages are queued, then restore brings it back", () => {
    const { id, slug } = create(authorA);
    setStatus(id, "published");
    const isPublic = () => Boolean(db.select({ id: posts.id }).from(posts).where(and(eq(posts.id, id), publicConstraint(new Date()))).get());
    expect(isPublic()).toBe(true);

    expect(trashPostsFor(db, editor, [id])).toMatchObject({ ok: true, count: 1 });
    expect(isPublic()).toBe(false);
    expect(row(id).deletedAt).toBeInstanceOf(Date);
    expect(tags()).toEqual(expect.arrayContaining(["home", `article:${slug}`, `category:${categoryId}`]));
    expect(logs("post.trash")).toHaveLength(1);
    expect(listIds(editor)).toEqual([]);
    expect(listPostsFor(db, editor, { trash: true }, null).items[0]).toMatchObject({ id, canEdit: false, canTrash: false });

    expect(restorePostsFor(db, editor, [id])).toMatchObject({ ok: true, count: 1 });
    expect(isPublic()).toBe(true);
    expect(row(id)).toMatchObject({ deletedAt: null, status: "published", version: 1 });
    expect(logs("post.restore")).toHaveLength(1);
  });

  it("authors trash their own drafts only; a mixed selection changes nothing", () => {
    const own = create(authorA).id;
    const ownPublished = create(authorA, { title: "Đã đăng" }).id;
    setStatus(ownPublished, "published");
    const others = create(authorB).id;

    expect(trashPostsFor(db, authorA, [own, ownPublished])).toEqual({ ok: false, denied: true, message: POST_ADMIN_MESSAGES.forbiddenTrash });
    expect(trashPostsFor(db, authorA, [own, others])).toEqual({ ok: false, denied: true, message: POST_ADMIN_MESSAGES.someMissing });
    expect([row(own).deletedAt, row(ownPublished).deletedAt, row(others).deletedAt]).toEqual([null, null, null]);
    expect(logs("post.trash")).toHaveLength(0);

    expect(trashPostsFor(db, authorA, [own])).toMatchObject({ ok: true });
    expect(row(own).deletedAt).not.toBeNull();
    // Restoring is for editors.
    expect(() => restorePostsFor(db, authorA, [own])).toThrow(PostDeniedError);
    expect(row(own).deletedAt).not.toBeNull();
  });

  it("bulk: several posts at once, trashing twice is harmless", () => {
    const ids = [create(authorA).id, create(authorB).id, create(editor).id];
    expect(trashPostsFor(db, editor, ids)).toMatchObject({ ok: true, count: 3 });
    expect(trashPostsFor(db, editor, ids)).toMatchObject({ ok: true, count: 0 });
    expect(logs("post.trash")).toHaveLength(3);
    expect(restorePostsFor(db, admin, ids)).toMatchObject({ ok: true, count: 3 });
    expect(listIds(editor)).toHaveLength(3);
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

describe("mediaIdsInDocument", () => {
  it("finds figures at any depth and ignores anything that is not a positive id", () => {
    const json = {
      type: "doc",
      content: [
        { type: "figure", attrs: { mediaId: 3 } },
        { type: "gallery", content: [{ type: "figure", attrs: { mediaId: 5 } }, { type: "figure", attrs: { mediaId: "7" } }, { type: "figure", attrs: { mediaId: 3 } }] },
        { type: "figure", attrs: { mediaId: -1 } },
        { type: "figure", attrs: { mediaId: "1 OR 1=1" } },
        { type: "figure", attrs: { mediaId: null } },
      ],
    };
    expect(mediaIdsInDocument(json).sort((a, b) => a - b)).toEqual([3, 5, 7]);
    expect(mediaIdsInDocument(null)).toEqual([]);
  });
});
