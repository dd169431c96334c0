import { z } from "zod";
import { LANGUAGES, type PostStatus } from "@/db/vocabulary";
import { DEFAULT_SLUG_MAX_LENGTH } from "@/lib/vi/slug";
import { hasLoneSurrogate } from "@/lib/security/unicode";
import { cleanLine } from "@/lib/vi/text";
import { TRANSITION_NAMES } from "@/lib/workflow/transitions";
import { BODY_JSON_MAX } from "./request-limits";

/*
 * Post form and list rules, shared by the form (limits, hints) and the server actions (parsing).
 * Client code imports this module, so it imports nothing from db/ at runtime (types only).
 */

export const TITLE_MAX = 300;
export const SLUG_MAX = DEFAULT_SLUG_MAX_LENGTH;
export const LEAD_MAX = 1000;
export const SOURCE_MAX = 200;
export const CAPTION_MAX = 500;
/** Search engines cut longer titles and descriptions: these are the recommended lengths, shown as hints. */
export const SEO_TITLE_HINT = 70;
export const SEO_DESCRIPTION_HINT = 160;
/** Hard limits, well above the hints, so a long SEO text is a warning rather than a refusal. */
export const SEO_TITLE_MAX = 200;
export const SEO_DESCRIPTION_MAX = 320;
export { BODY_JSON_MAX };
export const SEARCH_MAX = 100;
/** The note an editor writes when sending a post back (Từ chối). */
export const REVIEW_NOTE_MAX = 1000;

export const POST_MESSAGES = {
  titleRequired: "Vui lòng nhập tiêu đề.",
  altTooLong: `Mô tả ảnh không được dài quá ${CAPTION_MAX} ký tự.`,
  titleTooLong: `Tiêu đề không được dài quá ${TITLE_MAX} ký tự.`,
  slugInvalid: "Đường dẫn chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ: hoi-nghi-tong-ket.",
  slugTooLong: `Đường dẫn không được dài quá ${SLUG_MAX} ký tự.`,
  slugTaken: "Đường dẫn này đã được dùng cho bài viết khác. Hãy chọn đường dẫn khác.",
  leadTooLong: `Sapo không được dài quá ${LEAD_MAX} ký tự.`,
  sourceTooLong: `Nguồn không được dài quá ${SOURCE_MAX} ký tự.`,
  captionTooLong: `Chú thích ảnh không được dài quá ${CAPTION_MAX} ký tự.`,
  seoTitleTooLong: `Tiêu đề SEO không được dài quá ${SEO_TITLE_MAX} ký tự.`,
  seoDescriptionTooLong: `Mô tả SEO không được dài quá ${SEO_DESCRIPTION_MAX} ký tự.`,
  categoryRequired: "Vui lòng chọn chuyên mục.",
  categoryMissing: "Chuyên mục này không còn tồn tại. Vui lòng chọn chuyên mục khác.",
  parentMissing: "Trang cha này không còn tồn tại. Vui lòng chọn trang cha khác.",
  mediaMissing: "Ảnh đại diện không còn trong thư viện ảnh. Vui lòng chọn ảnh khác.",
  publishedAtInvalid: "Thời gian xuất bản không hợp lệ. Hãy chọn ngày và giờ, ví dụ 31/12/2025 08:30.",
  bodyInvalid: "Nội dung bài viết không hợp lệ. Hãy tải lại trang và thử lại.",
  bodyTooLong: "Nội dung bài viết quá dài để lưu một lần.",
  bodyBadCharacters: "Nội dung bài viết có ký tự không hợp lệ (nửa cặp ký tự UTF-16). Hãy xoá ký tự lỗi, thường ở chỗ vừa dán, rồi lưu lại.",
  idInvalid: "Không tìm thấy bài viết này.",
  versionInvalid: "Thiếu thông tin phiên bản của bài viết. Hãy tải lại trang.",
  conflict:
    "Bài viết đã được người khác sửa sau khi bạn mở. Thay đổi của bạn chưa được lưu và vẫn còn trên màn hình: hãy sao chép phần vừa sửa, tải lại trang để xem bản mới nhất rồi sửa tiếp.",
} as const;

// Lengths are counted in code points after NFC, as a person counts letters: `ộ` is one.
const length = (s: string) => [...s].length;
const atMost = (max: number, message: string) => z.string().refine((s) => length(s) <= max, message);

/** A one-line text field: missing in a crafted request means empty, every kind of space becomes one. */
function line(max: number, tooLong: string) {
  return z.string({ error: tooLong }).default("").transform(cleanLine).pipe(atMost(max, tooLong));
}

