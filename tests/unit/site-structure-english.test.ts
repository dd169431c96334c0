import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { categories, posts, users } from "@/db/schema";
import type { Actor } from "@/lib/dal/actor";
import type { Db } from "@/lib/dal/connection";
import { homeEditorFor, saveHomeLayoutFor } from "@/lib/dal/home/queries";
import { findPostsForMenuFor, menuEditorFor, saveMenuFor } from "@/lib/dal/menus/queries";
import { createTempDatabase } from "./helpers/temp-db";

let db: Db;
let cleanup: () => void;
let editor: Actor;
beforeEach(() => {
  ({ db, cleanup } = createTempDatabase());
  const row = db.insert(users).values({ email: "bientap@cuc.vn", name: "Biên tập viên", role: "editor", passwordHash: null }).returning().get();
  editor = { id: row.id, name: row.name, role: "editor", unit: "", ip: "198.51.100.7" };
});
afterEach(() => cleanup());

function published(language: "vi" | "en", title: string, categoryId: number, kind: "post" | "page" = "post") {
  return db
    .insert(posts)
    .values({ kind, language, title, slug: title.toLowerCase().replace(/\s+/g, "-"), body: { type: "doc", content: [] }, categoryId: kind === "post" ? categoryId : null, status: "published", publishedAt: new Date("2026-01-01T00:00:00Z") })
    .returning({ id: posts.id })
    .get().id;
}

describe("English menus and home page, edited apart from the Vietnamese ones", () => {
  it("offer English pages, posts and the categories with an English name; saving one language leaves the other", () => {
    const news = db.insert(categories).values({ name: "Tin hoạt động", slug: "tin-hoat-dong", nameEn: "News", slugEn: "news", position: 1 }).returning().get().id;
    db.insert(categories).values({ name: "Thông báo", slug: "thong-bao", position: 2 }).run();
    const pageVi = published("vi", "Gioi thieu", news, "page");
    const pageEn = published("en", "About", news, "page");
    const postVi = published("vi", "Hoi nghi hop tac", news);
    const postEn = published("en", "Cooperation conference", news);

    const english = menuEditorFor(db, editor, "en");
    expect(english.categories).toEqual([{ kind: "category", id: news, title: "News", href: "/en/category/news", state: "live" }]);
    expect(english.pages.map((p) => p.id)).toEqual([pageEn]);
    expect(menuEditorFor(db, editor, "vi").categories.map((c) => c.title)).toEqual(["Tin hoạt động", "Thông báo"]);
    expect(menuEditorFor(db, editor, "vi").pages.map((p) => p.id)).toEqual([pageVi]);
    expect(findPostsForMenuFor(db, editor, "cooperation", "en").map((p) => p.id)).toEqual([postEn]);
    expect(findPostsForMenuFor(db, editor, String(postVi), "en")).toEqual([]);
    expect(findPostsForMenuFor(db, editor, String(postVi)).map((p) => p.id)).toEqual([postVi]);

    const header = english.menus.find((m) => m.location === "header")!;
    expect(saveMenuFor(db, editor, { location: "header", language: "en", version: header.version, items: [{ label: "About", depth: 0, target: { kind: "page", id: pageEn } }] })).toMatchObject({ ok: true });
    expect(menuEditorFor(db, editor, "en").menus.find((m) => m.location === "header")!.items.map((i) => i.label)).toEqual(["About"]);
    expect(menuEditorFor(db, editor, "vi").menus.find((m) => m.location === "header")!.items).toEqual([]);

    expect(homeEditorFor(db, editor, "en").categories).toEqual([{ id: news, name: "News" }]);
    const home = homeEditorFor(db, editor, "en");
    expect(saveHomeLayoutFor(db, editor, { language: "en", version: home.version, featured: [{ postId: postEn, endsAt: "" }], blockCategoryIds: [news], announcementsCategoryId: null })).toMatchObject({ ok: true });
    expect(homeEditorFor(db, editor, "en").featured.map((f) => f.postId)).toEqual([postEn]);
    expect(homeEditorFor(db, editor, "vi").featured).toEqual([]);
    expect(db.select().from(categories).where(eq(categories.id, news)).get()?.nameEn).toBe("News");
  });
});
