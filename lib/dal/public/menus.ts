import "server-only";
import { and, eq } from "drizzle-orm";
import { posts, type Language, type MenuLocation } from "@/db/schema";
import { tagPage } from "@/lib/cache/page-tags";
import { cacheTags } from "@/lib/cache/tags";
import { getDb, type Db } from "@/lib/dal/connection";
import { readMenuEntries } from "@/lib/dal/menus/queries";
import { resolveTargets, targetKey } from "@/lib/dal/menus/targets";
import { KINDS } from "@/lib/content/kinds";
import { publicIn } from "./constraint";

/** A menu entry as readers get it: only entries whose target is on the public site, with their own entries under them. */
export type PublicMenuLink = { label: string; href: string; external: boolean; children: PublicMenuLink[] };

/**
 * A menu for the public pages. An entry whose target is not public (trashed, withdrawn, scheduled,
 * deleted) is left out, and the entries under it with it. Menu saves, category and page changes
 * queue `public`; a post's change queues only its own tags, so the page is tagged with the slug of
 * every post the menu names, and that post leaving the site refreshes the pages showing the menu.
 */
export function getPublicMenu(location: MenuLocation, language: Language = "vi", db: Db = getDb(), now: Date = new Date()): PublicMenuLink[] {
  const { entries } = readMenuEntries(db, location, language);
  const resolved = resolveTargets(db, entries.map((entry) => entry.target), now, language);
  const links: PublicMenuLink[] = [];
  let parentShown = false;
  for (const entry of entries) {
    const target = resolved.get(targetKey(entry.target));
    if (target?.postSlug) tagPage(cacheTags.article(target.postSlug));
    const live = target?.state === "live" && target.href !== null;
    if (entry.depth === 0) {
      parentShown = live;
      if (live) links.push({ label: entry.label, href: target.href!, external: target.external, children: [] });
    } else if (live && parentShown) {
      links.at(-1)!.children.push({ label: entry.label, href: target.href!, external: target.external, children: [] });
    }
  }
  return links;
}

/** The address of each site's accessibility statement page (the first start seeds the Vietnamese one; the footer links to it on every page). */
export const ACCESSIBILITY_STATEMENT_PATH: Readonly<Record<Language, string>> = { vi: "tuyen-bo-kha-nang-tiep-can", en: "accessibility-statement" };

/**
 * A standing page by its path when readers can open it, for a fixed link (the footer's
 * accessibility statement); null otherwise, so no page links to a 404. Page changes queue `public`.
 */
export function getPublicPageLink(path: string, language: Language = "vi"): { href: string; title: string } | null {
  const row = getDb()
    .select({ slug: posts.slug, title: posts.title })
    .from(posts)
    .where(and(eq(posts.slug, path), publicIn({ kind: "page", language }, new Date())))
    .get();
  return row ? { href: KINDS.page.href(row.slug, language), title: row.title } : null;
}
