import "server-only";
import { and, desc, eq, gte, inArray, lte, or, sql, type Placeholder, type SQL } from "drizzle-orm";
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import type { Db } from "@/lib/dal/connection";
import { categories, media, posts, type Language, type PostStatus } from "@/db/schema";
import { imageColumns, toPublicImage, type PublicImage } from "@/lib/dal/public/images";
import { excerpt, highlight, indexOfWords, queryWords, type HighlightQuery, type Segment } from "@/lib/search/highlight";
import { buildSearchQuery } from "@/lib/search/query";
import { foldMarksAndCase } from "@/lib/vi/fold";
import { vietnamDayEnd, vietnamDayStart } from "@/lib/vi/calendar-day";
import { newsIn, pagesIn, publicIn } from "@/lib/dal/public/constraint";
import { categoryNameColumns } from "@/lib/dal/public/posts";
import { KINDS } from "@/lib/content/kinds";

import { pageOf } from "@/lib/dal/paging";

/**
 * Queries over the search index. Functions take the database (and the clock) explicitly so they
 * can be tested on a temporary database; lib/dal/search.ts supplies them and is the app's caller.
 */

export const SEARCH_PAGE_SIZE = 10;
/**
 * Above this many matches a search is not ranked by bm25 over all of them: only the newest this
 * many matches are ranked, posts whose title holds every word first, then the rest, newer first
 * within each. bm25 has a fixed cost no LIMIT avoids: it counts every post holding each word or
 * phrase of the query (for IDF), and on a query matching most of the archive that count alone
 * was 40-50 ms for the phrase "hoi nghi" at 94,000 posts, the count(*) of the public matches
 * another 35-50 ms. Probing for one more than the limit takes a few milliseconds.
 */
export const SEARCH_RANKED_LIMIT = 1000;

// The FTS5 table made by migration 0003_search. Declared here rather than in db/schema/ so that
// drizzle-kit never tries to create or alter a virtual table; rowid is posts.id.
const postsFts = sqliteTable("posts_fts", {
  rowid: integer("rowid").notNull(),
  title: text("title"),
  lead: text("lead"),
  body: text("body"),
});

const matches = (expression: string | Placeholder) => sql`${postsFts} MATCH ${expression}`;
// Column weights: a word in the title counts far more than in the lead, and that more than the body.
const rank = sql`bm25(${postsFts}, 10.0, 4.0, 1.0)`;
// Joined with CROSS JOIN, which SQLite never reorders: the matches are the outer loop and each is
// looked up in posts by id. Left to the planner, it walked every published post by the status
// index and ran the MATCH once per post (EXPLAIN QUERY PLAN), seconds on a large archive.
const matchedPost = eq(posts.id, postsFts.rowid);
// Each match is checked against the reader's constraint through this index, which holds every
// column the check needs, and the title the capped ranking reads: read from the table, the status sits behind the long body columns, in
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
  /** Which site searches: only its own language's content is found (Vietnamese when not given). */
  language?: Language;
};

export type SearchResultItem = {
  id: number;
  title: string;
  slug: string;
  /** Where readers find it: a news article under /tin-tuc, a standing page at its path. */
  href: string;
  publishedAt: string;
  /** A news article's category (on the English site, when it has an English name); null for a standing page. */
  category: { name: string; slug: string } | null;
  isPage: boolean;
  image: PublicImage | null;
  titleSegments: Segment[];
  snippetSegments: Segment[];
};

export type SearchResults = {
  items: SearchResultItem[];
  total: number;
  /**
   * True when more than SEARCH_RANKED_LIMIT posts match: `total` is then that limit, the results
   * are the newest SEARCH_RANKED_LIMIT matches, and the page says "more than".
   */
  totalIsLowerBound?: boolean;
  page: number;
  pageCount: number;
  query: { terms: string[]; phrases: string[] };
};

/** Folds many texts in one native pass (joined by newlines, which the texts lose). */
function foldLines(texts: readonly string[]): string[] {
  return foldMarksAndCase(texts.map((text) => text.replace(/\n/g, " ")).join("\n")).split("\n");
}

/** For each folded text, whether every word and every phrase of the query occurs in it as whole words. */
function holdEveryFolded(folded: readonly string[], query: HighlightQuery): boolean[] {
  const alternatives = queryWords(query);
  return folded.map((text) => alternatives.every((words) => indexOfWords(text, words) >= 0));
}

/**
 * For each text, whether every word and every phrase of the query occurs in it as whole words (a
 * phrase's words separated only by non-letters), as the index tokenizes text.
 */
