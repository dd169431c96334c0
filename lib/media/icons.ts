/**
 * The site's icons (the browser tab's favicon, the phone's home-screen icon), made from the logo
 * an admin uploaded, or from a plain default when there is none: a yellow star on the site's red,
 * drawn here (our own SVG, never an uploaded one). sharp renders them; a logo that is not square is
 * centred on a transparent square, so it is never cropped.
 */
import sharp, { type Color } from "sharp";

export const DEFAULT_ICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="12" fill="#9b1c1c"/><polygon fill="#ffd43b" points="32.0,11.0 37.4,26.6 53.9,26.9 40.7,36.8 45.5,52.6 32.0,43.2 18.5,52.6 23.3,36.8 10.1,26.9 26.6,26.6"/></svg>`;

/** The sizes inside /favicon.ico (tabs, bookmarks, high-density screens) and of the apple-touch-icon. */
export const FAVICON_SIZES = [16, 32, 48] as const;
export const TOUCH_ICON_SIZE = 180;

export type SiteIcons = { ico: Buffer; touch: Buffer };

/**
 * An .ico file holding PNG images (every browser since Internet Explorer 9 reads PNG entries):
 * a 6-byte header, a 16-byte entry per image, then the images.
 */
export function encodeIco(images: ReadonlyArray<{ size: number; png: Buffer }>): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt8(0, 2); // no palette
    entry.writeUInt8(0, 3);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.byteLength, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.byteLength;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((image) => image.png)]);
}

async function square(source: Buffer, size: number, background: Color, vector: boolean): Promise<Buffer> {
  // The default SVG is drawn at 4× (256 px) so the 180 px icon is scaled down, never up.
  return sharp(source, { limitInputPixels: 60_000_000, ...(vector ? { density: 288 } : {}) })
    .resize(size, size, { fit: "contain", background })
    .png({ compressionLevel: 9 })
    .toBuffer();
}

/** The icons from a logo's bytes (a rendition the media pipeline made), or the default ones. */
export async function makeSiteIcons(logo: Buffer | null): Promise<SiteIcons> {
  const source = logo ?? Buffer.from(DEFAULT_ICON_SVG);
  const transparent = { r: 0, g: 0, b: 0, alpha: 0 };
  const images = await Promise.all(FAVICON_SIZES.map(async (size) => ({ size, png: await square(source, size, transparent, !logo) })));
  // iOS fills transparency with black and rounds the corners itself: a solid ground, white behind a logo, the site's red behind the star.
  const ground = logo ? "#ffffff" : "#9b1c1c";
  const touch = await sharp(await square(source, TOUCH_ICON_SIZE, ground, !logo)).flatten({ background: ground }).png({ compressionLevel: 9 }).toBuffer();
  return { ico: encodeIco(images), touch };
}
