/**
 * Citations on the public site (post_documents): the documents a news post or a page lists as
 * "Văn bản liên quan", and the posts and pages that cite a document ("Bài viết dẫn chiếu"), picked
 * or linked in their text. Both sides carry the reader's constraint.
 */
import "server-only";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { documents, documentTypes, postDocuments, posts } from "@/db/schema";
import { cacheTags } from "@/lib/cache/tags";
import { KINDS } from "@/lib/content/kinds";
import type { Db } from "@/lib/dal/connection";
import { DOCUMENTS, publicConstraint, publicIn } from "@/lib/dal/public/constraint";

export type CitedDocument = { id: number; slug: string; href: string; number: string; type: string; title: string };
export type CitingPost = { id: number; href: string; title: string; kind: "post" | "page"; publishedAt: string };

/** How many citing posts a document's page lists, newest first. */
export const CITING_POSTS_MAX = 50;

/**
 * The documents a post picked, in its order: those on the site (`shown`), and the slugs of all of
 * them (`slugs`), so the page is made again when one of them comes onto the site or leaves it.
 */
export function citedDocumentsOf(db: Db, postId: number, now: Date = new Date()): { shown: CitedDocument[]; slugs: string[] } {
  const rows = db
    .select({ id: posts.id, slug: posts.slug, number: documents.number, type: documentTypes.name, title: posts.title, shown: publicIn(DOCUMENTS, now).mapWith(Boolean) })
    .from(postDocuments)
    .innerJoin(posts, eq(posts.id, postDocuments.documentId))
    .innerJoin(documents, eq(documents.postId, posts.id))
    .innerJoin(documentTypes, eq(documentTypes.id, documents.typeId))
    .where(and(eq(postDocuments.postId, postId), eq(postDocuments.via, "picked")))
    .orderBy(asc(postDocuments.position))
    .all();
  return {
    shown: rows.filter((row) => row.shown).map(({ id, slug, number, type, title }) => ({ id, slug, number, type, title, href: KINDS.document.href(slug, "vi") })),
    slugs: rows.map((row) => row.slug),
  };
}

/** The public news posts and pages that cite a document, each once, newest first. */
export function citingPostsOf(db: Db, documentId: number, now: Date = new Date()): CitingPost[] {
  const visible = and(inArray(posts.kind, ["post", "page"]), publicConstraint(now));
  return db
    .selectDistinct({ id: posts.id, slug: posts.slug, language: posts.language, title: posts.title, kind: posts.kind, publishedAt: posts.publishedAt })
    .from(postDocuments)
    .innerJoin(posts, eq(posts.id, postDocuments.postId))
    .where(and(eq(postDocuments.documentId, documentId), visible))
    .orderBy(desc(posts.publishedAt), desc(posts.id))
    .limit(CITING_POSTS_MAX)
    .all()
    .map((row) => ({ id: row.id, href: KINDS[row.kind].href(row.slug, row.language), title: row.title, kind: row.kind === "page" ? "page" : "post", publishedAt: row.publishedAt!.toISOString() }));
}

// Each id is one SQL variable; a large import can be scheduled for one moment.
const POST_IDS_PER_QUERY = 1000;

/**
 * The `citations` tags of the documents these posts cite. Triggers queue them for every row change
 * (migration 0020); a scheduled post going live changes no row, so the scheduler asks for them.
 */
export function citationTagsOf(db: Pick<Db, "selectDistinct">, postIds: readonly number[]): string[] {
  const tags = new Set<string>();
  for (let start = 0; start < postIds.length; start += POST_IDS_PER_QUERY) {
    const rows = db
      .selectDistinct({ slug: posts.slug })
      .from(postDocuments)
      .innerJoin(posts, eq(posts.id, postDocuments.documentId))
      .where(inArray(postDocuments.postId, postIds.slice(start, start + POST_IDS_PER_QUERY)))
      .all();
    for (const row of rows) tags.add(cacheTags.citations(row.slug));
  }
  return [...tags];
}

/** For "Liên kết số văn bản": each number key held by exactly one document on the site → its address. */
export function publicDocumentHrefsByKey(db: Db, keys: readonly string[], now: Date = new Date()): Record<string, string> {
  if (keys.length === 0) return {};
  const rows = db
    .select({ key: documents.numberKey, slug: posts.slug })
    .from(documents)
    .innerJoin(posts, eq(posts.id, documents.postId))
    .where(and(inArray(documents.numberKey, [...keys]), publicIn(DOCUMENTS, now)))
    .all();
  const byKey = new Map<string, string[]>();
  for (const row of rows) byKey.set(row.key, [...(byKey.get(row.key) ?? []), row.slug]);
  return Object.fromEntries([...byKey].filter(([, slugs]) => slugs.length === 1).map(([key, slugs]) => [key, KINDS.document.href(slugs[0]!, "vi")]));
}
