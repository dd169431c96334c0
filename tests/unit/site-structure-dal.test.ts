import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { activityLog, cacheInvalidations, categories, homeLayouts, media, menuItems, menus, posts, siteProfiles, users, type Role } from "@/db/schema";
import { RefusedError, type Actor } from "@/lib/dal/actor";
import type { Db } from "@/lib/dal/connection";
import { homeEditorFor, saveHomeLayoutFor } from "@/lib/dal/home/queries";
import { findPostsForMenuFor, menuEditorFor, saveMenuFor } from "@/lib/dal/menus/queries";
import { getHomePage } from "@/lib/dal/public/home";
import { getPublicMenu } from "@/lib/dal/public/menus";
import { seedDemoContentIfEmpty } from "@/lib/seed/demo-content";
import { seedSiteStructure } from "@/lib/seed/site-structure";
import { readSiteProfile } from "@/lib/dal/site/profile";
import { siteSettingsFor, updateSiteSettingsFor } from "@/lib/dal/site/queries";
import { toVietnamDateTimeInput } from "@/lib/validations/post";
import type { MenuItemInput } from "@/lib/validations/menu";
import { createTempDatabase } from "./helpers/temp-db";

let db: Db;
let cleanup: () => void;
let seq = 0;
beforeEach(() => ({ db, cleanup } = createTempDatabase()));
afterEach(() => cleanup());

function actor(role: Role): Actor {
  seq += 1;
  const row = db.insert(users).values({ email: `nguoi${seq}@cuc.vn`, name: `Cán bộ ${seq}`, role, passwordHash: null }).returning().get();
  return { id: row.id, name: row.name, role, unit: "", ip: "198.51.100.7" };
}

function category(name: string) {
  seq += 1;
  return db.insert(categories).values({ name, slug: `chuyen-muc-${seq}`, position: seq }).returning({ id: categories.id }).get().id;
}

function post(options: { kind?: "post" | "page"; slug?: string; categoryId?: number | null; status?: "draft" | "published"; publishedAt?: Date; trashed?: boolean; parentId?: number; image?: boolean } = {}) {
  seq += 1;
  let mediaId: number | null = null;
  if (options.image) {
    const hash = seq.toString(16).padStart(20, "0");
    mediaId = db
      .insert(media)
      .values({
        hash,
        originalName: "anh.jpg",
        width: 1600,
        height: 1067,
        fallbackFormat: "jpeg",
        renditions: [480, 960, 1600].flatMap((w) => [
          { width: w, height: Math.round(w / 1.5), format: "jpeg" as const, file: `${hash}/${w}.jpg`, bytes: 1 },
          { width: w, height: Math.round(w / 1.5), format: "webp" as const, file: `${hash}/${w}.webp`, bytes: 1 },
        ]),
      })
      .returning({ id: media.id })
      .get().id;
  }
  const kind = options.kind ?? "post";
  return db
    .insert(posts)
    .values({
      kind,
      title: `${kind === "page" ? "Trang" : "Bài"} ${seq}`,
      slug: options.slug ?? `muc-${seq}`,
      body: { type: "doc", content: [] },
      categoryId: kind === "post" ? (options.categoryId ?? category(`Chuyên mục ${seq}`)) : null,
      parentId: options.parentId ?? null,
      status: options.status ?? "published",
      publishedAt: options.status === "draft" ? null : (options.publishedAt ?? new Date("2026-01-01T00:00:00Z")),
      deletedAt: options.trashed ? new Date() : null,
      featuredMediaId: mediaId,
      featuredImageUrl: mediaId ? `/media/${seq.toString(16).padStart(20, "0")}/1600.jpg` : null,
      featuredImageAlt: mediaId ? "Toàn cảnh hội nghị" : "",
    })
    .returning({ id: posts.id, slug: posts.slug, title: posts.title })
    .get();
}

const queued = () => db.select({ tag: cacheInvalidations.tag }).from(cacheInvalidations).all().map((row) => row.tag);
const logged = (action: string) => db.select().from(activityLog).where(eq(activityLog.action, action)).all();

