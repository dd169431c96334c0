/**
 * The public registry (/van-ban): documents on the site, found by a loosely typed number or by
 * words of their summary, note and files (diacritics ignored), narrowed by type, issuing body,
 * field, year and status, newest issued first (a number's own document before those citing it), with the count of each facet value among the
 * results. One full-text lookup at most, then plain indexed reads.
 */
import "server-only";
import { and, asc, count, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { documentFieldLinks, documentFields, documents, documentTypes, posts } from "@/db/schema";
import { KINDS } from "@/lib/content/kinds";
import type { Db } from "@/lib/dal/connection";
import { readPage, type Page } from "@/lib/dal/paging";
import { DOCUMENTS, publicIn } from "@/lib/dal/public/constraint";
import { buildDocumentNumberQuery } from "@/lib/documents/number";
import { VALIDITY_STATUSES, type ValidityStatus } from "@/lib/documents/status";
import { buildSearchQuery } from "@/lib/search/query";
import { issuerKeyOf } from "./registry";
import { validitySql } from "./validity-sql";

export const REGISTRY_PAGE_SIZE = 20;

export type RegistryFilters = {
  q?: string;
  /** A type's slug. */
  type?: string;
  /** An issuing body as its folded key (issuerKeyOf). */
  issuer?: string;
  /** A field's slug. */
  field?: string;
  year?: number;
  status?: ValidityStatus | "unknown";
  page?: number;
};

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

export type FacetValue = { value: string; label: string; count: number };
export type RegistryFacets = { type: FacetValue[]; issuer: FacetValue[]; field: FacetValue[]; year: FacetValue[]; status: FacetValue[] };
export type RegistryResult = Page<RegistryItem> & { facets: RegistryFacets };

/** The FTS5 expression of a query: its number tokens in the number column, or its words in the text columns. */
export function registryMatch(q: string): { match: string | null; key: string | null } {
  const number = buildDocumentNumberQuery(q, "number");
  const words = buildSearchQuery(q);
  const clauses = [number.match ? `(${number.match})` : null, words.match ? `({summary note files} : (${words.match}))` : null].filter(Boolean);
  return { match: clauses.length > 0 ? clauses.join(" OR ") : null, key: number.key };
}

/**
 * The documents a query finds, as JSON arrays of ids: all of them, and those whose number it is.
 * Read once per search: the count, the page and each facet then take the ids as one parameter
 * (`json_each`), where each used to run the full-text lookup again (seven times a search, most of
 * its time on a broad query).
 */
type Matched = { all: string; byNumber: string };

function matchedDocuments(db: Db, q: string): Matched {
  const { match, key } = registryMatch(q);
  const number = buildDocumentNumberQuery(q, "number");
  const found = (expression: string | null) =>
    expression ? (db.$client.prepare("SELECT rowid AS id FROM documents_fts WHERE documents_fts MATCH ?").all(expression) as { id: number }[]).map((row) => row.id) : [];
  const keyed = key ? db.select({ id: documents.postId }).from(documents).where(eq(documents.numberKey, key)).all().map((row) => row.id) : [];
  const ids = (list: number[]) => JSON.stringify([...new Set([...list, ...keyed])]);
  return { all: ids(found(match)), byNumber: ids(number.match === match ? [] : found(number.match)) };
}

const inIds = (json: string) => sql`${documents.postId} IN (SELECT value FROM json_each(${json}))`;

function conditions(filters: RegistryFilters, matched: Matched | null, now: Date, except?: keyof RegistryFacets): SQL[] {
  const where: SQL[] = [publicIn(DOCUMENTS, now)];
  if (matched) where.push(inIds(matched.all));
  if (filters.type && except !== "type") where.push(sql`${documents.typeId} = (SELECT ${documentTypes.id} FROM ${documentTypes} WHERE ${documentTypes.slug} = ${filters.type})`);
  if (filters.issuer && except !== "issuer") where.push(eq(documents.issuerKey, issuerKeyOf(filters.issuer)));
  if (filters.field && except !== "field") {
    where.push(sql`${documents.postId} IN (SELECT ${documentFieldLinks.documentId} FROM ${documentFieldLinks} JOIN ${documentFields} ON ${documentFields.id} = ${documentFieldLinks.fieldId} WHERE ${documentFields.slug} = ${filters.field})`);
  }
  if (filters.year && except !== "year") where.push(sql`substr(${documents.issuedOn}, 1, 4) = ${String(filters.year).padStart(4, "0")}`);
  if (filters.status && except !== "status") where.push(filters.status === "unknown" ? sql`(${validitySql(now)}) IS NULL` : sql`(${validitySql(now)}) = ${filters.status}`);
  return where;
}

const STATUS_LABELS: Record<ValidityStatus | "unknown", string> = {
  not_yet_effective: "Chưa có hiệu lực",
  in_force: "Còn hiệu lực",
  partly_expired: "Hết hiệu lực một phần",
  expired: "Hết hiệu lực toàn bộ",
  unknown: "Chưa xác định",
};

type Facet = keyof RegistryFacets;
const FACETS: readonly Facet[] = ["type", "issuer", "field", "year", "status"];

/** Each facet's counts in SQL, over the documents `where` leaves. */
function facetQuery(db: Db, facet: Facet, where: SQL | undefined, now: Date): FacetValue[] {
  switch (facet) {
    case "type":
      return db
        .select({ value: documentTypes.slug, label: documentTypes.name, count: count() })
        .from(documents)
        .innerJoin(posts, eq(posts.id, documents.postId))
        .innerJoin(documentTypes, eq(documentTypes.id, documents.typeId))
        .where(where)
        .groupBy(documentTypes.id)
        .orderBy(asc(documentTypes.position), asc(documentTypes.name))
        .all();
    case "issuer":
      return db
        .select({ value: documents.issuerKey, label: sql<string>`min(${documents.issuer})`, count: count() })
        .from(documents)
        .innerJoin(posts, eq(posts.id, documents.postId))
        .where(where)
        .groupBy(documents.issuerKey)
        .orderBy(desc(count()), asc(documents.issuerKey))
        .all();
    case "field":
      return db
        .select({ value: documentFields.slug, label: documentFields.name, count: count() })
        .from(documents)
        .innerJoin(posts, eq(posts.id, documents.postId))
        .innerJoin(documentFieldLinks, eq(documentFieldLinks.documentId, documents.postId))
        .innerJoin(documentFields, eq(documentFields.id, documentFieldLinks.fieldId))
        .where(where)
        .groupBy(documentFields.id)
        .orderBy(desc(count()), asc(documentFields.name))
        .all();
    case "year": {
      const yearExpr = sql<string>`substr(${documents.issuedOn}, 1, 4)`;
      return db
        .select({ value: yearExpr, label: yearExpr, count: count() })
        .from(documents)
        .innerJoin(posts, eq(posts.id, documents.postId))
        .where(where)
        .groupBy(yearExpr)
        .orderBy(desc(yearExpr))
        .all();
    }
    case "status": {
      const statusExpr = sql<string>`coalesce(${validitySql(now)}, 'unknown')`;
      const rows = db.select({ value: statusExpr, count: count() }).from(documents).innerJoin(posts, eq(posts.id, documents.postId)).where(where).groupBy(statusExpr).all();
      return statusValues(new Map(rows.map((row) => [row.value, row.count])));
    }
  }
}

function statusValues(counts: Map<string, number>): FacetValue[] {
  return ([...VALIDITY_STATUSES, "unknown"] as const)
    .filter((value) => counts.has(value))
    .map((value) => ({ value, label: STATUS_LABELS[value], count: counts.get(value)! }));
}

/**
 * Each facet counts the documents that the other filters leave (its own filter aside), so a reader
 * sees what choosing another value of it would give, and a chosen value keeps its count.
 */
function facets(db: Db, filters: RegistryFilters, matched: Matched | null, now: Date): RegistryFacets {
  const entries = FACETS.map((facet) => [facet, facetQuery(db, facet, and(...conditions(filters, matched, now, facet)), now)] as const);
  return Object.fromEntries(entries) as RegistryFacets;
}

/** What one pass over a query's documents reads: enough to count every facet, sort and page. */
type MatchedRow = { id: number; typeSlug: string; typeName: string; typePosition: number; issuerKey: string; issuer: string; issuedOn: string; status: string | null };

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function countBy(rows: readonly MatchedRow[], key: (row: MatchedRow) => string, label: (row: MatchedRow) => string): Map<string, FacetValue & { first: MatchedRow }> {
  const counted = new Map<string, FacetValue & { first: MatchedRow }>();
  for (const row of rows) {
    const value = key(row);
    const known = counted.get(value);
    if (known) {
      known.count++;
      if (byText(label(row), known.label) < 0) known.label = label(row); // min(), as SQL's would
    } else counted.set(value, { value, label: label(row), count: 1, first: row });
  }
  return counted;
}

const plain = (values: Iterable<FacetValue & { first: MatchedRow }>): FacetValue[] => [...values].map(({ value, label, count }) => ({ value, label, count }));

/**
 * A search with a query: the documents it finds are read once (a few thousand narrow rows for a
 * broad one), then counted, sorted and paged here, where the count, the page and five facets
 * each read them again in SQL (about 25 ms for a broad query over 20,000 documents). A facet whose
 * own filter is chosen counts over other documents than the results, so it keeps its own query, as
 * does the field facet (a document has several fields), over the found ids.
 */
function searchMatched(db: Db, filters: RegistryFilters, matched: Matched, now: Date): RegistryResult {
  const rows: MatchedRow[] = db
    .select({
      id: documents.postId,
      typeSlug: documentTypes.slug,
      typeName: documentTypes.name,
      typePosition: documentTypes.position,
      issuerKey: documents.issuerKey,
      issuer: documents.issuer,
      issuedOn: documents.issuedOn,
      status: validitySql(now),
    })
    .from(documents)
    .innerJoin(posts, eq(posts.id, documents.postId))
    .innerJoin(documentTypes, eq(documentTypes.id, documents.typeId))
    .where(and(...conditions(filters, matched, now)))
    .all();
  const numbered = new Set(JSON.parse(matched.byNumber) as number[]);
  // The document whose number the query is comes before those citing it (a circular quoting
  // "Nghị định 65/2023/NĐ-CP"); then the newest issued first.
  const sorted = [...rows].sort((a, b) => Number(numbered.has(b.id)) - Number(numbered.has(a.id)) || byText(b.issuedOn, a.issuedOn) || b.id - a.id);
  const page = readPage(rows.length, filters.page, REGISTRY_PAGE_SIZE, (offset) => pageItems(db, sorted.slice(offset, offset + REGISTRY_PAGE_SIZE).map((row) => row.id), now));

  const own = (facet: Facet) => facetQuery(db, facet, and(...conditions(filters, matched, now, facet)), now);
  const chosen = (facet: Facet) => Boolean(filters[facet]);
  const type = chosen("type")
    ? own("type")
    : plain([...countBy(rows, (row) => row.typeSlug, (row) => row.typeName).values()].sort((a, b) => a.first.typePosition - b.first.typePosition || byText(a.label, b.label)));
  const issuer = chosen("issuer")
    ? own("issuer")
    : plain([...countBy(rows, (row) => row.issuerKey, (row) => row.issuer).values()].sort((a, b) => b.count - a.count || byText(a.value, b.value)));
  const year = chosen("year")
    ? own("year")
    : plain([...countBy(rows, (row) => row.issuedOn.slice(0, 4), (row) => row.issuedOn.slice(0, 4)).values()].sort((a, b) => byText(b.value, a.value)));
  const status = chosen("status") ? own("status") : statusValues(new Map([...countBy(rows, (row) => row.status ?? "unknown", () => "").values()].map((v) => [v.value, v.count])));
  const field = chosen("field")
    ? own("field")
    : db
        .select({ value: documentFields.slug, label: documentFields.name, count: count() })
        .from(documentFieldLinks)
        .innerJoin(documentFields, eq(documentFields.id, documentFieldLinks.fieldId))
        .where(sql`${documentFieldLinks.documentId} IN (SELECT value FROM json_each(${JSON.stringify(rows.map((row) => row.id))}))`)
        .groupBy(documentFields.id)
        .orderBy(desc(count()), asc(documentFields.name))
        .all();
  return { ...page, facets: { type, issuer, field, year, status } };
}

/** The page's documents with what a result shows, in the order of `ids`. */
function pageItems(db: Db, ids: number[], now: Date): RegistryItem[] {
  const found = itemQuery(db, now)
    .where(sql`${documents.postId} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`)
    .all();
  const byId = new Map(found.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toItem(row)] : [];
  });
}

