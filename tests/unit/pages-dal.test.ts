import { describe, expect, it } from "vitest";
import { listPageTreeFor, movePageFor, pageParentOptionsFor } from "@/lib/dal/pages/queries";
import { savePostFor } from "@/lib/dal/posts/save";
import { restorePostsFor, trashPostsFor } from "@/lib/dal/posts/trash";
import { resolveAddress } from "@/lib/dal/public/addresses";
import { findPublicPage, readSitemapPages } from "@/lib/dal/public/pages";
import { FILING_MESSAGES } from "@/lib/dal/posts/filing";
import { blankPostText, type ContentFields } from "@/lib/validations/post";
import { admin, authorA, db, doc, editor, paragraph, row, setStatus, tags } from "./helpers/posts-world";

function page(title: string, parentId: number | null = null, extra: Partial<ContentFields> = {}): ContentFields {
  return { ...blankPostText(), title, slug: "", slugAuto: true, featuredMediaId: null, featuredCaption: "", keepLegacyImage: false, publishedAt: null, body: doc(paragraph(`Nội dung ${title}`)), parentId, ...extra };
}

function createPage(actor: typeof editor, fields: ContentFields) {
  const result = savePostFor(db, actor, { intent: "create", kind: "page", fields });
  if (!result.ok) throw new Error(result.message);
  return result;
}

const publish = (id: number) => setStatus(id, "published", new Date(Date.now() - 60_000));

