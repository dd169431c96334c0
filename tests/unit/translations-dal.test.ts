import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { posts } from "@/db/schema";
import { RefusedError } from "@/lib/dal/actor";
import { POST_ADMIN_MESSAGES } from "@/lib/dal/posts/access";
import { savePostFor } from "@/lib/dal/posts/save";
import { restorePostsFor, trashPostsFor } from "@/lib/dal/posts/trash";
import { listPageTreeFor } from "@/lib/dal/pages/queries";
import { listPostsFor } from "@/lib/dal/posts/list";
import { createTranslationFor, TRANSLATION_MESSAGES } from "@/lib/dal/translations/create";
import { translationPanelFor } from "@/lib/dal/translations/screen";
import { translationStatusesFor } from "@/lib/dal/translations/status";
import { blankPostText, type ContentFields } from "@/lib/validations/post";
import type { TransitionName } from "@/lib/workflow/transitions";
import { admin, authorA, authorB, create, db, doc, editor, fields, figure, insertMedia, logs, paragraph, row } from "./helpers/posts-world";

type Who = typeof editor;

/** The stored post as its form would send it, with `changes` typed over it. */
function formOf(id: number, changes: Partial<ContentFields> = {}): ContentFields {
  const r = row(id);
  return { ...blankPostText(), title: r.title, lead: r.lead, source: r.source || "Văn phòng Cục", slug: r.slug.split("/").at(-1)!, slugAuto: false, body: r.body, categoryId: r.categoryId, parentId: r.parentId, featuredMediaId: r.featuredMediaId, featuredCaption: r.featuredImageCaption, featuredAlt: r.featuredImageAlt, keepLegacyImage: false, publishedAt: null, ...changes };
}

function move(actor: Who, id: number, name: TransitionName, changes: Partial<ContentFields> = {}) {
  const result = savePostFor(db, actor, { intent: "transition", id, version: row(id).version, fields: formOf(id, changes), transition: { name } });
  if (!result.ok) throw new Error(result.message);
  return result;
}

function save(actor: Who, id: number, changes: Partial<ContentFields>) {
  const result = savePostFor(db, actor, { intent: "save", id, version: row(id).version, fields: formOf(id, changes) });
  if (!result.ok) throw new Error(result.message);
  return result;
}

function translate(actor: Who, id: number) {
  const result = createTranslationFor(db, actor, id);
  if (!result.ok) throw new Error(result.message);
  return result;
}

const statusOf = (actor: Who, id: number) => translationStatusesFor(db, actor, [{ id, translationGroupId: row(id).translationGroupId }]).get(id)!;
const english = { title: "Annual review conference 2025", lead: "The Office reviewed its work.", body: doc(paragraph("The Office held its annual review.")), source: "Office" };

function page(actor: Who, title: string, parentId: number | null) {
  const result = savePostFor(db, actor, { intent: "create", kind: "page", fields: { ...blankPostText(), title, slug: "", slugAuto: true, featuredMediaId: null, featuredCaption: "", keepLegacyImage: false, publishedAt: null, body: doc(paragraph(title)), parentId } });
  if (!result.ok) throw new Error(result.message);
  return result.id;
}

