/** Search for readers: ./queries.ts on the app's connection. Public: the reader's constraint is inside the query. */
import "server-only";
import { tagPage } from "@/lib/cache/page-tags";
import { cacheTags } from "@/lib/cache/tags";
import { getDb } from "@/lib/dal/connection";
import { searchPublishedIn, type PublicSearchParams, type SearchResults } from "./queries";

export { SEARCH_PAGE_SIZE, type PublicSearchParams, type SearchResultItem, type SearchResults } from "./queries";

/**
 * The results page is kept under `home`, which every post change queues, so a post that is
 * unpublished or deleted leaves the results at once; the reader's constraint is in the query.
 */
export function searchPublished(params: PublicSearchParams): SearchResults {
  tagPage(cacheTags.home);
  return searchPublishedIn(getDb(), params);
}
