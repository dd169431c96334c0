import { z } from "zod";
import { cleanLine } from "@/lib/vi/text";

/** The text fields of the site's settings, their labels and limits (letters, as a person counts them). */
export const SITE_TEXT_FIELDS = {
  name: { label: "Tên cơ quan", max: 150, required: true },
  parent: { label: "Cơ quan chủ quản", max: 150, required: false },
  address: { label: "Địa chỉ", max: 300, required: false },
  phone: { label: "Điện thoại", max: 60, required: false },
  hotline: { label: "Đường dây nóng", max: 60, required: false },
  email: { label: "Thư điện tử", max: 254, required: false },
  workingHours: { label: "Giờ làm việc", max: 300, required: false },
  copyright: { label: "Dòng bản quyền", max: 300, required: false },
  sourceNote: { label: "Dòng ghi nguồn", max: 300, required: false },
} as const;
export type SiteTextField = keyof typeof SITE_TEXT_FIELDS;
export const SITE_TEXT_FIELD_NAMES = Object.keys(SITE_TEXT_FIELDS) as SiteTextField[];

export const SITE_MESSAGES = {
  nameRequired: "Vui lòng nhập tên cơ quan.",
  tooLong: (label: string, max: number) => `${label} không được dài quá ${max} ký tự.`,
  phoneInvalid: "Số điện thoại chỉ gồm chữ số, dấu cách và các dấu + ( ) . - /, ví dụ (024) 3858 3069.",
  emailInvalid: "Địa chỉ thư điện tử không hợp lệ, ví dụ vanthu@ipvietnam.gov.vn.",
  versionInvalid: "Phiên bản cài đặt không hợp lệ. Vui lòng tải lại trang.",
  logoTooLarge: "Tệp logo lớn hơn 5 MB. Vui lòng chọn ảnh nhỏ hơn.",
  logoInvalid: "Tệp logo không hợp lệ.",
} as const;

export const LOGO_MAX_BYTES = 5 * 1024 * 1024;

const length = (s: string) => [...s].length;
const PHONE = /^[0-9+().\-/ ]*[0-9][0-9+().\-/ ]*$/;
// A practical check (one @, a dot in the domain, no spaces); the mail server has the last word.
const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;

/** The problem with one (cleaned) field, or null: shared by the form and the data layer. */
export function siteFieldProblem(field: SiteTextField, value: string): string | null {
  const rule = SITE_TEXT_FIELDS[field];
  if (rule.required && value === "") return SITE_MESSAGES.nameRequired;
  if (length(value) > rule.max) return SITE_MESSAGES.tooLong(rule.label, rule.max);
  if (value === "") return null;
  if ((field === "phone" || field === "hotline") && !PHONE.test(value)) return SITE_MESSAGES.phoneInvalid;
  if (field === "email" && !EMAIL.test(value)) return SITE_MESSAGES.emailInvalid;
  return null;
}

const field = (name: SiteTextField) =>
  z
    .string()
    .optional()
    .transform((value) => cleanLine(value ?? ""))
    .superRefine((value, ctx) => {
      const problem = siteFieldProblem(name, value);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    });

const checkbox = z.literal("on", { error: "Giá trị không hợp lệ." }).optional();

/** The settings form: every text field, the version it was based on, and the logo file or its removal. */
export const siteSettingsSchema = z.object({
  ...(Object.fromEntries(SITE_TEXT_FIELD_NAMES.map((name) => [name, field(name)])) as { [K in SiteTextField]: ReturnType<typeof field> }),
  version: z.coerce.number({ error: SITE_MESSAGES.versionInvalid }).int(SITE_MESSAGES.versionInvalid).min(0, SITE_MESSAGES.versionInvalid),
  removeLogo: checkbox,
  // A form without a chosen file sends an empty File (or nothing, without JavaScript).
  logo: z
    .custom<File | string | undefined>((value) => value === undefined || typeof value === "string" || value instanceof File, { message: SITE_MESSAGES.logoInvalid })
    .transform((value) => (value instanceof File && value.size > 0 ? value : null))
    .refine((file) => file === null || file.size <= LOGO_MAX_BYTES, { message: SITE_MESSAGES.logoTooLarge }),
});

export type SiteTextValues = { [K in SiteTextField]: string };
