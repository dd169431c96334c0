import fs from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/lib/dal/connection";
import { categories, homeLayouts, menus, posts, siteProfiles, type Language } from "@/db/schema";
import { readFeedPosts, readSitemapPosts } from "@/lib/dal/public/feeds";
import { resolveAddress } from "@/lib/dal/public/addresses";
import { findPublicPage, readSitemapPages } from "@/lib/dal/public/pages";
import { findTranslations } from "@/lib/dal/public/translations";
import { getPublicMenu } from "@/lib/dal/public/menus";
import { searchPublishedIn } from "@/lib/dal/search/queries";
import { importLegacyText, LEGACY_TRANSLATION_FAILURE } from "@/lib/legacy/import";
import { seedDemoContentIfEmpty } from "@/lib/seed/demo-content";
import { createTempDatabase } from "./helpers/temp-db";

let db: Db;
let cleanup: () => void;
beforeEach(() => ({ db, cleanup } = createTempDatabase()));
afterEach(() => cleanup());

const NOW = new Date("2026-01-15T03:00:00Z");
let seq = 0;

function category(name: string, slug: string, nameEn: string | null = null): number {
  return db.insert(categories).values({ name, slug, nameEn, slugEn: nameEn ? nameEn.toLowerCase().replace(/\s+/g, "-") : null }).returning({ id: categories.id }).get().id;
}

function post(language: Language, title: string, categoryId: number, extra: { bodyText?: string; translationGroupId?: number } = {}) {
  seq += 1;
  return db
    .insert(posts)
    .values({ title, slug: `bai-${seq}`, language, body: { type: "doc", content: [] }, bodyText: extra.bodyText ?? "", status: "published", publishedAt: new Date("2025-06-01T03:00:00Z"), categoryId, translationGroupId: extra.translationGroupId })
    .returning({ id: posts.id, slug: posts.slug })
    .get();
}

const search = (q: string, language?: Language, categorySlug?: string) => searchPublishedIn(db, { q, page: 1, language, categorySlug }, NOW);

describe("search per language", () => {
  it("English search ignores case and finds English content only; Vietnamese search folds diacritics and never finds English", () => {
    const c = category("Hội nghị", "hoi-nghi", "Conferences");
    const vi = post("vi", "Hội nghị tổng kết công tác năm", c);
    const en = post("en", "Annual Review Conference held in Hanoi", c, { bodyText: "The Conference reviewed the year." });

    expect(search("annual review").items.map((i) => i.id)).toEqual([]);
    expect(search("ANNUAL review", "en").items.map((i) => i.id)).toEqual([en.id]);
    expect(search("conference", "en").items[0]).toMatchObject({ href: `/en/news/${en.slug}`, category: { name: "Conferences", slug: "conferences" } });
    expect(search("hoi nghi", "en").total).toBe(0);

    expect(search("hoi nghi").items.map((i) => i.id)).toEqual([vi.id]);
    expect(search("HỘI NGHỊ", "vi").items.map((i) => i.id)).toEqual([vi.id]);
    expect(search("conference", "vi").total).toBe(0);
    // A category filter names the category by the site's own slug.
    expect(search("conference", "en", "conferences").total).toBe(1);
    expect(search("conference", "en", "hoi-nghi").total).toBe(0);
  });
});

describe("feeds and sitemaps per language", () => {
  it("each site's feed has its own language's news, with the English category names; the sitemap lists both", () => {
    const named = category("Hoạt động", "hoat-dong", "Activities");
    const unnamed = category("Thông báo", "thong-bao");
    const vi = post("vi", "Bài tiếng Việt", named);
    const en = post("en", "English news", named);
    const enUnnamed = post("en", "English notice", unnamed);

    expect(readFeedPosts(db, NOW, null).map((p) => p.slug)).toEqual([vi.slug]);
    const english = readFeedPosts(db, NOW, null, 50, "en");
    expect(english.map((p) => p.slug).sort()).toEqual([en.slug, enUnnamed.slug].sort());
    expect(english.find((p) => p.slug === en.slug)?.category).toEqual({ name: "Activities", slug: "activities" });
    expect(english.find((p) => p.slug === enUnnamed.slug)?.category).toBeNull();
    expect(readFeedPosts(db, NOW, named, 50, "en").map((p) => p.slug)).toEqual([en.slug]);

    expect(readSitemapPosts(db, NOW, 0, 10).map((p) => [p.slug, p.language])).toEqual([
      [vi.slug, "vi"],
      [en.slug, "en"],
      [enUnnamed.slug, "en"],
    ]);
  });
});

