import fs from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { openDb, type Db } from "@/lib/dal/connection";
import { categories, posts, type PostStatus } from "@/db/schema";
import { holdEvery, searchPostIdsIn, searchPublishedIn, SEARCH_PAGE_SIZE, SEARCH_RANKED_LIMIT, type PublicSearchParams } from "@/lib/dal/search/queries";
import { importLegacyText } from "@/lib/legacy/import";
import { createTempDatabase } from "./helpers/temp-db";

let db: Db;
let file: string;
let cleanup: () => void;
beforeEach(() => ({ db, file, cleanup } = createTempDatabase()));
afterEach(() => cleanup());

const NOW = new Date("2026-01-15T03:00:00Z");
let seq = 0;

function category(name: string, slug: string): number {
  return db.insert(categories).values({ name, slug }).onConflictDoNothing().returning({ id: categories.id }).get()?.id
    ?? db.select({ id: categories.id }).from(categories).where(eq(categories.slug, slug)).get()!.id;
}

function insertPost(values: { title: string; lead?: string; bodyText?: string; status?: PostStatus; publishedAt?: Date | null; categoryId?: number }) {
  seq += 1;
  return db
    .insert(posts)
    .values({
      title: values.title,
      slug: `bai-${seq}`,
      lead: values.lead ?? "",
      body: { type: "doc", content: [] },
      bodyText: values.bodyText ?? "",
      status: values.status ?? "published",
      publishedAt: values.publishedAt === undefined ? new Date("2025-06-01T03:00:00Z") : values.publishedAt,
      categoryId: values.categoryId ?? category("Tin tức", "tin-tuc"),
    })
    .returning({ id: posts.id })
    .get().id;
}

const search = (q: string, extra: Partial<PublicSearchParams> = {}) => searchPublishedIn(db, { q, page: 1, ...extra }, NOW);
const ids = (q: string, extra: Partial<PublicSearchParams> = {}) => search(q, extra).items.map((i) => i.id);
const indexRows = () => db.get<{ n: number }>(sql`select count(*) as n from posts_fts`).n;

describe("the search index", () => {
  it("indexes a post when it is inserted", () => {
    const id = insertPost({ title: "Hội nghị tổng kết", lead: "Sapo", bodyText: "Nội dung" });
    expect(indexRows()).toBe(1);
    expect(ids("hoi nghi")).toEqual([id]);
    expect(ids("sapo")).toEqual([id]);
    expect(ids("noi dung")).toEqual([id]);
  });

  it("holds news and pages only: legal documents have their own index (migration 0019)", () => {
    const post = insertPost({ title: "Hội nghị tổng kết" });
    const document = db
      .insert(posts)
      .values({ kind: "document", title: "Quyết định về hội nghị tổng kết", slug: "qd-1", body: { type: "doc", content: [] }, status: "published", publishedAt: new Date("2025-06-01T03:00:00Z") })
      .returning({ id: posts.id })
      .get().id;
    db.update(posts).set({ title: "Quyết định sửa về hội nghị tổng kết" }).where(eq(posts.id, document)).run();
    expect(indexRows()).toBe(1);
    expect(searchPostIdsIn(db, "hoi nghi", { limit: 10 })).toEqual([post]);
  });

  it("follows edits of the title, lead and body", () => {
    const id = insertPost({ title: "Tiêu đề cũ", lead: "Sapo cũ", bodyText: "Thân bài cũ" });
    db.update(posts).set({ title: "Tiêu đề mới", lead: "Sapo mới", bodyText: "Thân bài khác" }).where(eq(posts.id, id)).run();
    expect(ids("cu")).toEqual([]);
    expect(ids("tieu de moi")).toEqual([id]);
    expect(ids("than bai khac")).toEqual([id]);
    expect(indexRows()).toBe(1);
  });

  it("drops an unpublished, scheduled or draft post from public results, keeping it for staff", () => {
    const id = insertPost({ title: "Thông báo tuyển dụng" });
    expect(ids("tuyen dung")).toEqual([id]);
    db.update(posts).set({ status: "unpublished" }).where(eq(posts.id, id)).run();
    expect(ids("tuyen dung")).toEqual([]);
    expect(searchPostIdsIn(db, "tuyen dung", { limit: 10 })).toEqual([id]);

    db.update(posts).set({ status: "published", publishedAt: new Date(NOW.getTime() + 60_000) }).where(eq(posts.id, id)).run();
    expect(ids("tuyen dung")).toEqual([]);
    db.update(posts).set({ publishedAt: new Date(NOW.getTime() - 60_000) }).where(eq(posts.id, id)).run();
    expect(ids("tuyen dung")).toEqual([id]);

    db.update(posts).set({ status: "draft" }).where(eq(posts.id, id)).run();
    expect(ids("tuyen dung")).toEqual([]);
  });

  it("forgets a deleted post", () => {
    const id = insertPost({ title: "Bài sẽ bị xoá" });
    insertPost({ title: "Bài ở lại" });
    db.delete(posts).where(eq(posts.id, id)).run();
    expect(indexRows()).toBe(1);
    expect(ids("bai")).toHaveLength(1);
    expect(searchPostIdsIn(db, "xoa", { limit: 10 })).toEqual([]);
  });

  it("keeps the index in step when a tool without cms_fold changes status or deletes", async () => {
    const id = insertPost({ title: "Đảng bộ Cục" });
    const Database = (await import("better-sqlite3")).default;
    const raw = new Database(file);
    try {
      raw.prepare("update posts set status = 'unpublished' where id = ?").run(id);
      expect(ids("dang bo")).toEqual([]);
      raw.prepare("update posts set status = 'published' where id = ?").run(id);
      expect(ids("dang bo")).toEqual([id]);
      raw.prepare("delete from posts where id = ?").run(id);
      expect(indexRows()).toBe(0);
    } finally {
      raw.close();
    }
  });

  it("can be written from every connection the app opens, not only the one that migrated", () => {
    const second = openDb(file);
    try {
      second.$client.prepare("update posts set title = 'Đổi tên' where id = ?").run(insertPost({ title: "Tên cũ" }));
    } finally {
      second.$client.close();
    }
    expect(ids("doi ten")).toHaveLength(1);
  });

  it("fills the index from posts that existed before the migration", () => {
    const id = insertPost({ title: "Đại hội Đảng bộ" });
    db.run(sql`delete from posts_fts`);
    expect(ids("dai hoi dang bo")).toEqual([]);
    // The migration's last statement is the backfill; run it as the migrator would on an existing database.
    const migration = fs.readFileSync(path.join("db", "migrations", "0003_search.sql"), "utf8");
    const backfill = migration.split("--> statement-breakpoint").at(-1)!;
    expect(backfill).toMatch(/^\s*INSERT INTO posts_fts/m);
    db.run(sql.raw(backfill));
    expect(ids("dai hoi dang bo")).toEqual([id]);
  });
});

