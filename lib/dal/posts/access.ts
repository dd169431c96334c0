// Who may see and change which post, and how the answer is put: the status a person sees and the
// refusal messages.
import "server-only";
import { eq, sql, type SQL } from "drizzle-orm";
import { posts, type PostStatus } from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import type { PostFields } from "@/lib/validations/post";
import { requireRole, type Actor } from "@/lib/dal/actor";

export { displayStatus, POST_STATUS_LABELS, type DisplayStatus } from "@/lib/workflow/transitions";

export const POST_ADMIN_MESSAGES = {
  notFound: "Không tìm thấy bài viết này, hoặc bạn không có quyền xem.",
  forbiddenEdit: "Bạn không có quyền sửa bài viết này. Tác giả chỉ sửa được bản nháp và bài chờ duyệt của chính mình.",
  forbiddenTrash: "Bạn chỉ được chuyển vào thùng rác bản nháp của chính mình. Không bài nào bị chuyển.",
  inTrash: "Bài viết đang ở Thùng rác. Hãy khôi phục trước khi sửa.",
  someMissing: "Không tìm thấy một số bài viết đã chọn. Không bài nào bị thay đổi.",
  bodyUnsupported: "Nội dung bài viết có thành phần không được hỗ trợ nên chưa được lưu. Hãy xoá phần vừa dán hoặc chèn rồi thử lại.",
  // Typically after an autosave: everything on the screen is already stored.
  unchanged: "Đã lưu: bài viết không có thay đổi mới so với bản đã lưu.",
  documentElsewhere: "Văn bản được sửa ở màn hình Văn bản, cùng các trường của sổ văn bản.",
} as const;

/** Every staff role may work with posts (each within its own rules); no session, no posts. */
export function assertStaff(actor: Actor | null): asserts actor is Actor {
  requireRole(actor, "post:create");
}

/**
 * The posts a staff member may see, as a `where` clause every list and single read includes:
 * editors and admins see every post, authors only their own.
 */
export function visiblePostsWhere(actor: Actor): SQL {
  if (can(actor.role, "post:edit-any")) return sql`1 = 1`;
  return eq(posts.authorId, actor.id);
}

type AccessRow = { authorId: number | null; status: PostStatus; deletedAt: Date | null };

/** Editors edit any post; authors only their own drafts and posts waiting for review. */
export function canEditPost(actor: Actor, row: AccessRow): boolean {
  if (row.deletedAt) return false;
  if (can(actor.role, "post:edit-any")) return true;
  return can(actor.role, "post:edit-own") && row.authorId === actor.id && (row.status === "draft" || row.status === "pending");
}

/** Editors trash any post; authors only their own drafts. */
export function canTrashPost(actor: Actor, row: AccessRow): boolean {
  if (row.deletedAt) return false;
  if (can(actor.role, "post:delete-any")) return true;
  return can(actor.role, "post:delete-own-draft") && row.authorId === actor.id && row.status === "draft";
}

export type PostField = keyof PostFields | "version" | "ids";
export type PostSaved = { id: number; version: number; slug: string };