function itemQuery(db: Db, now: Date) {
  return db
    .select({
      id: documents.postId,
      slug: posts.slug,
      number: documents.number,
      title: posts.title,
      type: documentTypes.name,
      issuer: documents.issuer,
      issuedOn: documents.issuedOn,
      effectiveFrom: documents.effectiveFrom,
      status: validitySql(now),
    })
    .from(documents)
    .innerJoin(posts, eq(posts.id, documents.postId))
    .innerJoin(documentTypes, eq(documentTypes.id, documents.typeId))
    .$dynamic();
}

const toItem = ({ slug, status, ...row }: { slug: string; status: string | null } & Omit<RegistryItem, "href" | "status">): RegistryItem => ({
  ...row,
  href: KINDS.document.href(slug, "vi"),
  status: status as ValidityStatus | null,
});

/** One page of the registry for `filters`, with the facets. */
export function searchRegistry(db: Db, filters: RegistryFilters, now: Date = new Date()): RegistryResult {
  const q = filters.q?.trim();
  const matched = q ? matchedDocuments(db, q) : null;
  if (matched) return searchMatched(db, filters, matched, now);
  // The whole registry, filtered: its pages are kept like any public page, so SQL counts them.
  const where = and(...conditions(filters, null, now));
  const total = db.select({ n: count() }).from(documents).innerJoin(posts, eq(posts.id, documents.postId)).where(where).get()?.n ?? 0;
  const page = readPage(total, filters.page, REGISTRY_PAGE_SIZE, (offset) =>
    itemQuery(db, now).where(where).orderBy(desc(documents.issuedOn), desc(documents.postId)).limit(REGISTRY_PAGE_SIZE).offset(offset).all().map(toItem),
  );
  return { ...page, facets: facets(db, filters, null, now) };
}

/** Documents with these ids that are on the site (for lists of related documents). */
export function publicDocumentIds(db: Db, ids: number[], now: Date = new Date()): Set<number> {
  if (ids.length === 0) return new Set();
  return new Set(db.select({ id: posts.id }).from(posts).where(and(publicIn(DOCUMENTS, now), inArray(posts.id, ids))).all().map((r) => r.id));
}