describe("Thêm bản tiếng Anh", () => {
  it("makes an English draft in the Vietnamese post's group, by the translator, from the Vietnamese text but without its per-language captions", () => {
    const picture = insertMedia("Toàn cảnh Hội nghị", "Hội trường");
    const { id } = create(authorA, { featuredMediaId: picture.id, body: doc(paragraph("Nội dung"), figure(picture, "Hội trường")) });
    move(editor, id, "publish");
    const made = translate(editor, id);
    expect(made.message).toBe(TRANSLATION_MESSAGES.created);
    const en = row(made.id);
    expect(en).toMatchObject({ language: "en", kind: "post", status: "draft", authorId: editor.id, translationGroupId: id, title: row(id).title, categoryId: row(id).categoryId, featuredMediaId: picture.id });
    // The library's caption and description are Vietnamese: the English version starts without them and gets its own.
    expect(en).toMatchObject({ featuredImageCaption: "", featuredImageAlt: "", source: "" });
    // So do the body's images: the Vietnamese description the library gave them is not carried over, nor filled in again on save.
    expect(JSON.stringify(row(id).body)).toContain('"alt":"Hội trường"');
    expect(JSON.stringify(en.body)).toContain('"alt":""');
    save(editor, made.id, { title: "Annual review", source: "Office" });
    expect(JSON.stringify(row(made.id).body)).toContain('"alt":""');
    expect(row(id).translationGroupId).toBe(id);
    expect(logs("post.translate")).toHaveLength(1);
    save(editor, made.id, { ...english, featuredAlt: "The conference hall", featuredCaption: "The conference" });
    expect(row(made.id)).toMatchObject({ featuredImageAlt: "The conference hall", featuredImageCaption: "The conference", slug: en.slug });
    expect(row(id)).toMatchObject({ featuredImageAlt: "Hội trường", featuredImageCaption: "Toàn cảnh Hội nghị" });
  });

  it("refuses a second English version, an English source, a document, a post in the trash, and another author's post", () => {
    const { id } = create(authorA);
    const made = translate(authorA, id);
    expect(row(made.id).authorId).toBe(authorA.id);
    expect(createTranslationFor(db, editor, id)).toMatchObject({ ok: false, message: TRANSLATION_MESSAGES.exists });
    expect(createTranslationFor(db, editor, made.id)).toMatchObject({ ok: false, message: TRANSLATION_MESSAGES.notVietnamese });
    // Even with the English one in the trash, its place in the group is held until it is purged.
    trashPostsFor(db, authorA, [made.id]);
    expect(createTranslationFor(db, editor, id)).toMatchObject({ ok: false, message: TRANSLATION_MESSAGES.exists });

    const other = create(authorA, { title: "Bài thứ hai" });
    expect(createTranslationFor(db, authorB, other.id)).toMatchObject({ ok: false, denied: true, message: POST_ADMIN_MESSAGES.notFound });
    trashPostsFor(db, authorA, [other.id]);
    expect(createTranslationFor(db, editor, other.id)).toMatchObject({ ok: false, message: TRANSLATION_MESSAGES.inTrash });

    const document = savePostFor(db, editor, { intent: "create", kind: "document", fields: { ...fields({ title: "Quyết định 12/QĐ-SHTT" }), slug: "12-qd-shtt" } });
    if (!document.ok) throw new Error(document.message);
    expect(createTranslationFor(db, editor, document.id)).toMatchObject({ ok: false, message: TRANSLATION_MESSAGES.notTranslatable });
    expect(() => createTranslationFor(db, null, id)).toThrow(RefusedError);
    expect(db.select().from(posts).where(eq(posts.language, "en")).all()).toHaveLength(1);
  });

  it("puts an English page under the English version of its Vietnamese parent, or at the top only for an editor", () => {
    const about = page(editor, "Giới thiệu", null);
    const structure = page(editor, "Cơ cấu tổ chức", about);
    const leaders = page(authorA, "Lãnh đạo Cục", about);
    // No English parent yet: an author may not put a page at the top, an editor may.
    expect(createTranslationFor(db, authorA, leaders)).toMatchObject({ ok: false, field: "parentId", message: TRANSLATION_MESSAGES.parentUntranslated });
    expect(createTranslationFor(db, authorA, about)).toMatchObject({ ok: false, denied: true });
    const aboutEn = translate(admin, about);
    expect(row(aboutEn.id)).toMatchObject({ kind: "page", language: "en", parentId: null });
    const leadersEn = translate(authorA, leaders);
    expect(row(leadersEn.id)).toMatchObject({ parentId: aboutEn.id, slug: `${row(aboutEn.id).slug}/lanh-dao-cuc` });
    const structureEn = translate(editor, structure);
    expect(row(structureEn.id).parentId).toBe(aboutEn.id);
  });
});

