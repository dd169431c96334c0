import fs from "node:fs";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/lib/dal/connection";
import { cacheInvalidations, categories, posts } from "@/db/schema";
import { importLegacyText } from "@/lib/legacy/import";
import { seedDemoContentIfEmpty } from "@/lib/seed/demo-content";
import { createTempDatabase } from "./helpers/temp-db";

const sample = (name: string) => fs.readFileSync(path.join("samples", "legacy-export", name), "utf8");
const SAMPLE_000 = "000_434db2b6d292e4e5.txt";

let db: Db;
let cleanup: () => void;
beforeEach(() => ({ db, cleanup } = createTempDatabase()));
afterEach(() => cleanup());

const postCount = () => db.select({ n: count() }).from(posts).where(eq(posts.kind, "post")).get()?.n;

describe("importLegacyText", () => {
  it("stores a published post with its original time, lead, source and rendered body", () => {
    const outcome = importLegacyText(db, { file: SAMPLE_000, text: sample(SAMPLE_000), categoryName: "Hoạt động Đảng, đoàn thể" });
    expect(outcome.status).toBe("imported");
    const post = db.select().from(posts).get()!;
    expect(post.status).toBe("published");
    expect(post.publishedAt?.toISOString()).toBe("2020-12-31T10:12:00.000Z");
    expect(post.slug).toBe("hoi-nghi-tong-ket-cong-tac-nam-2020-va-trien-khai-nhiem-vu-nam-2021-cua-dang-bo-cuc-so-huu-tri-tue");
    expect(post.lead).toMatch(/^Ngày 29\/12\/2020/);
    expect(post.source).toBe("Cục Sở hữu trí tuệ");
    expect(post.bodyHtml).toContain(`<p class="caption">Toàn cảnh Hội nghị</p>`);
    expect(post.bodyHtml.match(/<p class="caption">/g)).toHaveLength(6);
    expect(post.bodyHtml).not.toContain("Xem với cỡ chữ");
    expect(post.bodyText).toContain("Hội nghị diễn ra với tinh thần đoàn kết");
    expect((post.body as { type: string }).type).toBe("doc");
    const category = db.select().from(categories).where(eq(categories.id, post.categoryId!)).get()!;
    expect(category).toMatchObject({ name: "Hoạt động Đảng, đoàn thể", slug: "hoat-dong-dang-doan-the" });
  });

  it("does not duplicate a post imported twice, and never overwrites it", () => {
    const first = importLegacyText(db, { file: "a.txt", text: sample(SAMPLE_000) });
    db.update(posts).set({ lead: "Sapo đã sửa trong CMS" }).where(eq(posts.id, (first as { postId: number }).postId)).run();
    const second = importLegacyText(db, { file: "a.txt", text: sample(SAMPLE_000) });
    expect(second).toMatchObject({ status: "skipped", postId: (first as { postId: number }).postId });
    expect(postCount()).toBe(1);
    expect(db.select().from(posts).get()?.lead).toBe("Sapo đã sửa trong CMS");
  });

  it("recognises the same post when the export comes back in NFD with Windows line endings", () => {
    importLegacyText(db, { file: "a.txt", text: sample(SAMPLE_000) });
    const nfd = sample(SAMPLE_000).normalize("NFD").replace(/\n/g, "\r\n");
    expect(importLegacyText(db, { file: "b.txt", text: nfd }).status).toBe("skipped");
    expect(postCount()).toBe(1);
  });

  it("stores text in NFC", () => {
    importLegacyText(db, { file: "nfd.txt", text: sample("002_ac325f9820ae4275.txt").normalize("NFD") });
    const post = db.select().from(posts).get()!;
    for (const field of [post.title, post.lead, post.source, post.bodyHtml, post.bodyText]) {
      expect(field).toBe(field.normalize("NFC"));
    }
    expect(post.title).toBe("Cục Sở hữu trí tuệ tổ chức hội nghị điển hình tiên tiến cấp cơ sở");
  });

  it("reports a file it cannot parse and writes nothing for it", () => {
    const outcome = importLegacyText(db, { file: "hong.txt", text: "Một dòng không phải ngày giờ\n\nvà hết" });
    expect(outcome).toMatchObject({ status: "failed", file: "hong.txt" });
    expect((outcome as { reason: string }).reason).toMatch(/ngày giờ/);
    expect(postCount()).toBe(0);
    expect(db.select({ n: count() }).from(categories).get()?.n).toBe(0);
  });

  it("gives two different posts with the same title different slugs", () => {
    const text = sample(SAMPLE_000);
    importLegacyText(db, { file: "a.txt", text });
    importLegacyText(db, { file: "b.txt", text: text.replace("31/12/2020 | 17:12", "30/12/2020 | 17:12").replace("Th 5", "Th 4") });
    const slugs = db.select({ slug: posts.slug }).from(posts).all().map((r) => r.slug);
    expect(slugs).toHaveLength(2);
    expect(slugs[1]).toBe(`${slugs[0]}-2`);
  });

  it("queues the cache tags of the pages the new post appears on", () => {
    importLegacyText(db, { file: "a.txt", text: sample(SAMPLE_000), categoryName: "Tin A" });
    const tags = db.select({ tag: cacheInvalidations.tag }).from(cacheInvalidations).all().map((r) => r.tag);
    const post = db.select().from(posts).get()!;
    expect(tags).toEqual(expect.arrayContaining(["home", `article:${post.slug}`, `category:${post.categoryId}`]));
  });
});

describe("seedDemoContentIfEmpty", () => {
  it("seeds the three samples into their two categories once, and never again", () => {
    expect(seedDemoContentIfEmpty(db)).toEqual({ seeded: true });
    // The three Vietnamese samples and the English version of one (tests/unit/english-seed.test.ts).
    expect(postCount()).toBe(4);
    const names = db.select({ name: categories.name }).from(categories).orderBy(categories.position).all().map((c) => c.name);
    expect(names).toEqual(["Hoạt động Đảng, đoàn thể", "Thi đua – Khen thưởng"]);
    db.delete(posts).where(eq(posts.slug, "cuc-so-huu-tri-tue-to-chuc-hoi-nghi-dien-hinh-tien-tien-cap-co-so")).run();
    expect(seedDemoContentIfEmpty(db)).toEqual({ seeded: false });
    expect(postCount()).toBe(3);
  });
});
