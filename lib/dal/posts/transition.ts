// A workflow move made together with a save: what status, time and review note it stores, and
// what it logs. The rules themselves (who, from where) are data in lib/workflow/transitions.ts.
import "server-only";
import type { ContentKind, PostStatus } from "@/db/schema";
import { REVIEW_NOTE_MAX } from "@/lib/validations/post";
import { logActivity, type ActivityAction } from "@/lib/dal/activity/log";
import { publishRefusal, type ChecklistInput } from "@/lib/workflow/checklist";
import { checkTransition, displayStatus, type TransitionName } from "@/lib/workflow/transitions";

import { type Tx } from "@/lib/dal/connection";
import { quoted } from "@/lib/dal/activity/log";
import { type Actor } from "@/lib/dal/actor";
import { type ChangeFailure } from "@/lib/dal/result";

export type TransitionRequest = { name: TransitionName; note?: string };

export const TRANSITION_MESSAGES = {
  noteRequired: "Vui lòng ghi lý do từ chối để tác giả biết cần sửa gì.",
  noteTooLong: `Ghi chú không được dài quá ${REVIEW_NOTE_MAX} ký tự.`,
  futureRequired: "Hãy chọn thời điểm xuất bản trong tương lai để hẹn giờ.",
} as const;

type Current = { authorId: number | null; status: PostStatus; publishedAt: Date | null; deletedAt: Date | null };
type Planned = { status: PostStatus; publishedAt: Date | null; review?: { note: string; by: string; at: Date | null } };

const LOGGED: Record<TransitionName, ActivityAction> = {
  submit: "post.submit",
  withdraw: "post.withdraw",
  reject: "post.reject",
  publish: "post.publish",
  schedule: "post.schedule",
  unschedule: "post.unschedule",
  unpublish: "post.unpublish",
};

/** What a move says it did, in the words of the kind: "bài"/"bài viết" for news, "trang" for a page. */
function done(name: TransitionName, kind: ContentKind): string {
  const [short, noun] = kind === "page" ? ["trang", "trang"] : ["bài", "bài viết"];
  const said: Record<TransitionName, string> = {
    submit: `Đã gửi ${short} cho biên tập viên duyệt.`,
    withdraw: `Đã rút ${short} về bản nháp.`,
    reject: `Đã từ chối và trả ${short} về cho tác giả kèm ghi chú.`,
    publish: `Đã xuất bản ${noun}.`,
    schedule: `Đã hẹn giờ xuất bản ${noun}.`,
    unschedule: `Đã huỷ hẹn giờ; ${noun} trở về bản nháp.`,
    unpublish: `Đã gỡ ${short} khỏi trang tin.`,
  };
  return said[name];
}

/**
 * The status and time a save stores. Without a move, the post keeps its status; with one, the move
 * must be allowed for this person from the post's current status, and publishing (now or at a set
 * time) must pass the pre-publish checklist and have no accessibility errors. A save of a public
 * post is itself a publication of the new text, so it must pass both too.
 */
export function planStatus(
  actor: Actor,
  row: Current,
  request: TransitionRequest | undefined,
  content: ChecklistInput & { publishedAt: Date | null },
  now: Date,
): ({ ok: true } & Planned) | ChangeFailure {
  const current = displayStatus(row.status, row.publishedAt, now);
  if (!request) {
    if (row.status === "published") {
      const refusal = publishRefusal(content);
      if (refusal) return { ok: false, message: refusal };
    }
    // An emptied time field never takes a published post off the site (a null time is never public).
    const keptTime = row.status === "published" ? row.publishedAt : null;
    return { ok: true, status: row.status, publishedAt: content.publishedAt ?? keptTime };
  }
  const check = checkTransition(actor, { authorId: row.authorId, status: current, deleted: Boolean(row.deletedAt) }, request.name);
  if (!check.ok) return { ok: false, message: check.message, ...(check.reason === "forbidden" ? { denied: true as const } : {}) };

  switch (request.name) {
    case "publish":
    case "schedule": {
      const refusal = publishRefusal(content);
      if (refusal) return { ok: false, message: refusal };
      const chosen = content.publishedAt;
      if (request.name === "schedule") {
        if (!chosen || chosen.getTime() <= now.getTime()) return { ok: false, field: "publishedAt", message: TRANSITION_MESSAGES.futureRequired };
        return { ok: true, status: "published", publishedAt: chosen };
      }
      // "Publish now" keeps a time in the past (a re-publication, a backdated notice), never a future one.
      return { ok: true, status: "published", publishedAt: chosen && chosen.getTime() <= now.getTime() ? chosen : now };
    }
    case "reject": {
      const note = (request.note ?? "").trim();
      if (!note) return { ok: false, message: TRANSITION_MESSAGES.noteRequired };
      if ([...note].length > REVIEW_NOTE_MAX) return { ok: false, message: TRANSITION_MESSAGES.noteTooLong };
      return { ok: true, status: "draft", publishedAt: content.publishedAt, review: { note, by: actor.name, at: now } };
    }
    case "submit":
      // A post sent again for review no longer carries the last refusal.
      return { ok: true, status: "pending", publishedAt: content.publishedAt, review: { note: "", by: "", at: null } };
    case "withdraw":
    case "unschedule":
      return { ok: true, status: "draft", publishedAt: content.publishedAt };
    case "unpublish":
      return { ok: true, status: "unpublished", publishedAt: row.publishedAt };
  }
}

/** Logs the move and says it is done; for a publish whose time is ahead, it says when. */
export function logTransition(tx: Tx, actor: Actor, id: number, title: string, request: TransitionRequest, publishedAt: Date | null, kind: ContentKind = "post"): string {
  const when = request.name === "publish" || request.name === "schedule" ? ` lúc ${publishedAt?.toISOString() ?? ""}` : "";
  const note = request.name === "reject" ? `: ${request.note?.trim() ?? ""}` : "";
  logActivity(tx, { actor, action: LOGGED[request.name], objectType: "post", objectId: id, summary: `${quoted(title)}${when}${note}`, ip: actor.ip });
  return done(request.name, kind);
}
