/**
 * Saving a legal document: the posts' one save (lib/dal/posts/save.ts) with the document kind,
 * a slug made from the số/ký hiệu, and the registry fields as its extension, so drafts, the
 * workflow, revisions, autosave and permissions are exactly the posts'.
 */
import "server-only";
import type { Actor } from "@/lib/dal/actor";
import type { Db } from "@/lib/dal/connection";
import { savePostFor, type SaveOutcome, type SaveRequest } from "@/lib/dal/posts/save";
import type { ChangeResult } from "@/lib/dal/result";
import type { ContentFields } from "@/lib/validations/post";
import type { DocumentRegistry } from "@/lib/validations/document";
import { slugify } from "@/lib/vi/slug";
import { registryExtension } from "./registry";

type WithoutKind<T> = T extends unknown ? Omit<T, "kind" | "language" | "extension"> : never;

/** Any save the posts take (create, save, autosave, transition), with the registry fields beside the content. */
export type DocumentSaveRequest = WithoutKind<SaveRequest> & { registry: DocumentRegistry };

/** A document's content: a title (trích yếu) and a note; no lead, category, source or picture. */
function documentContent(fields: ContentFields, number: string): ContentFields {
  return { ...fields, slug: slugify(number), slugAuto: true, categoryId: null, parentId: null, lead: "", source: "", featuredMediaId: null, featuredCaption: "", keepLegacyImage: false };
}

export function saveDocumentFor(db: Db, actor: Actor | null, request: DocumentSaveRequest, now: Date = new Date()): ChangeResult<SaveOutcome> {
  const { registry, ...rest } = request;
  const fields = documentContent(rest.fields, registry.number);
  const extension = registryExtension(registry);
  const saved: SaveRequest = rest.intent === "create" ? { ...rest, fields, kind: "document", language: "vi", extension } : { ...rest, fields, extension };
  return savePostFor(db, actor, saved, now);
}
