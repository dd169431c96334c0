// The editorial workflow as data (PRODUCT.md, "Editorial workflow"): which move takes a post from
// which status to which, and who may make it. The data layer applies it on the server; the editor
// only uses it to decide which buttons to show.
import type { PostStatus, Role } from "@/db/vocabulary";
import { can, type Action } from "@/lib/auth/permissions";

/** The status a person sees: a published post whose time has not come is "scheduled". */
export type DisplayStatus = PostStatus | "scheduled";

export const POST_STATUS_LABELS: Record<DisplayStatus, string> = {
  draft: "Bản nháp",
  pending: "Chờ duyệt",
  scheduled: "Hẹn giờ",
  published: "Đã xuất bản",
  unpublished: "Đã gỡ",
};

export function displayStatus(status: PostStatus, publishedAt: Date | null, now: Date): DisplayStatus {
  return status === "published" && publishedAt && publishedAt.getTime() > now.getTime() ? "scheduled" : status;
}

export const TRANSITION_NAMES = ["submit", "withdraw", "reject", "publish", "schedule", "unschedule", "unpublish"] as const;
export type TransitionName = (typeof TRANSITION_NAMES)[number];

type Transition = {
  from: readonly DisplayStatus[];
  /** The stored status after the move (a scheduled post is stored as published with a future time). */
  to: PostStatus;
  permission: Action;
  /** Authors may make this move on their own posts only; editors on any post. */
  ownOnly?: true;
  label: string;
};

export const TRANSITIONS: Readonly<Record<TransitionName, Transition>> = {
  submit: { from: ["draft", "unpublished"], to: "pending", permission: "post:submit", ownOnly: true, label: "Gửi duyệt" },
  withdraw: { from: ["pending"], to: "draft", permission: "post:submit", ownOnly: true, label: "Rút lại để sửa" },
  reject: { from: ["pending"], to: "draft", permission: "post:publish", label: "Từ chối" },
  publish: { from: ["draft", "pending", "unpublished", "scheduled"], to: "published", permission: "post:publish", label: "Xuất bản" },
  schedule: { from: ["draft", "pending", "unpublished", "scheduled"], to: "published", permission: "post:publish", label: "Hẹn giờ xuất bản" },
  unschedule: { from: ["scheduled"], to: "draft", permission: "post:unpublish", label: "Huỷ hẹn giờ" },
  unpublish: { from: ["published"], to: "unpublished", permission: "post:unpublish", label: "Gỡ bài" },
};

export type WorkflowActor = { id: number; role: Role };
export type WorkflowPost = { authorId: number | null; status: DisplayStatus; deleted: boolean };

export type TransitionCheck = { ok: true } | { ok: false; reason: "forbidden" | "status"; message: string };

export const STATUS_WORDS: Record<DisplayStatus, string> = {
  draft: "bản nháp",
  pending: "đang chờ duyệt",
  scheduled: "đã hẹn giờ",
  published: "đã xuất bản",
  unpublished: "đã gỡ",
};

/** Whether this person may make this move on this post now, and if not, why (in Vietnamese). */
export function checkTransition(actor: WorkflowActor, post: WorkflowPost, name: TransitionName): TransitionCheck {
  const move = TRANSITIONS[name];
  const mayAtAll = can(actor.role, move.permission);
  const mayOnThis = mayAtAll && (!move.ownOnly || post.authorId === actor.id || can(actor.role, "post:edit-any"));
  if (!mayOnThis) return { ok: false, reason: "forbidden", message: `Bạn không có quyền “${move.label}” với bài viết này.` };
  if (post.deleted) return { ok: false, reason: "status", message: "Bài viết đang ở Thùng rác. Hãy khôi phục trước." };
  if (!move.from.includes(post.status)) {
    return { ok: false, reason: "status", message: `Không thể “${move.label}” khi bài viết ${STATUS_WORDS[post.status]}. Hãy tải lại trang để xem trạng thái mới nhất.` };
  }
  return { ok: true };
}

/** The moves this person can make on this post now, in the order the editor shows them. */
export function availableTransitions(actor: WorkflowActor, post: WorkflowPost): TransitionName[] {
  return TRANSITION_NAMES.filter((name) => checkTransition(actor, post, name).ok);
}