export function holdEvery(texts: readonly string[], query: HighlightQuery): boolean[] {
  return holdEveryFolded(foldLines(texts), query);
}

/*
 * Folded titles of recent candidates, kept between searches. The capped ranking needs the titles of
 * all its candidates folded, and folding a thousand titles was a third of a search's time (about
 * 5 ms) and most of what it allocated; the candidates are the newest matches, so mostly the same
 * recent posts from one query to the next. Each entry is checked against the title just read, so
 * an edited title is folded again.
 */
const FOLDED_TITLES_KEPT = 4 * SEARCH_RANKED_LIMIT;
const foldedTitles = new Map<number, { title: string; folded: string }>();

function foldTitles(rows: readonly { id: number; title: string }[]): string[] {
  const missing = rows.filter((row) => foldedTitles.get(row.id)?.title !== row.title);
  const folded = foldLines(missing.map((row) => row.title));
  missing.forEach((row, i) => {
    foldedTitles.delete(row.id); // re-inserted last: the oldest entries go first
    foldedTitles.set(row.id, { title: row.title, folded: folded[i] ?? "" });
  });
  const result = rows.map((row) => foldedTitles.get(row.id)?.folded ?? "");
  for (const id of foldedTitles.keys()) {
    if (foldedTitles.size <= FOLDED_TITLES_KEPT) break;
    foldedTitles.delete(id);
  }
  return result;
}

/**
 * The capped ranking: the candidates (newest first) whose title holds every word of the query
 * first, then the rest, each group newest published first. The titles come with the candidates
 * from the lookup index rather than from FTS5: a column filter, like bm25, walks the position lists
 * of very common words and cost 15-25 ms over 2,000 posts; reading them from the table was another
 * thousand row lookups (4-5 ms).
 */
function rankCapped(query: HighlightQuery, candidates: { id: number; title: string; publishedAt: number | null }[]): number[] {
  const inTitle = holdEveryFolded(foldTitles(candidates), query);
  return candidates
    .map((c, i) => ({ id: c.id, tier: inTitle[i] ? 0 : 1, at: c.publishedAt ?? 0 }))
    .sort((x, y) => x.tier - y.tier || y.at - x.at || y.id - x.id)
    .map((c) => c.id);
}

/** FTS5 reports bad MATCH syntax as an SqliteError; the query builder should make it impossible. */
function isSqliteError(error: unknown): boolean {
  return error instanceof Error && error.name === "SqliteError";
}

type Filters = { language: Language; category: boolean; from: boolean; to: boolean };

/**
 * The public search's statements, prepared once per connection and filter shape: building and
 * preparing them anew cost more than a millisecond of each search. Values come as placeholders:
 * `match`, `now`, `category`, `from`, `to` (times in milliseconds), `offset`.
 */
function prepareSearch(db: Db, filters: Filters) {
  const now = sql.placeholder("now");
  // The reader's constraint is the one the public pages use: the news and standing pages of the
  // site's language; a category filter keeps the news alone.
  const { language } = filters;
  const where: SQL[] = [matches(sql.placeholder("match")), or(publicIn(newsIn(language), now), publicIn(pagesIn(language), now))!];
  if (filters.category) where.push(eq(language === "en" ? categories.slugEn : categories.slug, sql.placeholder("category")));
  if (filters.from) where.push(gte(posts.publishedAt, sql.placeholder("from")));
  if (filters.to) where.push(lte(posts.publishedAt, sql.placeholder("to")));
  const condition = and(matchedPost, ...where);
  return {
    // One cheap pass first: the newest matches by rowid (FTS5 walks its doclists in rowid order, so
    // ORDER BY rowid DESC with a LIMIT stops early), one more than the ranking bound.
    candidates: db
      .select({
        id: sql<number>`${postsFts.rowid}`.mapWith(Number),
        title: sql<string>`${posts.title}`,
        publishedAt: sql<number | null>`${posts.publishedAt}`,
      })
      .from(postsFts)
      .crossJoin(postsByIndex)
      .leftJoin(categories, eq(posts.categoryId, categories.id))
      .where(condition)
      .orderBy(desc(postsFts.rowid))
      .limit(SEARCH_RANKED_LIMIT + 1)
      .prepare(),
    // Rank on the index alone; the long columns are read for the page's ten posts only.
    ranked: db
      // As SQL, not the column: drizzle refuses columns of a table it did not join itself.
      .select({ id: sql<number>`${posts.id}`.mapWith(Number) })
      .from(postsFts)
      .crossJoin(postsByIndex)
      .leftJoin(categories, eq(posts.categoryId, categories.id))
      .where(condition)
      .orderBy(rank, desc(posts.publishedAt), desc(posts.id))
      .limit(SEARCH_PAGE_SIZE)
      .offset(sql.placeholder("offset"))
      .prepare(),
  };
}

