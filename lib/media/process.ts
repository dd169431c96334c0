import { createHash } from "node:crypto";
import sharp, { type Metadata, type Sharp } from "sharp";
import { BIDI_CONTROLS } from "../vi/text";
import { detectImageType, type ImageType } from "./detect";
import { oneAtATime } from "./one-at-a-time";

// libvips keeps recent operations (and their pixels) in a cache; every upload is new, so it only costs memory.
sharp.cache(false);
const inTurn = oneAtATime();

export const MEDIA_LIMITS = {
  maxBytes: 20 * 1024 * 1024,
  // About 60 megapixels: larger than any press camera, far below a decompression bomb.
  maxPixels: 60_000_000,
  maxNameLength: 200,
} as const;

/** Widths of the responsive renditions; an image is never enlarged. */
export const RENDITION_WIDTHS = [480, 960, 1600] as const;

export type MediaErrorStatus = 400 | 413 | 415 | 422;

/** A refusal with the HTTP status and the Vietnamese message the uploader sees. */
export class MediaError extends Error {
  constructor(
    message: string,
    readonly status: MediaErrorStatus,
  ) {
    super(message);
    this.name = "MediaError";
  }
}

export type OutputFormat = "webp" | "jpeg" | "png" | "gif";
export type Rendition = { width: number; height: number; format: OutputFormat; file: string; bytes: number };
export type ProcessedImage = {
  /** Content hash of the uploaded bytes: the same image uploaded twice is stored once. */
  hash: string;
  sourceType: ImageType;
  width: number;
  height: number;
  /** The format every browser shows, used in the fallback <img src>. */
  fallbackFormat: Exclude<OutputFormat, "webp">;
  renditions: Rendition[];
  files: Array<{ file: string; data: Buffer }>;
};

const EXTENSIONS: Record<OutputFormat, string> = { webp: "webp", jpeg: "jpg", png: "png", gif: "gif" };

/** A display name from the uploaded file name: no folders, no control or bidi characters, NFC. */
export function cleanFileName(name: string): string {
  const base = name.normalize("NFC").split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, "").replace(BIDI_CONTROLS, "").trim();
  if (base.length > MEDIA_LIMITS.maxNameLength) throw new MediaError(`Tên tệp dài quá ${MEDIA_LIMITS.maxNameLength} ký tự.`, 400);
  return base || "anh";
}

const LARGEST = RENDITION_WIDTHS.at(-1)!;

type Encoded = { width: number; height: number; renditions: Rendition[]; files: ProcessedImage["files"] };

function encode(pipeline: Sharp, format: OutputFormat): Sharp {
  if (format === "webp") return pipeline.webp({ quality: 80, effort: 4 });
  if (format === "jpeg") return pipeline.flatten({ background: "#ffffff" }).jpeg({ quality: 82, mozjpeg: true });
  if (format === "png") return pipeline.png({ compressionLevel: 9, palette: false });
  return pipeline.gif();
}

async function renditionsOf(width: number, fallbackFormat: OutputFormat, hash: string, pipelineFor: (w: number) => Sharp): Promise<Pick<Encoded, "renditions" | "files">> {
  const files: ProcessedImage["files"] = [];
  const renditions: Rendition[] = [];
  for (const w of widthsFor(width)) {
    for (const format of ["webp", fallbackFormat] as const) {
      const { data, info } = await encode(pipelineFor(w), format).toBuffer({ resolveWithObject: true });
      const file = `${hash}/${w}.${EXTENSIONS[format]}`;
      files.push({ file, data });
      renditions.push({ width: info.width, height: info.pageHeight ?? info.height, format, file, bytes: data.byteLength });
    }
  }
  return { renditions, files };
}

/**
 * A still image is decoded once, already shrunk to the largest rendition (a JPEG is even read at a
 * fraction of its size), and every rendition is made from those pixels: a 49-megapixel photo costs
 * a few megabytes after decoding instead of a full-size copy per rendition. The decode fails on a
 * truncated or corrupt file before anything is written.
 */
