/** The editable lists of the registry: types of document (Loại văn bản) and subject fields (Lĩnh vực). */
import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import { documentFields, documentTypes } from "@/db/schema";
import type { Db, Tx } from "@/lib/dal/connection";
import { slugify } from "@/lib/vi/slug";
import { cleanLine } from "@/lib/vi/text";

export type DocumentTypeDto = { id: number; name: string; slug: string };
export type DocumentFieldDto = { id: number; name: string; slug: string };

type Reader = Pick<Db, "select">;

export function listDocumentTypes(db: Reader): DocumentTypeDto[] {
  return db.select({ id: documentTypes.id, name: documentTypes.name, slug: documentTypes.slug }).from(documentTypes).orderBy(asc(documentTypes.position), asc(documentTypes.name)).all();
}

export function listDocumentFields(db: Reader): DocumentFieldDto[] {
  return db.select({ id: documentFields.id, name: documentFields.name, slug: documentFields.slug }).from(documentFields).orderBy(asc(documentFields.name)).all();
}

/** The type named `name` (compared by its slug, so "Nghị định" and "nghi dinh" are one), added at the end of the list when new. */
export function ensureDocumentType(tx: Tx, name: string): number {
  const clean = cleanLine(name);
  const slug = slugify(clean);
  const found = tx.select({ id: documentTypes.id }).from(documentTypes).where(eq(documentTypes.slug, slug)).get();
  if (found) return found.id;
  const last = tx.select({ position: documentTypes.position }).from(documentTypes).orderBy(asc(documentTypes.position)).all().at(-1)?.position ?? 0;
  return tx.insert(documentTypes).values({ name: clean, slug, position: last + 1 }).returning({ id: documentTypes.id }).get().id;
}

/** The ids of the fields named, each added when new (the form and the importer both name fields by their text). */
export function ensureDocumentFields(tx: Tx, names: readonly string[]): number[] {
  const wanted = new Map(names.map((name) => [slugify(cleanLine(name)), cleanLine(name)] as const));
  if (wanted.size === 0) return [];
  const existing = tx.select({ id: documentFields.id, slug: documentFields.slug }).from(documentFields).where(inArray(documentFields.slug, [...wanted.keys()])).all();
  const ids = new Map(existing.map((row) => [row.slug, row.id]));
  for (const [slug, name] of wanted) {
    if (!ids.has(slug)) ids.set(slug, tx.insert(documentFields).values({ name, slug }).returning({ id: documentFields.id }).get().id);
  }
  return [...wanted.keys()].map((slug) => ids.get(slug)!);
}
