/**
 * A document's registry fields in the one save (lib/dal/posts/extension.ts): the documents row,
 * its fields and the relations it declares (this one replaces or amends those), checked and
 * written in the save's transaction, then its search index row.
 */
import "server-only";
import { and, eq, inArray, ne, or } from "drizzle-orm";
import { documentFieldLinks, documentRelations, documents, documentTypes, posts, type DocumentRelation } from "@/db/schema";
import { cacheTags } from "@/lib/cache/tags";
import type { Tx } from "@/lib/dal/connection";
import { queueInvalidation } from "@/lib/dal/outbox";
import type { KindExtension } from "@/lib/dal/posts/extension";
import type { ChangeFailure } from "@/lib/dal/result";
import { parseDocumentNumber } from "@/lib/documents/number";
import { foldForSearch } from "@/lib/vi/fold";
import { DOCUMENT_MESSAGES, type DocumentRegistry } from "@/lib/validations/document";
import { ensureDocumentFields } from "./lists";
import { reindexDocument } from "./search-index";

/** The issuing body as its key: "Bộ Khoa học và Công nghệ" and "bo khoa hoc  va cong nghe" are one body. */
export function issuerKeyOf(issuer: string): string {
  return foldForSearch(issuer).replace(/\s+/g, " ").trim();
}

/** The canonical key of a number the schema already accepted. */
function numberKeyOf(number: string): string {
  const parsed = parseDocumentNumber(number);
  if (!parsed) throw new Error(`not a document number: ${number}`);
  return parsed.key;
}

/** Another document of the same issuing body with the same number (trashed ones included: the number stays theirs until purged). */
export function sameNumberDocument(tx: Pick<Tx, "select">, issuer: string, number: string, exceptId: number | null): { id: number; title: string } | null {
  const parsed = parseDocumentNumber(number);
  if (!parsed) return null;
  const found = tx
    .select({ id: documents.postId, title: posts.title })
    .from(documents)
    .innerJoin(posts, eq(posts.id, documents.postId))
    .where(and(eq(documents.issuerKey, issuerKeyOf(issuer)), eq(documents.numberKey, parsed.key), exceptId === null ? undefined : ne(documents.postId, exceptId)))
    .get();
  return found ?? null;
}

/** The slugs of the documents related to this one either way. */
function relatedSlugs(tx: Tx, postId: number): string[] {
  const links = tx
    .select({ fromId: documentRelations.fromId, toId: documentRelations.toId })
    .from(documentRelations)
    .where(or(eq(documentRelations.fromId, postId), eq(documentRelations.toId, postId)))
    .all();
  const ids = [...new Set(links.map((link) => (link.fromId === postId ? link.toId : link.fromId)))];
  if (ids.length === 0) return [];
  return tx.select({ slug: posts.slug }).from(posts).where(inArray(posts.id, ids)).all().map((row) => row.slug);
}

const RELATIONS: readonly DocumentRelation[] = ["replaces", "amends"];

type Stored = { row: typeof documents.$inferSelect; fieldIds: number[]; relations: Record<DocumentRelation, number[]> };

function stored(tx: Tx, postId: number): Stored | null {
  const row = tx.select().from(documents).where(eq(documents.postId, postId)).get();
  if (!row) return null;
  const fieldIds = tx.select({ id: documentFieldLinks.fieldId }).from(documentFieldLinks).where(eq(documentFieldLinks.documentId, postId)).all().map((r) => r.id);
  const links = tx.select({ toId: documentRelations.toId, relation: documentRelations.relation }).from(documentRelations).where(eq(documentRelations.fromId, postId)).all();
  const relations = { replaces: [] as number[], amends: [] as number[] };
  for (const link of links) relations[link.relation].push(link.toId);
  return { row, fieldIds, relations };
}

