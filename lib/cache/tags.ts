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
  /** A document's list of the news posts citing it, queued by triggers (migration 0020) and the scheduler. */
  citations: (documentSlug: string) => `citations:${documentSlug}`,
  /** The pages of a translation group's members (their language switcher and hreflang alternates). */
  translations: (groupId: number) => `translations:${groupId}`,
} as const;

/** A post's translation group: the group it is in, or its own id (the group it would start as the first of one). */
export const translationGroupOf = (row: { id: number; translationGroupId: number | null }) => row.translationGroupId ?? row.id;

type ChangedRow = { kind: ContentKind; slug: string; categoryId: number | null; id?: number; translationGroupId?: number | null };

/**
 * The tags a change to content touches, given the rows as they were and are (a slug or a category
 * before and after a save). A post: its URLs and the lists it appears in. A page: everything, since
 * menus, breadcrumbs and its parent's list of children name it on any page (pages change seldom).
 * A news post's row with its id (and group) also names its translation group's pages.
 */
export function tagsForContentChange(rows: ReadonlyArray<ChangedRow>): string[] {
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
    // Its translations' pages name it (switcher, hreflang): a news post's change reaches them through its group.
    if (row.id !== undefined) tags.add(cacheTags.translations(translationGroupOf({ id: row.id, translationGroupId: row.translationGroupId ?? null })));
  }
  return [...tags];
}
