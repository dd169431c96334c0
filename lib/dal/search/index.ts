import "server-only";
import { getDb } from "@/lib/dal/connection";
import type { PostStatus } from "@/db/schema";
import { searchPostIdsIn, searchPublishedIn, type PublicSearchParams, type SearchResults } from "@/lib/dal/search/queries";
import { requirePermission } from "@/lib/dal/session";

export { SEARCH_PAGE_SIZE, type PublicSearchParams, type SearchResultItem, type SearchResults } from "@/lib/dal/search/queries";

/**
 * Search for readers. Not cached: queries are unbounded, and a post that is unpublished or deleted
 * must leave the results at once; the published-and-not-in-the-future constraint is in the query.
 */
export async function searchPublished(params: PublicSearchParams): Promise<SearchResults> {
  return searchPublishedIn(getDb(), params);
}

/**
 * Ranked ids for the admin post list, any status. Only staff may search drafts; the post list then
 * keeps the ids its own visibility rule allows (e.g. an author's own posts).
 */
export async function searchPostIdsForStaff(q: string, options: { statuses?: readonly PostStatus[]; limit: number }): Promise<number[]> {
  await requirePermission("admin:enter");
  return searchPostIdsIn(getDb(), q, options);
}