/** The results page's posts with what a result shows, by id (`ids`: a JSON array). */
function prepareFound(db: Db, language: Language) {
  return db
    .select({
      id: posts.id,
      title: posts.title,
      slug: posts.slug,
      kind: posts.kind,
      lead: posts.lead,
      bodyText: posts.bodyText,
      publishedAt: posts.publishedAt,
      ...categoryNameColumns(language),
      ...imageColumns,
    })
    .from(posts)
    .leftJoin(categories, eq(posts.categoryId, categories.id))
    .leftJoin(media, eq(media.id, posts.featuredMediaId))
    .where(sql`${posts.id} IN (SELECT value FROM json_each(${sql.placeholder("ids")}))`)
    .prepare();
}

type Prepared = { found: ReturnType<typeof prepareFound>; candidates: ReturnType<typeof prepareSearch>["candidates"]; ranked: ReturnType<typeof prepareSearch>["ranked"] };
const prepared = new WeakMap<Db, Map<string, Prepared>>();

function statementsFor(db: Db, filters: Filters): Prepared {
  let forDb = prepared.get(db);
  if (!forDb) prepared.set(db, (forDb = new Map()));
  const key = `${filters.language} ${filters.category} ${filters.from} ${filters.to}`;
  let statements = forDb.get(key);
  if (!statements) forDb.set(key, (statements = { found: prepareFound(db, filters.language), ...prepareSearch(db, filters) }));
  return statements;
}

/**
 * Published posts (and not in the future) matching what the reader typed, best first: bm25 with
 * the title weighted highest, then the newest; above SEARCH_RANKED_LIMIT matches, the newest that
 * many ranked by where the words occur (rankCapped). Never throws on what was typed.
 */
export function searchPublishedIn(db: Db, params: PublicSearchParams, now: Date = new Date()): SearchResults {
  const query = buildSearchQuery(params.q);
  const empty: SearchResults = { items: [], total: 0, page: 1, pageCount: 1, query: { terms: query.terms, phrases: query.phrases } };
  if (!query.match) return empty;

  const language = params.language ?? "vi";
  const from = params.from ? vietnamDayStart(params.from) : null;
  const to = params.to ? vietnamDayEnd(params.to) : null;
  const values = { match: query.match, now: now.getTime(), category: params.categorySlug, from: from?.getTime(), to: to?.getTime() };

  try {
    const statements = statementsFor(db, { language, category: Boolean(params.categorySlug), from: from !== null, to: to !== null });
    // As arrays: drizzle's mapping of a thousand rows into objects (type checks on every field) was
    // more than a millisecond of a broad search.
    const candidates = statements.candidates.values(values).map(([id, title, publishedAt]) => ({ id: Number(id), title: String(title), publishedAt: publishedAt as number | null }));
    const capped = candidates.length > SEARCH_RANKED_LIMIT;
    const total = capped ? SEARCH_RANKED_LIMIT : candidates.length;
    const { page, pageCount, offset } = pageOf(total, params.page, SEARCH_PAGE_SIZE);
    if (total === 0) return { ...empty, total, page, pageCount };
    const ids = capped
      ? rankCapped(query, candidates.slice(0, SEARCH_RANKED_LIMIT)).slice(offset, offset + SEARCH_PAGE_SIZE)
      : statements.ranked.all({ ...values, offset }).map((row) => row.id);
    const found = statements.found.all({ ids: JSON.stringify(ids) });
    const rows = ids.flatMap((id) => found.filter((row) => row.id === id));
    const items = rows.map((row) => ({
      id: row.id,
      title: row.title,
      slug: row.slug,
      href: KINDS[row.kind].href(row.slug, language),
      isPage: row.kind === "page",
      publishedAt: (row.publishedAt ?? new Date(0)).toISOString(),
      category: row.categoryName !== null && row.categorySlug !== null ? { name: row.categoryName, slug: row.categorySlug } : null,
      image: toPublicImage(row),
      titleSegments: highlight(row.title, query),
      // The lead is the post's own summary, so it is the better excerpt unless only the body matched.
      snippetSegments: excerpt([row.lead, row.bodyText], query),
    }));
    return { ...empty, items, total, totalIsLowerBound: capped, page, pageCount };
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
export function searchPostIdsIn(db: Db, q: string, options: { statuses?: readonly PostStatus[]; limit: number }): number[] {
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
