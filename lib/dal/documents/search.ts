/**
 * The public registry (/van-ban): documents on the site, found by a loosely typed number or by
 * words of their summary, note and files (diacritics ignored), narrowed by type, issuing body,
 * field, year and status, newest issued first (a number's own document before those citing it),
 * with the count of each facet value among the results. One full-text lookup at most; the filters
 * and facets are counted over the registry kept in memory (public-registry.ts, registry-facets.ts);
 * the page's 20 items are read by id.
 */
import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { documents, posts } from "@/db/schema";
import { KINDS } from "@/lib/content/kinds";
import type { Db } from "@/lib/dal/connection";
import { readPage, type Page } from "@/lib/dal/paging";
import { DOCUMENTS, publicIn } from "@/lib/dal/public/constraint";
import { buildDocumentNumberQuery } from "@/lib/documents/number";
import { resolveValidityOn, vietnamToday, type ValidityStatus } from "@/lib/documents/status";
import { buildSearchQuery } from "@/lib/search/query";
import { publicRegistry, type RegistryDocument } from "./public-registry";
import { countRegistry, type Found, type RegistryFacets, type RegistryFilters } from "./registry-facets";

export type { FacetValue, RegistryFacets, RegistryFilters } from "./registry-facets";

export const REGISTRY_PAGE_SIZE = 20;

export type RegistryItem = {
  id: number;
  href: string;
  number: string;
  title: string;
  type: string;
  issuer: string;
  issuedOn: string;
  effectiveFrom: string | null;
  status: ValidityStatus | null;
};

export type RegistryResult = Page<RegistryItem> & { facets: RegistryFacets };

/** The FTS5 expression of a query: its number tokens in the number column, or its words in the text columns. */
export function registryMatch(q: string): { match: string | null; key: string | null } {
  const number = buildDocumentNumberQuery(q, "number");
  const words = buildSearchQuery(q);
  const clauses = [number.match ? `(${number.match})` : null, words.match ? `({summary note files} : (${words.match}))` : null].filter(Boolean);
  return { match: clauses.length > 0 ? clauses.join(" OR ") : null, key: number.key };
}

/** The documents a query finds (public or not: the registry in memory says which are on the site). */
function matchedDocuments(db: Db, q: string): Found {
  const { match, key } = registryMatch(q);
  const number = buildDocumentNumberQuery(q, "number");
  const found = (expression: string | null) => (expression ? (db.$client.prepare("SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?").pluck().all(expression) as number[]) : []);
  const keyed = key ? db.select({ id: documents.postId }).from(documents).where(eq(documents.numberKey, key)).all().map((row) => row.id) : [];
  return { all: [...found(match), ...keyed], byNumber: new Set([...(number.match === match ? [] : found(number.match)), ...keyed]) };
}

/** The page's documents with what a result shows, in their order: the number, title and address read by id, the rest as the registry in memory has it. */
function pageItems(db: Db, page: readonly RegistryDocument[], today: string): RegistryItem[] {
  const rows = db
    .select({ id: documents.postId, slug: posts.slug, number: documents.number, title: posts.title })
    .from(documents)
    .innerJoin(posts, eq(posts.id, documents.postId))
    .where(sql`${documents.postId} IN (SELECT value FROM json_each(${JSON.stringify(page.map((d) => d.id))}))`)
    .all();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return page.map((d) => {
    // Read in the search's transaction, as the registry in memory was: the row is there.
    const row = byId.get(d.id)!;
    return {
      id: d.id,
      href: KINDS.document.href(row.slug, "vi"),
      number: row.number,
      title: row.title,
      type: d.type.name,
      issuer: d.issuer.name,
      issuedOn: d.issuedOn,
      effectiveFrom: d.effectiveFrom,
      status: resolveValidityOn(d, today).status,
    };
  });
}

/** One page of the registry for `filters`, with the facets. */
export function searchRegistry(db: Db, filters: RegistryFilters, now: Date = new Date()): RegistryResult {
  const keep = !db.$client.inTransaction;
  // One read transaction: the lookup, the registry in memory (checked against its version) and the page agree.
  return db.transaction(() => {
    const q = filters.q?.trim();
    const found = q ? matchedDocuments(db, q) : null;
    const { results, facets } = countRegistry(publicRegistry(db, keep), filters, found, now);
    const today = vietnamToday(now);
    const page = readPage(results.length, filters.page, REGISTRY_PAGE_SIZE, (offset) => pageItems(db, results.slice(offset, offset + REGISTRY_PAGE_SIZE), today));
    return { ...page, facets };
  });
}

/** Documents with these ids that are on the site (for lists of related documents). */
export function publicDocumentIds(db: Db, ids: number[], now: Date = new Date()): Set<number> {
  if (ids.length === 0) return new Set();
  return new Set(db.select({ id: posts.id }).from(posts).where(and(publicIn(DOCUMENTS, now), inArray(posts.id, ids))).all().map((r) => r.id));
}
