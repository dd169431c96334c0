/**
 * The database side of the staff post screens, one file per job under lib/dal/posts/. Every
 * function takes the database and the acting staff member explicitly, so the rules (who sees and
 * edits what, versions, slugs, one transaction per change) can be tested without a request;
 * lib/dal/posts.ts supplies both from the session and is the only caller in the app.
 *
 * Who may see a post is a query constraint (`visiblePostsWhere`) inside every read, so a list or a
 * single read cannot forget it; who may change it is checked on the row read in the same
 * transaction as the write.
 */
import "server-only";

export {
  canEditPost,
  canTrashPost,
  displayStatus,
  POST_ADMIN_MESSAGES,
  POST_STATUS_LABELS,
  PostDeniedError,
  visiblePostsWhere,
  type DisplayStatus,
  type PostActor,
  type PostChangeFailure,
  type PostChangeResult,
  type PostField,
  type PostSaved,
} from "./posts/access";
export { dashboardFor, DASHBOARD_LIMIT, type Dashboard, type DashboardItem, type DashboardSection } from "./posts/dashboard";
export { autosavePostFor, discardPendingDraftFor, getCurrentVersionFor, getPendingDraftFor, type AutosaveOutcome, type CurrentVersion, type PendingDraft } from "./posts/autosave";
export { mediaIdsInDocument } from "./posts/images";
export {
  listAuthorOptionsFor,
  listCategoryOptionsFor,
  listPostsFor,
  POST_SEARCH_LIMIT,
  POSTS_PAGE_SIZE,
  type Option,
  type PostListFilter,
  type PostListItem,
  type PostPage,
} from "./posts/list";
export { leavePresenceFor, PRESENCE_WINDOW_MS, touchPresenceFor } from "./posts/presence";
export { checkSlugFor, getPostForEditFor, getPostPreviewFor, postExists, type PostDetail, type PostPreview, type SlugCheck } from "./posts/read";
export { createPostFor, updatePostFor } from "./posts/save";
export { TRANSITION_MESSAGES, type TransitionRequest } from "./posts/transition";
export { emptyTrashFor, restorePostsFor, trashPostsFor } from "./posts/trash";
export { addCorrectionFor, CORRECTION_ADMIN_MESSAGES, listCorrectionsFor, type CorrectionItem, type PostCorrections } from "./posts/corrections";
export {
  compareRevisionsFor,
  getRevisionFor,
  listRevisionsFor,
  restoreRevisionFor,
  REVISION_MESSAGES,
  REVISIONS_PAGE_SIZE,
  type RevisionComparison,
  type RevisionHistory,
  type RevisionOption,
  type RevisionPost,
  type RevisionSummary,
  type RevisionView,
} from "./posts/revisions";
