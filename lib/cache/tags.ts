/**
 * Cache tags of public pages. Each page tags itself with what it shows, and a content change
 * names the tags it affects, so exactly those pages are rendered again.
 */
export const cacheTags = {
  /** Every public page (header navigation shows categories, so category edits touch all of them). */
  all: "public",
  /** The home page and its pagination, and every list of all posts (the site feed, the sitemap): every post change queues it. */
  home: "home",
  /** An article URL, whether it currently shows a post, redirects, or is a 404. */
  article: (slug: string) => `article:${slug}`,
  /** A category's listing pages and the "other news" box of its articles. */
  category: (categoryId: number) => `category:${categoryId}`,
  /** A category URL by slug (found, or a 404). */
  categorySlug: (slug: string) => `category-slug:${slug}`,
} as const;

/** The tags a change to one post touches: its URLs before and after, and the lists it appears in. */
export function tagsForPostChange(change: { slugs: string[]; categoryIds: number[] }): string[] {
  const tags = new Set<string>([cacheTags.home]);
  for (const slug of change.slugs) tags.add(cacheTags.article(slug));
  for (const id of change.categoryIds) tags.add(cacheTags.category(id));
  return [...tags];
}
