/**
 * One document for readers (/van-ban/<slug>): every registry field, its status on today's date,
 * the documents it replaces or amends and those that replace or amend it (only those on the
 * site), its files; and a file for download, only while its document is on the site.
 */
import "server-only";
import { and, asc, desc, eq, inArray, or } from "drizzle-orm";
import { documentAttachments, documentFieldLinks, documentFields, documentRelations, documents, documentTypes, postSlugHistory, posts, type DocumentRelation } from "@/db/schema";
import { ATTACHMENT_TYPES, type AttachmentKind } from "@/lib/attachments/kinds";
import { downloadFileName } from "@/lib/attachments/name";
import { KINDS } from "@/lib/content/kinds";
import type { Db } from "@/lib/dal/connection";
import { DOCUMENTS, publicIn } from "@/lib/dal/public/constraint";
import { citingPostsOf, type CitingPost } from "./citations";
import { nextValidityChange, resolveValidity, type ValidityStatus } from "@/lib/documents/status";
import { sanitizeRichHtml } from "@/lib/richtext/sanitize";


export type RelatedDocument = { id: number; href: string; number: string; title: string; issuedOn: string };
export type PublicAttachment = { id: number; label: string; kind: AttachmentKind; typeLabel: string; bytes: number; href: string; previewHref: string | null; scanned: boolean };

export type PublicDocument = {
  id: number;
  slug: string;
  href: string;
  title: string;
  number: string;
  type: string;
  issuer: string;
  signer: string;
  issuedOn: string;
  effectiveFrom: string | null;
  effectiveUntil: string | null;
  status: ValidityStatus | null;
  /** When the dates next change the status (a cached page must be made again then), or null. */
  statusChangesAt: string | null;
  fields: string[];
  noteHtml: string;
  nationalDatabaseUrl: string;
  publishedAt: string;
  updatedAt: string;
  /** This document replaces / amends these; these replace / amend it. */
  relations: Record<"replaces" | "amends" | "replacedBy" | "amendedBy", RelatedDocument[]>;
  /** Bài viết dẫn chiếu: the public news posts and pages that cite it. */
  citedBy: CitingPost[];
  files: PublicAttachment[];
};

export type DocumentLookup = { kind: "document"; document: PublicDocument } | { kind: "redirect"; slug: string } | { kind: "missing" };

/** `/tep/12/65-2023-ND-CP.pdf`: the file's id and the name it downloads as. */
export function attachmentHref(id: number, originalName: string, kind: AttachmentKind): string {
  return `/tep/${id}/${encodeURIComponent(downloadFileName(originalName, kind))}`;
}

function relatedOf(db: Db, id: number, now: Date): PublicDocument["relations"] {
  const links = db
    .select({ fromId: documentRelations.fromId, toId: documentRelations.toId, relation: documentRelations.relation })
    .from(documentRelations)
    .where(or(eq(documentRelations.fromId, id), eq(documentRelations.toId, id)))
    .all();
  const otherIds = [...new Set(links.map((l) => (l.fromId === id ? l.toId : l.fromId)))];
  const rows =
    otherIds.length === 0
      ? []
      : db
          .select({ id: posts.id, slug: posts.slug, title: posts.title, number: documents.number, issuedOn: documents.issuedOn })
          .from(posts)
          .innerJoin(documents, eq(documents.postId, posts.id))
          .where(and(publicIn(DOCUMENTS, now), inArray(posts.id, otherIds)))
          .orderBy(desc(documents.issuedOn))
          .all();
  const byId = new Map(rows.map((r) => [r.id, { id: r.id, href: KINDS.document.href(r.slug, "vi"), number: r.number, title: r.title, issuedOn: r.issuedOn }]));
  const relations: PublicDocument["relations"] = { replaces: [], amends: [], replacedBy: [], amendedBy: [] };
  const inverse: Record<DocumentRelation, "replacedBy" | "amendedBy"> = { replaces: "replacedBy", amends: "amendedBy" };
  for (const row of rows) {
    for (const link of links) {
      if (link.fromId === id && link.toId === row.id) relations[link.relation].push(byId.get(row.id)!);
      if (link.toId === id && link.fromId === row.id) relations[inverse[link.relation]].push(byId.get(row.id)!);
    }
  }
  return relations;
}

