/**
 * The documents a news post or a page cites (post_documents): those staff picked as "Văn bản liên
 * quan", in their order, and those its text links to (`/van-ban/<slug>`), read from the body on
 * every save, so the document's page can list the posts that cite it however they do.
 */
import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { documents, documentTypes, postDocuments, posts, type CitationKind } from "@/db/schema";
import type { PickableDocument } from "@/lib/editor/related-documents";
import type { Tx } from "@/lib/dal/connection";
import type { ChangeFailure } from "@/lib/dal/result";

export const CITATION_MESSAGES = {
  missing: "Văn bản liên quan đã chọn không còn trong sổ văn bản. Hãy bỏ văn bản đó rồi lưu lại.",
} as const;

const DOCUMENT_LINK = /^\/van-ban\/([a-z0-9-]+)\/?$/;

/** The slugs of registry records the body links to, in order, once each. */
export function linkedDocumentSlugs(body: unknown): string[] {
  const slugs = new Set<string>();
  const walk = (node: unknown) => {
    if (!node || typeof node !== "object") return;
    const { marks, content } = node as { marks?: Array<{ type?: string; attrs?: { href?: unknown } }>; content?: unknown[] };
    for (const mark of marks ?? []) {
      const match = mark.type === "link" && typeof mark.attrs?.href === "string" ? DOCUMENT_LINK.exec(mark.attrs.href) : null;
      if (match) slugs.add(match[1]!);
    }
    content?.forEach(walk);
  };
  walk(body);
  return [...slugs];
}

/** Every picked id must be a document of the registry; checked before anything is written. */
export function checkPickedDocuments(tx: Pick<Tx, "select">, ids: readonly number[]): ChangeFailure | null {
  if (ids.length === 0) return null;
  const found = tx.select({ id: documents.postId }).from(documents).where(inArray(documents.postId, [...ids])).all();
  return found.length === new Set(ids).size ? null : { ok: false, field: "relatedDocuments", message: CITATION_MESSAGES.missing };
}

function citations(tx: Pick<Tx, "select">, postId: number, via: CitationKind): number[] {
  return tx
    .select({ id: postDocuments.documentId })
    .from(postDocuments)
    .where(and(eq(postDocuments.postId, postId), eq(postDocuments.via, via)))
    .orderBy(postDocuments.position)
    .all()
    .map((r) => r.id);
}

/** Whether a save with these picked documents changes the post's list (undefined: the form did not send it). */
export function pickedDocumentsChange(tx: Pick<Tx, "select">, postId: number, picked: readonly number[] | undefined): boolean {
  return picked !== undefined && citations(tx, postId, "picked").join() !== [...new Set(picked)].join();
}

/** Writes the post's citations after its row: the picked list as sent (kept when not sent), the links as the body now has them. */
export function syncCitedDocuments(tx: Tx, postId: number, body: unknown, picked: readonly number[] | undefined): void {
  const slugs = linkedDocumentSlugs(body);
  const linked = slugs.length === 0 ? [] : tx.select({ id: posts.id }).from(posts).innerJoin(documents, eq(documents.postId, posts.id)).where(and(eq(posts.kind, "document"), inArray(posts.slug, slugs))).all().map((r) => r.id);
  const write = (via: CitationKind, ids: readonly number[]) => {
    tx.delete(postDocuments).where(and(eq(postDocuments.postId, postId), eq(postDocuments.via, via))).run();
    const rows = [...new Set(ids)].map((documentId, position) => ({ postId, documentId, via, position }));
    if (rows.length > 0) tx.insert(postDocuments).values(rows).run();
  };
  if (picked !== undefined) write("picked", picked);
  write("linked", linked);
}

/** A post's picked documents for its edit screen, on the site or not, in order. */
export function pickedDocumentsOf(tx: Pick<Tx, "select">, postId: number): PickableDocument[] {
  return tx
    .select({ id: posts.id, number: documents.number, type: documentTypes.name, title: posts.title })
    .from(postDocuments)
    .innerJoin(posts, eq(posts.id, postDocuments.documentId))
    .innerJoin(documents, eq(documents.postId, posts.id))
    .innerJoin(documentTypes, eq(documentTypes.id, documents.typeId))
    .where(and(eq(postDocuments.postId, postId), eq(postDocuments.via, "picked")))
    .orderBy(postDocuments.position)
    .all();
}
