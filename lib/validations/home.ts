import { z } from "zod";
import { LANGUAGES } from "@/db/vocabulary";
import { parseVietnamDateTime } from "./post";

export const HOME_MESSAGES = {
  layoutInvalid: "Bố cục trang chủ gửi lên không hợp lệ. Vui lòng tải lại trang.",
  versionInvalid: "Phiên bản bố cục không hợp lệ. Vui lòng tải lại trang.",
  endsAtInvalid: "Thời điểm kết thúc không hợp lệ. Hãy chọn ngày và giờ, ví dụ 31/12/2026 17:00.",
  endsAtPast: "Thời điểm kết thúc đã qua. Hãy chọn một thời điểm sau bây giờ, hoặc để trống.",
  postMissing: "Bài viết này không còn tồn tại.",
  postTrashed: "Bài viết này đang ở thùng rác.",
  tooManyFeatured: (max: number) => `Trang chủ có tối đa ${max} tin nổi bật.`,
  tooManyBlocks: (max: number) => `Trang chủ có tối đa ${max} khối chuyên mục.`,
  duplicateFeatured: "Một bài viết chỉ được chọn làm tin nổi bật một lần.",
  categoryMissing: "Chuyên mục này không còn tồn tại.",
} as const;

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** A featured story as the editor sends it: the post and, if it should stop being featured, when (Vietnam time, `datetime-local`). */
export type FeaturedInput = { postId: number; endsAt: string };

const json = <T extends z.ZodType>(schema: T) =>
  z
    .string({ error: HOME_MESSAGES.layoutInvalid })
    .max(100_000, HOME_MESSAGES.layoutInvalid)
    .transform((text, ctx): z.infer<T> => {
      try {
        const parsed = schema.safeParse(JSON.parse(text));
        if (parsed.success) return parsed.data;
      } catch {
        // handled below
      }
      ctx.addIssue({ code: "custom", message: HOME_MESSAGES.layoutInvalid });
      return z.NEVER;
    });

export const saveHomeSchema = z.object({
  language: z.enum(LANGUAGES, { error: HOME_MESSAGES.layoutInvalid }).default("vi"),
  version: z.coerce.number({ error: HOME_MESSAGES.versionInvalid }).int(HOME_MESSAGES.versionInvalid).min(0, HOME_MESSAGES.versionInvalid),
  featured: json(z.array(z.object({ postId: id, endsAt: z.string().max(40) })).max(50)),
  blockCategoryIds: json(z.array(id).max(50)),
  announcementsCategoryId: z
    .string({ error: HOME_MESSAGES.layoutInvalid })
    .default("")
    .transform((value, ctx) => {
      if (value === "") return null;
      if (/^[1-9]\d{0,12}$/.test(value)) return Number(value);
      ctx.addIssue({ code: "custom", message: HOME_MESSAGES.categoryMissing });
      return z.NEVER;
    }),
});

/** An end time as typed (empty: no end), or the message for it. */
export function parseEndsAt(value: string): { ok: true; at: Date | null } | { ok: false; message: string } {
  if (value.trim() === "") return { ok: true, at: null };
  const at = parseVietnamDateTime(value);
  return at ? { ok: true, at } : { ok: false, message: HOME_MESSAGES.endsAtInvalid };
}