describe("Vietnamese matching", () => {
  it("finds Đảng bộ by dang bo: đ is folded, which the tokenizer alone does not do", () => {
    const id = insertPost({ title: "Đại hội Đảng bộ Cục Sở hữu trí tuệ" });
    expect(ids("dang bo")).toEqual([id]);
    expect(ids("Đảng bộ")).toEqual([id]);
    expect(ids("ĐẢNG BỘ")).toEqual([id]);
    expect(ids("dai hoi")).toEqual([id]);
  });

  it("gives the same results for HỘI NGHỊ, hoi nghi and Hội nghị, and for NFD input", () => {
    const a = insertPost({ title: "Hội nghị tổng kết" });
    const b = insertPost({ title: "Khác", bodyText: "Tham dự HỘI NGHỊ có nhiều đại biểu".normalize("NFD") });
    insertPost({ title: "Hội thảo chuyên đề" });
    const expected = ids("Hội nghị");
    expect(new Set(expected)).toEqual(new Set([a, b]));
    for (const q of ["HỘI NGHỊ", "hoi nghi", "Hội nghị".normalize("NFD"), "HOI NGHI"]) expect(ids(q), q).toEqual(expected);
  });

  it("matches a quoted phrase only where its words are consecutive", () => {
    const together = insertPost({ title: "Hội nghị điển hình tiên tiến" });
    const apart = insertPost({ title: "Hội thảo về nghị định" });
    expect(new Set(ids("hoi nghi"))).toEqual(new Set([together, apart]));
    expect(ids('"hoi nghi"')).toEqual([together]);
    expect(ids('"hoi thao nghi"')).toEqual([]);
    expect(ids('"hội nghị điển hình"')).toEqual([together]);
    expect(ids('"dien hinh tien tien"')).toEqual([together]);
    expect(ids('"tien tien dien hinh"')).toEqual([]);
  });

  it("finds the sample posts the way a reader types", () => {
    const dir = path.join("samples", "legacy-export");
    for (const name of fs.readdirSync(dir)) {
      importLegacyText(db, { file: name, text: fs.readFileSync(path.join(dir, name), "utf8"), categoryName: "Tin tức" });
    }
    const result = search("hoi nghi tong ket");
    expect(result.items[0]?.title).toMatch(/^Hội nghị tổng kết công tác năm 2020/);
    expect(result.items[0]?.titleSegments.filter((s) => s.match).map((s) => s.text)).toEqual(["Hội", "nghị", "tổng", "kết"]);
    expect(result.items[0]?.snippetSegments.some((s) => s.match)).toBe(true);
    expect(search("toan canh hoi nghi").total).toBeGreaterThan(0);
  });
});

