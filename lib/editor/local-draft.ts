/*
 * The copy of the post form kept in this browser (localStorage), so that nothing typed is lost to
 * a closed tab, a crash, a lost network or an expired session. Pure functions plus three thin
 * storage calls; the storage is passed in so tests need no browser.
 */
import { pickDraftValues, sameDraft, type DraftValues } from "./draft-values";

/** The featured image as the form shows it (the picture, not only its id), so a restore shows it too. */
export type DraftFeatured = { mediaId: number | null; src: string; alt: string; legacy: boolean } | null;

export type LocalDraft = {
  /** The post, or null for a post not yet saved (/admin/posts/new). */
  postId: number | null;
  /** The version the text was based on: a restore over a newer one must end in the conflict screen. */
  baseVersion: number | null;
  savedAt: number;
  values: DraftValues;
  featured: DraftFeatured;
};

/** Older copies are forgotten: by then the text has long been saved or deliberately left. */
export const LOCAL_DRAFT_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;
const PREFIX = "cms.post-draft.";

/**
 * A saved post's copy is under its id (ids are shared by every kind); a form not yet saved has one
 * slot per kind of form (`fresh`: "new" for the writing screen, "new-document" for the registry's),
 * so a new news post and a new document never offer each other's text.
 */
export const localDraftKey = (postId: number | null, fresh = "new") => `${PREFIX}${postId ?? fresh}`;

export function serializeLocalDraft(draft: LocalDraft): string {
  return JSON.stringify({ v: 1, ...draft });
}

const isFeatured = (f: unknown): f is NonNullable<DraftFeatured> =>
  Boolean(f) &&
  typeof f === "object" &&
  typeof (f as { src?: unknown }).src === "string" &&
  typeof (f as { alt?: unknown }).alt === "string" &&
  typeof (f as { legacy?: unknown }).legacy === "boolean" &&
  ((f as { mediaId?: unknown }).mediaId === null || typeof (f as { mediaId?: unknown }).mediaId === "number");

/** The stored copy, or null when there is none, it is not ours, it is damaged or it has expired. */
export function parseLocalDraft(raw: string | null, postId: number | null, now: number): LocalDraft | null {
  if (!raw) return null;
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(raw) as Record<string, unknown>;
  } catch {
    return null;
  }
  if (!data || typeof data !== "object" || data.v !== 1 || data.postId !== postId) return null;
  if (typeof data.savedAt !== "number" || !data.values || typeof data.values !== "object") return null;
  const draft: LocalDraft = {
    postId,
    baseVersion: typeof data.baseVersion === "number" ? data.baseVersion : null,
    savedAt: data.savedAt,
    values: pickDraftValues(data.values as Record<string, unknown>),
    featured: isFeatured(data.featured) ? data.featured : null,
  };
  return isExpired(draft, now) ? null : draft;
}

export function isExpired(draft: Pick<LocalDraft, "savedAt">, now: number): boolean {
  return now - draft.savedAt > LOCAL_DRAFT_MAX_AGE_MS;
}

/** A copy is worth offering back only when it holds something the form does not already show. */
export function differsFrom(draft: LocalDraft | null, current: DraftValues): draft is LocalDraft {
  return draft !== null && !sameDraft(draft.values, current);
}

type Storage = Pick<globalThis.Storage, "getItem" | "setItem" | "removeItem">;

export function readLocalDraft(storage: Storage, postId: number | null, now: number, fresh?: string): LocalDraft | null {
  try {
    return parseLocalDraft(storage.getItem(localDraftKey(postId, fresh)), postId, now);
  } catch {
    return null;
  }
}

/** False when the browser refused (storage full or disabled): the caller says so rather than pretend. */
export function writeLocalDraft(storage: Storage, draft: LocalDraft, fresh?: string): boolean {
  try {
    storage.setItem(localDraftKey(draft.postId, fresh), serializeLocalDraft(draft));
    return true;
  } catch {
    return false;
  }
}

export function clearLocalDraft(storage: Storage, postId: number | null, fresh?: string): void {
  try {
    storage.removeItem(localDraftKey(postId, fresh));
  } catch {
    // Nothing to do: a copy that cannot be removed is only offered again, never applied silently.
  }
}
