import { z } from "zod";
import { LANGUAGES, MENU_LOCATIONS } from "@/db/vocabulary";
import { MENU_LABEL_MAX, MENU_URL_MAX, type MenuTarget } from "@/lib/menus/tree";
import { cleanLine } from "@/lib/vi/text";

export const MENU_MESSAGES = {
  menuInvalid: "Không tìm thấy trình đơn này.",
  itemsInvalid: "Danh sách mục của trình đơn không hợp lệ. Vui lòng tải lại trang.",
  versionInvalid: "Phiên bản trình đơn không hợp lệ. Vui lòng tải lại trang.",
  labelRequired: "Vui lòng nhập tên hiển thị của mục.",
  labelTooLong: `Tên hiển thị không được dài quá ${MENU_LABEL_MAX} ký tự.`,
  urlInvalid: "Địa chỉ phải bắt đầu bằng https:// hoặc http:// (trang ngoài), hoặc / (một địa chỉ trong trang này).",
  urlTooLong: `Địa chỉ không được dài quá ${MENU_URL_MAX} ký tự.`,
  targetInvalid: "Mục trỏ tới một nội dung không hợp lệ.",
  postQueryRequired: "Vui lòng nhập tiêu đề, mã số hoặc địa chỉ của bài viết.",
} as const;

const length = (s: string) => [...s].length;

/** The rule for a (cleaned) label, shared by the editor and the data layer. */
export function menuLabelProblem(label: string): string | null {
  if (label === "") return MENU_MESSAGES.labelRequired;
  if (length(label) > MENU_LABEL_MAX) return MENU_MESSAGES.labelTooLong;
  return null;
}

const SITE_PATH = /^\/(?!\/)[^\s"'<>\\`]*$/;
const HTTP_URL = /^https?:\/\/[^\s"'<>\\`]+$/i;

/** An address a menu may hold: http(s) outside the site, or a path inside it; never javascript:, data: or a protocol-relative `//`. */
export function menuUrlProblem(url: string): string | null {
  if (length(url) > MENU_URL_MAX) return MENU_MESSAGES.urlTooLong;
  if (SITE_PATH.test(url)) return null;
  if (!HTTP_URL.test(url)) return MENU_MESSAGES.urlInvalid;
  try {
    const parsed = new URL(url);
    return (parsed.protocol === "http:" || parsed.protocol === "https:") && parsed.hostname.includes(".") ? null : MENU_MESSAGES.urlInvalid;
  } catch {
    return MENU_MESSAGES.urlInvalid;
  }
}

/** A menu item as the editor sends it. */
export type MenuItemInput = { label: string; depth: 0 | 1; target: MenuTarget };

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const target = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("category"), id }),
  z.object({ kind: z.literal("page"), id }),
  z.object({ kind: z.literal("post"), id }),
  z.object({ kind: z.literal("url"), url: z.string().max(MENU_URL_MAX * 2) }),
]);
const item = z.object({ label: z.string().max(MENU_LABEL_MAX * 4), depth: z.union([z.literal(0), z.literal(1)]), target });
const itemList = z.array(item).max(200);

/** The editor's save: which menu, the version it was based on, and its whole list of items (JSON). */
export const saveMenuSchema = z.object({
  location: z.enum(MENU_LOCATIONS, { error: MENU_MESSAGES.menuInvalid }),
  language: z.enum(LANGUAGES, { error: MENU_MESSAGES.menuInvalid }).default("vi"),
  version: z.coerce.number({ error: MENU_MESSAGES.versionInvalid }).int(MENU_MESSAGES.versionInvalid).min(0, MENU_MESSAGES.versionInvalid),
  items: z
    .string({ error: MENU_MESSAGES.itemsInvalid })
    .max(400_000, MENU_MESSAGES.itemsInvalid)
    .transform((text, ctx): MenuItemInput[] => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        ctx.addIssue({ code: "custom", message: MENU_MESSAGES.itemsInvalid });
        return z.NEVER;
      }
      const checked = itemList.safeParse(parsed);
      if (!checked.success) {
        ctx.addIssue({ code: "custom", message: MENU_MESSAGES.itemsInvalid });
        return z.NEVER;
      }
      return checked.data.map((entry) => ({ ...entry, label: cleanLine(entry.label), target: entry.target.kind === "url" ? { kind: "url", url: entry.target.url.trim() } : entry.target }));
    }),
});

/** Finding a post to link or feature: words of its title, its number, or its address (`/tin-tuc/…`). */
export const findPostsSchema = z.object({
  query: z.string({ error: MENU_MESSAGES.postQueryRequired }).trim().min(1, MENU_MESSAGES.postQueryRequired).max(2048, MENU_MESSAGES.postQueryRequired),
  language: z.enum(LANGUAGES).catch("vi"),
});
