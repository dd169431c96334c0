import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/lib/dal/connection";
import { media, users } from "@/db/schema";
import { MediaError, storeUpload } from "@/lib/dal/media/store";
import { resolveMediaPath } from "@/lib/media/store";
import { createTempDatabase } from "./helpers/temp-db";

let db: Db;
let file: string;
let cleanup: () => void;
let userId: number;
const previous = process.env.DATABASE_PATH;

beforeEach(() => {
  ({ db, file, cleanup } = createTempDatabase());
  process.env.DATABASE_PATH = file; // the media folder lives beside the database
  userId = db.insert(users).values({ email: "a@cuc.vn", name: "A" }).returning().get().id;
});
afterEach(() => {
  process.env.DATABASE_PATH = previous;
  cleanup();
});

const jpeg = (w: number, h: number) => sharp({ create: { width: w, height: h, channels: 3, background: "#3366aa" } }).jpeg().toBuffer();

describe("storeUpload", () => {
  it("stores re-encoded renditions under the data folder and one row, with srcsets", async () => {
    const dto = await storeUpload(db, { name: "C:\\Ảnh\\Hội nghị.jpg", bytes: await jpeg(1000, 500), uploadedBy: userId });
    expect(dto).toMatchObject({ name: "Hội nghị.jpg", width: 1000, height: 500, alt: "" });
    expect(dto.srcsetWebp).toMatch(/^\/media\/[0-9a-f]{20}\/480\.webp 480w, \/media\/[0-9a-f]{20}\/960\.webp 960w, \/media\/[0-9a-f]{20}\/1000\.webp 1000w$/);
    expect(dto.src).toMatch(/\/1000\.jpg$/);
    const onDisk = resolveMediaPath(dto.src.replace(/^\/media\//, ""))!;
    expect(fs.existsSync(onDisk.file)).toBe(true);
    expect(onDisk.file.startsWith(path.join(path.dirname(file), "media"))).toBe(true);
    expect(onDisk.contentType).toBe("image/jpeg");
  });

  it("returns the existing entry for the same bytes instead of a copy", async () => {
    const bytes = await jpeg(300, 300);
    const a = await storeUpload(db, { name: "a.jpg", bytes, uploadedBy: userId });
    const b = await storeUpload(db, { name: "b.jpg", bytes, uploadedBy: userId });
    expect(b.id).toBe(a.id);
    expect(db.select().from(media).all()).toHaveLength(1);
  });

  it("stores nothing for a refused file", async () => {
    await expect(storeUpload(db, { name: "anh.jpg", bytes: Buffer.from("không phải ảnh"), uploadedBy: userId })).rejects.toBeInstanceOf(MediaError);
    expect(db.select().from(media).all()).toHaveLength(0);
    expect(fs.existsSync(path.join(path.dirname(file), "media"))).toBe(false);
  });
});

describe("resolveMediaPath", () => {
  it.each(["../auth-secret", "..%2f..%2fetc%2fpasswd", "%2e%2e/cms.db", "0123456789abcdef0123/480.webp\u0000.txt", "0123456789abcdef0123/../../cms.db", "0123456789abcdef0123/480.svg", "abc/480.webp", ""])(
    "refuses %j",
    (p) => expect(resolveMediaPath(p)).toBeNull(),
  );
  it("accepts only generated names", () => {
    expect(resolveMediaPath("0123456789abcdef0123/480.webp")?.contentType).toBe("image/webp");
  });
});
