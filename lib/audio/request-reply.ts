import "server-only";
import { LANGUAGES, type Language } from "@/db/vocabulary";
import { readAudioSettings } from "@/lib/config/audio";
import type { AudioRequest } from "@/lib/dal/audio/public";
import { isSameOrigin } from "@/lib/security/same-origin";

/*
 * The answer to a reader's request for a recording (POST /api/audio/<post>/<language>): JSON for the
 * player, which polls until the recording is ready; for the button shown without JavaScript, a
 * redirect back to the article (which then says the recording is being prepared), or a short page
 * saying why not.
 */

export const AUDIO_REQUEST_TEXT = {
  crossSite: "Yêu cầu bị từ chối vì được gửi từ một trang web khác.",
  missing: "Không tìm thấy bài viết.",
  off: "Trang tin chưa bật bản ghi âm.",
  busy: "Máy chủ đang bận chuẩn bị các bản ghi âm khác. Vui lòng thử lại sau ít phút.",
  failed: "Chưa tạo được bản ghi âm của bài viết. Vui lòng thử lại sau.",
  back: "Quay lại bài viết",
} as const;

type Key = { postId: number; language: Language };
const NO_STORE = { "Cache-Control": "private, no-store" };

function page(status: number, message: string, back: string): Response {
  const html = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Bản ghi âm</title></head><body><main><p>${message}</p><p><a href="${back}">${AUDIO_REQUEST_TEXT.back}</a></p></main></body></html>`;
  return new Response(html, { status, headers: { ...NO_STORE, "Content-Type": "text/html; charset=utf-8" } });
}

export async function audioReply(request: Request, postIdText: string, languageText: string, ask: (key: Key) => AudioRequest): Promise<Response> {
  const wantsJson = (request.headers.get("accept") ?? "").includes("application/json");
  const refuse = (status: number, state: string, message: string, back = "/") =>
    wantsJson ? Response.json({ state, error: message }, { status, headers: NO_STORE }) : page(status, message, back);
  if (!isSameOrigin(request)) return refuse(403, "refused", AUDIO_REQUEST_TEXT.crossSite);
  const postId = /^[1-9]\d{0,9}$/.test(postIdText) ? Number(postIdText) : Number.NaN;
  const language = LANGUAGES.find((l) => l === languageText);
  if (!Number.isSafeInteger(postId) || !language) return refuse(404, "missing", AUDIO_REQUEST_TEXT.missing);
  if (readAudioSettings().engine === "off") return refuse(404, "off", AUDIO_REQUEST_TEXT.off);

  const result = ask({ postId, language });
  if (result.kind === "missing") return refuse(404, "missing", AUDIO_REQUEST_TEXT.missing);
  const article = `/tin-tuc/${result.slug}`;
  if (result.kind === "busy" || result.kind === "failed") {
    const retryAfter = result.kind === "busy" ? "60" : "600";
    const response = refuse(503, result.kind, AUDIO_REQUEST_TEXT[result.kind], article);
    response.headers.set("Retry-After", retryAfter);
    return response;
  }
  if (!wantsJson) return new Response(null, { status: 303, headers: { ...NO_STORE, Location: `${article}#ban-ghi-am` } });
  if (result.kind === "ready") return Response.json({ state: "ready", src: result.src, durationSeconds: result.durationSeconds, bytes: result.bytes }, { headers: NO_STORE });
  return Response.json({ state: "preparing" }, { status: 202, headers: NO_STORE });
}
