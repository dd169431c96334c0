/**
 * The value lists the schema is built from (roles, statuses, kinds of revision) and the shapes of
 * its JSON columns. Pure constants and types: importing them opens nothing, so validation, the
 * workflow and the screens may use them, while only the data layer may import the schema itself.
 */

export const ROLES = ["admin", "editor", "author"] as const;
export type Role = (typeof ROLES)[number];

export const USER_STATUSES = ["active", "disabled"] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export const POST_STATUSES = ["draft", "pending", "published", "unpublished"] as const;
export type PostStatus = (typeof POST_STATUSES)[number];

export const SIGN_IN_OUTCOMES = ["success", "failure", "locked"] as const;

export const REVISION_KINDS = ["create", "save", "autosave", "submit", "withdraw", "reject", "publish", "schedule", "unschedule", "unpublish", "restore", "conflict", "import"] as const;
export type RevisionKind = (typeof REVISION_KINDS)[number];

export type MediaRendition = { width: number; height: number; format: "webp" | "jpeg" | "png" | "gif"; file: string; bytes: number };

/** Kinds of content that share the posts table and its lifecycle (lib/content/kinds.ts says how each differs). */
export const CONTENT_KINDS = ["post", "page", "document"] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];

export const LANGUAGES = ["vi", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

/** The menus a site has, per language: the header navigation, the footer links, the "Liên kết" list of related sites. */
export const MENU_LOCATIONS = ["header", "footer", "links"] as const;
export type MenuLocation = (typeof MENU_LOCATIONS)[number];

/** What a menu item points at: a category, a page or a post (by id), or an address outside the site. */
export const MENU_TARGET_KINDS = ["category", "page", "post", "url"] as const;
export type MenuTargetKind = (typeof MENU_TARGET_KINDS)[number];

/** A featured story of the home page (Tin nổi bật): a post, and when it stops being featured (ms since the epoch), if ever. */
export type FeaturedEntry = { postId: number; endsAt: number | null };

/** A post's read-aloud audio: waiting for the job, being made, made, or failed (tried again later). */
export const AUDIO_STATES = ["queued", "making", "ready", "failed"] as const;
export type AudioState = (typeof AUDIO_STATES)[number];

/** Why audio was asked for: a save of a public post, a reader of an archive post, a change of engine. */
export const AUDIO_REASONS = ["publish", "reader", "engine"] as const;
export type AudioReason = (typeof AUDIO_REASONS)[number];

/** Tình trạng hiệu lực a staff member may set on a legal document (lib/documents/status.ts resolves it with the dates). */
export const VALIDITY_STATUSES = ["not_yet_effective", "in_force", "partly_expired", "expired"] as const;

/** How one legal document acts on another: replaces it (thay thế) or amends it (sửa đổi, bổ sung). */
export const DOCUMENT_RELATIONS = ["replaces", "amends"] as const;
export type DocumentRelation = (typeof DOCUMENT_RELATIONS)[number];

/** What text extraction found in an attachment (lib/attachments/extract.ts): text, a scan without text, a type it does not read, a failure. */
export const EXTRACTION_STATES = ["text", "scanned", "unsupported", "failed"] as const;
export type ExtractionState = (typeof EXTRACTION_STATES)[number];

/** How a post cites a document (post_documents.via): picked as related, or linked to in its text. */
export const CITATION_KINDS = ["picked", "linked"] as const;
export type CitationKind = (typeof CITATION_KINDS)[number];

/** What a revision keeps of a kind's own rows (post_revisions.kind_fields): a legal document's registry as it was, names for the history, ids for a restore. */
export type RegistrySnapshot = {
  typeId: number;
  typeName: string;
  number: string;
  issuer: string;
  signer: string;
  issuedOn: string;
  effectiveFrom: string | null;
  effectiveUntil: string | null;
  manualStatus: (typeof VALIDITY_STATUSES)[number] | null;
  nationalDatabaseUrl: string;
  fields: string[];
  replaces: Array<{ id: number; number: string }>;
  amends: Array<{ id: number; number: string }>;
  attachments: Array<{ id: number; label: string; name: string; bytes: number }>;
};