const title = z
  .string({ error: POST_MESSAGES.titleRequired })
  .transform(cleanLine)
  .pipe(z.string().min(1, POST_MESSAGES.titleRequired).pipe(atMost(TITLE_MAX, POST_MESSAGES.titleTooLong)));

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Empty means "make one from the title"; otherwise exactly the format the public URLs use. */
const slug = z
  .string({ error: POST_MESSAGES.slugInvalid })
  .default("")
  .transform((s) => s.trim())
  .pipe(
    z
      .string()
      .max(SLUG_MAX, POST_MESSAGES.slugTooLong)
      .refine((s) => s === "" || SLUG_PATTERN.test(s), POST_MESSAGES.slugInvalid),
  );

const positiveId = (message: string) => z.coerce.number({ error: message }).int(message).positive(message);

// An empty select or hidden field is "none", not the number 0.
const optionalId = (message: string) =>
  z
    .union([z.literal(""), positiveId(message)], { error: message })
    .optional()
    .transform((v) => (v === "" || v === undefined ? null : v));

// Vietnam has been on UTC+7 without daylight saving since 1975 (see lib/vi/date-line.ts).
const VN_OFFSET_MS = 7 * 60 * 60 * 1000;
const pad2 = (n: number) => String(n).padStart(2, "0");

/**
 * A `datetime-local` value (`2025-12-31T08:30`, seconds optional) read as Vietnam wall-clock
 * time whatever the zone of the server or the browser; null when it is not a real date and time.
 */
export function parseVietnamDateTime(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?$/.exec(value.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? "0"].map(Number) as [number, number, number, number, number, number];
  if (y < 1900 || y > 2999 || h > 23 || mi > 59 || s > 59) return null;
  const utc = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(utc);
  // Date.UTC rolls 31/02 over into March; a date that does not round-trip does not exist.
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return new Date(utc - VN_OFFSET_MS);
}

/** The value a `datetime-local` input needs to show `instant` in Vietnam time (`2025-12-31T08:30`). */
export function toVietnamDateTimeInput(instant: Date | string | null | undefined): string {
  if (!instant) return "";
  const date = typeof instant === "string" ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) return "";
  const v = new Date(date.getTime() + VN_OFFSET_MS);
  return `${v.getUTCFullYear()}-${pad2(v.getUTCMonth() + 1)}-${pad2(v.getUTCDate())}T${pad2(v.getUTCHours())}:${pad2(v.getUTCMinutes())}`;
}

const publishedAt = z
  .string({ error: POST_MESSAGES.publishedAtInvalid })
  .default("")
  .transform((value, ctx) => {
    if (value.trim() === "") return null;
    const parsed = parseVietnamDateTime(value);
    if (!parsed) {
      ctx.addIssue({ code: "custom", message: POST_MESSAGES.publishedAtInvalid });
      return z.NEVER;
    }
    return parsed;
  });

/** An empty document: what a post without body text stores. */
export const EMPTY_DOCUMENT = { type: "doc", content: [{ type: "paragraph" }] } as const;

/**
 * The editor's JSON as a string; parsed here, checked against the editor's schema by the data
 * layer (lib/richtext/render.ts), which needs the server-side extensions.
 */
const body = z
  .string({ error: POST_MESSAGES.bodyInvalid })
  .default("")
  .transform((value, ctx): unknown => {
    if (value.length > BODY_JSON_MAX) {
      ctx.addIssue({ code: "custom", message: POST_MESSAGES.bodyTooLong });
      return z.NEVER;
    }
    if (value.trim() === "") return EMPTY_DOCUMENT;
    try {
      const parsed: unknown = JSON.parse(value);
      // JSON can spell half a character (`\ud800`); SQLite would store it as U+FFFD without a word.
      if (hasLoneSurrogate(parsed)) {
        ctx.addIssue({ code: "custom", message: POST_MESSAGES.bodyBadCharacters });
        return z.NEVER;
      }
      if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed;
    } catch {
      // Reported below, like any other shape that is not a document.
    }
    ctx.addIssue({ code: "custom", message: POST_MESSAGES.bodyInvalid });
    return z.NEVER;
  });

// A checkbox-like hidden field: "1" is on, anything else (or nothing) is off.
const flag = z
  .string()
  .optional()
  .transform((v) => v === "1")
  .catch(false);

/**
 * The post's plain text fields: typed in the form, stored as they are, compared, kept in
 * revisions and restored alike. A new one is a name here and its rule in postFieldsSchema (plus its
 * column, label and input); everything between the form and the database reads this list.
 */
export const POST_TEXT_FIELDS = ["title", "lead", "source", "seoTitle", "seoDescription"] as const;
export type PostTextField = (typeof POST_TEXT_FIELDS)[number];