describe("ranking and filters", () => {
  it("ranks a title match above lead and body matches, then newer first", () => {
    const inBody = insertPost({ title: "Tin một", bodyText: "Bàn về sở hữu công nghiệp", publishedAt: new Date("2025-12-01T00:00:00Z") });
    const inLead = insertPost({ title: "Tin hai", lead: "Sở hữu công nghiệp", publishedAt: new Date("2025-11-01T00:00:00Z") });
    const inTitle = insertPost({ title: "Sở hữu công nghiệp năm 2025", publishedAt: new Date("2020-01-01T00:00:00Z") });
    expect(ids("so huu cong nghiep")).toEqual([inTitle, inLead, inBody]);

    const older = insertPost({ title: "Bản tin tuần", publishedAt: new Date("2024-01-01T00:00:00Z") });
    const newer = insertPost({ title: "Bản tin tuần", publishedAt: new Date("2025-01-01T00:00:00Z") });
    expect(ids("ban tin tuan")).toEqual([newer, older]);
  });

  it("filters by category", () => {
    const party = category("Hoạt động Đảng, đoàn thể", "hoat-dong-dang-doan-the");
    const awards = category("Thi đua – Khen thưởng", "thi-dua-khen-thuong");
    const a = insertPost({ title: "Hội nghị chi bộ", categoryId: party });
    const b = insertPost({ title: "Hội nghị thi đua", categoryId: awards });
    expect(new Set(ids("hoi nghi"))).toEqual(new Set([a, b]));
    expect(ids("hoi nghi", { categorySlug: "thi-dua-khen-thuong" })).toEqual([b]);
    const item = search("hoi nghi", { categorySlug: "hoat-dong-dang-doan-the" }).items[0];
    expect(item?.category).toEqual({ name: "Hoạt động Đảng, đoàn thể", slug: "hoat-dong-dang-doan-the" });
    expect(ids("hoi nghi", { categorySlug: "khong-co" })).toEqual([]);
  });

  it("finds standing pages too, at their own address and without a category, but not under a category filter or unpublished", () => {
    const party = category("Hoạt động Đảng, đoàn thể", "hoat-dong-dang-doan-the");
    const news = insertPost({ title: "Chức năng nhiệm vụ của chi bộ", categoryId: party });
    const page = (slug: string, status: PostStatus) =>
      db
        .insert(posts)
        .values({ kind: "page", title: "Chức năng, nhiệm vụ của Cục", slug, lead: "", body: { type: "doc", content: [] }, bodyText: "Cục có chức năng tham mưu.", status, publishedAt: new Date("2025-06-02T03:00:00Z"), categoryId: null })
        .returning({ id: posts.id })
        .get().id;
    const about = page("gioi-thieu/chuc-nang-nhiem-vu", "published");
    page("gioi-thieu/nhap", "draft");
    const found = search("chuc nang nhiem vu").items;
    expect(new Set(found.map((i) => i.id))).toEqual(new Set([about, news]));
    expect(found.find((i) => i.id === about)).toMatchObject({ href: "/gioi-thieu/chuc-nang-nhiem-vu", category: null });
    const article = found.find((i) => i.id === news)!;
    expect(article).toMatchObject({ href: `/tin-tuc/${article.slug}`, category: { slug: "hoat-dong-dang-doan-the" } });
    expect(ids("chuc nang nhiem vu", { categorySlug: "hoat-dong-dang-doan-the" })).toEqual([news]);
  });

  it("filters by Vietnam calendar days, both ends included", () => {
    // 31/12/2020 00:30 and 23:30 in Vietnam (UTC+7).
    const early = insertPost({ title: "Lễ tổng kết sáng", publishedAt: new Date("2020-12-30T17:30:00Z") });
    const late = insertPost({ title: "Lễ tổng kết tối", publishedAt: new Date("2020-12-31T16:30:00Z") });
    const before = insertPost({ title: "Lễ tổng kết hôm trước", publishedAt: new Date("2020-12-30T16:59:59Z") });
    const after = insertPost({ title: "Lễ tổng kết hôm sau", publishedAt: new Date("2020-12-31T17:00:00Z") });
    const day = new Set(ids("le tong ket", { from: "2020-12-31", to: "2020-12-31" }));
    expect(day).toEqual(new Set([early, late]));
    expect(new Set(ids("le tong ket", { from: "2021-01-01" }))).toEqual(new Set([after]));
    expect(new Set(ids("le tong ket", { to: "2020-12-30" }))).toEqual(new Set([before]));
    expect(ids("le tong ket", { from: "2021-01-01", to: "2020-12-31" })).toEqual([]);
  });

  it("pages ten at a time and keeps the page within range", () => {
    for (let i = 0; i < 23; i++) insertPost({ title: `Thông báo số ${i}`, publishedAt: new Date(Date.UTC(2025, 0, 1 + i)) });
    const first = search("thong bao");
    expect(first).toMatchObject({ total: 23, page: 1, pageCount: 3 });
    expect(first.items).toHaveLength(SEARCH_PAGE_SIZE);
    const third = search("thong bao", { page: 3 });
    expect(third.items).toHaveLength(3);
    const all = [1, 2, 3].flatMap((page) => ids("thong bao", { page }));
    expect(new Set(all).size).toBe(23);
    expect(search("thong bao", { page: 99 }).page).toBe(3);
    expect(search("thong bao", { page: 0 }).page).toBe(1);
  });

  it("ranks only the newest matches when there are more than the limit, title matches first, and says so", () => {
    const day = (i: number) => new Date(Date.UTC(2024, 0, 1) + i * 3_600_000);
    const oldTitle = insertPost({ title: "Thông cáo báo chí cũ", publishedAt: day(0) });
    const bodies: number[] = [];
    db.transaction(() => {
      for (let i = 1; i <= SEARCH_RANKED_LIMIT + 4; i++) bodies.push(insertPost({ title: `Tin ${i}`, bodyText: "Có thông cáo báo chí kèm theo.", publishedAt: day(i) }));
    });
    const n = SEARCH_RANKED_LIMIT + 10;
    const halfTitle = insertPost({ title: "Thông cáo nội bộ", bodyText: "báo chí", publishedAt: day(n) });
    const titleOlder = insertPost({ title: "Thông cáo báo chí số 1", publishedAt: day(n + 1) });
    const titleNewer = insertPost({ title: "THÔNG CÁO BÁO CHÍ số 2", publishedAt: day(n + 2) });
    const draft = insertPost({ title: "Thông cáo báo chí nháp", status: "draft", publishedAt: null });

    const first = search("thong cao bao chi");
    expect(first).toMatchObject({ total: SEARCH_RANKED_LIMIT, totalIsLowerBound: true, page: 1, pageCount: SEARCH_RANKED_LIMIT / SEARCH_PAGE_SIZE });
    expect(first.items.map((i) => i.id)).toEqual([titleNewer, titleOlder, halfTitle, ...bodies.slice(-7).reverse()]);
    const all = Array.from({ length: first.pageCount }, (_, p) => ids("thong cao bao chi", { page: p + 1 })).flat();
    expect(all).toHaveLength(SEARCH_RANKED_LIMIT);
    expect(all).not.toContain(oldTitle);
    expect(all).not.toContain(draft);
    // A title edited after a search ranks by its new words (folded titles are kept between searches).
    const edited = bodies.at(-1)!;
    db.update(posts).set({ title: "Thông cáo báo chí bổ sung" }).where(eq(posts.id, edited)).run();
    expect(ids("thong cao bao chi").slice(0, 4)).toEqual([titleNewer, titleOlder, edited, halfTitle]);
    db.update(posts).set({ title: "Tin ngắn" }).where(eq(posts.id, edited)).run();
    expect(ids("thong cao bao chi").slice(0, 4)).toEqual([titleNewer, titleOlder, halfTitle, edited]);
    // A phrase query under the limit still gets bm25 and the exact count.
    expect(search('"bao chi so 1"')).toMatchObject({ total: 1, totalIsLowerBound: false });
    expect(ids('"bao chi so 1"')).toEqual([titleOlder]);
  }, 60_000); // a thousand inserts and a hundred pages: seconds on a loaded machine

  it("applies the category and the dates to a broad query before the limit, so a narrowed search counts exactly", () => {
    const day = (i: number) => new Date(Date.UTC(2024, 0, 1) + i * 3_600_000);
    const party = category("Hoạt động Đảng, đoàn thể", "hoat-dong-dang-doan-the");
    db.transaction(() => {
      for (let i = 1; i <= SEARCH_RANKED_LIMIT + 4; i++) insertPost({ title: `Tin ${i}`, bodyText: "Hội nghị tổng kết.", publishedAt: day(i) });
    });
    const inParty = [5, 6, 7].map((i) => insertPost({ title: `Hội nghị chi bộ ${i}`, categoryId: party, publishedAt: day(i) }));
    expect(search("hoi nghi")).toMatchObject({ total: SEARCH_RANKED_LIMIT, totalIsLowerBound: true });
    const narrowed = search("hoi nghi", { categorySlug: "hoat-dong-dang-doan-the" });
    expect(narrowed).toMatchObject({ total: 3, totalIsLowerBound: false, pageCount: 1 });
    expect(narrowed.items.map((i) => i.id)).toEqual([...inParty].reverse());
    // 2024-01-01 in Vietnam (UTC+7) ends at 17:00 UTC: posts 1 to 16 and the three in the party category.
    const firstDay = search("hoi nghi", { from: "2024-01-01", to: "2024-01-01" });
    expect(firstDay.totalIsLowerBound).toBe(false);
    expect(firstDay.total).toBe(16 + 3);
  }, 60_000);

  it("tells which texts hold every word and phrase of a query, as whole folded words", () => {
    const query = { terms: ["dang"], phrases: ["hoi nghi"] };
    expect(holdEvery(["Hội nghị Đảng bộ", "Hội, nghị của Đảng", "Đảng: hội thảo nghị quyết", "Hội nghị đặng", "hoi nghi dangbo", "Đảng\nhội nghị"], query)).toEqual([
      true,
      true,
      false,
      true,
      false,
      true,
    ]);
  });

  it("reports the folded query it searched for", () => {
    expect(search('Đảng "hội nghị"').query).toEqual({ terms: ["dang"], phrases: ["hoi nghi"] });
  });
});

