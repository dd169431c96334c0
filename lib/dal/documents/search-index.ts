/**
 * The registry's search index row of one document (migration 0011: documents_fts), written by the
 * data layer whenever the document or its files change: the number's tokens are computed here
 * (lib/documents/number.ts), which a trigger could not do.
 */
import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { documentAttachments, documents, posts } from "@/db/schema";
import type { Tx } from "@/lib/dal/connection";
import { documentNumberSearchText, parseDocumentNumber } from "@/lib/documents/number";
import { foldForSearch } from "@/lib/vi/fold";

export function reindexDocument(tx: Tx, postId: number): void {
  tx.run(sql`DELETE FROM documents_fts WHERE rowid = ${postId}`);
  const row = tx
    .select({ number: documents.number, title: posts.title, note: posts.bodyText })
    .from(documents)
    .innerJoin(posts, eq(posts.id, documents.postId))
    .where(eq(documents.postId, postId))
    .get();
  if (!row) return;
  const parsed = parseDocumentNumber(row.number);
  const files = tx.select({ label: documentAttachments.label, text: documentAttachments.text }).from(documentAttachments).where(eq(documentAttachments.documentId, postId)).orderBy(asc(documentAttachments.position)).all();
  const fileText = files.map((file) => `${file.label}\n${file.text}`).join("\n");
  tx.run(sql`INSERT INTO documents_fts (rowid, number, summary, note, files) VALUES (${postId}, ${parsed ? documentNumberSearchText(parsed) : ""}, ${foldForSearch(row.title)}, ${foldForSearch(row.note)}, ${foldForSearch(fileText)})`);
}