async function encodeStill(open: () => Sharp, size: Size, fallbackFormat: OutputFormat, hash: string): Promise<Encoded> {
  const base = await open().rotate().resize({ width: LARGEST, withoutEnlargement: true }).raw({ depth: "uchar" }).toBuffer({ resolveWithObject: true });
  const raw = { width: base.info.width, height: base.info.height, channels: base.info.channels };
  const { renditions, files } = await renditionsOf(size.width, fallbackFormat, hash, (w) => sharp(base.data, { raw }).resize({ width: w, withoutEnlargement: true }));
  return { ...size, renditions, files };
}

/** Animated images keep every frame: each rendition is made from the file itself. */
async function encodeFrames(open: () => Sharp, size: Size, fallbackFormat: OutputFormat, hash: string): Promise<Encoded> {
  // Decoding every frame once here surfaces truncated or corrupt files before anything is written.
  await open().rotate().resize({ width: LARGEST, withoutEnlargement: true }).toBuffer();
  const { renditions, files } = await renditionsOf(size.width, fallbackFormat, hash, (w) => open().rotate().resize({ width: w, withoutEnlargement: true }));
  return { ...size, renditions, files };
}

type Size = { width: number; height: number };

/** The picture's size as shown: EXIF orientations 5–8 turn it a quarter, so its width is the stored height. */
function orientedSize(meta: Metadata): Size {
  const width = meta.width ?? 0;
  const height = meta.pageHeight ?? meta.height ?? 0;
  return (meta.orientation ?? 1) >= 5 ? { width: height, height: width } : { width, height };
}

function widthsFor(width: number): number[] {
  const widths = new Set<number>(RENDITION_WIDTHS.filter((w) => w < width));
  widths.add(Math.min(width, LARGEST));
  return [...widths].sort((a, b) => a - b);
}

/**
 * Checks an upload by its content and re-encodes it: orientation applied, all metadata (EXIF,
 * GPS, ICC comments) dropped, and responsive widths written as WebP plus a JPEG/PNG/GIF fallback.
 * Nothing of the original file is kept, so nothing hidden in it reaches readers.
 */
export async function processImage(input: Buffer): Promise<ProcessedImage> {
  if (input.byteLength === 0) throw new MediaError("Tệp trống.", 422);
  if (input.byteLength > MEDIA_LIMITS.maxBytes) throw new MediaError("Ảnh lớn hơn 20 MB. Hãy giảm kích thước ảnh rồi tải lên lại.", 413);
  const sourceType = detectImageType(input);
  if (!sourceType) throw new MediaError("Tệp không phải ảnh JPEG, PNG, WebP hoặc GIF (ảnh SVG không được nhận).", 415);

  const animated = sourceType === "gif" || sourceType === "webp";
  const open = () => sharp(input, { limitInputPixels: MEDIA_LIMITS.maxPixels, animated, failOn: "warning" });
  let meta: Metadata;
  try {
    meta = await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    throw new MediaError("Không đọc được ảnh: tệp bị hỏng hoặc không đầy đủ.", 422);
  }
  const pixels = (meta.width ?? 0) * (meta.pageHeight ?? meta.height ?? 0);
  if (pixels > MEDIA_LIMITS.maxPixels) {
    throw new MediaError(`Ảnh quá lớn (${meta.width} × ${meta.height} điểm ảnh); tối đa 60 triệu điểm ảnh.`, 422);
  }

  const hash = createHash("sha256").update(input).digest("hex").slice(0, 20);
  const frames = meta.pages ?? 1;
  const fallbackFormat: ProcessedImage["fallbackFormat"] = sourceType === "gif" && frames > 1 ? "gif" : meta.hasAlpha ? "png" : "jpeg";
  try {
    const size = orientedSize(meta);
    const { width, height, renditions, files } = await inTurn(() => (frames > 1 ? encodeFrames(open, size, fallbackFormat, hash) : encodeStill(open, size, fallbackFormat, hash)));
    return { hash, sourceType, width, height, fallbackFormat, renditions, files };
  } catch (error) {
    if (error instanceof MediaError) throw error;
    throw new MediaError("Không xử lý được ảnh: tệp bị hỏng hoặc không đầy đủ.", 422);
  }
}