describe("English addresses", () => {
  it("resolve under /en only, each site's slugs in its own space", () => {
    const c = category("Hoạt động", "hoat-dong", "Activities");
    const vi = post("vi", "Bài", c);
    const en = post("en", "News", c);
    expect(resolveAddress(db, `/en/news/${en.slug}`, NOW)).toEqual({ kind: "page" });
    expect(resolveAddress(db, `/en/news/${vi.slug}`, NOW)).toEqual({ kind: "missing" });
    expect(resolveAddress(db, `/tin-tuc/${en.slug}`, NOW)).toEqual({ kind: "missing" });
    expect(resolveAddress(db, "/en/category/activities", NOW)).toEqual({ kind: "page" });
    expect(resolveAddress(db, "/en/category/hoat-dong", NOW)).toEqual({ kind: "missing" });
    expect(resolveAddress(db, "/en/category/activities/page/1", NOW)).toEqual({ kind: "redirect", location: "/en/category/activities" });
    expect(resolveAddress(db, "/en/category/activities/page/2", NOW)).toEqual({ kind: "missing" });
    expect(resolveAddress(db, "/en/page/1", NOW)).toEqual({ kind: "redirect", location: "/en" });
    expect(resolveAddress(db, "/en", NOW)).toEqual({ kind: "page" });
    expect(resolveAddress(db, "/en/search", NOW)).toEqual({ kind: "other" });
    expect(resolveAddress(db, "/en/rss.xml", NOW)).toEqual({ kind: "other" });
    expect(resolveAddress(db, "/en/van-ban", NOW)).toEqual({ kind: "missing" });
  });
});

const sample = (name: string) => fs.readFileSync(path.join("samples", "legacy-export", name), "utf8");
const englishSample = fs.readFileSync(path.join("samples", "legacy-export-en", "002_en.txt"), "utf8");

describe("importing English exports", () => {
  it("--language en makes an English post; --translation-of links it to the Vietnamese original, in its category", () => {
    const original = importLegacyText(db, { file: "002.txt", text: sample("002_ac325f9820ae4275.txt"), categoryName: "Thi đua – Khen thưởng" });
    expect(original.status).toBe("imported");
    if (original.status !== "imported") return;
    const outcome = importLegacyText(db, { file: "002_en.txt", text: englishSample, language: "en", translationOf: original.slug });
    expect(outcome).toMatchObject({ status: "imported", title: "IP Viet Nam holds its conference of exemplary collectives and individuals" });
    if (outcome.status !== "imported") return;
    const english = db.select().from(posts).where(eq(posts.id, outcome.postId)).get()!;
    const vietnamese = db.select().from(posts).where(eq(posts.id, original.postId)).get()!;
    expect(english).toMatchObject({ language: "en", status: "published", translationGroupId: original.postId, categoryId: vietnamese.categoryId, slug: "ip-viet-nam-holds-its-conference-of-exemplary-collectives-and-individuals" });
    expect(english.publishedAt?.toISOString()).toBe("2020-06-19T04:39:00.000Z");
    expect(english.bodyText).not.toContain("Text size");
    expect(vietnamese.translationGroupId).toBe(original.postId);
    expect(findTranslations(db, english, NOW)).toEqual({ vi: `/tin-tuc/${original.slug}`, en: `/en/news/${english.slug}` });

    // A second run finds it again; another English version of the same original is a bad row.
    expect(importLegacyText(db, { file: "002_en.txt", text: englishSample, language: "en", translationOf: original.slug }).status).toBe("skipped");
    const other = englishSample.replace("IP Viet Nam holds", "IP Viet Nam also holds");
    expect(importLegacyText(db, { file: "khac.txt", text: other, language: "en", translationOf: original.slug })).toEqual({ file: "khac.txt", status: "failed", reason: LEGACY_TRANSLATION_FAILURE.taken(original.slug) });
  });

  it("a missing original is a reported bad row that writes nothing", () => {
    const before = db.select({ id: posts.id }).from(posts).all().length;
    expect(importLegacyText(db, { file: "a.txt", text: englishSample, language: "en", translationOf: "khong-co-bai-nay" })).toEqual({
      file: "a.txt",
      status: "failed",
      reason: LEGACY_TRANSLATION_FAILURE.missing("khong-co-bai-nay"),
    });
    expect(db.select({ id: posts.id }).from(posts).all().length).toBe(before);
  });
});

