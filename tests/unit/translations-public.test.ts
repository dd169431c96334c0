import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { posts } from "@/db/schema";
import { findArticle } from "@/lib/dal/public/posts";
import { findTranslations, translationsLookup } from "@/lib/dal/public/translations";
import { readSitemapPosts } from "@/lib/dal/public/feeds";
import { buildUrlset } from "@/lib/feeds/sitemap";
import { languageSwitchHref } from "@/lib/dal/public/language-switch";
import { trashPostsFor, restorePostsFor } from "@/lib/dal/posts/trash";
import { joinTranslationGroup } from "@/lib/dal/posts/translation-link";
import type { TransitionName } from "@/lib/workflow/transitions";
import { languageAlternates } from "@/lib/i18n/alternates";
import { updatePostFor } from "./helpers/save-post";
import { create, db, editor, fields, row, tags } from "./helpers/posts-world";

const move = (id: number, name: TransitionName, now = new Date("2026-05-04T03:00:00Z")) =>
  updatePostFor(db, editor, id, row(id).version, fields({ title: row(id).title, slug: row(id).slug }), { transition: { name }, now });

/** A Vietnamese post and its English translation (a draft), linked as one group. */
function pair() {
  const vi = create(editor, { title: "Hội nghị tổng kết năm 2025" });
  const en = create(editor, { title: "Annual review conference 2025" });
  db.update(posts).set({ language: "en" }).where(eq(posts.id, en.id)).run();
  joinTranslationGroup(db, { id: vi.id, translationGroupId: null, categoryId: null }, en.id);
  return { vi: vi.id, en: en.id };
}

// What a change to one member must never touch in the other.
const state = (id: number) => {
  const { status, publishedAt, deletedAt, version, slug, title, translationGroupId } = row(id);
  return { status, publishedAt, deletedAt, version, slug, title, translationGroupId };
};

describe("members of a translation group are independent", () => {
  it("publishing, unpublishing, trashing and restoring one language leaves the other as it was", () => {
    const { vi, en } = pair();
    expect(move(vi, "publish")).toMatchObject({ ok: true });
    const english = state(en);
    expect(english.status).toBe("draft");

    expect(move(en, "publish")).toMatchObject({ ok: true });
    const vietnamese = state(vi);
    expect(move(en, "unpublish")).toMatchObject({ ok: true });
    expect(state(vi)).toEqual(vietnamese);
    expect(row(en).status).toBe("unpublished");

    expect(move(en, "publish")).toMatchObject({ ok: true });
    expect(trashPostsFor(db, editor, [en])).toMatchObject({ ok: true });
    expect(state(vi)).toEqual(vietnamese);
    expect(row(en).deletedAt).not.toBeNull();
    expect(restorePostsFor(db, editor, [en])).toMatchObject({ ok: true });

    const englishNow = state(en);
    expect(move(vi, "unpublish")).toMatchObject({ ok: true });
    expect(trashPostsFor(db, editor, [vi])).toMatchObject({ ok: true });
    expect(state(en)).toEqual(englishNow);
    expect(row(en).status).toBe("published");
  });

  it("a member's change queues its group's tag, so the other's pages (switcher, hreflang) refresh", () => {
    const { vi, en } = pair();
    move(vi, "publish");
    move(en, "publish");
    expect(tags()).toContain(`translations:${vi}`);
    const before = tags().length;
    trashPostsFor(db, editor, [en]);
    expect(tags().slice(before)).toContain(`translations:${vi}`);
  });
});

