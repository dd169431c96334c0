/** `/trang/N` segments: a positive integer without leading zeros, or null (which becomes a 404). */
export function parsePageParam(raw: string): number | null {
  return /^[1-9]\d{0,6}$/.test(raw) ? Number(raw) : null;
}

/** Slugs we generate are lower-case ASCII words joined by hyphens; anything else cannot exist. */
export function isSlugLike(raw: string): boolean {
  return raw.length <= 200 && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(raw);
}
