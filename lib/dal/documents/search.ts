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

function conditions(filters: RegistryFilters, now: Date, except?: keyof RegistryFacets): SQL[] {
  const where: SQL[] = [publicIn(DOCUMENTS, now)];
  const q = filters.q?.trim();
  if (q) {
    const { match, key } = registryMatch(q);
    const parts: SQL[] = [];
    if (match) parts.push(sql`${documents.postId} IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ${match})`);
    if (key) parts.push(eq(documents.numberKey, key));
    where.push(parts.length > 0 ? sql`(${sql.join(parts, sql` OR `)})` : sql`0`);
  }
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

/**
 * Each facet counts the documents that the other filters leave (its own filter aside), so a reader
 * sees what choosing another value of it would give, and a chosen value keeps its count.
 */
function facets(db: Db, filters: RegistryFilters, now: Date): RegistryFacets {
  const base = (facet: keyof RegistryFacets) => and(...conditions(filters, now, facet));
  const type = db
    .select({ value: documentTypes.slug, label: documentTypes.name, count: count() })
    .from(documents)
    .innerJoin(posts, eq(posts.id, documents.postId))
    .innerJoin(documentTypes, eq(documentTypes.id, documents.typeId))
    .where(base("type"))
    .groupBy(documentTypes.id)
    .orderBy(asc(documentTypes.position), asc(documentTypes.name))
    .all();
  const issuer = db
    .select({ value: documents.issuerKey, label: sql<string>`min(${documents.issuer})`, count: count() })
    .from(documents)
    .innerJoin(posts, eq(posts.id, documents.postId))
    .where(base("issuer"))
    .groupBy(documents.issuerKey)
    .orderBy(desc(count()), asc(documents.issuerKey))
    .all();
  const field = db
    .select({ value: documentFields.slug, label: documentFields.name, count: count() })
    .from(documents)
    .innerJoin(posts, eq(posts.id, documents.postId))
    .innerJoin(documentFieldLinks, eq(documentFieldLinks.documentId, documents.postId))
    .innerJoin(documentFields, eq(documentFields.id, documentFieldLinks.fieldId))
    .where(base("field"))
    .groupBy(documentFields.id)
    .orderBy(desc(count()), asc(documentFields.name))
    .all();
  const yearExpr = sql<string>`substr(${documents.issuedOn}, 1, 4)`;
  const year = db
    .select({ value: yearExpr, label: yearExpr, count: count() })
    .from(documents)
    .innerJoin(posts, eq(posts.id, documents.postId))
    .where(base("year"))
    .groupBy(yearExpr)
    .orderBy(desc(yearExpr))
    .all();
  const statusExpr = sql<string>`coalesce(${validitySql(now)}, 'unknown')`;
  const statusRows = db.select({ value: statusExpr, count: count() }).from(documents).innerJoin(posts, eq(posts.id, documents.postId)).where(base("status")).groupBy(statusExpr).all();
  const counts = new Map(statusRows.map((row) => [row.value, row.count]));
  const status = ([...VALIDITY_STATUSES, "unknown"] as const)
    .filter((value) => counts.has(value))
    .map((value) => ({ value, label: STATUS_LABELS[value], count: counts.get(value)! }));
  return { type, issuer, field, year, status };
}

/**
 * Documents whose number the query is come before those that only cite it in their text (a
 * circular quoting "Nghị định 65/2023/NĐ-CP"); within each group, newest issued first.
 */
function numberFirst(q: string | undefined): SQL[] {
  const text = q?.trim();
  if (!text) return [];
  const number = buildDocumentNumberQuery(text, "number");
  const parts: SQL[] = [];
  if (number.match) parts.push(sql`${documents.postId} IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ${number.match})`);
  if (number.key) parts.push(eq(documents.numberKey, number.key));
  return parts.length > 0 ? [sql`CASE WHEN ${sql.join(parts, sql` OR `)} THEN 0 ELSE 1 END`] : [];
}

/** One page of the registry for `filters`, with the facets. */
export function searchRegistry(db: Db, filters: RegistryFilters, now: Date = new Date()): RegistryResult {
  const where = and(...conditions(filters, now));
  const total = db.select({ n: count() }).from(documents).innerJoin(posts, eq(posts.id, documents.postId)).where(where).get()?.n ?? 0;
  const page = readPage(total, filters.page, REGISTRY_PAGE_SIZE, (offset) =>
    db
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
      .where(where)
      .orderBy(...numberFirst(filters.q), desc(documents.issuedOn), desc(documents.postId))
      .limit(REGISTRY_PAGE_SIZE)
      .offset(offset)
      .all()
      .map(({ slug, status, ...row }) => ({ ...row, href: KINDS.document.href(slug, "vi"), status: status as ValidityStatus | null })),
  );
  return { ...page, facets: facets(db, filters, now) };
}

/** Documents with these ids that are on the site (for lists of related documents). */
export function publicDocumentIds(db: Db, ids: number[], now: Date = new Date()): Set<number> {
  if (ids.length === 0) return new Set();
  return new Set(db.select({ id: posts.id }).from(posts).where(and(publicIn(DOCUMENTS, now), inArray(posts.id, ids))).all().map((r) => r.id));
}