/** The text fields of anything that has them (a form, a stored post, a revision). */
export function postTextOf<T extends Record<PostTextField, string>>(source: T): Record<PostTextField, string> {
  return Object.fromEntries(POST_TEXT_FIELDS.map((field) => [field, source[field]])) as Record<PostTextField, string>;
}

/** Every text field empty: the start of a post made without the form (an import, a test). */
export function blankPostText(): Record<PostTextField, string> {
  return Object.fromEntries(POST_TEXT_FIELDS.map((field) => [field, ""])) as Record<PostTextField, string>;
}

/**
 * What the post form sends. The category's existence (like the media's and the slug's uniqueness)
 * is a fact of the database, so the data layer checks it inside the saving transaction, where no
 * other request can change it between the check and the write.
 */
export const contentFieldsSchema = z.object({
  title,
  slug,
  /** The slug was generated from the title, not typed: the server may pick a free variant (`-2`). */
  slugAuto: flag,
  lead: line(LEAD_MAX, POST_MESSAGES.leadTooLong),
  source: line(SOURCE_MAX, POST_MESSAGES.sourceTooLong),
  featuredMediaId: optionalId(POST_MESSAGES.mediaMissing),
  featuredCaption: line(CAPTION_MAX, POST_MESSAGES.captionTooLong),
  /**
   * The featured image's description in this post's language. A Vietnamese post may leave it out (the library's
   * description is used); an English one has its own, since the library's is Vietnamese.
   */
  featuredAlt: line(CAPTION_MAX, POST_MESSAGES.altTooLong).optional(),
  /** An imported post's image has a URL but no library entry; kept unless the editor removes it. */
  keepLegacyImage: flag,
  publishedAt,
  seoTitle: line(SEO_TITLE_MAX, POST_MESSAGES.seoTitleTooLong),
  seoDescription: line(SEO_DESCRIPTION_MAX, POST_MESSAGES.seoDescriptionTooLong),
  body,
});

/** A news post's form: the content, in a category. */
export const postFieldsSchema = contentFieldsSchema.extend({ categoryId: positiveId(POST_MESSAGES.categoryRequired) });
export type PostFields = z.infer<typeof postFieldsSchema>;

/** A page's form: the content, under a parent page or at the top (no parent); its slug is its own segment of the path. */
export const pageFieldsSchema = contentFieldsSchema.extend({ parentId: optionalId(POST_MESSAGES.parentMissing) });
export type PageFields = z.infer<typeof pageFieldsSchema>;

/** What a save stores, whatever the kind: the content, and where the kind files it (a category, a parent page). */
export type ContentFields = z.infer<typeof contentFieldsSchema> & {
  categoryId?: number | null;
  parentId?: number | null;
  /** "Văn bản liên quan" picked for a news post or a page, in order; absent: the list stays as it is. */
  relatedDocuments?: number[];
};

export const postIdField = positiveId(POST_MESSAGES.idInvalid);
export const postVersionField = positiveId(POST_MESSAGES.versionInvalid);

export const RELATED_DOCUMENTS_MAX = 20;

/**
 * The picker's hidden field: the chosen documents as JSON (`[{"id":7,"number":"…",…}]`, the shape a
 * local copy restores on screen); only the ids are read. Absent when the form has no picker.
 */
const relatedDocumentsField = z
  .string()
  .optional()
  .transform((text, ctx) => {
    if (text === undefined) return undefined;
    let parsed: unknown;
    try {
      parsed = text.trim() === "" ? [] : JSON.parse(text);
    } catch {
      parsed = null;
    }
    const ids = Array.isArray(parsed) ? parsed.map((item) => (item && typeof item === "object" ? (item as { id?: unknown }).id : item)) : null;
    if (!ids || !ids.every((id) => Number.isSafeInteger(id) && (id as number) > 0) || ids.length > RELATED_DOCUMENTS_MAX) {
      ctx.addIssue({ code: "custom", message: `Danh sách văn bản liên quan không hợp lệ (tối đa ${RELATED_DOCUMENTS_MAX} văn bản). Hãy tải lại trang.` });
      return z.NEVER;
    }
    return [...new Set(ids as number[])];
  });

/**
 * What the writing screen sends, for any kind: a news post's category or a page's parent. `kind`
 * only picks the checks shown beside the fields; the data layer files an edit by the stored row's
 * kind, so a crafted kind changes nothing (a post without a category is refused there too).
 */
const formShape = contentFieldsSchema.extend({
  categoryId: optionalId(POST_MESSAGES.categoryRequired),
  parentId: optionalId(POST_MESSAGES.parentMissing),
  relatedDocuments: relatedDocumentsField,
}).shape;

/** A news post needs its category; a page without a parent is a top-level one (the data layer checks who may). */
function needsCategory(data: { kind?: string; categoryId: number | null }, ctx: z.RefinementCtx): void {
  if (data.kind === "post" && data.categoryId === null) ctx.addIssue({ code: "custom", path: ["categoryId"], message: POST_MESSAGES.categoryRequired });
}