describe("staff search", () => {
  it("returns ranked ids in every status unless told which", () => {
    const draft = insertPost({ title: "Dự thảo quy chế", status: "draft", publishedAt: null });
    const pending = insertPost({ title: "Quy chế mới", lead: "Dự thảo", status: "pending", publishedAt: null });
    const published = insertPost({ title: "Tin khác", bodyText: "dự thảo", status: "published" });
    expect(searchPostIdsIn(db, "du thao", { limit: 10 })).toEqual([draft, pending, published]);
    expect(searchPostIdsIn(db, "du thao", { statuses: ["draft", "pending"], limit: 10 })).toEqual([draft, pending]);
    expect(searchPostIdsIn(db, "du thao", { statuses: [], limit: 10 })).toEqual([]);
    expect(searchPostIdsIn(db, "du thao", { limit: 1 })).toEqual([draft]);
    expect(searchPostIdsIn(db, '"', { limit: 10 })).toEqual([]);
  });
});

describe("what readers type never breaks the search", () => {
  const nasty = [
    '"',
    '""',
    '"""',
    "*",
    "-",
    "NEAR(",
    "NEAR(a b",
    "a OR",
    "OR",
    "AND NOT",
    "(",
    ")",
    "^x",
    "title:x",
    "lead:hội",
    "{title body}: x",
    "x*",
    "-hội",
    "+nghị",
    "a NEAR/3 b",
    "🙂🎉",
    "Đảng 🙂 bộ",
    "'",
    "\\",
    "\u0000",
    "x'; drop table posts; --",
    "a".repeat(10_000),
    "hội nghị ".repeat(2_000),
    '"'.repeat(10_000),
  ];

  it.each(nasty.map((q) => [q.length > 40 ? `${q.slice(0, 20)}… (${q.length} chars)` : q, q]))("returns a result for %j", (_, q) => {
    insertPost({ title: "Hội nghị Đảng bộ", lead: "title lead near or and not" });
    expect(() => search(q)).not.toThrow();
    expect(() => searchPostIdsIn(db, q, { limit: 10 })).not.toThrow();
    expect(indexRows()).toBe(1);
  });

  it("turns an FTS5 error into an empty result with a warning instead of a 500", () => {
    insertPost({ title: "Hội nghị" });
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    db.run(sql`drop trigger posts_fts_after_delete`);
    // A corrupted index makes MATCH itself fail at run time.
    db.run(sql`drop table posts_fts`);
    db.run(sql`create table posts_fts (rowid integer, title text, lead text, body text)`);
    try {
      expect(search("hoi nghi")).toMatchObject({ items: [], total: 0 });
      expect(searchPostIdsIn(db, "hoi nghi", { limit: 5 })).toEqual([]);
      expect(warn).toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });
});
