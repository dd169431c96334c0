import "server-only";
import { MESSAGES, type ActionState } from "@/lib/auth/guards";
import type { PostChoice } from "@/lib/dal/menus";

/** The answer of a post search (menus, home page): the posts found, as small DTOs, and a sentence for the live region. */
export function postChoicesState(found: PostChoice[] | null, values: Record<string, string>): ActionState {
  if (found === null) return { message: MESSAGES.forbidden, values };
  if (found.length === 0) return { message: "Không tìm thấy bài viết nào. Hãy thử tiêu đề khác, mã số bài viết hoặc địa chỉ /tin-tuc/….", values, data: [] };
  return { ok: true, message: `Tìm thấy ${found.length} bài viết.`, values, data: found };
}
