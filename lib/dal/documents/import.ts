/**
 * Storing documents read from a CSV (npm run import:documents, the demo content): each row in its
 * own transaction, published as of its issue date with an "import" revision, its files attached
 * and its pages queued. A document already in the registry (same issuing body and number) is left
 * alone, so a second run duplicates nothing and never overwrites what staff changed since.
 */
import "server-only";
import { and, eq } from "drizzle-orm";
import { documentAttachments, documentRelations, documents, posts, type DocumentRelation, type ExtractionState } from "@/db/schema";
import type { AttachmentKind } from "@/lib/attachments/kinds";
import { cacheTags, tagsForContentChange } from "@/lib/cache/tags";
import { logActivity, quoted } from "@/lib/dal/activity/log";
import { WRITE, type Db } from "@/lib/dal/connection";
import { queueInvalidation } from "@/lib/dal/outbox";
import { postContent } from "@/lib/dal/posts/content";
import { recordRevision } from "@/lib/dal/posts/record-revision";
import { uniqueSlugFor } from "@/lib/dal/posts/slugs";
import type { DocumentNumber } from "@/lib/documents/number";
import { renderDocument } from "@/lib/richtext/render";
import { vietnamDayStart } from "@/lib/vi/calendar-day";
import { blankPostText } from "@/lib/validations/post";
import type { DocumentRegistry } from "@/lib/validations/document";
import { ensureDocumentType } from "./lists";
import { issuerKeyOf, registryExtension, sameNumberDocument } from "./registry";
import { reindexDocument } from "./search-index";

const SPACE = { kind: "document" as const, language: "vi" as const };

export type ImportedFile = { label: string; originalName: string; file: string; kind: AttachmentKind; bytes: number; extraction: ExtractionState; text: string; flags: string[] };

export type ImportedDocument = {
  typeName: string;
  summary: string;
  registry: Omit<DocumentRegistry, "typeId" | "replaces" | "amends">;
  files: ImportedFile[];
};

export type StoredDocument = { status: "imported" | "skipped"; id: number; slug: string };

export function findRegisteredDocument(db: Pick<Db, "select">, issuer: string, number: string): { id: number; slug: string } | null {
  const found = sameNumberDocument(db, issuer, number, null);
  if (!found) return null;
  return { id: found.id, slug: db.select({ slug: posts.slug }).from(posts).where(eq(posts.id, found.id)).get()!.slug };
}

export function storeImportedDocument(db: Db, input: ImportedDocument): StoredDocument {
  return db.transaction((tx): StoredDocument => {
    const existing = findRegisteredDocument(tx, input.registry.issuer, input.registry.number);
    if (existing) return { status: "skipped", ...existing };
    const typeId = ensureDocumentType(tx, input.typeName);
    const slug = uniqueSlugFor(tx, SPACE, input.registry.number);
    const content = postContent(
      { ...blankPostText(), title: input.summary, categoryId: null },
      {
        slug,
        rendered: renderDocument({ type: "doc", content: [{ type: "paragraph" }] }),
        featured: { featuredMediaId: null, featuredImageUrl: null, featuredImageAlt: "", featuredImageCaption: "" },
        status: "published",
        publishedAt: vietnamDayStart(input.registry.issuedOn),
      },
    );
    const id = tx.insert(posts).values({ ...content, ...SPACE }).returning({ id: posts.id }).get().id;
    // The registry row (fields, search index) is written as a staff save writes it; relations come after every row exists.
    registryExtension({ ...input.registry, typeId, replaces: [], amends: [] }).write(tx, id);
    input.files.forEach((file, i) => tx.insert(documentAttachments).values({ ...file, documentId: id, position: i + 1 }).run());
    reindexDocument(tx, id);
    recordRevision(tx, id, "import", null);
    logActivity(tx, { actor: { id: null, name: "Nhập văn bản" }, action: "document.import", objectType: "post", objectId: id, summary: quoted(input.summary) });
    queueInvalidation(tx, tagsForContentChange([{ kind: "document", slug, categoryId: null }]));
    return { status: "imported", id, slug };
  }, WRITE);
}

/**
 * Links an imported document to those it replaces or amends, found by number among every issuing
 * body; returns the numbers it could not link (missing, or several documents of that number).
 */
export function linkImportedRelations(db: Db, id: number, targets: Record<DocumentRelation, DocumentNumber[]>): string[] {
  return db.transaction((tx) => {
    const unlinked: string[] = [];
    for (const relation of ["replaces", "amends"] as const) {
      for (const number of targets[relation]) {
        const found = tx.select({ id: documents.postId, slug: posts.slug }).from(documents).innerJoin(posts, eq(posts.id, documents.postId)).where(eq(documents.numberKey, number.key)).limit(2).all();
        if (found.length !== 1 || found[0]!.id === id) {
          unlinked.push(number.display);
          continue;
        }
        tx.insert(documentRelations).values({ fromId: id, toId: found[0]!.id, relation }).onConflictDoNothing().run();
        // The other document's page lists this one as replacing or amending it.
        queueInvalidation(tx, [cacheTags.document(found[0]!.slug)]);
      }
    }
    reindexDocument(tx, id);
    return unlinked;
  }, WRITE);
}

/** Whether a document of this issuing body and number is in the registry (a dry run's "would skip"). */
export function isRegistered(db: Pick<Db, "select">, issuer: string, numberKey: string): boolean {
  return Boolean(db.select({ id: documents.postId }).from(documents).where(and(eq(documents.issuerKey, issuerKeyOf(issuer)), eq(documents.numberKey, numberKey))).get());
}
