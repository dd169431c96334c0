/** The image formats staff may upload. SVG is refused on purpose: it can carry script. */
export type ImageType = "jpeg" | "png" | "webp" | "gif";

const startsWith = (buffer: Uint8Array, bytes: number[], offset = 0) => bytes.every((b, i) => buffer[offset + i] === b);

/** The type from the file's first bytes (its "magic number"), never from its name or declared type. */
export function detectImageType(buffer: Uint8Array): ImageType | null {
  if (startsWith(buffer, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(buffer, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(buffer, [0x47, 0x49, 0x46, 0x38]) && (buffer[4] === 0x37 || buffer[4] === 0x39) && buffer[5] === 0x61) return "gif";
  if (startsWith(buffer, [0x52, 0x49, 0x46, 0x46]) && startsWith(buffer, [0x57, 0x45, 0x42, 0x50], 8)) return "webp";
  return null;
}
