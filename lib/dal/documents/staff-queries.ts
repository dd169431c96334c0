/**
 * The registry for staff: the list (what this person may see, the posts' constraint), one document
 * for its edit screen (the post's detail with the registry fields and files), the as-you-type
 * number check, and relations typed as numbers found in the registry.
 */
import "server-only";
import { and, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { documentFieldLinks, documentFields, documentRelations, documents, documentTypes, posts, users } from "@/db/schema";
import type { Actor } from "@/lib/dal/actor";
import type { Db } from "@/lib/dal/connection";
import { foldedContains } from "@/lib/dal/fold-sql";
import { readPage, type Page } from "@/lib/dal/paging";
import { assertStaff, displayStatus, POST_STATUS_LABELS, visiblePostsWhere } from "@/lib/dal/posts/access";
import { getPostForEditFor, type PostDetail } from "@/lib/dal/posts/read";
import { parseDocumentNumber } from "@/lib/documents/number";
import type { RegistryView } from "@/lib/validations/document-form";
import { attachmentsOf } from "./attachments";
import { sameNumberDocument } from "./registry";

export const STAFF_PAGE_SIZE = 30;

export type StaffDocumentItem = { id: number; number: string; title: string; type: string; issuer: string; issuedOn: string; statusLabel: string; author: string | null };

export function listDocumentsFor(db: Db, actor: Actor | null, query: { q?: string; page?: number }, now: Date = new Date()): Page<StaffDocumentItem> {
  assertStaff(actor);
  const text = query.q?.trim() ?? "";
  const key = parseDocumentNumber(text)?.key;
  const matches = text ? (key ? eq(documents.numberKey, key) : (foldedContains(sql`${posts.title} || ' ' || ${documents.number}`, text) ?? undefined)) : undefined;
  const where = and(eq(posts.kind, "document"), isNull(posts.deletedAt), visiblePostsWhere(actor), matches);
  const total = db.select({ n: count() }).from(posts).innerJoin(documents, eq(documents.postId, posts.id)).where(where).get()?.n ?? 0;
  return readPage(total, query.page, STAFF_PAGE_SIZE, (offset) =>
    db
      .select({ id: posts.id, number: documents.number, title: posts.title, type: documentTypes.name, issuer: documents.issuer, issuedOn: documents.issuedOn, status: posts.status, publishedAt: posts.publishedAt, author: users.name })
      .from(posts)
      .innerJoin(documents, eq(documents.postId, posts.id))
      .innerJoin(documentTypes, eq(documentTypes.id, documents.typeId))
      .leftJoin(users, eq(users.id, posts.authorId))
      .where(where)
      .orderBy(desc(posts.updatedAt), desc(posts.id))
      .limit(STAFF_PAGE_SIZE)
      .offset(offset)
      .all()
      .map(({ status, publishedAt, ...row }) => ({ ...row, statusLabel: POST_STATUS_LABELS[displayStatus(status, publishedAt, now)] })),
  );
}

export type DocumentDetail = PostDetail & {
  registry: RegistryView;
  files: ReturnType<typeof attachmentsOf>;
};

export function getDocumentForEditFor(db: Db, actor: Actor | null, id: number, now: Date = new Date()): DocumentDetail | null {
  const post = getPostForEditFor(db, actor, id, now);
  if (!post || post.kind !== "document") return null;
  const row = db.select().from(documents).where(eq(documents.postId, id)).get();
  if (!row) return null;
  const fields = db.select({ name: documentFields.name }).from(documentFieldLinks).innerJoin(documentFields, eq(documentFields.id, documentFieldLinks.fieldId)).where(eq(documentFieldLinks.documentId, id)).all();
  const relations = db
    .select({ relation: documentRelations.relation, number: documents.number })
    .from(documentRelations)
    .innerJoin(documents, eq(documents.postId, documentRelations.toId))
    .where(eq(documentRelations.fromId, id))
    .all();
  return {
    ...post,
    registry: {
      typeId: row.typeId,
      number: row.number,
      issuer: row.issuer,
      signer: row.signer,
      issuedOn: row.issuedOn,
      effectiveFrom: row.effectiveFrom,
      effectiveUntil: row.effectiveUntil,
      manualStatus: row.manualStatus,
      nationalDatabaseUrl: row.nationalDatabaseUrl,
      fields: fields.map((f) => f.name),
      replaces: relations.filter((r) => r.relation === "replaces").map((r) => r.number),
      amends: relations.filter((r) => r.relation === "amends").map((r) => r.number),
    },
    files: attachmentsOf(db, id),
  };
}

export type NumberCheck = { valid: boolean; display: string | null; taken: { id: number; title: string } | null };

/** The edit form's as-you-type check: is it a number, and does this issuing body already have it? */
export function checkDocumentNumberFor(db: Db, actor: Actor | null, number: string, issuer: string, exceptId: number | null): NumberCheck {
  assertStaff(actor);
  const parsed = parseDocumentNumber(number);
  if (!parsed) return { valid: false, display: null, taken: null };
  return { valid: true, display: parsed.display, taken: issuer.trim() ? sameNumberDocument(db, issuer, number, exceptId) : null };
}

/** The ids of the documents with these numbers (any issuing body, when only one has it); or the first number not found once. */
export function resolveDocumentNumbersFor(db: Db, actor: Actor | null, numbers: string[]): { ok: true; ids: number[] } | { ok: false; number: string } {
  assertStaff(actor);
  const ids: number[] = [];
  for (const number of numbers) {
    const key = parseDocumentNumber(number)?.key;
    const found = key ? db.select({ id: documents.postId }).from(documents).where(inArray(documents.numberKey, [key])).limit(2).all() : [];
    if (found.length !== 1) return { ok: false, number };
    ids.push(found[0]!.id);
  }
  return { ok: true, ids: [...new Set(ids)] };
}