/** Kinds written in the writing screen (PostForm); legal documents have their own screen (/admin/documents). */
export const WRITING_SCREEN_KINDS = ["post", "page"] as const;
export type WritingScreenKind = (typeof WRITING_SCREEN_KINDS)[number];

const kindField = z.enum(WRITING_SCREEN_KINDS, { error: "Loại nội dung không hợp lệ. Hãy tải lại trang." });

/** New content: a news post unless the form says otherwise. */
export const createPostSchema = z.object({ ...formShape, kind: kindField.default("post") }).superRefine(needsCategory);

const editShape = { ...formShape, kind: kindField.optional(), id: postIdField, version: postVersionField };

/** An edit: every save names the post and the version it was based on (optimistic concurrency). */
export const updatePostSchema = z.object(editShape).superRefine(needsCategory);

/** A save with a workflow move: which move (the button pressed) and, for a refusal, the note to the author. */
export const transitionPostSchema = z
  .object({
    ...editShape,
    intent: z.enum(TRANSITION_NAMES, { error: "Thao tác không hợp lệ. Hãy tải lại trang." }),
    reviewNote: z.string().default(""),
  })
  .superRefine(needsCategory);
export type UpdatePostInput = z.infer<typeof updatePostSchema>;

/** The name of a post's checkbox in the list's bulk form. */
export const bulkFieldName = (id: number) => `post-${id}`;
const BULK_FIELD = /^post-(\d{1,15})$/;

/**
 * Bulk actions of the list: one checkbox per post named `post-<id>`. Distinct names rather than a
 * repeated `ids` field, because form data reaches the actions as one value per name, and so the
 * form works without JavaScript.
 */
export const postIdsSchema = z.preprocess(
  (input) => {
    const fields = input && typeof input === "object" ? Object.keys(input) : [];
    return { ids: fields.flatMap((name) => BULK_FIELD.exec(name)?.[1] ?? []) };
  },
  z.object({
    ids: z.array(postIdField).min(1, "Vui lòng chọn ít nhất một bài viết.").max(200, "Mỗi lần chỉ xử lý được tối đa 200 bài viết."),
  }),
);

/** The as-you-type slug check. */
export const slugCheckSchema = z.object({
  slug: z.string().default(""),
  excludeId: z.union([z.literal(""), postIdField]).optional().transform((v) => (v === "" || v === undefined ? undefined : v)),
  /** A page's slug is one segment under its parent's path (none: a top-level page); absent for a news post. */
  page: z.object({ parentId: optionalId(POST_MESSAGES.parentMissing) }).optional(),
});

/** Statuses a list can be filtered by; `scheduled` is a published post whose time has not come. */
export const POST_LIST_STATUSES = ["draft", "pending", "scheduled", "published", "unpublished"] as const satisfies ReadonlyArray<PostStatus | "scheduled">;
export type PostListStatus = (typeof POST_LIST_STATUSES)[number];
export const POST_SORTS = ["updated", "published", "title"] as const;
export type PostSort = (typeof POST_SORTS)[number];

const idOrUndefined = z.coerce.number().int().positive().optional().catch(undefined);

/**
 * The list's query string. Anything odd in a URL is ignored rather than refused, since a
 * bookmarked or hand-edited address should still open the list.
 */
export const postListQuerySchema = z.object({
  q: z
    .string()
    .transform((s) => [...cleanLine(s)].slice(0, SEARCH_MAX).join(""))
    .catch(""),
  status: z.enum(POST_LIST_STATUSES).optional().catch(undefined),
  language: z.enum(LANGUAGES).optional().catch(undefined),
  category: idOrUndefined,
  author: idOrUndefined,
  sort: z.enum(POST_SORTS).optional().catch(undefined),
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
  trash: z
    .string()
    .optional()
    .transform((v) => v === "1")
    .catch(false),
  page: z.coerce.number().int().min(1).catch(1),
});
export type PostListQuery = z.infer<typeof postListQuerySchema>;

/** Emptying the trash cannot be undone, so the form asks for a ticked confirmation. */
export const emptyTrashSchema = z.object({
  confirm: z.literal("1", { error: "Hãy đánh dấu xác nhận rằng bạn muốn xoá hẳn mọi bài trong thùng rác." }),
});

/** The new-content address: `/admin/posts/new?kind=page&parent=12` starts a page under page 12. Odd values are ignored. */
export const newContentQuerySchema = z.object({
  kind: z.enum(WRITING_SCREEN_KINDS).catch("post"),
  parent: z.coerce.number().int().positive().optional().catch(undefined),
});
