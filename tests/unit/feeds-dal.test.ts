import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/lib/dal/connection";
import { categories, posts } from "@/db/schema";
import { readFeedPosts, readSitemapOverview, readSitemapPosts } from "@/lib/dal/public/feeds";
import { createTempDatabase } from "./helpers/temp-db";

let db: Db;
let cleanup: () => void;
beforeEach(() => ({ db, cleanup } = createTempDatabase()));
afterEach(() => cleanup());

const now = new Date("2026-01-01T00:00:00Z");

function addCategory(slug: string, position = 0) {
  return db.insert(categories).values({ name: slug.toUpperCase(), slug, position }).returning().get().id;
}

function addPost(categoryId: number, slug: string, options: { status?: "draft" | "published" | "unpublished"; publishedAt?: string; updatedAt?: string } = {}) {
  db.insert(posts)
    .values({
      title: `Bài ${slug}`,
      slug,
      lead: `Sapo ${slug}`,
      body: { type: "doc", content: [] },
      categoryId,
      status: options.status ?? "published",
      publishedAt: new Date(options.publishedAt ?? "2020-01-01T00:00:00Z"),
      updatedAt: new Date(options.updatedAt ?? "2020-01-01T00:00:00Z"),
    })
    .run();
}

describe("feed and sitemap reads", () => {
  it("feeds list only public posts, newest first, limited, per category when asked", () => {
    const a = addCategory("a");
    const b = addCategory("b");
    addPost(a, "cu", { publishedAt: "2019-01-01T00:00:00Z" });
    addPost(a, "moi", { publishedAt: "2021-01-01T00:00:00Z" });
    addPost(b, "khac", { publishedAt: "2020-06-01T00:00:00Z" });
    addPost(a, "nhap", { status: "draft" });
    addPost(a, "da-go", { status: "unpublished" });
    addPost(a, "hen-gio", { publishedAt: "2027-01-01T00:00:00Z" });

    expect(readFeedPosts(db, now, null).map((p) => p.slug)).toEqual(["moi", "khac", "cu"]);
    expect(readFeedPosts(db, now, a).map((p) => p.slug)).toEqual(["moi", "cu"]);
    expect(readFeedPosts(db, now, null, 2)).toHaveLength(2);
    expect(readFeedPosts(db, now, b)[0]).toMatchObject({ lead: "Sapo khac", category: { name: "B", slug: "b" } });
  });

  it("a post's last change is the later of its edit and its publication", () => {
    const a = addCategory("a");
    addPost(a, "sua-sau", { publishedAt: "2020-01-01T00:00:00Z", updatedAt: "2024-05-05T00:00:00Z" });
    addPost(a, "hen-gio-da-len", { publishedAt: "2025-06-01T00:00:00Z", updatedAt: "2025-05-01T00:00:00Z" });
    expect(readSitemapPosts(db, now, 0, 10)).toEqual([
      { slug: "sua-sau", language: "vi", lastModified: "2024-05-05T00:00:00.000Z" },
      { slug: "hen-gio-da-len", language: "vi", lastModified: "2025-06-01T00:00:00.000Z" },
    ]);
  });

  it("the sitemap overview counts public posts and dates each category by its newest change", () => {
    const a = addCategory("a", 1);
    const b = addCategory("b", 0);
    addCategory("trong", 2);
    addPost(a, "mot", { updatedAt: "2024-01-01T00:00:00Z" });
    addPost(b, "hai", { updatedAt: "2025-01-01T00:00:00Z" });
    addPost(b, "nhap", { status: "draft", updatedAt: "2025-12-01T00:00:00Z" });
    expect(readSitemapOverview(db, now)).toEqual({
      postCount: 2,
      lastModified: "2025-01-01T00:00:00.000Z",
      categories: [
        { slug: "b", lastModified: "2025-01-01T00:00:00.000Z" },
        { slug: "a", lastModified: "2024-01-01T00:00:00.000Z" },
        { slug: "trong", lastModified: null },
      ],
    });
  });

  it("pages through public posts in id order without gaps or repeats", () => {
    const a = addCategory("a");
    for (let i = 0; i < 25; i += 1) addPost(a, `bai-${i}`, i % 5 === 0 ? { status: "draft" } : {});
    const pages = [0, 7, 14].map((offset) => readSitemapPosts(db, now, offset, 7).map((p) => p.slug));
    const all = readSitemapPosts(db, now, 0, 100).map((p) => p.slug);
    expect(all).toHaveLength(20);
    expect(pages.flat()).toEqual(all.slice(0, 20));
    expect(pages[2]).toHaveLength(6);
  });
});
