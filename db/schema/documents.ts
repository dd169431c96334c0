// The legal documents registry's own fields, attached to a post of kind `document`.
import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { CITATION_KINDS, DOCUMENT_RELATIONS, EXTRACTION_STATES, VALIDITY_STATUSES } from "../vocabulary";
import { createdAt, updatedAt } from "./columns";
import { users } from "./accounts";
import { posts } from "./posts";

/** Loại văn bản: an editable list (Luật, Nghị định, Thông tư, Quyết định…), in the order the filters show it. */
export const documentTypes = sqliteTable(
  "document_types",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    slug: text("slug").notNull(),
    position: integer("position").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("document_types_slug_unique").on(t.slug)],
);

/** Lĩnh vực: the subject fields a document belongs to (one or more each). */
export const documentFields = sqliteTable(
  "document_fields",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    slug: text("slug").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("document_fields_slug_unique").on(t.slug)],
);

/**
 * The registry fields of a legal document. The document itself is a posts row of kind `document`
 * (its title is the trích yếu, its body the optional note), so drafts, revisions, autosave, the
 * workflow and permissions are the posts' own; this row shares its id and goes with it.
 */
export const documents = sqliteTable(
  "documents",
  {
    postId: integer("post_id")
      .primaryKey()
      .references(() => posts.id, { onDelete: "cascade" }),
    typeId: integer("type_id")
      .notNull()
      .references(() => documentTypes.id, { onDelete: "restrict" }),
    // Số/ký hiệu as shown, and its canonical key (lib/documents/number.ts): unique with the issuing body.
    number: text("number").notNull(),
    numberKey: text("number_key").notNull(),
    issuer: text("issuer").notNull(),
    // The issuer folded (no case, diacritics or extra spaces), so "Bộ KH&CN" typed twice is one body for uniqueness and facets.
    issuerKey: text("issuer_key").notNull(),
    signer: text("signer").notNull().default(""),
    // Vietnam calendar days, yyyy-mm-dd: the text sorts and compares as the dates do.
    issuedOn: text("issued_on").notNull(),
    effectiveFrom: text("effective_from"),
    effectiveUntil: text("effective_until"),
    // Set by staff where the dates cannot tell (partly expired, annulled); null: from the dates.
    manualStatus: text("manual_status", { enum: VALIDITY_STATUSES }),
    nationalDatabaseUrl: text("national_database_url").notNull().default(""),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("documents_issuer_number_unique").on(t.issuerKey, t.numberKey),
    index("documents_number_key_idx").on(t.numberKey),
    index("documents_issued_idx").on(t.issuedOn),
    index("documents_type_issued_idx").on(t.typeId, t.issuedOn),
    index("documents_issuer_issued_idx").on(t.issuerKey, t.issuedOn),
  ],
);

/**
 * One row, whose version triggers in the migration (0018) bump on every change to what the public
 * registry holds: a published document's posts row, registry row and fields, and the types and
 * fields. Each process keeps the registry in memory (lib/dal/documents/public-registry.ts) and
 * reads it again when this differs, so a change by any process or CLI reaches every one. A
 * migration that rebuilds one of those tables drops its triggers and must create them again (as
 * 0008 did for posts).
 */
export const registryVersion = sqliteTable(
  "registry_version",
  {
    id: integer("id").primaryKey(),
    version: integer("version").notNull(),
  },
  (t) => [check("registry_version_one_row", sql`${t.id} = 1`)],
);

export const documentFieldLinks = sqliteTable(
  "document_field_links",
  {
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.postId, { onDelete: "cascade" }),
    fieldId: integer("field_id")
      .notNull()
      .references(() => documentFields.id, { onDelete: "restrict" }),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.fieldId] }), index("document_field_links_field_idx").on(t.fieldId)],
);

/** `fromId` replaces or amends `toId`; the other direction (replaced by, amended by) is read from the same row. */
export const documentRelations = sqliteTable(
  "document_relations",
  {
    fromId: integer("from_id")
      .notNull()
      .references(() => documents.postId, { onDelete: "cascade" }),
    toId: integer("to_id")
      .notNull()
      .references(() => documents.postId, { onDelete: "cascade" }),
    relation: text("relation", { enum: DOCUMENT_RELATIONS }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.fromId, t.toId, t.relation] }), index("document_relations_to_idx").on(t.toId)],
);

/**
 * A news post or a page that cites a document: picked by staff as "Văn bản liên quan" (`picked`,
 * in their order, listed under the article), or linked to in its text (`linked`, read from the
 * body on each save). The document's page lists both as "Bài viết dẫn chiếu".
 */
export const postDocuments = sqliteTable(
  "post_documents",
  {
    postId: integer("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.postId, { onDelete: "cascade" }),
    via: text("via", { enum: CITATION_KINDS }).notNull(),
    position: integer("position").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.postId, t.documentId, t.via] }), index("post_documents_document_idx").on(t.documentId, t.postId)],
);

/**
 * A file of a document (the signed PDF, a Word copy, an annex), checked by lib/attachments/check.ts
 * and stored under its content hash (`file`, lib/attachments/headers.ts); the uploaded name is kept
 * only for the download's Content-Disposition.
 */
export const documentAttachments = sqliteTable(
  "document_attachments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.postId, { onDelete: "cascade" }),
    label: text("label").notNull().default(""),
    file: text("file").notNull(),
    originalName: text("original_name").notNull(),
    kind: text("kind").notNull(),
    bytes: integer("bytes").notNull(),
    extraction: text("extraction", { enum: EXTRACTION_STATES }).notNull(),
    // Searchable text of the file (folded into the index); empty for scans and types not read.
    text: text("text").notNull().default(""),
    // Warnings shown to the uploader (a PDF with JavaScript or embedded files, programs in a ZIP).
    flags: text("flags", { mode: "json" }).$type<string[]>().notNull().default([]),
    position: integer("position").notNull().default(0),
    uploadedBy: integer("uploaded_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("document_attachments_document_idx").on(t.documentId, t.position), index("document_attachments_file_idx").on(t.file)],
);