/** The public document at `slug`, a redirect from one of its old slugs (its number was corrected), or nothing. */
export function findPublicDocument(db: Db, slug: string, now: Date = new Date()): DocumentLookup {
  const where = publicIn(DOCUMENTS, now);
  const row = db
    .select({
      id: posts.id,
      slug: posts.slug,
      title: posts.title,
      bodyHtml: posts.bodyHtml,
      publishedAt: posts.publishedAt,
      updatedAt: posts.updatedAt,
      number: documents.number,
      type: documentTypes.name,
      issuer: documents.issuer,
      signer: documents.signer,
      issuedOn: documents.issuedOn,
      effectiveFrom: documents.effectiveFrom,
      effectiveUntil: documents.effectiveUntil,
      manualStatus: documents.manualStatus,
      nationalDatabaseUrl: documents.nationalDatabaseUrl,
    })
    .from(posts)
    .innerJoin(documents, eq(documents.postId, posts.id))
    .innerJoin(documentTypes, eq(documentTypes.id, documents.typeId))
    .where(and(where, eq(posts.slug, slug)))
    .get();
  if (!row) {
    const moved = db
      .select({ slug: posts.slug })
      .from(postSlugHistory)
      .innerJoin(posts, eq(postSlugHistory.postId, posts.id))
      .where(and(eq(postSlugHistory.kind, "document"), eq(postSlugHistory.language, "vi"), eq(postSlugHistory.slug, slug), where))
      .get();
    return moved ? { kind: "redirect", slug: moved.slug } : { kind: "missing" };
  }
  const fields = db
    .select({ name: documentFields.name })
    .from(documentFieldLinks)
    .innerJoin(documentFields, eq(documentFields.id, documentFieldLinks.fieldId))
    .where(eq(documentFieldLinks.documentId, row.id))
    .orderBy(asc(documentFields.name))
    .all()
    .map((f) => f.name);
  const files = db
    .select({ id: documentAttachments.id, label: documentAttachments.label, originalName: documentAttachments.originalName, kind: documentAttachments.kind, bytes: documentAttachments.bytes, extraction: documentAttachments.extraction })
    .from(documentAttachments)
    .where(eq(documentAttachments.documentId, row.id))
    .orderBy(asc(documentAttachments.position))
    .all()
    .map((file): PublicAttachment => {
      const kind = file.kind as AttachmentKind;
      const href = attachmentHref(file.id, file.originalName, kind);
      return { id: file.id, label: file.label, kind, typeLabel: ATTACHMENT_TYPES[kind].label, bytes: file.bytes, href, previewHref: kind === "pdf" ? `${href}?xem=1` : null, scanned: file.extraction === "scanned" };
    });
  const validity = { effectiveFrom: row.effectiveFrom, effectiveUntil: row.effectiveUntil, manualStatus: row.manualStatus };
  return {
    kind: "document",
    document: {
      id: row.id,
      slug: row.slug,
      href: KINDS.document.href(row.slug, "vi"),
      title: row.title,
      number: row.number,
      type: row.type,
      issuer: row.issuer,
      signer: row.signer,
      issuedOn: row.issuedOn,
      effectiveFrom: row.effectiveFrom,
      effectiveUntil: row.effectiveUntil,
      status: resolveValidity(validity, now).status,
      statusChangesAt: nextValidityChange(validity, now)?.toISOString() ?? null,
      fields,
      noteHtml: row.bodyHtml ? sanitizeRichHtml(row.bodyHtml) : "",
      nationalDatabaseUrl: row.nationalDatabaseUrl,
      publishedAt: (row.publishedAt ?? row.updatedAt).toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      relations: relatedOf(db, row.id, now),
      citedBy: citingPostsOf(db, row.id, now),
      files,
    },
  };
}

export type DownloadableAttachment = { file: string; originalName: string; kind: AttachmentKind; bytes: number };

/** A file of a document on the site, or null (a draft's, a trashed document's and unknown files all answer 404). */
export function findPublicAttachment(db: Db, attachmentId: number, now: Date = new Date()): DownloadableAttachment | null {
  const row = db
    .select({ file: documentAttachments.file, originalName: documentAttachments.originalName, kind: documentAttachments.kind, bytes: documentAttachments.bytes })
    .from(documentAttachments)
    .innerJoin(posts, eq(posts.id, documentAttachments.documentId))
    .where(and(eq(documentAttachments.id, attachmentId), publicIn(DOCUMENTS, now)))
    .get();
  return row ? { ...row, kind: row.kind as AttachmentKind } : null;
}

/** The newest documents on the site, for the feed and the sitemap. */
export function latestPublicDocuments(db: Db, limit: number, now: Date = new Date()) {
  return db
    .select({ slug: posts.slug, title: posts.title, number: documents.number, issuer: documents.issuer, publishedAt: posts.publishedAt, updatedAt: posts.updatedAt })
    .from(posts)
    .innerJoin(documents, eq(documents.postId, posts.id))
    .where(publicIn(DOCUMENTS, now))
    .orderBy(desc(posts.publishedAt), desc(posts.id))
    .limit(limit)
    .all()
    .map((row) => ({ ...row, href: KINDS.document.href(row.slug, "vi"), publishedAt: (row.publishedAt ?? row.updatedAt).toISOString(), updatedAt: row.updatedAt.toISOString() }));
}

/** Every document on the site, for the sitemap: its address and when readers' copy last changed. */
export function sitemapDocuments(db: Db, now: Date = new Date()): Array<{ href: string; lastModified: string }> {
  return db
    .select({ slug: posts.slug, publishedAt: posts.publishedAt, updatedAt: posts.updatedAt })
    .from(posts)
    .where(publicIn(DOCUMENTS, now))
    .orderBy(asc(posts.id))
    .all()
    .map((row) => ({ href: KINDS.document.href(row.slug, "vi"), lastModified: new Date(Math.max(row.updatedAt.getTime(), row.publishedAt?.getTime() ?? 0)).toISOString() }));
}
