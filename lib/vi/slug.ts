import { foldForSearch } from "@/lib/vi/fold";

export const DEFAULT_SLUG_MAX_LENGTH = 120;
/** Used when the text has no letter or digit to build a slug from ("bài viết" = post). */
export const FALLBACK_SLUG = "bai-viet";

// Guards against a caller whose `isTaken` never says no.
const MAX_SUFFIX = 100_000;

function normalizeLimit(maxLength: number): number {
  return Number.isFinite(maxLength) ? Math.max(1, Math.floor(maxLength)) : DEFAULT_SLUG_MAX_LENGTH;
}

/** Shortens a slug to at most `limit` characters without cutting a word in half when possible. */
function cutAtWordBoundary(slug: string, limit: number): string {
  if (slug.length <= limit) return slug;
  if (slug[limit] === "-") return slug.slice(0, limit);
  const head = slug.slice(0, limit);
  const lastDash = head.lastIndexOf("-");
  // A single word longer than the limit has no boundary to cut at, so it is cut hard.
  return (lastDash > 0 ? head.slice(0, lastDash) : head).replace(/-+$/, "");
}

/** `Đảng bộ Cục Sở hữu trí tuệ` → `dang-bo-cuc-so-huu-tri-tue`. */
export function slugify(text: string, maxLength: number = DEFAULT_SLUG_MAX_LENGTH): string {
  const limit = normalizeLimit(maxLength);
  const full = foldForSearch(text)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  const slug = cutAtWordBoundary(full, limit);
  return slug === "" ? cutAtWordBoundary(FALLBACK_SLUG, limit) : slug;
}

/**
 * `base` if free, else `base-2`, `base-3`, … The base is shortened (at a word boundary)
 * so that the suffixed slug still fits in `maxLength`.
 */
export function uniqueSlug(
  base: string,
  isTaken: (slug: string) => boolean,
  maxLength: number = DEFAULT_SLUG_MAX_LENGTH,
): string {
  const limit = normalizeLimit(maxLength);
  const root = cutAtWordBoundary(base, limit) || cutAtWordBoundary(FALLBACK_SLUG, limit);
  if (!isTaken(root)) return root;
  for (let n = 2; n <= MAX_SUFFIX; n++) {
    const suffix = `-${n}`;
    const stem = cutAtWordBoundary(root, limit - suffix.length);
    const candidate = stem === "" ? String(n) : `${stem}${suffix}`;
    if (!isTaken(candidate)) return candidate;
  }
  throw new Error(`uniqueSlug: no free slug for "${root}" after ${MAX_SUFFIX} attempts`);
}
