import yauzl, { type Entry } from "yauzl";
import { AttachmentError } from "./kinds";
import { formatFileSize } from "./headers";

/*
 * ZIP containers: DOCX, XLSX, ODT, ODS and plain ZIP. A ZIP bomb is refused in two steps. First,
 * from the central directory alone, before a byte is inflated: too many entries, too much declared
 * uncompressed data, or a suspicious ratio. Then every entry is inflated as a stream and counted,
 * never kept (except the few small entries a caller asks for), and yauzl stops an entry the moment
 * it yields more bytes than its header declared, so a lying header costs at most the declared sizes
 * the first step allowed.
 */

export type ZipLimits = {
  maxEntries: number;
  /** The sum of the entries' uncompressed sizes. */
  maxUncompressedBytes: number;
  /** Uncompressed ÷ compressed, over the whole archive… */
  maxRatio: number;
  /** …checked once the uncompressed total passes this (a small, very compressible file is harmless). */
  ratioFloorBytes: number;
};

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxUncompressedBytes: 512 * 1024 * 1024,
  maxRatio: 100,
  ratioFloorBytes: 16 * 1024 * 1024,
};

export type ZipEntryInfo = {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  directory: boolean;
  /** An archive inside the archive, by its name or its first bytes. */
  nestedArchive: boolean;
};

export type ZipInspection = {
  entries: ZipEntryInfo[];
  uncompressedBytes: number;
  /** The contents of the entries `keep` asked for, when they were no larger than it allowed. */
  contents: Map<string, Buffer>;
};

export type ZipInspectOptions = {
  limits?: Partial<ZipLimits>;
  /** For an entry name, how many bytes of it to keep in `contents` (0 or undefined: none). */
  keep?: (name: string) => number | undefined;
};

const ARCHIVE_NAME = /\.(zip|rar|7z|gz|tgz|bz2|tbz2?|xz|txz|zst|tar|cab|iso|lz|lzma|arj)$/i;
const ARCHIVE_MAGIC: ReadonlyArray<number[]> = [
  [0x50, 0x4b, 0x03, 0x04], // zip
  [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], // rar
  [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], // 7z
  [0x1f, 0x8b], // gzip
  [0x42, 0x5a, 0x68], // bzip2
  [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], // xz
  [0x28, 0xb5, 0x2f, 0xfd], // zstd
  [0x4d, 0x53, 0x43, 0x46], // cab
];
const isArchiveMagic = (head: Buffer) => ARCHIVE_MAGIC.some((magic) => magic.every((b, i) => head[i] === b));

const broken = () => new AttachmentError("Tệp ZIP bị hỏng hoặc không đầy đủ.", 422);

/** Reads and verifies a ZIP container; throws AttachmentError (422) with the reason in Vietnamese. */
export async function inspectZip(bytes: Buffer, options: ZipInspectOptions = {}): Promise<ZipInspection> {
  const limits = { ...DEFAULT_ZIP_LIMITS, ...options.limits };
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, decodeStrings: true, validateEntrySizes: true, strictFileNames: true });
  } catch {
    throw broken();
  }
  if (zip.entryCount > limits.maxEntries) {
    throw new AttachmentError(`Tệp ZIP có quá nhiều tệp bên trong (${zip.entryCount}; tối đa ${limits.maxEntries}).`, 422);
  }
  const entries = await readCentralDirectory(zip);
  const declared = checkDeclaredSizes(entries, limits);
  const infos: ZipEntryInfo[] = [];
  const contents = new Map<string, Buffer>();
  for (const entry of entries) {
    const keep = options.keep?.(entry.fileName) ?? 0;
    const { head, kept } = await streamEntry(zip, entry, keep);
    const directory = entry.fileName.endsWith("/");
    if (kept) contents.set(entry.fileName, kept);
    infos.push({
      name: entry.fileName,
      compressedSize: entry.compressedSize,
      uncompressedSize: entry.uncompressedSize,
      directory,
      nestedArchive: !directory && (ARCHIVE_NAME.test(entry.fileName) || isArchiveMagic(head)),
    });
  }
  return { entries: infos, uncompressedBytes: declared, contents };
}

async function readCentralDirectory(zip: yauzl.ZipFile): Promise<Entry[]> {
  const entries: Entry[] = [];
  try {
    for await (const entry of zip.eachEntry()) entries.push(entry);
  } catch (error) {
    const message = error instanceof Error ? error.message : "";
    if (/path|fileName/i.test(message)) {
      throw new AttachmentError("Tệp ZIP có tên tệp bên trong không hợp lệ (đường dẫn tuyệt đối, \"..\" hoặc ký tự \\).", 422);
    }
    throw broken();
  }
  return entries;
}

function checkDeclaredSizes(entries: Entry[], limits: ZipLimits): number {
  let uncompressed = 0;
  let compressed = 0;
  for (const entry of entries) {
    if (entry.isEncrypted()) throw new AttachmentError("Tệp ZIP có mật khẩu nên không kiểm tra được nội dung. Hãy nén lại không đặt mật khẩu.", 422);
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
      throw new AttachmentError("Tệp ZIP dùng kiểu nén không được hỗ trợ. Hãy nén lại bằng kiểu ZIP thông thường (Deflate).", 422);
    }
    uncompressed += entry.uncompressedSize;
    compressed += entry.compressedSize;
  }
  if (uncompressed > limits.maxUncompressedBytes) {
    throw new AttachmentError(
      `Nội dung tệp nén khi giải nén quá lớn (${formatFileSize(uncompressed)}; tối đa ${formatFileSize(limits.maxUncompressedBytes)}): tệp có thể là "bom ZIP".`,
      422,
    );
  }
  if (uncompressed > limits.ratioFloorBytes && uncompressed > compressed * limits.maxRatio) {
    throw new AttachmentError(`Tỉ lệ nén bất thường (gấp hơn ${limits.maxRatio} lần): tệp có thể là "bom ZIP".`, 422);
  }
  return uncompressed;
}

/** Inflates one entry, counting; keeps its first bytes and, when asked and small enough, all of it. */
async function streamEntry(zip: yauzl.ZipFile, entry: Entry, keep: number): Promise<{ head: Buffer; kept: Buffer | null }> {
  const keepAll = keep > 0 && entry.uncompressedSize <= keep;
  const chunks: Buffer[] = [];
  let head = Buffer.alloc(0);
  try {
    const stream = await zip.openReadStreamPromise(entry);
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (head.length < 8) head = Buffer.concat([head, chunk.subarray(0, 8 - head.length)]);
      if (keepAll) chunks.push(chunk);
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : "";
    if (/too (many|few) bytes/.test(message)) {
      throw new AttachmentError("Kích thước khai báo trong tệp ZIP không khớp với nội dung: tệp bị hỏng hoặc cố tình gây hại.", 422);
    }
    throw broken();
  }
  return { head, kept: keepAll ? Buffer.concat(chunks) : null };
}
