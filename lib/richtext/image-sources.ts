/**
 * Where a picture in a post may come from: our own media renditions (site-relative `/media/…`)
 * or an absolute http(s) address (photos of imported legacy posts). Shared by the editor schema,
 * which refuses other sources when a document is saved, and by the sanitizer, the last gate.
 */

// `/media/` plus plain path characters; no `..`, no backslash, no query tricks.
const MEDIA_PATH = /^\/media\/(?!.*\.\.)[A-Za-z0-9._\-/]+$/;
const HTTP_URL = /^https?:\/\/[^\s"'<>\\`]+$/i;

export function isAllowedImageSrc(src: unknown): src is string {
  if (typeof src !== "string" || src.length > 2048) return false;
  if (MEDIA_PATH.test(src)) return true;
  if (!HTTP_URL.test(src)) return false;
  try {
    const url = new URL(src);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

/**
 * A srcset whose every candidate is an allowed source with a width (`480w`) or density (`2x`)
 * descriptor. Candidates are separated by a comma and whitespace, as we write them.
 */
export function isAllowedSrcset(srcset: unknown): srcset is string {
  if (typeof srcset !== "string" || srcset.trim() === "" || srcset.length > 4096) return false;
  return srcset
    .trim()
    .split(/,\s+/)
    .every((candidate) => {
      const match = /^(\S+)(?:\s+(\d{1,5}w|\d{1,2}(?:\.\d{1,2})?x))?$/.exec(candidate.trim());
      return match !== null && !match[1]!.endsWith(",") && isAllowedImageSrc(match[1]);
    });
}

/** `sizes` is a media condition list; only the characters such lists use are accepted. */
export function isAllowedSizes(sizes: unknown): sizes is string {
  return typeof sizes === "string" && sizes.length <= 300 && /^[a-z0-9\s().,:%-]+$/i.test(sizes);
}

/**
 * Pictures the editor holds while they upload: a pasted `data:` image or a dropped file's `blob:`
 * address. Accepted only by the editor's own copy of the schema, never by the server.
 */
export function isPendingImageSrc(src: unknown): src is string {
  return typeof src === "string" && (/^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]+$/i.test(src) || /^blob:/i.test(src));
}

/** The responsive `sizes` of body images: the article column is at most 48rem wide. */
export const ARTICLE_IMAGE_SIZES = "(min-width: 48rem) 48rem, 100vw";