describe("the English version's status", () => {
  it("goes missing → draft → published → out of date (with the Vietnamese diff) → published again", () => {
    const { id } = create(authorA);
    move(editor, id, "publish");
    expect(statusOf(editor, id)).toMatchObject({ state: "missing", label: "Chưa có bản tiếng Anh", english: null });

    const en = translate(editor, id).id;
    expect(statusOf(editor, id)).toMatchObject({ state: "unpublished", label: "Bản tiếng Anh: Bản nháp", english: { id: en, visible: true } });
    // The author of the original sees where it stands, but the editor's English draft is not theirs to open.
    expect(statusOf(authorA, id).english).toEqual({ id: en, visible: false });

    move(editor, en, "publish", english);
    expect(statusOf(editor, id)).toMatchObject({ state: "published", label: "Bản tiếng Anh đã xuất bản", changesHref: null });

    // A move of the Vietnamese that changes no text (taken down and put back) does not make the English out of date.
    move(editor, id, "unpublish");
    move(editor, id, "publish");
    expect(statusOf(editor, id).state).toBe("published");

    const atEnglishPublish = db.select().from(posts).where(eq(posts.id, id)).get()!;
    save(editor, id, { lead: "Sapo đã sửa sau khi bản tiếng Anh xuất bản" });
    const outdated = statusOf(editor, id);
    expect(outdated).toMatchObject({ state: "outdated", label: "Bản tiếng Anh cần cập nhật" });
    expect(outdated.changesHref).toMatch(new RegExp(`^/admin/posts/${id}/revisions/compare\\?from=\\d+&to=\\d+$`));
    expect(atEnglishPublish.lead).toBe("Sapo của bài");
    const panel = translationPanelFor(db, editor, en);
    expect(panel).toMatchObject({ language: "en", changesHref: outdated.changesHref, source: { id, lead: "Sapo đã sửa sau khi bản tiếng Anh xuất bản" } });

    save(editor, en, { lead: "The Office reviewed its work in 2025." });
    expect(statusOf(editor, id)).toMatchObject({ state: "published", changesHref: null });
    expect(translationPanelFor(db, editor, en)).toMatchObject({ changesHref: null });

    move(editor, en, "unpublish");
    expect(statusOf(editor, id)).toMatchObject({ state: "unpublished", label: "Bản tiếng Anh: Đã gỡ" });
  });

  it("offers the translation on the Vietnamese screen only while there is none", () => {
    const { id } = create(authorA);
    expect(translationPanelFor(db, authorA, id)).toMatchObject({ language: "vi", canTranslate: true });
    translate(authorA, id);
    expect(translationPanelFor(db, authorA, id)).toMatchObject({ language: "vi", canTranslate: false, status: { state: "unpublished" } });
    expect(translationPanelFor(db, authorB, id)).toBeNull();
  });
});

describe("the lists", () => {
  it("filter by language and show each Vietnamese post's English status; the page tree is one language at a time", () => {
    const { id } = create(editor);
    const alone = create(editor, { title: "Bài chưa dịch" }).id;
    const en = translate(editor, id).id;
    const list = (language?: "vi" | "en") => listPostsFor(db, editor, { language }, null).items;
    expect(list().map((i) => i.id).sort()).toEqual([id, alone, en].sort());
    expect(list("en").map((i) => [i.id, i.language, i.translation])).toEqual([[en, "en", null]]);
    const vietnamese = list("vi");
    expect(vietnamese.map((i) => i.id).sort()).toEqual([id, alone].sort());
    expect(vietnamese.find((i) => i.id === alone)?.translation?.state).toBe("missing");
    expect(vietnamese.find((i) => i.id === id)?.translation).toMatchObject({ state: "unpublished", english: { id: en } });

    const about = page(editor, "Giới thiệu", null);
    const aboutEn = translate(editor, about).id;
    expect(listPageTreeFor(db, editor, "vi").map((p) => [p.id, p.translation?.state])).toEqual([[about, "unpublished"]]);
    expect(listPageTreeFor(db, editor, "en").map((p) => [p.id, p.translation])).toEqual([[aboutEn, null]]);
  });
});

describe("one language at a time", () => {
  it("publishing, unpublishing, trashing and restoring one language leaves the other as it was", () => {
    const { id } = create(authorA);
    const en = translate(editor, id).id;
    move(editor, en, "publish", english);
    expect(row(id).status).toBe("draft");
    move(editor, id, "publish");
    const englishBefore = row(en);
    move(editor, id, "unpublish");
    expect(row(en)).toMatchObject({ status: "published", version: englishBefore.version });

    trashPostsFor(db, editor, [en]);
    expect(row(id)).toMatchObject({ status: "unpublished", deletedAt: null });
    expect(statusOf(editor, id).state).toBe("trashed");
    restorePostsFor(db, editor, [en]);
    expect(statusOf(editor, id).state).not.toBe("trashed");
    trashPostsFor(db, editor, [id]);
    expect(row(en).deletedAt).toBeNull();
  });
});
