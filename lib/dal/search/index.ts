/** Search for readers: ./queries.ts on the app's connection. Public: the reader's constraint is inside the query. */
import "server-only";
import { getDb } from "@/lib/dal/connection";
import { searchPublishedIn, type PublicSearchParams, type SearchResults } from "./queries";

export { SEARCH_PAGE_SIZE, type PublicSearchParams, type SearchResultItem, type SearchResults } from "./queries";

/**
 * Not cached as data: queries are unbounded, and a post that is unpublished or deleted must leave
 * the results at once; the published-and-not-in-the-future constraint is in the query.
 */
export async function searchPublished(params: PublicSearchParams): Promise<SearchResults> {
  return searchPublishedIn(getDb(), params);
}
