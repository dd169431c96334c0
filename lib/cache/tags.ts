import type { ContentKind } from "@/db/vocabulary";

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
  /** The registry's listing, its feed and the sitemap's documents: any document change queues it. */
  documents: "documents",
  /** A document's page (its address, whether it shows a document, redirects or is a 404). */
  document: (slug: string) => `document:${slug}`,
} as const;

/**
 * The tags a change to content touches, given the rows as they were and are (a slug or a category
 * before and after a save). A post: its URLs and the lists it appears in. A page: everything, since
 * menus, breadcrumbs and its parent's list of children name it on any page (pages change seldom).
 */
export function tagsForContentChange(rows: ReadonlyArray<{ kind: ContentKind; slug: string; categoryId: number | null }>): string[] {
  if (rows.some((row) => row.kind === "page")) return [cacheTags.all];
  const tags = new Set<string>();
  for (const row of rows) {
    // A document is on its own page and the registry's listing, feed and sitemap, never on the news pages.
    if (row.kind === "document") {
      tags.add(cacheTags.document(row.slug)).add(cacheTags.documents);
      continue;
    }
    // The changed page itself first: caches in front are refreshed in this order (lib/edge/purge.ts).
    tags.add(cacheTags.article(row.slug)).add(cacheTags.home);
    if (row.categoryId !== null) tags.add(cacheTags.category(row.categoryId));
  }
  return [...tags];
}
