import { crc32, deflateSync } from "node:zlib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { detectImageType } from "@/lib/media/detect";
import { cleanFileName, MediaError, processImage } from "@/lib/media/process";

/** A PNG whose header claims width × height, with almost no pixel data: what a decompression bomb looks like. */
function pngHeaderOnly(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([length, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(Buffer.alloc(10))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const photo = (width = 1200, height = 800) =>
  sharp({ create: { width, height, channels: 3, background: { r: 180, g: 40, b: 40 } } })
    .jpeg()
    .toBuffer();

async function expectRefused(input: Promise<unknown>, status: number, message: RegExp) {
  const error = await input.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(MediaError);
  expect((error as MediaError).status).toBe(status);
  expect((error as MediaError).message).toMatch(message);
}

describe("detectImageType", () => {
  it("reads the type from the content, not the name", async () => {
    expect(detectImageType(await photo(10, 10))).toBe("jpeg");
    expect(detectImageType(await sharp(await photo(10, 10)).png().toBuffer())).toBe("png");
    expect(detectImageType(await sharp(await photo(10, 10)).webp().toBuffer())).toBe("webp");
    expect(detectImageType(await sharp(await photo(10, 10)).gif().toBuffer())).toBe("gif");
    expect(detectImageType(Buffer.from('{"not":"an image"}'))).toBeNull();
    expect(detectImageType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toBeNull();
  });
});

describe("processImage", () => {
  it("writes responsive WebP renditions with a JPEG fallback, never larger than the original", async () => {
    const result = await processImage(await photo(1200, 800));
    expect(result).toMatchObject({ sourceType: "jpeg", width: 1200, height: 800, fallbackFormat: "jpeg" });
    expect(result.renditions.map((r) => `${r.width}.${r.format}`)).toEqual(["480.webp", "480.jpeg", "960.webp", "960.jpeg", "1200.webp", "1200.jpeg"]);
    expect(result.renditions.find((r) => r.width === 480)?.height).toBe(320);
    for (const file of result.files) expect(file.file).toMatch(new RegExp(`^${result.hash}/\\d+\\.(webp|jpg)$`));
  });

  it("applies the EXIF orientation and strips all metadata, GPS included (no EXIF block at all)", async () => {
    const tagged = await sharp(await photo(600, 400))
      .withExif({ IFD0: { Make: "Máy ảnh" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "21/1 1/1 0/1" } })
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
    const before = await sharp(tagged).metadata();
    expect(before.orientation).toBe(6);
    expect(before.exif).toBeDefined(); // the GPS position lives in this EXIF block
    const result = await processImage(tagged);
    expect([result.width, result.height]).toEqual([400, 600]); // rotated 90°
    for (const file of result.files) {
      const meta = await sharp(file.data).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.orientation ?? 1).toBe(1);
    }
  });

  it("keeps transparency with a PNG fallback", async () => {
    const png = await sharp({ create: { width: 300, height: 200, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toBuffer();
    expect((await processImage(png)).fallbackFormat).toBe("png");
  });

  it("gives the same name to the same image uploaded twice", async () => {
    const bytes = await photo(100, 100);
    expect((await processImage(bytes)).hash).toBe((await processImage(Buffer.from(bytes))).hash);
  });

  it("refuses a text file named .jpg, JSON and SVG by their content", async () => {
    await expectRefused(processImage(Buffer.from("Đây là văn bản, không phải ảnh")), 415, /không phải ảnh/);
    await expectRefused(processImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')), 415, /SVG/);
  });

  it("refuses files over 20 MB before reading them", async () => {
    const big = Buffer.concat([await photo(10, 10), Buffer.alloc(20 * 1024 * 1024)]);
    await expectRefused(processImage(big), 413, /20 MB/);
  });

  it("refuses a truncated JPEG", async () => {
    const whole = await photo(800, 600);
    await expectRefused(processImage(whole.subarray(0, Math.floor(whole.length / 2))), 422, /hỏng|không đầy đủ/);
  });

  it("refuses decompression bombs from their header alone (14000 × 14000, 20000 × 20000)", async () => {
    await expectRefused(processImage(pngHeaderOnly(14000, 14000)), 422, /14000 × 14000/);
    await expectRefused(processImage(pngHeaderOnly(20000, 20000)), 422, /quá lớn/);
  });
});

describe("cleanFileName", () => {
  it("keeps only a safe display name", () => {
    expect(cleanFileName("../../etc/passwd")).toBe("passwd");
    expect(cleanFileName("C:\\ảnh\\Hội nghị.jpg")).toBe("Hội nghị.jpg");
    expect(cleanFileName("a\u0000b.png")).toBe("ab.png");
    expect(() => cleanFileName(`${"x".repeat(201)}.jpg`)).toThrow(MediaError);
  });
});
