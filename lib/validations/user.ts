import { z } from "zod";
import { ROLES, USER_STATUSES } from "@/db/vocabulary";
import { normalizeEmail } from "@/lib/auth/email";
import { PASSWORD_MAX, passwordProblem } from "@/lib/auth/password-rules";
import { cleanLine } from "@/lib/vi/text";

export const NAME_MAX = 120;
export const EMAIL_MAX = 254;
export const UNIT_MAX = 200;
export const SEARCH_MAX = 100;

export const USER_MESSAGES = {
  nameRequired: "Vui lòng nhập họ tên.",
  nameTooLong: `Họ tên không được dài quá ${NAME_MAX} ký tự.`,
  emailRequired: "Vui lòng nhập e-mail.",
  emailInvalid: "E-mail không hợp lệ.",
  emailTooLong: `E-mail không được dài quá ${EMAIL_MAX} ký tự.`,
  roleInvalid: "Vai trò không hợp lệ.",
  unitInvalid: "Đơn vị không hợp lệ.",
  unitTooLong: `Đơn vị không được dài quá ${UNIT_MAX} ký tự.`,
  passwordInvalid: "Mật khẩu không hợp lệ.",
  passwordTooLong: `Mật khẩu không được dài quá ${PASSWORD_MAX} ký tự.`,
  idInvalid: "Không tìm thấy người dùng này.",
} as const;

// Lengths are counted in code points after NFC, as a person counts letters: `ộ` is one.
const length = (s: string) => [...s].length;

// Every field gets its own Vietnamese message even when a crafted request sends a file or
// leaves the field out, since zod's defaults are English.
/** A person's name, as the admin's user form and the person's own profile take it. */
export const userNameField = z
  .string({ error: USER_MESSAGES.nameRequired })
  .transform(cleanLine)
  .pipe(
    z
      .string()
      .min(1, USER_MESSAGES.nameRequired)
      .refine((s) => length(s) <= NAME_MAX, USER_MESSAGES.nameTooLong),
  );

const email = z
  .string({ error: USER_MESSAGES.emailRequired })
  .transform(normalizeEmail)
  // The pipe stops at the first failing stage, so an empty field says "required", not "invalid".
  .pipe(z.string().min(1, USER_MESSAGES.emailRequired).max(EMAIL_MAX, USER_MESSAGES.emailTooLong))
  .pipe(z.email(USER_MESSAGES.emailInvalid));

const role = z.enum(ROLES, { error: USER_MESSAGES.roleInvalid });

const unit = z
  .string({ error: USER_MESSAGES.unitInvalid })
  .default("")
  .transform(cleanLine)
  .pipe(z.string().refine((s) => length(s) <= UNIT_MAX, USER_MESSAGES.unitTooLong));

// Passwords are never trimmed or normalized beyond what the user typed: spaces are characters too.
const optionalPassword = z
  .string({ error: USER_MESSAGES.passwordInvalid })
  .optional()
  .transform((s) => (s ? s : undefined))
  .refine((s) => s === undefined || length(s) <= PASSWORD_MAX, USER_MESSAGES.passwordTooLong);

export const userIdField = z.coerce.number({ error: USER_MESSAGES.idInvalid }).int(USER_MESSAGES.idInvalid).positive(USER_MESSAGES.idInvalid);

/** The create form: an empty password means "generate one". */
export const createUserSchema = z
  .object({ name: userNameField, email, role, unit, password: optionalPassword })
  .superRefine((data, ctx) => {
    // Checked here too so the person sees the rule next to the field before anything is hashed.
    if (data.password === undefined) return;
    const problem = passwordProblem(data.password, data.email);
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
  });
export type CreateUserInput = z.infer<typeof createUserSchema>;

/** The edit form: the e-mail is the sign-in name and is not edited here. */
export const updateUserSchema = z.object({ id: userIdField, name: userNameField, role, unit });
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

/** Forms that only name the account (disable, enable, sign out everywhere). */
export const userIdSchema = z.object({ id: userIdField });

/** Reset password: the rules that need the account's e-mail are checked by the data layer. */
export const resetPasswordSchema = z.object({ id: userIdField, password: optionalPassword });

/**
 * The list's query string. Anything odd in a URL is ignored rather than refused, since a
 * bookmarked or hand-edited address should still open the list.
 */
export const userListQuerySchema = z.object({
  q: z
    .string()
    .transform((s) => [...cleanLine(s)].slice(0, SEARCH_MAX).join(""))
    .catch(""),
  role: z.enum(ROLES).optional().catch(undefined),
  status: z.enum(USER_STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).catch(1),
});
export type UserListQuery = z.infer<typeof userListQuerySchema>;
