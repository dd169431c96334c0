import { desc, eq, gt } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { cacheInvalidations, postDocuments } from "@/db/schema";
import { collectPageTags } from "@/lib/cache/page-tags";
import { cacheTags } from "@/lib/cache/tags";
import { getDocument } from "@/lib/dal/documents";
import { citedDocumentsOf, citingPostsOf } from "@/lib/dal/documents/citations";
import { CITATION_MESSAGES, linkedDocumentSlugs } from "@/lib/dal/posts/cited-documents";
import { getPostForEditFor } from "@/lib/dal/posts/read";
import { savePostFor } from "@/lib/dal/posts/save";
import { announceDuePosts } from "@/lib/dal/posts/schedule";
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

describe("a document page's list of citing posts is refreshed exactly when it changes (citations tag)", () => {
  // Tags queued since `mark`, whichever way they were written (triggers, the scheduler).
  const queuedSince = (mark: number) => db.select().from(cacheInvalidations).where(gt(cacheInvalidations.id, mark)).all().map((r) => r.tag);
  const mark = () => db.select({ id: cacheInvalidations.id }).from(cacheInvalidations).orderBy(desc(cacheInvalidations.id)).limit(1).get()?.id ?? 0;

  it("is queued when a published post starts or stops citing the document, or changes what the list shows, and not for drafts", () => {
    const cited = createDocument(editor, "Văn bản được theo dõi", { number: "41/2024/NĐ-CP" });
    publish(cited.id);
    const tag = cacheTags.citations(row(cited.id).slug);
    const draft = create(editor, { title: "Bản nháp dẫn chiếu" });
    let at = mark();
    save(draft.id, { title: "Bản nháp dẫn chiếu", relatedDocuments: [cited.id] });
    save(draft.id, { title: "Bản nháp đổi tên", relatedDocuments: [cited.id] });
    expect(queuedSince(at)).not.toContain(tag);

    at = mark();
    setStatus(draft.id, "published");
    expect(queuedSince(at)).toContain(tag);
    at = mark();
    save(draft.id, { title: "Tên mới của bài đã đăng", relatedDocuments: [cited.id] });
    expect(queuedSince(at)).toContain(tag);
    at = mark();
    save(draft.id, { title: "Tên mới của bài đã đăng", relatedDocuments: [] });
    expect(queuedSince(at)).toContain(tag);
    // No longer citing it: its later changes leave the document's page alone.
    at = mark();
    save(draft.id, { title: "Tên khác nữa", relatedDocuments: [] });
    expect(queuedSince(at)).not.toContain(tag);

    const linker = create(editor, { title: "Bài liên kết", body: doc(linkTo(`/van-ban/${row(cited.id).slug}`, "41/2024/NĐ-CP")) });
    setStatus(linker.id, "published");
    at = mark();
    setStatus(linker.id, "unpublished");
    expect(queuedSince(at)).toContain(tag);
  });

  it("is queued by the scheduler when a post that cites the document goes live, which changes no row", () => {
    const cited = createDocument(editor, "Văn bản chờ bài hẹn giờ", { number: "42/2024/NĐ-CP" });
    publish(cited.id);
    const scheduled = create(editor, { title: "Bài hẹn giờ" });
    save(scheduled.id, { title: "Bài hẹn giờ", relatedDocuments: [cited.id] });
    const goesLive = new Date(Date.now() + 60_000);
    setStatus(scheduled.id, "published", goesLive);
    announceDuePosts(db, new Date(goesLive.getTime() - 5_000));
    const at = mark();
    announceDuePosts(db, new Date(goesLive.getTime() + 1_000));
    expect(queuedSince(at)).toEqual(expect.arrayContaining([cacheTags.citations(row(cited.id).slug), `article:${row(scheduled.id).slug}`]));
  });

  it("is what the document's page carries, instead of every news change's `home`", () => {
    const cited = createDocument(editor, "Văn bản có trang", { number: "43/2024/NĐ-CP" });
    publish(cited.id);
    const slug = row(cited.id).slug;
    const tags = new Set<string>();
    const holder = globalThis as unknown as { __cmsDb?: typeof db };
    holder.__cmsDb = db;
    return collectPageTags(tags, async () => void getDocument(slug))
      .then(() => {
        expect([...tags]).toContain(cacheTags.citations(slug));
        expect([...tags]).not.toContain(cacheTags.home);
      })
      .finally(() => (holder.__cmsDb = undefined));
  });
});
