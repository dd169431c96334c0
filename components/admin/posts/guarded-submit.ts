import type { ActionState } from "@/lib/auth/guards";
import { BODY_JSON_MAX, POST_MESSAGES } from "@/lib/validations/post";

export const SEND_FAILED =
  "Không gửi được bài viết đến máy chủ (mất kết nối, hoặc máy chủ không nhận yêu cầu này). Mọi thứ bạn đã nhập vẫn còn trên màn hình; hãy thử lại sau giây lát.";

/**
 * The post form's submit, made safe for what was typed: a body longer than the validation takes is
 * refused here with the field's own message (the server would refuse it too), and a request that
 * fails on the way (lost network, 413, 500) becomes a message in the form instead of an error
 * thrown into React, which would replace the editor with Next's error screen. The previous state
 * is not sent back to the server: it can hold a whole refused body.
 */
export function guardedSubmit(send: (formData: FormData) => Promise<ActionState>): (previous: ActionState, formData: FormData) => Promise<ActionState> {
  return async (_previous, formData) => {
    const body = formData.get("body");
    if (typeof body === "string" && body.length > BODY_JSON_MAX) return { message: POST_MESSAGES.bodyTooLong, errors: { body: POST_MESSAGES.bodyTooLong } };
    try {
      return await send(formData);
    } catch (error) {
      console.error("[post form] save failed", error);
      return { message: SEND_FAILED };
    }
  };
}
