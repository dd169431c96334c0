/**
 * The registry's public reads as pages call them: each tags the page with what it shows
 * (lib/cache/tags.ts), so a change to a document empties exactly the pages that showed it.
 */
import "server-only";
import { tagPage } from "@/lib/cache/page-tags";
import { cacheTags } from "@/lib/cache/tags";
import { getDb } from "@/lib/dal/connection";
import { citedDocumentsOf } from "./citations";
import { listDocumentTypes } from "./lists";
import { findPublicDocument, latestPublicDocuments, sitemapDocuments } from "./public";
import { searchRegistry, type RegistryFilters } from "./search";

export type { PublicDocument, PublicAttachment, RelatedDocument } from "./public";
export type { CitedDocument, CitingPost } from "./citations";
export type { RegistryResult, RegistryItem, FacetValue } from "./search";

export function getRegistry(filters: RegistryFilters) {
  tagPage(cacheTags.documents);
  return searchRegistry(getDb(), filters);
}

export function getDocument(slug: string) {
  // `citations`: a news post that starts or stops citing this document, or changes, shows here (a page's change queues every tag).
  tagPage(cacheTags.document(slug), cacheTags.documents, cacheTags.citations(slug));
  return findPublicDocument(getDb(), slug);
}

/** "Văn bản liên quan" under a news post or a page: the page is tagged with each, so a document's change reaches it. */
export function getCitedDocuments(postId: number) {
  const { shown, slugs } = citedDocumentsOf(getDb(), postId);
  tagPage(...slugs.map((slug) => cacheTags.document(slug)));
  return shown;
}

export function getLatestDocuments(limit: number) {
  tagPage(cacheTags.documents);
  return latestPublicDocuments(getDb(), limit);
}

export function getDocumentTypes() {
  tagPage(cacheTags.documents);
  return listDocumentTypes(getDb());
}

export function getSitemapDocuments() {
  tagPage(cacheTags.documents);
  return sitemapDocuments(getDb());
}