describe("translations readers see", () => {
  const now = new Date("2026-06-01T00:00:00Z");
  const member = (id: number) => ({ ...row(id) });

  it("name only published members, both ways, and give hreflang pairs with x-default", () => {
    const { vi, en } = pair();
    move(vi, "publish");
    expect(findTranslations(db, member(vi), now)).toEqual({ vi: `/tin-tuc/${row(vi).slug}` });
    expect(languageAlternates(findTranslations(db, member(vi), now))).toBeUndefined();

    move(en, "publish");
    const fromVi = findTranslations(db, member(vi), now);
    const fromEn = findTranslations(db, member(en), now);
    expect(fromVi).toEqual({ vi: `/tin-tuc/${row(vi).slug}`, en: `/en/news/${row(en).slug}` });
    expect(fromEn).toEqual(fromVi);
    expect(languageAlternates(fromVi)).toEqual({ vi: fromVi.vi, en: fromVi.en, "x-default": fromVi.vi });

    move(en, "unpublish");
    expect(findTranslations(db, member(vi), now)).toEqual({ vi: `/tin-tuc/${row(vi).slug}` });
  });

  it("are read for a sitemap's posts at once, the same as for one page, with xhtml:link pairs in the sitemap", () => {
    const { vi, en } = pair();
    const alone = create(editor, { title: "Tin chỉ có tiếng Việt" }).id;
    move(vi, "publish");
    move(alone, "publish");
    const sitemapOf = () => new Map(readSitemapPosts(db, now, 0, 100).map((p) => [p.slug, p.translations]));
    expect(sitemapOf().get(row(vi).slug)).toBeUndefined();

    move(en, "publish");
    const lookup = translationsLookup(db, now);
    for (const id of [vi, en, alone]) expect(lookup(member(id)) ?? { vi: `/tin-tuc/${row(id).slug}` }, String(id)).toEqual(findTranslations(db, member(id), now));
    const listed = sitemapOf();
    expect(listed.get(row(vi).slug)).toEqual({ vi: `/tin-tuc/${row(vi).slug}`, en: `/en/news/${row(en).slug}` });
    expect(listed.get(row(en).slug)).toEqual(listed.get(row(vi).slug));
    expect(listed.get(row(alone).slug)).toBeUndefined();

    const xml = buildUrlset([
      { loc: "https://cuc.vn/tin-tuc/a", translations: { vi: "https://cuc.vn/tin-tuc/a", en: "https://cuc.vn/en/news/a&b" } },
      { loc: "https://cuc.vn/tin-tuc/b", translations: { vi: "https://cuc.vn/tin-tuc/b" } },
    ]);
    expect(xml).toContain('xmlns:xhtml="http://www.w3.org/1999/xhtml"');
    expect(xml).toContain(
      '<loc>https://cuc.vn/tin-tuc/a</loc><xhtml:link rel="alternate" hreflang="vi" href="https://cuc.vn/tin-tuc/a"/><xhtml:link rel="alternate" hreflang="en" href="https://cuc.vn/en/news/a&amp;b"/><xhtml:link rel="alternate" hreflang="x-default" href="https://cuc.vn/tin-tuc/a"/></url>',
    );
    // Alone in its language: no alternate pointing at a page that does not exist.
    expect(xml).toContain("<loc>https://cuc.vn/tin-tuc/b</loc></url>");

    move(en, "unpublish");
    expect(sitemapOf().get(row(vi).slug)).toBeUndefined();
  });

  it("the language switcher goes to the published translation, else to the other site's home page", () => {
    const { vi, en } = pair();
    move(vi, "publish");
    expect(languageSwitchHref(db, `/tin-tuc/${row(vi).slug}`, now)).toBe("/en");
    move(en, "publish");
    expect(languageSwitchHref(db, `/tin-tuc/${row(vi).slug}`, now)).toBe(`/en/news/${row(en).slug}`);
    expect(languageSwitchHref(db, `/en/news/${row(en).slug}`, now)).toBe(`/tin-tuc/${row(vi).slug}`);
    expect(languageSwitchHref(db, "/", now)).toBe("/en");
    expect(languageSwitchHref(db, "/en/search", now)).toBe("/");
    expect(languageSwitchHref(db, "/en/news/khong-co", now)).toBe("/");
  });

  it("an English article is read at its English address only, with its language", () => {
    const { vi, en } = pair();
    move(vi, "publish");
    move(en, "publish");
    expect(findArticle(db, row(en).slug, "en", now)).toMatchObject({ kind: "article", article: { id: en, language: "en" } });
    expect(findArticle(db, row(en).slug, "vi", now).kind).toBe("missing");
    expect(findArticle(db, row(vi).slug, "en", now).kind).toBe("missing");
  });
});
