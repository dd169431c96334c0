// The writing screen for pages: what its form sends, where a page may go, and its slug check.
import { describe, expect, it } from "vitest";
import { pagePlacementFor } from "@/lib/dal/pages/queries";
import { checkPageSlugFor, FILING_MESSAGES } from "@/lib/dal/posts/filing";
import { savePostFor } from "@/lib/dal/posts/save";
import { initialFields, ownSegment, type EditablePost } from "@/lib/editor/post-form";
import { blankPostText, createPostSchema, newContentQuerySchema, POST_MESSAGES, updatePostSchema, type ContentFields } from "@/lib/validations/post";
import { admin, authorA, db, doc, editor, paragraph, row } from "./helpers/posts-world";

function page(title: string, parentId: number | null = null, extra: Partial<ContentFields> = {}): ContentFields {
  return { ...blankPostText(), title, slug: "", slugAuto: true, featuredMediaId: null, featuredCaption: "", keepLegacyImage: false, publishedAt: null, body: doc(paragraph(title)), parentId, ...extra };
}

function createPage(actor: typeof editor, fields: ContentFields) {
  const result = savePostFor(db, actor, { intent: "create", kind: "page", fields });
  if (!result.ok) throw new Error(result.message);
  return result;
}

describe("the page form's fields", () => {
  const base = { title: "Cơ cấu tổ chức", body: "" };

  it("needs a category for news only; a page sends its parent, empty meaning the top", () => {
    expect(createPostSchema.safeParse({ ...base, kind: "page", parentId: "" }).data).toMatchObject({ kind: "page", parentId: null, categoryId: null });
    expect(createPostSchema.safeParse({ ...base, kind: "page", parentId: "7" }).data).toMatchObject({ parentId: 7 });
    for (const kind of [undefined, "post"]) {
      const parsed = createPostSchema.safeParse({ ...base, kind });
      expect(parsed.error?.issues.map((issue) => [issue.path.join("."), issue.message]), String(kind)).toEqual([["categoryId", POST_MESSAGES.categoryRequired]]);
    }
    expect(createPostSchema.safeParse({ ...base, kind: "legal" }).success).toBe(false);
  });

  it("leaves an edit without a kind (the autosave) to the data layer, which files it by the stored kind", () => {
    expect(updatePostSchema.safeParse({ ...base, id: "3", version: "2", parentId: "5" }).data).toMatchObject({ parentId: 5, categoryId: null });
    expect(updatePostSchema.safeParse({ ...base, id: "3", version: "2", kind: "post" }).success).toBe(false);
  });

  it("reads the new-content address, ignoring odd values", () => {
    expect(newContentQuerySchema.parse({ kind: "page", parent: "12" })).toEqual({ kind: "page", parent: 12 });
    expect(newContentQuerySchema.parse({ kind: ["page", "x"], parent: "-1" })).toEqual({ kind: "post", parent: undefined });
    expect(newContentQuerySchema.parse({})).toEqual({ kind: "post", parent: undefined });
  });

  it("edits a page's own segment of its path, under its parent", () => {
    const stored = { ...blankPostText(), id: 4, kind: "page", language: "vi", slug: "gioi-thieu/co-cau-to-chuc", parentId: 2, categoryId: null, body: null, featured: { mediaId: null, src: null, alt: "", caption: "" }, publishedAt: null, version: 1, relatedDocuments: [] } satisfies EditablePost;
    expect(initialFields(stored, { source: "Văn phòng" })).toMatchObject({ slug: "co-cau-to-chuc", parentId: "2", categoryId: "" });
    expect(initialFields(null, { source: "Văn phòng", parentId: 9 })).toMatchObject({ slug: "", parentId: "9", source: "Văn phòng" });
    expect(ownSegment("tin-nong")).toBe("tin-nong");
  });
});

