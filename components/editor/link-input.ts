import { isAllowedHref } from "@/lib/richtext/links";

export const LINK_MESSAGES = {
  empty: "Vui lòng nhập địa chỉ liên kết.",
  script: "Không được dùng liên kết “javascript:”: loại liên kết này có thể chạy mã độc trên máy người đọc.",
  scheme: "Liên kết phải bắt đầu bằng http://, https://, mailto: hoặc / (một trang trong trang tin này).",
  textEmpty: "Vui lòng nhập chữ hiển thị cho liên kết.",
} as const;

/**
 * The address a person typed, checked like the server checks it. A bare domain (`noip.gov.vn`) is
 * taken as https; everything else must already be allowed.
 */
export function checkLinkInput(raw: string): { href: string } | { error: string } {
  const typed = raw.trim();
  if (!typed) return { error: LINK_MESSAGES.empty };
  // Browsers ignore control characters and spaces inside a scheme, so "java\tscript:" is one too.
  if (/^javascript:/i.test(typed.replace(/[\u0000-\u0020\u007f-\u009f]+/g, ""))) return { error: LINK_MESSAGES.script };
  const href = /^[a-z0-9-]+(\.[a-z0-9-]+)+(\/\S*)?$/i.test(typed) && !typed.includes(":") ? `https://${typed}` : typed;
  return isAllowedHref(href) ? { href } : { error: LINK_MESSAGES.scheme };
}
