import { describe, expect, it, vi } from "vitest";
import { guardedSubmit, SEND_FAILED } from "@/components/admin/posts/guarded-submit";
import { BODY_JSON_MAX, POST_MESSAGES } from "@/lib/validations/post";

const form = (body: string) => {
  const data = new FormData();
  data.set("title", "Tiêu đề");
  data.set("body", body);
  return data;
};

describe("guardedSubmit (the post form's submit)", () => {
  it("turns a failed request into a message instead of an error thrown into React", async () => {
    const submit = guardedSubmit(() => Promise.reject(new Error("An unexpected response was received from the server.")));
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect(await submit({}, form("{}"))).toEqual({ message: SEND_FAILED });
  });

  it("refuses a body longer than the validation takes without sending it", async () => {
    const send = vi.fn();
    expect(await guardedSubmit(send)({}, form("x".repeat(BODY_JSON_MAX + 1)))).toMatchObject({ errors: { body: POST_MESSAGES.bodyTooLong } });
    expect(send).not.toHaveBeenCalled();
  });

  it("sends only the form: a previous refusal, which can hold a whole body, stays in the browser", async () => {
    const send = vi.fn(async () => ({ ok: true, message: "Đã lưu bài viết." }));
    const previous = { message: "Bị từ chối", values: { body: "x".repeat(1000) } };
    expect(await guardedSubmit(send)(previous, form("{}"))).toEqual({ ok: true, message: "Đã lưu bài viết." });
    expect(send).toHaveBeenCalledWith(expect.any(FormData));
  });
});