describe("menus", () => {
  it("authors may not read or save menus", () => {
    const author = actor("author");
    expect(() => menuEditorFor(db, author)).toThrow(RefusedError);
    expect(() => saveMenuFor(db, author, { location: "header", language: "vi", version: 0, items: [] })).toThrow(RefusedError);
    expect(db.select().from(menus).all()).toEqual([]);
  });

  it("saves a two-level header as a whole, reads it back, logs it and refreshes every page", () => {
    const editor = actor("editor");
    const about = post({ kind: "page", slug: "gioi-thieu" });
    const news = category("Tin tức – Sự kiện");
    const items: MenuItemInput[] = [
      { label: "Trang chủ", depth: 0, target: { kind: "url", url: "/" } },
      { label: "Giới thiệu", depth: 0, target: { kind: "page", id: about.id } },
      { label: "Tin tức", depth: 1, target: { kind: "category", id: news } },
      { label: "Chính phủ", depth: 0, target: { kind: "url", url: "https://chinhphu.vn" } },
    ];
    const saved = saveMenuFor(db, editor, { location: "header", language: "vi", version: 0, items });
    expect(saved).toMatchObject({ ok: true, version: 1 });
    const read = menuEditorFor(db, editor).menus.find((menu) => menu.location === "header")!;
    expect(read.version).toBe(1);
    expect(read.items.map(({ label, depth, target }) => ({ label, depth, target }))).toEqual(items);
    expect(read.items.map((item) => [item.state, item.href, item.external])).toEqual([
      ["live", "/", false],
      ["live", "/gioi-thieu", false],
      ["live", `/chuyen-muc/${db.select().from(categories).where(eq(categories.id, news)).get()!.slug}`, false],
      ["live", "https://chinhphu.vn", true],
    ]);
    expect(queued()).toEqual(["public"]);
    expect(logged("menu.update")).toHaveLength(1);
    expect(logged("menu.update")[0]!.summary).toContain("thêm “Trang chủ”, “Giới thiệu”, “Tin tức”, “Chính phủ”");

    expect(getPublicMenu("header", "vi", db)).toEqual([
      { label: "Trang chủ", href: "/", external: false, children: [] },
      { label: "Giới thiệu", href: "/gioi-thieu", external: false, children: [{ label: "Tin tức", href: expect.stringMatching(/^\/chuyen-muc\//), external: false, children: [] }] },
      { label: "Chính phủ", href: "https://chinhphu.vn", external: true, children: [] },
    ]);
  });

  it("refuses a save based on an old version, and changes nothing", () => {
    const [first, second] = [actor("editor"), actor("admin")];
    const item = (label: string): MenuItemInput => ({ label, depth: 0, target: { kind: "url", url: "/tim-kiem" } });
    expect(saveMenuFor(db, first, { location: "footer", language: "vi", version: 0, items: [item("Một")] }).ok).toBe(true);
    expect(saveMenuFor(db, second, { location: "footer", language: "vi", version: 1, items: [item("Hai")] }).ok).toBe(true);
    const stale = saveMenuFor(db, first, { location: "footer", language: "vi", version: 1, items: [item("Ba")] });
    expect(stale).toMatchObject({ ok: false, conflict: true, latestVersion: 2 });
    expect(db.select({ label: menuItems.label }).from(menuItems).all()).toEqual([{ label: "Hai" }]);
    expect(logged("menu.update")).toHaveLength(2);
  });

  it("refuses bad input with a Vietnamese message naming the entry", () => {
    const editor = actor("editor");
    const save = (items: MenuItemInput[], location: "header" | "footer" = "header") => saveMenuFor(db, editor, { location, language: "vi", version: 0, items });
    expect(save([{ label: "", depth: 0, target: { kind: "url", url: "/" } }])).toMatchObject({ ok: false, field: "items", message: "Mục thứ 1: Vui lòng nhập tên hiển thị của mục." });
    expect(save([{ label: "Lạ", depth: 0, target: { kind: "url", url: "javascript:alert(1)" } }])).toMatchObject({ ok: false, message: expect.stringContaining("https://") });
    expect(save([{ label: "Lạ", depth: 0, target: { kind: "url", url: "//evil.example" } }]).ok).toBe(false);
    expect(save([{ label: "Bài", depth: 0, target: { kind: "post", id: 999 } }])).toMatchObject({ ok: false, message: "Mục thứ 1 (“Bài”): Mục trỏ tới một nội dung không hợp lệ." });
    expect(save([{ label: "Con", depth: 1, target: { kind: "url", url: "/" } }]).ok).toBe(false);
    expect(save([{ label: "A", depth: 0, target: { kind: "url", url: "/" } }, { label: "B", depth: 1, target: { kind: "url", url: "/x" } }], "footer")).toMatchObject({
      ok: false,
      message: "Trình đơn này chỉ có một cấp, không có mục con.",
    });
    expect(db.select().from(menus).all()).toEqual([]);
  });

  it("flags a trashed or withdrawn target in the editor and leaves it (and its entries) out of the public menu", () => {
    const editor = actor("editor");
    const live = post();
    const gone = post();
    const parentPage = post({ kind: "page", slug: "lien-he" });
    const items: MenuItemInput[] = [
      { label: "Sống", depth: 0, target: { kind: "post", id: live.id } },
      { label: "Sắp vào thùng rác", depth: 0, target: { kind: "post", id: gone.id } },
      { label: "Liên hệ", depth: 0, target: { kind: "page", id: parentPage.id } },
      { label: "Con của liên hệ", depth: 1, target: { kind: "url", url: "/tim-kiem" } },
    ];
    expect(saveMenuFor(db, editor, { location: "header", language: "vi", version: 0, items }).ok).toBe(true);
    db.update(posts).set({ deletedAt: new Date() }).where(eq(posts.id, gone.id)).run();
    db.update(posts).set({ status: "unpublished" }).where(eq(posts.id, parentPage.id)).run();

    const states = menuEditorFor(db, editor).menus.find((menu) => menu.location === "header")!.items.map((item) => item.state);
    expect(states).toEqual(["live", "trashed", "unpublished", "live"]);
    expect(getPublicMenu("header", "vi", db).map((link) => link.label)).toEqual(["Sống"]);
    // The flagged entries can still be saved as they are (they stay, hidden, until removed).
    const kept = menuEditorFor(db, editor).menus.find((menu) => menu.location === "header")!;
    expect(saveMenuFor(db, editor, { location: "header", language: "vi", version: kept.version, items }).ok).toBe(true);
  });

  it("finds posts to link by number, address or title words", () => {
    const editor = actor("editor");
    const target = post({ slug: "hoi-nghi-tong-ket" });
    db.update(posts).set({ title: "Hội nghị tổng kết năm" }).where(eq(posts.id, target.id)).run();
    expect(findPostsForMenuFor(db, editor, String(target.id)).map((p) => p.id)).toEqual([target.id]);
    expect(findPostsForMenuFor(db, editor, "https://cuc.vn/tin-tuc/hoi-nghi-tong-ket").map((p) => p.id)).toEqual([target.id]);
    expect(findPostsForMenuFor(db, editor, "hoi nghi tong ket").map((p) => p.title)).toContain("Hội nghị tổng kết năm");
    expect(() => findPostsForMenuFor(db, actor("author"), "1")).toThrow(RefusedError);
  });
});

describe("home page layout", () => {
  it("authors may not read or change the layout", () => {
    const author = actor("author");
    expect(() => homeEditorFor(db, author)).toThrow(RefusedError);
    expect(() => saveHomeLayoutFor(db, author, { language: "vi", version: 0, featured: [], blockCategoryIds: [], announcementsCategoryId: null })).toThrow(RefusedError);
  });

  it("shows the featured stories in order until their end, the category blocks and the announcements", () => {
    const editor = actor("editor");
    const now = new Date("2026-06-01T00:00:00Z");
    const news = category("Tin tức");
    const notices = category("Thông báo");
    const withImage = post({ categoryId: news, image: true, publishedAt: new Date("2026-05-01T00:00:00Z") });
    const plain = post({ categoryId: news, publishedAt: new Date("2026-05-02T00:00:00Z") });
    const notice = post({ categoryId: notices, publishedAt: new Date("2026-05-03T00:00:00Z") });
    const endsAt = toVietnamDateTimeInput(new Date("2026-06-10T00:00:00Z"));
    const saved = saveHomeLayoutFor(
      db,
      editor,
      { language: "vi", version: 0, featured: [{ postId: plain.id, endsAt }, { postId: withImage.id, endsAt: "" }], blockCategoryIds: [news], announcementsCategoryId: notices },
      now,
    );
    expect(saved).toMatchObject({ ok: true, version: 1 });
    expect(queued()).toEqual(["home"]);
    expect(logged("home.update")).toHaveLength(1);

    const home = getHomePage("vi", now, db);
    expect(home.featured.map((p) => p.id)).toEqual([plain.id, withImage.id]);
    expect(home.featured[0]!.image).toBeNull();
    expect(home.featured[1]!.image).toMatchObject({ width: 1600, height: 1067, srcsetWebp: expect.stringContaining("480w"), srcsetFallback: expect.stringContaining("1600w") });
    expect(home.blocks.map((block) => block.category.name)).toEqual(["Tin tức"]);
    expect(home.announcements?.posts.map((p) => p.id)).toEqual([notice.id]);

    // After its end time the story is no longer featured.
    const later = getHomePage("vi", new Date("2026-06-11T00:00:00Z"), db);
    expect(later.featured.map((p) => p.id)).toEqual([withImage.id]);
    // A trashed story leaves the home page, and the editor flags it.
    db.update(posts).set({ deletedAt: now }).where(eq(posts.id, withImage.id)).run();
    expect(getHomePage("vi", now, db).featured.map((p) => p.id)).toEqual([plain.id]);
    expect(homeEditorFor(db, editor, "vi", now).featured.map((f) => f.state)).toEqual(["live", "trashed"]);
  });

  it("refuses stale versions, unknown or trashed stories, past end times and unknown categories", () => {
    const editor = actor("editor");
    const now = new Date("2026-06-01T00:00:00Z");
    const live = post();
    const trashed = post({ trashed: true });
    const save = (input: Partial<Parameters<typeof saveHomeLayoutFor>[2]>) =>
      saveHomeLayoutFor(db, editor, { language: "vi", version: 0, featured: [], blockCategoryIds: [], announcementsCategoryId: null, ...input }, now);
    expect(save({ featured: [{ postId: 9999, endsAt: "" }] })).toMatchObject({ ok: false, field: "featured", message: expect.stringContaining("không còn tồn tại") });
    expect(save({ featured: [{ postId: trashed.id, endsAt: "" }] })).toMatchObject({ ok: false, message: expect.stringContaining("thùng rác") });
    expect(save({ featured: [{ postId: live.id, endsAt: "2026-05-01T08:00" }] })).toMatchObject({ ok: false, message: expect.stringContaining("đã qua") });
    expect(save({ featured: [{ postId: live.id, endsAt: "31/12/2026" }] })).toMatchObject({ ok: false, message: expect.stringContaining("không hợp lệ") });
    expect(save({ blockCategoryIds: [4242] })).toMatchObject({ ok: false, field: "blockCategoryIds" });
    expect(save({ announcementsCategoryId: 4242 })).toMatchObject({ ok: false, field: "announcementsCategoryId" });
    expect(db.select().from(homeLayouts).all()).toEqual([]);
    expect(save({ featured: [{ postId: live.id, endsAt: "" }] }).ok).toBe(true);
    expect(save({ featured: [] })).toMatchObject({ ok: false, conflict: true });
  });
});

describe("site settings", () => {
  const text = { name: "Cục Sở hữu trí tuệ", parent: "Bộ Khoa học và Công nghệ", address: "386 Nguyễn Trãi, Hà Nội", phone: "(024) 3858 3069", hotline: "", email: "vanthu@ipvietnam.gov.vn", workingHours: "", copyright: "© Cục", sourceNote: "Ghi rõ nguồn." };

  it("only admins read or change them; the start-time values stand in until the first save", async () => {
    expect(() => siteSettingsFor(db, actor("editor"))).toThrow(RefusedError);
    await expect(updateSiteSettingsFor(db, actor("editor"), { ...text, version: 0 })).rejects.toThrow(RefusedError);
    expect(readSiteProfile(db)).toMatchObject({ name: "Cục Sở hữu trí tuệ", version: 0, logo: null });
  });

  it("saves over the version it was based on, logs the change and refreshes every page", async () => {
    const admin = actor("admin");
    const saved = await updateSiteSettingsFor(db, admin, { ...text, name: "  Cục\u200B Sở hữu trí tuệ  ", version: 0 });
    expect(saved).toMatchObject({ ok: true, version: 1 });
    expect(readSiteProfile(db)).toMatchObject({ name: "Cục Sở hữu trí tuệ", email: "vanthu@ipvietnam.gov.vn", version: 1 });
    expect(queued()).toEqual(["public"]);
    expect(logged("site.update")).toHaveLength(1);
    expect(await updateSiteSettingsFor(db, admin, { ...text, version: 0 })).toMatchObject({ ok: false, conflict: true });
  });

  it("refuses bad fields with their own Vietnamese message and stores nothing", async () => {
    const admin = actor("admin");
    expect(await updateSiteSettingsFor(db, admin, { ...text, name: " ", version: 0 })).toMatchObject({ ok: false, field: "name", message: "Vui lòng nhập tên cơ quan." });
    expect(await updateSiteSettingsFor(db, admin, { ...text, email: "vanthu@", version: 0 })).toMatchObject({ ok: false, field: "email" });
    expect(await updateSiteSettingsFor(db, admin, { ...text, phone: "gọi tôi", version: 0 })).toMatchObject({ ok: false, field: "phone" });
    expect(await updateSiteSettingsFor(db, admin, { ...text, logo: { name: "logo.svg", bytes: Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>") }, version: 0 })).toMatchObject({
      ok: false,
      field: "logo",
    });
    expect(db.select().from(siteProfiles).all()).toEqual([]);
  });
});

describe("first start", () => {
  it("seeds menus, links and a home layout once, finding pages by their path and skipping missing ones", () => {
    const party = category("Hoạt động Đảng, đoàn thể");
    const first = post({ categoryId: party });
    const about = post({ kind: "page", slug: "gioi-thieu" });
    const child = post({ kind: "page", slug: "gioi-thieu/co-cau-to-chuc", parentId: about.id });
    seedSiteStructure(db);
    const editor = actor("editor");
    const data = menuEditorFor(db, editor);
    const header = data.menus.find((menu) => menu.location === "header")!;
    expect(header.items.map((item) => [item.label, item.depth])).toEqual([
      ["Trang chủ", 0],
      [about.title, 0],
      [child.title, 1],
      ["Hoạt động Đảng, đoàn thể", 0],
    ]);
    // No "lien-he" page: its entry is left out rather than pointing at nothing.
    expect(header.items.every((item) => item.state === "live")).toBe(true);
    expect(data.menus.find((menu) => menu.location === "links")!.items.map((item) => item.target)).toContainEqual({ kind: "url", url: "https://most.gov.vn" });
    expect(homeEditorFor(db, editor).featured.map((f) => f.postId)).toEqual([first.id]);
    expect(readSiteProfile(db).version).toBe(1);

    // Run again (a later start never does, but the benchmark may): nothing is touched.
    const before = db.select().from(menuItems).all();
    seedSiteStructure(db);
    expect(db.select().from(menuItems).all()).toEqual(before);
  });

  it("on a first start the sample pages come first, so the header and footer menus link to Giới thiệu (with its child pages) and Liên hệ", () => {
    expect(seedDemoContentIfEmpty(db)).toEqual({ seeded: true });
    const header = getPublicMenu("header", "vi", db);
    expect(header.map((link) => [link.label, link.href])).toEqual([
      ["Trang chủ", "/"],
      ["Giới thiệu", "/gioi-thieu"],
      ["Hoạt động Đảng, đoàn thể", expect.stringMatching(/^\/chuyen-muc\//)],
      ["Thi đua – Khen thưởng", expect.stringMatching(/^\/chuyen-muc\//)],
      ["Liên hệ", "/lien-he"],
    ]);
    expect(header[1]!.children.map((link) => link.href)).toEqual(["/gioi-thieu/chuc-nang-nhiem-vu", "/gioi-thieu/co-cau-to-chuc"]);
    expect(getPublicMenu("footer", "vi", db).map((link) => link.href)).toEqual(["/gioi-thieu", "/lien-he", "/tuyen-bo-kha-nang-tiep-can", "/rss.xml"]);
  });
});
