/**
 * A document's registry as a revision keeps it (post_revisions.kind_fields): every field with the
 * names a reader of the history needs (the type's name, the related documents' numbers, the files'
 * labels and names), and the ids a restore needs. Only schema imports, so the posts' revision
 * writer can call it without an import circle.
 */
import "server-only";
import { asc, eq } from "drizzle-orm";
import { documentAttachments, documentFieldLinks, documentFields, documentRelations, documents, documentTypes, type RegistrySnapshot } from "@/db/schema";
import type { Tx } from "@/lib/dal/connection";
import type { DocumentRegistry } from "@/lib/validations/document";

type Reader = Pick<Tx, "select">;

export function registrySnapshot(tx: Reader, postId: number): RegistrySnapshot | null {
  const row = tx
    .select({ document: documents, typeName: documentTypes.name })
    .from(documents)
    .innerJoin(documentTypes, eq(documentTypes.id, documents.typeId))
    .where(eq(documents.postId, postId))
    .get();
  if (!row) return null;
  const d = row.document;
  const fields = tx
    .select({ name: documentFields.name })
    .from(documentFieldLinks)
    .innerJoin(documentFields, eq(documentFields.id, documentFieldLinks.fieldId))
    .where(eq(documentFieldLinks.documentId, postId))
    .orderBy(asc(documentFields.name))
    .all()
    .map((f) => f.name);
  const relations = tx
    .select({ id: documentRelations.toId, relation: documentRelations.relation, number: documents.number })
    .from(documentRelations)
    .innerJoin(documents, eq(documents.postId, documentRelations.toId))
    .where(eq(documentRelations.fromId, postId))
    .orderBy(asc(documents.number))
    .all();
  const attachments = tx
    .select({ id: documentAttachments.id, label: documentAttachments.label, name: documentAttachments.originalName, bytes: documentAttachments.bytes })
    .from(documentAttachments)
    .where(eq(documentAttachments.documentId, postId))
    .orderBy(asc(documentAttachments.position), asc(documentAttachments.id))
    .all();
  const related = (relation: "replaces" | "amends") => relations.filter((r) => r.relation === relation).map(({ id, number }) => ({ id, number }));
  return {
    typeId: d.typeId,
    typeName: row.typeName,
    number: d.number,
    issuer: d.issuer,
    signer: d.signer,
    issuedOn: d.issuedOn,
    effectiveFrom: d.effectiveFrom,
    effectiveUntil: d.effectiveUntil,
    manualStatus: d.manualStatus,
    nationalDatabaseUrl: d.nationalDatabaseUrl,
    fields,
    replaces: related("replaces"),
    amends: related("amends"),
    attachments,
  };
}

/** The registry of a snapshot as a save takes it; the files are not part of it (they are added and removed on their own). */
export function registryOfSnapshot(s: RegistrySnapshot): DocumentRegistry {
  return {
    typeId: s.typeId,
    number: s.number,
    issuer: s.issuer,
    signer: s.signer,
    issuedOn: s.issuedOn,
    effectiveFrom: s.effectiveFrom,
    effectiveUntil: s.effectiveUntil,
    manualStatus: s.manualStatus,
    nationalDatabaseUrl: s.nationalDatabaseUrl,
    fields: s.fields,
    replaces: s.replaces.map((r) => r.id),
    amends: s.amends.map((r) => r.id),
  };
}