describe("where a page may go", () => {
  it("lets only editors and admins put a page at the top, now and on every later save", () => {
    expect(pagePlacementFor(db, authorA).mayCreateTopLevel).toBe(false);
    expect(pagePlacementFor(db, editor).mayCreateTopLevel).toBe(true);
    expect(pagePlacementFor(db, admin).mayCreateTopLevel).toBe(true);

    const top = createPage(editor, page("Giới thiệu"));
    const mine = createPage(authorA, page("Hướng dẫn", top.id));
    // An author's own draft, moved to the top by a crafted save: refused, and nothing changes.
    const refused = savePostFor(db, authorA, { intent: "save", id: mine.id, version: row(mine.id).version, fields: page("Hướng dẫn", null) });
    expect(refused).toMatchObject({ ok: false, field: "parentId", message: FILING_MESSAGES.topLevel });
    expect(row(mine.id)).toMatchObject({ parentId: top.id, slug: "gioi-thieu/huong-dan" });
    // An editor may; and a page already at the top stays there on a later save by anyone who may edit it.
    expect(savePostFor(db, editor, { intent: "save", id: mine.id, version: row(mine.id).version, fields: page("Hướng dẫn", null) })).toMatchObject({ ok: true, slug: "huong-dan" });
  });

  it("offers the tree as parents, without the page itself and what is below it", () => {
    const top = createPage(editor, page("Giới thiệu"));
    const child = createPage(editor, page("Cơ cấu tổ chức", top.id));
    createPage(editor, page("Các phòng", child.id));
    const other = createPage(editor, page("Liên hệ"));
    expect(pagePlacementFor(db, editor, child.id).parents.map((option) => option.id)).toEqual([top.id, other.id]);
    expect(pagePlacementFor(db, authorA).parents.map((option) => option.label)).toEqual(["Giới thiệu", "— Cơ cấu tổ chức", "— — Các phòng", "Liên hệ"]);
  });
});

describe("the page slug check", () => {
  it("checks the segment under the chosen parent, and at the top the site's own addresses", () => {
    const top = createPage(editor, page("Giới thiệu"));
    createPage(editor, page("Lãnh đạo", top.id));
    expect(checkPageSlugFor(db, editor, "lanh-dao", top.id)).toMatchObject({ status: "taken", suggestion: "lanh-dao-2" });
    expect(checkPageSlugFor(db, editor, "lanh-dao", null)).toMatchObject({ status: "available" });
    expect(checkPageSlugFor(db, editor, "gioi-thieu", null)).toMatchObject({ status: "taken" });
    expect(checkPageSlugFor(db, editor, "gioi-thieu", null, top.id)).toMatchObject({ status: "available" });
    expect(checkPageSlugFor(db, editor, "tin-tuc", null)).toMatchObject({ status: "invalid", message: FILING_MESSAGES.reserved });
    expect(checkPageSlugFor(db, editor, "tin-tuc", top.id)).toMatchObject({ status: "available" });
    expect(() => checkPageSlugFor(db, null, "x", null)).toThrow();
  });
});

describe("what the screen says to the person", () => {
  it("speaks of a page as a page, and of news as before", () => {
    const top = createPage(editor, page("Giới thiệu"));
    const saved = savePostFor(db, editor, { intent: "save", id: top.id, version: row(top.id).version, fields: page("Giới thiệu chung") });
    expect(saved).toMatchObject({ ok: true, message: "Đã lưu trang." });
    const mine = createPage(authorA, page("Hướng dẫn", top.id));
    const submitted = savePostFor(db, authorA, { intent: "transition", id: mine.id, version: row(mine.id).version, fields: page("Hướng dẫn", top.id), transition: { name: "submit" } });
    expect(submitted).toMatchObject({ ok: true, message: "Đã gửi trang cho biên tập viên duyệt." });
    const published = savePostFor(db, editor, { intent: "transition", id: top.id, version: row(top.id).version, fields: page("Giới thiệu chung"), transition: { name: "publish" } });
    expect(published).toMatchObject({ ok: true, message: "Đã xuất bản trang." });
  });
});