const sameSet = (a: readonly number[], b: readonly number[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

function columnsOf(registry: DocumentRegistry) {
  return {
    typeId: registry.typeId,
    number: registry.number,
    numberKey: numberKeyOf(registry.number),
    issuer: registry.issuer,
    issuerKey: issuerKeyOf(registry.issuer),
    signer: registry.signer,
    issuedOn: registry.issuedOn,
    effectiveFrom: registry.effectiveFrom,
    effectiveUntil: registry.effectiveUntil,
    manualStatus: registry.manualStatus,
    nationalDatabaseUrl: registry.nationalDatabaseUrl,
  };
}

const COLUMN_LABELS: Record<keyof ReturnType<typeof columnsOf>, string | null> = {
  typeId: "loại văn bản",
  number: "số/ký hiệu",
  numberKey: null,
  issuer: "cơ quan ban hành",
  issuerKey: null,
  signer: "người ký",
  issuedOn: "ngày ban hành",
  effectiveFrom: "ngày có hiệu lực",
  effectiveUntil: "ngày hết hiệu lực",
  manualStatus: "tình trạng hiệu lực",
  nationalDatabaseUrl: "liên kết CSDL quốc gia",
};

function fail(field: string, message: string): ChangeFailure {
  return { ok: false, field, message };
}

/** The registry part of a document's save. */
export function registryExtension(registry: DocumentRegistry): KindExtension {
  const columns = columnsOf(registry);
  return {
    check(tx, postId) {
      if (postId !== null) {
        const kind = tx.select({ kind: posts.kind }).from(posts).where(eq(posts.id, postId)).get()?.kind;
        if (kind !== "document") throw new Error(`post ${postId} is not a document`);
      }
      if (!tx.select({ id: documentTypes.id }).from(documentTypes).where(eq(documentTypes.id, registry.typeId)).get()) return fail("typeId", DOCUMENT_MESSAGES.typeMissing);
      if (sameNumberDocument(tx, registry.issuer, registry.number, postId)) return fail("number", DOCUMENT_MESSAGES.numberTaken);
      for (const relation of RELATIONS) {
        const targets = registry[relation];
        if (postId !== null && targets.includes(postId)) return fail(relation, DOCUMENT_MESSAGES.relationSelf);
        if (targets.length === 0) continue;
        const found = tx.select({ id: documents.postId }).from(documents).where(inArray(documents.postId, targets)).all();
        if (found.length !== targets.length) return fail(relation, DOCUMENT_MESSAGES.relationMissing);
      }
      return null;
    },
    changes(tx, postId) {
      const before = stored(tx, postId);
      if (!before) return ["văn bản"];
      const labels = new Set<string>();
      for (const key of Object.keys(columns) as (keyof typeof columns)[]) {
        const label = COLUMN_LABELS[key];
        if (label && before.row[key] !== columns[key]) labels.add(label);
      }
      const fieldIds = ensureDocumentFields(tx, registry.fields);
      if (!sameSet(before.fieldIds, fieldIds)) labels.add("lĩnh vực");
      if (!sameSet(before.relations.replaces, registry.replaces)) labels.add("văn bản được thay thế");
      if (!sameSet(before.relations.amends, registry.amends)) labels.add("văn bản được sửa đổi");
      return [...labels];
    },
    write(tx, postId) {
      // Related documents name this one on their pages (with its number and title), before and after the change.
      const before = relatedSlugs(tx, postId);
      tx.insert(documents).values({ postId, ...columns }).onConflictDoUpdate({ target: documents.postId, set: columns }).run();
      tx.delete(documentFieldLinks).where(eq(documentFieldLinks.documentId, postId)).run();
      const fieldIds = ensureDocumentFields(tx, registry.fields);
      if (fieldIds.length > 0) tx.insert(documentFieldLinks).values(fieldIds.map((fieldId) => ({ documentId: postId, fieldId }))).run();
      tx.delete(documentRelations).where(eq(documentRelations.fromId, postId)).run();
      const links = RELATIONS.flatMap((relation) => registry[relation].map((toId) => ({ fromId: postId, toId, relation })));
      if (links.length > 0) tx.insert(documentRelations).values(links).run();
      reindexDocument(tx, postId);
      const related = new Set([...before, ...relatedSlugs(tx, postId)]);
      if (related.size > 0) queueInvalidation(tx, [...related].map((slug) => cacheTags.document(slug)));
    },
  };
}