describe("the first start's English site", () => {
  it("seeds English pages and a post linked to their originals, English category names, menus, profile and home layout; later starts touch nothing", () => {
    expect(seedDemoContentIfEmpty(db)).toEqual({ seeded: true });
    // The seed publishes as of now.
    const NOW = new Date(Date.now() + 1000);
    const about = findPublicPage(db, "about", "en", NOW);
    const contact = findPublicPage(db, "contact", "en", NOW);
    expect(about.kind === "page" && about.page.translations).toEqual({ vi: "/gioi-thieu", en: "/en/about" });
    expect(contact.kind === "page" && contact.page.translations).toEqual({ vi: "/lien-he", en: "/en/contact" });
    // The sitemap pairs them too (xhtml:link), from both sites' lists.
    expect(readSitemapPages(db, "en", NOW).map((page) => [page.path, page.translations])).toEqual([
      ["/en/about", { vi: "/gioi-thieu", en: "/en/about" }],
      ["/en/contact", { vi: "/lien-he", en: "/en/contact" }],
    ]);
    expect(readSitemapPages(db, "vi", NOW).find((page) => page.path === "/gioi-thieu")?.translations).toEqual({ vi: "/gioi-thieu", en: "/en/about" });
    const english = db.select().from(posts).where(and(eq(posts.kind, "post"), eq(posts.language, "en"))).all();
    expect(english).toHaveLength(1);
    expect(findTranslations(db, english[0]!, NOW)).toMatchObject({ vi: expect.stringMatching(/^\/tin-tuc\//), en: `/en/news/${english[0]!.slug}` });
    expect(db.select({ slugEn: categories.slugEn }).from(categories).all().map((c) => c.slugEn).sort()).toEqual(["emulation-and-commendation", "party-and-union-activities"]);
    expect(db.select().from(siteProfiles).where(eq(siteProfiles.language, "en")).get()?.name).toBe("Intellectual Property Office of Viet Nam");
    const header = getPublicMenu("header", "en", db, NOW);
    expect(header.map((link) => link.href)).toEqual(["/en", "/en/about", "/en/category/party-and-union-activities", "/en/category/emulation-and-commendation", "/en/contact"]);
    const layout = db.select().from(homeLayouts).where(eq(homeLayouts.language, "en")).get()!;
    expect(layout.featured.map((entry) => entry.postId)).toEqual([english[0]!.id]);

    const menuVersions = db.select({ id: menus.id, version: menus.version }).from(menus).all();
    db.update(posts).set({ title: "About the Office" }).where(eq(posts.slug, "about")).run();
    expect(seedDemoContentIfEmpty(db)).toEqual({ seeded: false });
    expect(db.select({ title: posts.title }).from(posts).where(eq(posts.slug, "about")).get()?.title).toBe("About the Office");
    expect(db.select({ id: menus.id, version: menus.version }).from(menus).all()).toEqual(menuVersions);
  });
});
