import fs from "node:fs";
import sharp from "sharp";
import { count, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { RefusedError, type Actor } from "@/lib/dal/actor";
import type { Db } from "@/lib/dal/connection";
import { activityLog, categories, media, postMedia, posts, users, type Role } from "@/db/schema";
import { storeUpload } from "@/lib/dal/media/store";
import {
  deleteMediaFor,
  listMediaDtosFor,
  listMediaFor,
  MEDIA_MESSAGES,
  updateMediaFor,
} from "@/lib/dal/media/library";
import { resolveMediaPath } from "@/lib/media/store";
import { createTempDatabase } from "./helpers/temp-db";

let db: Db;
let file: string;
let cleanup: () => void;
const previous = process.env.DATABASE_PATH;

beforeEach(() => {
  ({ db, file, cleanup } = createTempDatabase());
  process.env.DATABASE_PATH = file; // the media folder lives beside the database
});
afterEach(() => {
  process.env.DATABASE_PATH = previous;
  cleanup();
});

let seq = 0;
function actor(role: Role): Actor {
  seq += 1;
  const id = db.insert(users).values({ email: `u${seq}@cuc.vn`, name: `Người ${seq}`, role }).returning().get().id;
  return { id, name: `Người ${seq}`, role, unit: "", ip: "127.0.0.1" };
}

async function upload(by: Actor, name: string, colour = "#3366aa") {
  const bytes = await sharp({ create: { width: 600, height: 400, channels: 3, background: colour } }).png().toBuffer();
  return storeUpload(db, { name, bytes, uploadedBy: by.id });
}

function post(title: string) {
  const categoryId = db.select().from(categories).get()?.id ?? db.insert(categories).values({ name: "Tin", slug: "tin" }).returning().get().id;
  return db.insert(posts).values({ title, slug: `bai-${++seq}`, body: { type: "doc", content: [] }, categoryId }).returning().get().id;
}

const rows = () => db.select({ n: count() }).from(media).get()!.n;

describe("the media library", () => {
  it("lists newest first, searches name, alt and caption without diacritics, and pages", async () => {
    const author = actor("author");
    const a = await upload(author, "hoi-nghi.png", "#111111");
    const b = await upload(author, "le-ky-niem.png", "#222222");
    updateMediaFor(db, author, b.id, { alt: "Lễ kỷ niệm ngày thành lập", caption: "Đảng bộ Cục" });
    expect(listMediaFor(db, author, {}).items.map((i) => i.id)).toEqual([b.id, a.id]);
    expect(listMediaFor(db, author, { q: "dang bo" }).items.map((i) => i.id)).toEqual([b.id]);
    expect(listMediaFor(db, author, { q: "HOI-NGHI" }).items.map((i) => i.id)).toEqual([a.id]);
    expect(listMediaFor(db, author, { q: "100%" }).total).toBe(0);
    const paged = listMediaDtosFor(db, author, { page: 2 }, 1);
    expect(paged).toMatchObject({ page: 2, pageCount: 2, total: 2 });
    expect(paged.items[0]).toMatchObject({ id: a.id, src: expect.stringMatching(/^\/media\//) });
    expect(listMediaDtosFor(db, author, { page: 99 }, 1).page).toBe(2);
  });

  it("says who may edit and delete each image", async () => {
    const author = actor("author");
    const other = actor("author");
    const editor = actor("editor");
    await upload(author, "a.png");
    expect(listMediaFor(db, author, {}).items[0]).toMatchObject({ canEdit: true, canDelete: false, uploaderName: author.name });
    expect(listMediaFor(db, other, {}).items[0]).toMatchObject({ canEdit: false, canDelete: false });
    expect(listMediaFor(db, editor, {}).items[0]).toMatchObject({ canEdit: true, canDelete: true });
    expect(() => listMediaFor(db, null, {})).toThrow(RefusedError);
  });

  it("lets the uploader and editors change alt text and caption, nobody else, and logs it", async () => {
    const author = actor("author");
    const other = actor("author");
    const editor = actor("editor");
    const image = await upload(author, "a.png");
    expect(updateMediaFor(db, author, image.id, { alt: "Toàn cảnh", caption: "Hội nghị" })).toEqual({ ok: true, message: MEDIA_MESSAGES.updated });
    expect(() => updateMediaFor(db, other, image.id, { alt: "sửa trộm", caption: "" })).toThrow(RefusedError);
    expect(db.select().from(media).where(eq(media.id, image.id)).get()).toMatchObject({ alt: "Toàn cảnh", caption: "Hội nghị" });
    expect(updateMediaFor(db, editor, image.id, { alt: "Toàn cảnh Hội nghị", caption: "Hội nghị" }).ok).toBe(true);
    expect(updateMediaFor(db, editor, image.id, { alt: "Toàn cảnh Hội nghị", caption: "Hội nghị" })).toEqual({ ok: true, message: MEDIA_MESSAGES.unchanged });
    expect(updateMediaFor(db, editor, 9999, { alt: "", caption: "" })).toEqual({ ok: false, message: MEDIA_MESSAGES.notFound });
    expect(db.select().from(activityLog).where(eq(activityLog.action, "media.update")).all()).toHaveLength(2);
  });

  it("refuses to delete an image a post uses (body or featured), naming the posts, and deletes it once unused", async () => {
    const editor = actor("editor");
    const image = await upload(editor, "a.png");
    const featured = await upload(editor, "b.png", "#999999");
    const first = post("Hội nghị tổng kết");
    const second = post("Lễ kỷ niệm");
    db.insert(postMedia).values([{ postId: first, mediaId: image.id }, { postId: second, mediaId: image.id }]).run();
    db.update(posts).set({ featuredMediaId: featured.id }).where(eq(posts.id, second)).run();

    const refused = await deleteMediaFor(db, editor, image.id);
    expect(refused).toMatchObject({ ok: false, usedIn: [{ id: second, title: "Lễ kỷ niệm" }, { id: first, title: "Hội nghị tổng kết" }] });
    expect(refused.message).toBe(MEDIA_MESSAGES.inUse(["Lễ kỷ niệm", "Hội nghị tổng kết"]));
    expect((await deleteMediaFor(db, editor, featured.id)).ok).toBe(false);
    expect(rows()).toBe(2);
    expect(listMediaFor(db, editor, {}).items.find((i) => i.id === image.id)?.usedIn.map((u) => u.title)).toEqual(["Lễ kỷ niệm", "Hội nghị tổng kết"]);

    db.delete(postMedia).where(eq(postMedia.mediaId, image.id)).run();
    const files = listMediaDtosFor(db, editor, {}).items.find((i) => i.id === image.id)!.srcsetWebp.split(", ").map((c) => resolveMediaPath(c.split(" ")[0]!.replace("/media/", ""))!.file);
    expect(files.every((f) => fs.existsSync(f))).toBe(true);
    expect(await deleteMediaFor(db, editor, image.id)).toEqual({ ok: true, message: MEDIA_MESSAGES.deleted });
    expect(rows()).toBe(1);
    expect(files.some((f) => fs.existsSync(f))).toBe(false);
    expect(db.select().from(activityLog).where(eq(activityLog.action, "media.delete")).all()).toHaveLength(1);
    expect(await deleteMediaFor(db, editor, image.id)).toEqual({ ok: false, message: MEDIA_MESSAGES.notFound });
  });

  it("lets only editors and admins delete", async () => {
    const author = actor("author");
    const image = await upload(author, "a.png");
    await expect(deleteMediaFor(db, author, image.id)).rejects.toThrow(RefusedError);
    await expect(deleteMediaFor(db, null, image.id)).rejects.toThrow(RefusedError);
    expect(rows()).toBe(1);
    expect((await deleteMediaFor(db, actor("admin"), image.id)).ok).toBe(true);
  });

  it("lets the foreign key have the final word if a post starts using the image during the delete", async () => {
    const editor = actor("editor");
    const image = await upload(editor, "a.png");
    const postId = post("Bài mới");
    // Simulates another writer linking the image between our usage check and the delete.
    db.$client.exec(`CREATE TEMP TRIGGER link_before_delete BEFORE DELETE ON media BEGIN INSERT INTO post_media (post_id, media_id) VALUES (${postId}, OLD.id); END;`);
    expect(await deleteMediaFor(db, editor, image.id)).toEqual({ ok: false, message: MEDIA_MESSAGES.stillReferenced });
    expect(rows()).toBe(1);
  });
});
