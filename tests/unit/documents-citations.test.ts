import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { postDocuments } from "@/db/schema";
import { citedDocumentsOf, citingPostsOf } from "@/lib/dal/documents/citations";
import { CITATION_MESSAGES, linkedDocumentSlugs } from "@/lib/dal/posts/cited-documents";
import { getPostForEditFor } from "@/lib/dal/posts/read";
import { savePostFor } from "@/lib/dal/posts/save";
import { parseRelatedDocuments, serializeRelatedDocuments } from "@/lib/editor/related-documents";
import { updatePostSchema } from "@/lib/validations/post";
import { authorA, create, db, doc, editor, fields, logs, paragraph, row, setStatus } from "./helpers/posts-world";
import { createDocument, publish } from "./helpers/documents-world";

const linkTo = (href: string, text: string) => ({ type: "paragraph", content: [{ type: "text", text, marks: [{ type: "link", attrs: { href } }] }] });
const citationRows = (postId: number) => db.select().from(postDocuments).where(eq(postDocuments.postId, postId)).orderBy(postDocuments.via, postDocuments.position).all();

function save(postId: number, overrides: Parameters<typeof fields>[0] & { relatedDocuments?: number[] }) {
  const result = savePostFor(db, editor, { intent: "save", id: postId, version: row(postId).version, fields: fields(overrides) });
  return result;
}

describe("a news post's related documents (Văn bản liên quan)", () => {
  it("stores the picked documents in order, keeps them when the form does not send the list, and logs the change", () => {
    const a = createDocument(editor, "Nghị định A", { number: "11/2024/NĐ-CP" });
    const b = createDocument(editor, "Thông tư B", { number: "12/2024/TT-BKHCN", issuer: "Bộ Khoa học và Công nghệ" });
    const { id } = create(editor);
    expect(save(id, { relatedDocuments: [b.id, a.id] })).toMatchObject({ ok: true, version: 2 });
    expect(citationRows(id).map((r) => [r.documentId, r.via, r.position])).toEqual([
      [b.id, "picked", 0],
      [a.id, "picked", 1],
    ]);
    expect(logs("post.update").at(-1)!.summary).toContain("văn bản liên quan");
    // An autosave or a restore that does not carry the list leaves it alone.
    expect(save(id, { title: "Tiêu đề mới" })).toMatchObject({ ok: true, version: 3 });
    expect(citationRows(id)).toHaveLength(2);
    // The same list again is no change at all.
    expect(save(id, { title: "Tiêu đề mới", relatedDocuments: [b.id, a.id] })).toMatchObject({ ok: true, version: 3 });
    expect(getPostForEditFor(db, editor, id)!.relatedDocuments.map((d) => d.number)).toEqual(["12/2024/TT-BKHCN", "11/2024/NĐ-CP"]);
  });

  it("refuses an id that is not a document of the registry, writing nothing", () => {
    const { id } = create(editor);
    const other = create(editor);
    expect(save(id, { relatedDocuments: [other.id] })).toEqual({ ok: false, field: "relatedDocuments", message: CITATION_MESSAGES.missing });
    expect(row(id).version).toBe(1);
    expect(citationRows(id)).toEqual([]);
  });

  it("reads the form's hidden field for its ids only, and refuses anything else", () => {
    const parse = (relatedDocuments: string) => updatePostSchema.safeParse({ id: "1", version: "1", title: "T", body: JSON.stringify(doc()), relatedDocuments });
    const list = serializeRelatedDocuments([{ id: 7, number: "1/2024/NĐ-CP", type: "Nghị định", title: "A" }]);
    expect(parse(list)).toMatchObject({ success: true, data: { relatedDocuments: [7] } });
    expect(parse("")).toMatchObject({ success: true, data: { relatedDocuments: [] } });
    expect(parse("[{\"id\":\"7; drop\"}]").success).toBe(false);
    expect(parse("không phải JSON").success).toBe(false);
    expect(parseRelatedDocuments(list)).toEqual([{ id: 7, number: "1/2024/NĐ-CP", type: "Nghị định", title: "A" }]);
    expect(parseRelatedDocuments("[{\"id\":1}]")).toEqual([]);
  });

  it("shows readers only the picked documents on the site, and the page is told of every picked one", () => {
    const shown = createDocument(editor, "Đã đăng", { number: "21/2024/NĐ-CP" });
    publish(shown.id);
    const draft = createDocument(editor, "Chưa đăng", { number: "22/2024/NĐ-CP" });
    const { id } = create(editor);
    save(id, { relatedDocuments: [draft.id, shown.id] });
    const cited = citedDocumentsOf(db, id);
    expect(cited.shown).toEqual([{ id: shown.id, slug: "21-2024-nd-cp", href: "/van-ban/21-2024-nd-cp", number: "21/2024/NĐ-CP", type: "Nghị định", title: "Đã đăng" }]);
    expect(cited.slugs).toEqual(["22-2024-nd-cp", "21-2024-nd-cp"]);
  });
});

describe("posts that cite a document (Bài viết dẫn chiếu)", () => {
  it("reads the registry links of a body, once each, and nothing else", () => {
    const body = doc(linkTo("/van-ban/65-2023-nd-cp", "65/2023/NĐ-CP"), linkTo("https://example.com/van-ban/x", "x"), linkTo("/van-ban/65-2023-nd-cp/", "lại"), linkTo("/tin-tuc/abc", "tin"));
    expect(linkedDocumentSlugs(body)).toEqual(["65-2023-nd-cp"]);
  });

  it("lists public posts that picked it or link to it in their text, newest first; drafts and other documents' citers are left out", () => {
    const cited = createDocument(editor, "Văn bản được dẫn", { number: "31/2024/NĐ-CP" });
    publish(cited.id);
    const picker = create(editor, { title: "Bài chọn văn bản" });
    save(picker.id, { title: "Bài chọn văn bản", relatedDocuments: [cited.id] });
    setStatus(picker.id, "published", new Date("2025-01-02T03:00:00Z"));
    const linker = create(authorA, { title: "Bài liên kết trong văn bản", body: doc(paragraph("Theo "), linkTo("/van-ban/31-2024-nd-cp", "Nghị định 31/2024/NĐ-CP")) });
    setStatus(linker.id, "published", new Date("2025-03-04T03:00:00Z"));
    const hidden = create(editor, { title: "Bản nháp", body: doc(linkTo("/van-ban/31-2024-nd-cp", "31/2024/NĐ-CP")) });
    expect(citationRows(hidden.id)).toMatchObject([{ documentId: cited.id, via: "linked" }]);
    const list = citingPostsOf(db, cited.id, new Date("2026-01-01T00:00:00Z"));
    expect(list.map((p) => [p.title, p.href])).toEqual([
      ["Bài liên kết trong văn bản", `/tin-tuc/${row(linker.id).slug}`],
      ["Bài chọn văn bản", `/tin-tuc/${row(picker.id).slug}`],
    ]);
  });
});
