import { dictionary } from "@zxcvbn-ts/language-common";
import { normalizeEmail } from "./email";

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

// Vietnamese favourites that English lists miss.
const VIETNAMESE_COMMON = ["matkhau", "matkhaucuatoi", "anhyeuem", "emyeuanh", "toilaai", "vietnam", "hanoi", "saigon", "quantri", "admin"];
const COMMON = new Set<string>([...(dictionary["passwords-common"] as string[]), ...VIETNAMESE_COMMON]);

function isCommon(password: string): boolean {
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return true;
  // "password2024!", "matkhau123456": a common word padded with digits and symbols is still common.
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/g, "");
  if (core.length > 0 && core.length < lower.length && COMMON.has(core)) return true;
  // One character repeated, or a straight run such as 123456789012 or abcdefghijkl.
  if (new Set(lower).size <= 2) return true;
  const codes = [...lower].map((c) => c.codePointAt(0)!);
  return codes.every((c, i) => i === 0 || c - codes[i - 1]! === 1) || codes.every((c, i) => i === 0 || codes[i - 1]! - c === 1);
}

/**
 * Why a password is refused, in Vietnamese, or null when it is acceptable. Rules from NIST and
 * OWASP: long enough, not absurdly long, no composition rules, not the e-mail, not a common one.
 */
export function passwordProblem(password: string, email: string): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return `Mật khẩu phải có ít nhất ${PASSWORD_MIN} ký tự.`;
  if (length > PASSWORD_MAX) return `Mật khẩu không được dài quá ${PASSWORD_MAX} ký tự.`;
  const lower = password.toLowerCase().trim();
  const mail = normalizeEmail(email);
  const local = mail.split("@")[0] ?? "";
  if (lower === mail || (local.length >= 4 && lower.includes(local))) return "Mật khẩu không được trùng hoặc chứa địa chỉ e-mail.";
  if (isCommon(password)) return "Mật khẩu này quá phổ biến, dễ bị đoán. Hãy chọn mật khẩu khác (ví dụ một câu ngắn dễ nhớ).";
  return null;
}
