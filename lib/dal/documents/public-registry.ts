/**
 * The registry's documents as its search filters and counts them, kept in memory per connection:
 * every document that is on the site or scheduled to be, newest issued first, with what the
 * filters and facets need (no text: the full-text index finds, the page reads its 20 items). A
 * search reads the one-row registry_version first and reads all this again only when it moved
 * (migration 0018: triggers bump it in the writing transaction, whichever process or CLI writes),
 * so the copy is exact in every process. Reading SQL rows per search cost ~3 µs a matched row
 * (tens of milliseconds for a broad query over 20,000 documents); this is read once per change.
 */
import "server-only";
import { desc, eq } from "drizzle-orm";
import { documentFieldLinks, documentFields, documents, documentTypes, posts, registryVersion } from "@/db/schema";
import type { Db } from "@/lib/dal/connection";
import { DOCUMENTS, publishedIn } from "@/lib/dal/public/constraint";
import type { ValidityStatus } from "@/lib/documents/status";

/**
 * A value a facet counts, numbered from 0 within its kind: a search counts thousands of documents
 * in an array by these numbers, where counting in Maps took most of its time.
 */
type Numbered = { index: number };
export type RegistryType = Numbered & { id: number; slug: string; name: string; position: number };
/** One spelling of an issuing body: the facet shows a body's smallest spelling among the documents it counts. */
export type RegistryIssuer = Numbered & { key: string; name: string };
export type RegistryField = Numbered & { id: number; slug: string; name: string };
export type RegistryYear = Numbered & { value: string };

export type RegistryDocument = {
  id: number;
  /** Milliseconds; the document is public once it is reached (null: never). */
  publishedAt: number | null;
  type: RegistryType;
  issuer: RegistryIssuer;
  issuedOn: string;
  year: RegistryYear;
  effectiveFrom: string | null;
  effectiveUntil: string | null;
  manualStatus: ValidityStatus | null;
  fields: readonly RegistryField[];
};

export type PublicRegistry = {
  version: number;
  /** Newest issued first (issued_on, then id, descending): the registry's own order. */
  documents: readonly RegistryDocument[];
  /** A document's id → its place in `documents`. */
  placeOf: ReadonlyMap<number, number>;
  types: readonly RegistryType[];
  issuers: readonly RegistryIssuer[];
  fields: readonly RegistryField[];
  years: readonly RegistryYear[];
};

const held = new WeakMap<Db, PublicRegistry>();

const currentVersion = (db: Db): number => db.select({ version: registryVersion.version }).from(registryVersion).get()?.version ?? 0;

/**
 * The registry as the database holds it now; read again only when its version moved since the
 * last read on this connection. `keep`: whether a new read may be kept. Not inside a caller's
 * transaction that may have written: its rollback would take the version back to a number that
 * the next committed change reuses, with other rows than those read.
 */
export function publicRegistry(db: Db, keep: boolean = !db.$client.inTransaction): PublicRegistry {
  // One read transaction (a savepoint inside the search's own): the version and the rows agree.
  return db.transaction(() => {
    const version = currentVersion(db);
    const kept = held.get(db);
    if (kept?.version === version) return kept;
    const read = readRegistry(db, version);
    if (keep) held.set(db, read);
    return read;
  });
}

/** The values of one kind, numbered as they are first met. */
function numbering<V extends Numbered>() {
  const byKey = new Map<string, V>();
  const list: V[] = [];
  return {
    list,
    of(key: string, make: (index: number) => V): V {
      const known = byKey.get(key);
      if (known) return known;
      const value = make(list.length);
      byKey.set(key, value);
      list.push(value);
      return value;
    },
  };
}

function readRegistry(db: Db, version: number): PublicRegistry {
  const types = db.select({ id: documentTypes.id, slug: documentTypes.slug, name: documentTypes.name, position: documentTypes.position }).from(documentTypes).all().map((t, index) => ({ index, ...t }));
  const fields = db.select({ id: documentFields.id, slug: documentFields.slug, name: documentFields.name }).from(documentFields).all().map((f, index) => ({ index, ...f }));
  const typeById = new Map(types.map((t) => [t.id, t]));
  const fieldById = new Map(fields.map((f) => [f.id, f]));
  const fieldsOf = new Map<number, RegistryField[]>();
  // Rows as arrays here and below (`values()`): drizzle's row objects took half the read's time.
  const links = db.select({ documentId: documentFieldLinks.documentId, fieldId: documentFieldLinks.fieldId }).from(documentFieldLinks).values() as Array<[number, number]>;
  for (const [documentId, fieldId] of links) {
    const field = fieldById.get(fieldId)!;
    const known = fieldsOf.get(documentId);
    if (known) known.push(field);
    else fieldsOf.set(documentId, [field]);
  }
  const issuers = numbering<RegistryIssuer>();
  const years = numbering<RegistryYear>();
  // Twenty thousand documents fall on a few thousand days: one string each.
  const days = new Map<string, string>();
  const day = <T extends string | null>(text: T): T => {
    if (text === null) return text;
    const known = days.get(text);
    if (known !== undefined) return known as T;
    days.set(text, text);
    return text;
  };
  const rows = db
    .select({
      id: documents.postId,
      publishedAt: posts.publishedAt,
      typeId: documents.typeId,
      issuerKey: documents.issuerKey,
      issuer: documents.issuer,
      issuedOn: documents.issuedOn,
      effectiveFrom: documents.effectiveFrom,
      effectiveUntil: documents.effectiveUntil,
      manualStatus: documents.manualStatus,
    })
    .from(documents)
    .innerJoin(posts, eq(posts.id, documents.postId))
    .where(publishedIn(DOCUMENTS))
    .orderBy(desc(documents.issuedOn), desc(documents.postId))
    // The columns in the order above, as stored (published_at in milliseconds).
    .values() as Array<[number, number | null, number, string, string, string, string | null, string | null, ValidityStatus | null]>;
  const none: readonly RegistryField[] = [];
  // Every property named, none spread: objects of one shape, which the per-search pass reads fastest.
  const read = rows.map(
    ([id, publishedAt, typeId, issuerKey, issuer, issuedOn, effectiveFrom, effectiveUntil, manualStatus]): RegistryDocument => ({
      id,
      publishedAt,
      type: typeById.get(typeId)!,
      // The key and the spelling as one Map key, the key's length saying where it ends.
      issuer: issuers.of(`${issuerKey.length}:${issuerKey}${issuer}`, (index) => ({ index, key: issuerKey, name: issuer })),
      issuedOn: day(issuedOn),
      year: years.of(issuedOn.slice(0, 4), (index) => ({ index, value: issuedOn.slice(0, 4) })),
      effectiveFrom: day(effectiveFrom),
      effectiveUntil: day(effectiveUntil),
      manualStatus,
      fields: fieldsOf.get(id) ?? none,
    }),
  );
  return { version, documents: read, placeOf: new Map(read.map((d, place) => [d.id, place])), types, issuers: issuers.list, fields, years: years.list };
}
