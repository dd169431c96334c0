import { z } from "zod";
import { cleanLine } from "@/lib/vi/text";

export const MEDIA_ALT_MAX = 250;
export const MEDIA_CAPTION_MAX = 500;
export const MEDIA_SEARCH_MAX = 100;

export const MEDIA_FIELD_MESSAGES = {
  idInvalid: "Không tìm thấy ảnh này.",
  altTooLong: `Mô tả ảnh không được dài quá ${MEDIA_ALT_MAX} ký tự.`,
  captionTooLong: `Chú thích không được dài quá ${MEDIA_CAPTION_MAX} ký tự.`,
  textInvalid: "Nội dung không hợp lệ.",
} as const;

// Counted in code points after NFC, as a person counts letters.
const length = (s: string) => [...s].length;

const id = z.coerce.number({ error: MEDIA_FIELD_MESSAGES.idInvalid }).int(MEDIA_FIELD_MESSAGES.idInvalid).positive(MEDIA_FIELD_MESSAGES.idInvalid);

const line = (max: number, tooLong: string) =>
  z
    .string({ error: MEDIA_FIELD_MESSAGES.textInvalid })
    .transform(cleanLine)
    .pipe(z.string().refine((s) => length(s) <= max, tooLong));

export const mediaUpdateSchema = z.object({
  id,
  alt: line(MEDIA_ALT_MAX, MEDIA_FIELD_MESSAGES.altTooLong),
  caption: line(MEDIA_CAPTION_MAX, MEDIA_FIELD_MESSAGES.captionTooLong),
});

export const mediaIdSchema = z.object({ id });

/** The library's search and page, from the address bar (page) or the picker's request (route). */
export const mediaListQuerySchema = z.object({
  q: z
    .string()
    .transform((s) => [...cleanLine(s)].slice(0, MEDIA_SEARCH_MAX).join(""))
    .catch(""),
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1),
});
export type MediaListQuery = z.infer<typeof mediaListQuerySchema>;
