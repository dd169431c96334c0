import "server-only";
import { and, count, desc, eq, gte, inArray, lte, sql, type SQL } from "drizzle-orm";
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import type { AppDatabase } from "@/db";
import { categories, posts, type PostStatus } from "@/db/schema";
import { hasMatch, highlight, snippet, type HighlightQuery, type Segment } from "@/lib/search/highlight";
import { buildSearchQuery } from "@/lib/search/query";
import { vietnamDayEnd, vietnamDayStart } from "@/lib/vi/calendar-day";
import { publicConstraint } from "./public-constraint";
import { pageOf } from "./paging";

/**
 * Queries over the search index. Functions take the database (and the clock) explicitly so they
 * can be tested on a temporary database; lib/dal/search.ts supplies them and is the app's caller.
 */

export const SEARCH_PAGE_SIZE = 10;

// The FTS5 table made by migration 0003_search. Declared here rather than in db/schema.ts so that
// drizzle-kit never tries to create or alter a virtual table; rowid is posts.id.
const postsFts = sqliteTable("posts_fts", {
  rowid: integer("rowid").notNull(),
  title: text("title"),
  lead: text("lead"),
  body: text("body"),
});

const matches = (expression: string) => sql`${postsFts} MATCH ${expression}`;
// Column weights: a word in the title counts far more than in the lead, and that more than the body.
const rank = sql`bm25(${postsFts}, 10.0, 4.0, 1.0)`;
// Joined with CROSS JOIN, which SQLite never reorders: the matches are the outer loop and each is
// looked up in posts by id. Left to the planner, it walked every published post by the status
// index and ran the MATCH once per post (EXPLAIN QUERY PLAN), seconds on a large archive.
const matchedPost = eq(posts.id, postsFts.rowid);
// Each match is checked against the reader's constraint through this index, which holds every
// column the check needs: read from the table, the status sits behind the long body columns, in
// overflow pages (21 µs a match; 0.3 µs through the index). The planner prefers the primary key
// for an id lookup, hence INDEXED BY.
const postsByIndex = sql`${posts} INDEXED BY posts_search_lookup_idx`;

export type PublicSearchParams = {
  q: string;
  categorySlug?: string;
  /** Vietnam calendar days `yyyy-mm-dd`, both included. */
  from?: string;
  to?: string;
  page: number;
};

export type SearchResultItem = {
  id: number;
  title: string;
  slug: string;
  publishedAt: string;
  category: { name: string; slug: string };
  titleSegments: Segment[];
  snippetSegments: Segment[];
};

export type SearchResults = {
  items: SearchResultItem[];
  total: number;
  page: number;
  pageCount: number;
  query: { terms: string[]; phrases: string[] };
};

/** The lead is the post's own summary, so it is the better excerpt unless only the body matched. */
function excerptSource(lead: string, body: string, query: HighlightQuery): string {
  if (hasMatch(lead, query)) return lead;
  if (hasMatch(body, query)) return body;
  return lead || body;
}

/** FTS5 reports bad MATCH syntax as an SqliteError; the query builder should make it impossible. */
function isSqliteError(error: unknown): boolean {
  return error instanceof Error && error.name === "SqliteError";
}

/**
 * Published posts (and not in the future) matching what the reader typed, best first: bm25 with
 * the title weighted highest, then the newest. Never throws on what was typed.
 */
export function searchPublishedIn(db: AppDatabase, params: PublicSearchParams, now: Date = new Date()): SearchResults {
  const query = buildSearchQuery(params.q);
  const empty: SearchResults = { items: [], total: 0, page: 1, pageCount: 1, query: { terms: query.terms, phrases: query.phrases } };
  if (!query.match) return empty;

  // The reader's constraint is the one the public pages use.
  const where: SQL[] = [matches(query.match), publicConstraint(now)];
  if (params.categorySlug) where.push(eq(categories.slug, params.categorySlug));
  const from = params.from ? vietnamDayStart(params.from) : null;
  const to = params.to ? vietnamDayEnd(params.to) : null;
  if (from) where.push(gte(posts.publishedAt, from));
  if (to) where.push(lte(posts.publishedAt, to));
  const condition = and(...where);

  try {
    const total =
      db
        .select({ n: count() })
        .from(postsFts)
        .crossJoin(postsByIndex)
        .innerJoin(categories, eq(posts.categoryId, categories.id))
        .where(and(matchedPost, condition))
        .get()?.n ?? 0;
    const { page, pageCount, offset } = pageOf(total, params.page, SEARCH_PAGE_SIZE);
    if (total === 0) return { ...empty, total, page, pageCount };
    // Rank on the index alone, then read the long columns of this page's ten posts only.
    const ids = db
      // As SQL, not the column: drizzle refuses columns of a table it did not join itself.
      .select({ id: sql<number>`${posts.id}`.mapWith(Number) })
      .from(postsFts)
      .crossJoin(postsByIndex)
      .innerJoin(categories, eq(posts.categoryId, categories.id))
      .where(and(matchedPost, condition))
      .orderBy(rank, desc(posts.publishedAt), desc(posts.id))
      .limit(SEARCH_PAGE_SIZE)
      .offset(offset)
      .all()
      .map((row) => row.id);
    const found = db
      .select({
        id: posts.id,
        title: posts.title,
        slug: posts.slug,
        lead: posts.lead,
        bodyText: posts.bodyText,
        publishedAt: posts.publishedAt,
        categoryName: categories.name,
        categorySlug: categories.slug,
      })
      .from(posts)
      .innerJoin(categories, eq(posts.categoryId, categories.id))
      .where(inArray(posts.id, ids.length > 0 ? ids : [0]))
      .all();
    const rows = ids.flatMap((id) => found.filter((row) => row.id === id));
    const items = rows.map((row) => ({
      id: row.id,
      title: row.title,
      slug: row.slug,
      publishedAt: (row.publishedAt ?? new Date(0)).toISOString(),
      category: { name: row.categoryName, slug: row.categorySlug },
      titleSegments: highlight(row.title, query),
      snippetSegments: snippet(excerptSource(row.lead, row.bodyText, query), query),
    }));
    return { ...empty, items, total, page, pageCount };
  } catch (error) {
    if (!isSqliteError(error)) throw error;
    console.warn("[search] MATCH failed for", JSON.stringify(query.match), error);
    return empty;
  }
}

/**
 * Ids of posts in any of the given statuses (all when omitted) matching the text, best first, for
 * the admin post list. It filters nothing else: the caller applies who may see which post.
 */
export function searchPostIdsIn(db: AppDatabase, q: string, options: { statuses?: readonly PostStatus[]; limit: number }): number[] {
  const query = buildSearchQuery(q);
  if (!query.match) return [];
  const where: SQL[] = [matches(query.match)];
  if (options.statuses) where.push(inArray(posts.status, [...options.statuses]));
  try {
    return db
      .select({ id: posts.id })
      .from(postsFts)
      .crossJoin(posts)
      .where(and(matchedPost, ...where))
      .orderBy(rank, sql`${posts.publishedAt} desc nulls last`, desc(posts.updatedAt), desc(posts.id))
      .limit(Math.max(0, Math.trunc(options.limit)))
      .all()
      .map((row) => row.id);
  } catch (error) {
    if (!isSqliteError(error)) throw error;
    console.warn("[search] MATCH failed for", JSON.stringify(query.match), error);
    return [];
  }
}
