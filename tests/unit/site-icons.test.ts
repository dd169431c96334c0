import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { splitPageExpiry } from "@/lib/cache/page-tags";
import { TaggedCache } from "@/lib/cache/tagged-cache";
import { encodeIco, makeSiteIcons } from "@/lib/media/icons";

/** The images an .ico holds, read back from its directory. */
function readIco(ico: Buffer) {
  expect(ico.readUInt16LE(0)).toBe(0);
  expect(ico.readUInt16LE(2)).toBe(1);
  const count = ico.readUInt16LE(4);
  return Array.from({ length: count }, (_, i) => {
    const entry = 6 + i * 16;
    const size = ico.readUInt32LE(entry + 8);
    const offset = ico.readUInt32LE(entry + 12);
    return { width: ico.readUInt8(entry) || 256, data: ico.subarray(offset, offset + size) };
  });
}

describe("site icons", () => {
  it("an .ico file with one PNG entry per size, each where its directory says", () => {
    const pngs = [Buffer.from("\x89PNG-one"), Buffer.from("\x89PNG-two!")];
    const ico = encodeIco([
      { size: 16, png: pngs[0]! },
      { size: 256, png: pngs[1]! },
    ]);
    expect(readIco(ico)).toEqual([
      { width: 16, data: pngs[0] },
      { width: 256, data: pngs[1] },
    ]);
  });

  it("the default icons (no logo): 16, 32 and 48 px in the .ico, a 180 px opaque touch icon", async () => {
    const icons = await makeSiteIcons(null);
    const sizes = await Promise.all(readIco(icons.ico).map(async (image) => (await sharp(image.data).metadata()).width));
    expect(sizes).toEqual([16, 32, 48]);
    const touch = await sharp(icons.touch).metadata();
    expect([touch.width, touch.height, touch.hasAlpha]).toEqual([180, 180, false]);
  });

  it("a wide logo is fitted, not cropped, into square icons", async () => {
    const logo = await sharp({ create: { width: 400, height: 100, channels: 3, background: "#004080" } }).png().toBuffer();
    const icons = await makeSiteIcons(logo);
    const touch = await sharp(icons.touch).raw().toBuffer({ resolveWithObject: true });
    // The top row is the white ground above the logo, the middle row the logo's blue.
    expect([...touch.data.subarray(0, 3)]).toEqual([255, 255, 255]);
    const middle = (90 * 180 + 90) * touch.info.channels;
    expect([...touch.data.subarray(middle, middle + 3)]).toEqual([0, 64, 128]);
  });
});

describe("pages that change at a known time", () => {
  it("the expiry marks leave the tags, and the earliest one is the copy's end", () => {
    expect(splitPageExpiry(["public", "home", "until:2000", "until:1000"])).toEqual({ tags: ["public", "home"], expiresAt: 1000 });
    expect(splitPageExpiry(["public"])).toEqual({ tags: ["public"] });
  });

  it("a kept value past its end is gone", () => {
    const cache = new TaggedCache<string>("test-expiry", { maxEntries: 10, maxBytes: 1000, sizeOf: () => 1 });
    cache.set("/", "trang chủ", ["home"], cache.generation, Date.now() - 1);
    cache.set("/khac", "trang khác", ["home"], cache.generation, Date.now() + 60_000);
    expect(cache.get("/")).toBeUndefined();
    expect(cache.get("/khac")).toBe("trang khác");
    expect(cache.size.entries).toBe(1);
  });
});