describe("pages in a tree", () => {
  it("takes its path from its parent's, with no category and no source line", () => {
    const top = createPage(editor, page("Giới thiệu"));
    const child = createPage(editor, page("Cơ cấu tổ chức", top.id));
    expect(top.slug).toBe("gioi-thieu");
    expect(child.slug).toBe("gioi-thieu/co-cau-to-chuc");
    expect(row(child.id)).toMatchObject({ kind: "page", parentId: top.id, categoryId: null, source: "" });
  });

  it("lets only editors and admins put a page at the top, and authors under a parent", () => {
    const top = createPage(editor, page("Giới thiệu"));
    expect(savePostFor(db, authorA, { intent: "create", kind: "page", fields: page("Trang của tác giả") })).toMatchObject({ ok: false, field: "parentId", message: FILING_MESSAGES.topLevel });
    expect(createPage(authorA, page("Hướng dẫn nộp đơn", top.id)).slug).toBe("gioi-thieu/huong-dan-nop-don");
    expect(createPage(admin, page("Liên hệ")).slug).toBe("lien-he");
  });

  it("refuses a parent below itself, a path the site uses, and a slug taken among the pages", () => {
    const top = createPage(editor, page("Giới thiệu"));
    const child = createPage(editor, page("Lãnh đạo", top.id));
    const saved = row(top.id);
    expect(savePostFor(db, editor, { intent: "save", id: top.id, version: saved.version, fields: page("Giới thiệu", child.id) })).toMatchObject({ ok: false, field: "parentId", message: FILING_MESSAGES.parentLoop });
    expect(savePostFor(db, editor, { intent: "create", kind: "page", fields: page("Tin tức", null, { slugAuto: false, slug: "tin-tuc" }) })).toMatchObject({ ok: false, field: "slug", message: FILING_MESSAGES.reserved });
    expect(savePostFor(db, editor, { intent: "create", kind: "page", fields: page("Khác", null, { slugAuto: false, slug: "gioi-thieu" }) })).toMatchObject({ ok: false, field: "slug" });
    // A news post may have the same slug as a page: the addresses are apart (/tin-tuc/… and /…).
    expect(createPage(editor, page("Lãnh đạo", null)).slug).toBe("lanh-dao");
  });

  it("moves a page with everything below it, and every old address redirects to the new one", () => {
    const about = createPage(editor, page("Giới thiệu"));
    const org = createPage(editor, page("Cơ cấu tổ chức", about.id));
    const units = createPage(editor, page("Các phòng", org.id));
    const contact = createPage(editor, page("Liên hệ"));
    [about, org, units, contact].forEach((p) => publish(p.id));
    const moved = savePostFor(db, editor, { intent: "save", id: org.id, version: row(org.id).version, fields: page("Tổ chức bộ máy", contact.id, { slugAuto: true }) });
    expect(moved).toMatchObject({ ok: true, slug: "lien-he/to-chuc-bo-may" });
    expect(row(units.id).slug).toBe("lien-he/to-chuc-bo-may/cac-phong");
    expect(resolveAddress(db, "/gioi-thieu/co-cau-to-chuc")).toEqual({ kind: "redirect", location: "/lien-he/to-chuc-bo-may" });
    expect(resolveAddress(db, "/gioi-thieu/co-cau-to-chuc/cac-phong")).toEqual({ kind: "redirect", location: "/lien-he/to-chuc-bo-may/cac-phong" });
    expect(resolveAddress(db, "/lien-he/to-chuc-bo-may/cac-phong")).toEqual({ kind: "page" });
    expect(tags()).toContain("public");
  });

  it("shows readers the trail above a page, the pages below it in order, and only what is public", () => {
    const about = createPage(editor, page("Giới thiệu"));
    const first = createPage(editor, page("Chức năng", about.id));
    const second = createPage(editor, page("Lãnh đạo", about.id));
    const draft = createPage(editor, page("Bản nháp", about.id));
    [about, first, second].forEach((p) => publish(p.id));
    expect(movePageFor(db, editor, second.id, "up")).toMatchObject({ ok: true });
    const found = findPublicPage(db, "gioi-thieu");
    expect(found.kind).toBe("page");
    if (found.kind !== "page") return;
    expect(found.page.children.map((c) => c.title)).toEqual(["Lãnh đạo", "Chức năng"]);
    const child = findPublicPage(db, "gioi-thieu/chuc-nang");
    expect(child.kind === "page" && child.page.trail.map((t) => t.href)).toEqual(["/gioi-thieu"]);
    expect(findPublicPage(db, `gioi-thieu/${row(draft.id).slug.split("/")[1]}`)).toEqual({ kind: "missing" });
    expect(readSitemapPages(db).map((p) => p.path)).toEqual(["/gioi-thieu", "/gioi-thieu/chuc-nang", "/gioi-thieu/lanh-dao"]);
  });

  it("trashes a page only with the pages below it, and restores a child only with its parent", () => {
    const about = createPage(editor, page("Giới thiệu"));
    const child = createPage(editor, page("Lãnh đạo", about.id));
    expect(trashPostsFor(db, editor, [about.id])).toMatchObject({ ok: false, message: expect.stringContaining("còn trang con “Lãnh đạo”") });
    expect(trashPostsFor(db, editor, [about.id, child.id])).toMatchObject({ ok: true, count: 2 });
    expect(restorePostsFor(db, editor, [child.id])).toMatchObject({ ok: false, message: expect.stringContaining("đang ở thùng rác") });
    expect(restorePostsFor(db, editor, [about.id, child.id])).toMatchObject({ ok: true, count: 2 });
  });

  it("lists the tree for staff, with each page's place, and offers parents that are not below the page", () => {
    const about = createPage(editor, page("Giới thiệu"));
    const child = createPage(editor, page("Lãnh đạo", about.id));
    createPage(editor, page("Liên hệ"));
    expect(listPageTreeFor(db, editor).map((p) => [p.title, p.depth, p.first, p.last])).toEqual([
      ["Giới thiệu", 0, true, false],
      ["Lãnh đạo", 1, true, true],
      ["Liên hệ", 0, false, true],
    ]);
    expect(pageParentOptionsFor(db, editor, about.id).map((o) => o.label)).toEqual(["Liên hệ"]);
    expect(pageParentOptionsFor(db, editor, child.id).map((o) => o.label)).toEqual(["Giới thiệu", "Liên hệ"]);
    expect(() => movePageFor(db, authorA, child.id, "up")).toThrow();
  });
});
