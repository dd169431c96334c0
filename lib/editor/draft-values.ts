/*
 * The post form as plain values (field name → string), the shape shared by the local copy in the
 * browser, the pending draft of a public post on the server and the autosave request. Pure: used
 * by client and server alike.
 */

import { DOCUMENT_FORM_FIELDS } from "@/lib/validations/document-form";
import { POST_TEXT_FIELDS } from "@/lib/validations/post";

/**
 * The form fields a draft holds; id, version and intent describe the request, not the text. A
 * legal document's registry fields are among them, so its autosave, local copy and kept draft
 * carry them like the text (a news post's form simply has none).
 */
export const DRAFT_FIELDS = [...POST_TEXT_FIELDS, "slug", "slugAuto", "categoryId", "parentId", "featuredMediaId", "featuredCaption", "featuredAlt", "keepLegacyImage", "publishedAt", "body", "relatedDocuments", ...DOCUMENT_FORM_FIELDS] as const;
export type DraftField = (typeof DRAFT_FIELDS)[number];
export type DraftValues = Partial<Record<DraftField, string>>;

/** Only the draft's fields, only strings: whatever else a form or a stored row holds is dropped. */
export function pickDraftValues(source: Iterable<[string, unknown]> | Record<string, unknown>): DraftValues {
  const entries = Symbol.iterator in source ? [...(source as Iterable<[string, unknown]>)] : Object.entries(source);
  const values: DraftValues = {};
  for (const [key, value] of entries) {
    if ((DRAFT_FIELDS as readonly string[]).includes(key) && typeof value === "string") values[key as DraftField] = value;
  }
  return values;
}

/** The body's JSON compared as data: the editor may write the same document with keys in another order. */
function canonicalBody(body: string | undefined): string {
  if (!body) return "";
  try {
    return JSON.stringify(sortKeys(JSON.parse(body)));
  } catch {
    return body;
  }
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== null && v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  }
  return value;
}

/** True when two drafts would save the same post (an absent field counts as empty). */
export function sameDraft(a: DraftValues, b: DraftValues): boolean {
  return DRAFT_FIELDS.every((field) => (field === "body" ? canonicalBody(a.body) === canonicalBody(b.body) : (a[field] ?? "") === (b[field] ?? "")));
}
