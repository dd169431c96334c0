import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { categories, posts, type ContentKind, type Language } from "@/db/schema";
import { KINDS } from "@/lib/content/kinds";
import type { Db } from "@/lib/dal/connection";
import { searchPostIdsIn } from "@/lib/dal/search/queries";
import type { TargetState } from "@/lib/menus/target-state";
import { targetKey, type MenuTarget } from "@/lib/menus/tree";
import { categoryHref } from "@/lib/i18n/routes";
import { siteUrl } from "@/lib/site";

export { targetKey };

/**
 * Where menu entries point, as they stand now. The public menu shows an entry only while its
 * target is `live`; the editor shows every entry with its state, so a trashed or withdrawn target
 * is flagged there rather than silently dropped.
 */
export type { TargetState };

export type ResolvedTarget = {
  state: TargetState;
  /** The address readers follow; null when the target no longer exists. */
  href: string | null;
  /** The target's own name (a category's name, a page's or post's title), or the address. */
  title: string;
  /** An address outside the site: shown with a marker and opened without a referrer. */
  external: boolean;
  /** A post's slug: the public menu tags the page with it, so the post leaving the site refreshes every page. */
  postSlug?: string;
};

/** Whether an address leaves the site: absolute and on another host than the site's own. */
export function isExternalUrl(url: string): boolean {
  if (!/^https?:\/\//i.test(url)) return false;
  try {
    return new URL(url).host !== new URL(siteUrl()).host;
  } catch {
    return true;
  }
}

type ContentRow = { id: number; kind: ContentKind; language: Language; slug: string; title: string; status: string; publishedAt: Date | null; deletedAt: Date | null };

function contentState(row: ContentRow, now: Date): TargetState {
  if (row.deletedAt) return "trashed";
  if (row.status !== "published" || !row.publishedAt) return "unpublished";
  return row.publishedAt.getTime() > now.getTime() ? "scheduled" : "live";
}

/**
 * Every target of a list of entries, read in two queries (categories, then posts and pages). A
 * category in an English menu points at its English page, and is missing without an English name.
 */
export function resolveTargets(db: Pick<Db, "select">, targets: readonly MenuTarget[], now: Date = new Date(), language: Language = "vi"): Map<string, ResolvedTarget> {
  const ids = (kind: Exclude<MenuTarget["kind"], "url">) => [...new Set(targets.flatMap((t) => (t.kind !== "url" && t.kind === kind ? [t.id] : [])))];
  const categoryIds = ids("category");
  const contentIds = [...ids("page"), ...ids("post")];
  const categoryRows = categoryIds.length
    ? db
        .select(language === "en" ? { id: categories.id, name: categories.nameEn, slug: categories.slugEn } : { id: categories.id, name: categories.name, slug: categories.slug })
        .from(categories)
        .where(inArray(categories.id, categoryIds))
        .all()
    : [];
  const contentRows: ContentRow[] = contentIds.length
    ? db
        .select({ id: posts.id, kind: posts.kind, language: posts.language, slug: posts.slug, title: posts.title, status: posts.status, publishedAt: posts.publishedAt, deletedAt: posts.deletedAt })
        .from(posts)
        .where(inArray(posts.id, contentIds))
        .all()
    : [];
  const categoryById = new Map(categoryRows.map((row) => [row.id, row]));
  const contentById = new Map(contentRows.map((row) => [row.id, row]));

  const resolved = new Map<string, ResolvedTarget>();
  for (const target of targets) {
    const key = targetKey(target);
    if (resolved.has(key)) continue;
    if (target.kind === "url") {
      resolved.set(key, { state: "live", href: target.url, title: target.url, external: isExternalUrl(target.url) });
    } else if (target.kind === "category") {
      const row = categoryById.get(target.id);
      resolved.set(
        key,
        row?.slug && row.name ? { state: "live", href: categoryHref(row.slug, language), title: row.name, external: false } : { state: "missing", href: null, title: "", external: false },
      );
    } else {
      const row = contentById.get(target.id);
      // A post's id given as a page (or the other way round) points at nothing of that kind.
      if (!row || row.kind !== target.kind) {
        resolved.set(key, { state: "missing", href: null, title: "", external: false });
        continue;
      }
      resolved.set(key, {
        state: contentState(row, now),
        href: KINDS[row.kind].href(row.slug, row.language),
        title: row.title,
        external: false,
        ...(row.kind === "post" ? { postSlug: row.slug } : {}),
      });
    }
  }
  return resolved;
}

/** A post offered to link or feature: its title, address and where it stands. */
export type PostChoice = { id: number; title: string; href: string | null; state: TargetState; hasImage: boolean };

const FIND_LIMIT = 8;

/**
 * Posts a staff member means, from what they typed: a number (the post's id), a public address
 * (`/tin-tuc/<slug>`, with or without the origin), or words of the title (the search index; public
 * and scheduled posts first). Trashed posts are found only by number or address, to be flagged.
 */
export function findPosts(db: Db, query: string, language: Language = "vi", now: Date = new Date()): PostChoice[] {
  const text = query.trim();
  const slug = /(?:^|\/)tin-tuc\/([a-z0-9-]{1,200})\/?(?:[?#].*)?$/.exec(text)?.[1];
  const id = /^#?\d{1,12}$/.test(text) ? Number(text.replace("#", "")) : null;
  let ids: number[];
  if (id !== null) ids = [id];
  else if (slug) ids = db.select({ id: posts.id }).from(posts).where(and(eq(posts.slug, slug), eq(posts.kind, "post"))).all().map((row) => row.id);
  else
    ids = searchPostIdsIn(db, text, { statuses: ["published"], limit: FIND_LIMIT * 3 });
  if (ids.length === 0) return [];
  const rows = db
    .select({ id: posts.id, kind: posts.kind, language: posts.language, deletedAt: posts.deletedAt, image: posts.featuredImageUrl })
    .from(posts)
    .where(inArray(posts.id, ids))
    .all()
    .filter((row) => row.kind === "post" && row.language === language && (id !== null || slug !== undefined || row.deletedAt === null));
  const resolved = resolveTargets(db, rows.map((row) => ({ kind: "post", id: row.id })), now);
  return ids
    .flatMap((found) => rows.filter((row) => row.id === found))
    .slice(0, FIND_LIMIT)
    .map((row) => {
      const target = resolved.get(targetKey({ kind: "post", id: row.id }))!;
      return { id: row.id, title: target.title, href: target.href, state: target.state, hasImage: row.image !== null };
    });
}
