/** Shared setup of the posts data-layer tests: a fresh database, two categories, and one actor per role. */
import { count, eq } from "drizzle-orm";
import { afterEach, beforeEach } from "vitest";
import { type Db } from "@/lib/dal/connection";
import { activityLog, cacheInvalidations, categories, media, postMedia, posts, type Role, users } from "@/db/schema";
import { createPostFor } from "./save-post";
import { listPostsFor } from "@/lib/dal/posts/list";
import { blankPostText, type PostFields } from "@/lib/validations/post";
import { createTempDatabase } from "./temp-db";
import { type Actor } from "@/lib/dal/actor";

export let db: Db;
export let cleanup: () => void;
export let categoryId: number;
export let otherCategoryId: number;
export let authorA: Actor;
export let authorB: Actor;
export let editor: Actor;
export let admin: Actor;

export let seq = 0;
export function insertUser(role: Role, unit = ""): Actor {
  seq += 1;
  const row = db
    .insert(users)
    .values({ email: `u${seq}@cuc.vn`, name: `Cán bộ ${seq}`, role, unit, passwordHash: null })
    .returning()
    .get();
  return { id: row.id, name: row.name, role, unit, ip: "198.51.100.9" };
}

beforeEach(() => {
  ({ db, cleanup } = createTempDatabase());
  categoryId = db.insert(categories).values({ name: "Hoạt động Đảng, đoàn thể", slug: "hoat-dong-dang-doan-the" }).returning().get().id;
  otherCategoryId = db.insert(categories).values({ name: "Thi đua – Khen thưởng", slug: "thi-dua-khen-thuong" }).returning().get().id;
  authorA = insertUser("author", "Phòng Tổ chức cán bộ");
  authorB = insertUser("author", "Văn phòng Cục");
  editor = insertUser("editor", "Phòng Thông tin");
  admin = insertUser("admin");
});
afterEach(() => cleanup());

export const paragraph = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });

export function insertMedia(caption = "Toàn cảnh Hội nghị", alt = "Toàn cảnh hội trường"): { id: number; src: string } {
  seq += 1;
  const hash = seq.toString(16).padStart(20, "0");
  const row = db
    .insert(media)
    .values({
      hash,
      originalName: `anh-${seq}.jpg`,
      width: 1600,
      height: 900,
      fallbackFormat: "jpeg",
      renditions: [
        { width: 800, height: 450, format: "jpeg", file: `${hash}/800.jpg`, bytes: 100 },
        { width: 1600, height: 900, format: "jpeg", file: `${hash}/1600.jpg`, bytes: 200 },
        { width: 800, height: 450, format: "webp", file: `${hash}/800.webp`, bytes: 80 },
      ],
      alt,
      caption,
    })
    .returning()
    .get();
  return { id: row.id, src: `/media/${hash}/1600.jpg` };
}

export function figure(m: { id: number; src: string }, caption = "Chú thích") {
  return { type: "figure", attrs: { src: m.src, alt: "", mediaId: m.id }, content: [{ type: "text", text: caption }] };
}

export const doc = (...content: object[]) => ({ type: "doc", content: content.length ? content : [paragraph("Nội dung")] });

export function fields(overrides: Partial<PostFields> = {}): PostFields {
  return {
    ...blankPostText(),
    title: "Hội nghị tổng kết công tác năm 2025",
    slug: "",
    slugAuto: false,
    lead: "Sapo của bài",
    categoryId,
    source: "Văn phòng Cục",
    featuredMediaId: null,
    featuredCaption: "",
    keepLegacyImage: false,
    publishedAt: null,
    body: doc(paragraph("Nội dung bài viết")),
    ...overrides,
  };
}

export function create(actor: Actor, overrides: Partial<PostFields> = {}) {
  const result = createPostFor(db, actor, fields(overrides));
  if (!result.ok) throw new Error(result.message);
  return result;
}

/** A post as an editor would leave it after publishing (or any other status), written directly. */
export function setStatus(id: number, status: "draft" | "pending" | "published" | "unpublished", publishedAt: Date | null = new Date("2025-06-01T03:00:00Z")) {
  db.update(posts).set({ status, publishedAt }).where(eq(posts.id, id)).run();
}

export const row = (id: number) => db.select().from(posts).where(eq(posts.id, id)).get()!;
export const postCount = () => db.select({ n: count() }).from(posts).get()!.n;
export const logCount = () => db.select({ n: count() }).from(activityLog).get()!.n;
export const logs = (action: string) => db.select().from(activityLog).where(eq(activityLog.action, action)).all();
export const tags = () => db.select({ tag: cacheInvalidations.tag }).from(cacheInvalidations).all().map((r) => r.tag);
export const usedMedia = (postId: number) =>
  db
    .select({ mediaId: postMedia.mediaId })
    .from(postMedia)
    .where(eq(postMedia.postId, postId))
    .all()
    .map((r) => r.mediaId)
    .sort((a, b) => a - b);
export const listIds = (actor: Actor | null, filter: Parameters<typeof listPostsFor>[2] = {}, ranked: number[] | null = null) =>
  listPostsFor(db, actor, filter, ranked).items.map((i) => i.id);

/** Makes every activity-log write fail, as a full disk or a bug would, mid-transaction. */
export function breakActivityLog() {
  db.$client.exec("CREATE TRIGGER test_break_log BEFORE INSERT ON activity_log BEGIN SELECT RAISE(ABORT, 'log write failed'); END");
}
