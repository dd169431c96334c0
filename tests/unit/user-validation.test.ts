import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  createUserSchema,
  resetPasswordSchema,
  updateUserSchema,
  USER_MESSAGES,
  userIdSchema,
  userListQuerySchema,
} from "@/lib/validations/user";

/** The first message per field, as the forms show them. */
function errorsOf(result: z.ZodSafeParseResult<unknown>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of result.error?.issues ?? []) errors[String(issue.path[0] ?? "form")] ??= issue.message;
  return errors;
}

const valid = { name: "Nguyễn Văn An", email: "an.nv@ipvietnam.gov.vn", role: "editor", unit: "Phòng Tổ chức cán bộ", password: "" };

describe("createUserSchema", () => {
  it("accepts a complete form and treats an empty password as 'generate one'", () => {
    const result = createUserSchema.safeParse(valid);
    expect(result.success).toBe(true);
    expect(result.data).toEqual({ name: "Nguyễn Văn An", email: "an.nv@ipvietnam.gov.vn", role: "editor", unit: "Phòng Tổ chức cán bộ", password: undefined });
  });

  it("normalizes the e-mail (trim, lower case) and the text fields (NFC, spaces)", () => {
    const nfd = "Nguyễn  Văn\u00a0An ".normalize("NFD");
    const result = createUserSchema.parse({ ...valid, name: nfd, email: "  An.NV@IPVietnam.GOV.vn ", unit: " Phòng\u200b Tổ chức " });
    expect(result.name).toBe("Nguyễn Văn An");
    expect(result.name).toBe(result.name.normalize("NFC"));
    expect(result.email).toBe("an.nv@ipvietnam.gov.vn");
    expect(result.unit).toBe("Phòng Tổ chức");
  });

  it("refuses an empty or blank name", () => {
    expect(errorsOf(createUserSchema.safeParse({ ...valid, name: "" }))).toEqual({ name: USER_MESSAGES.nameRequired });
    expect(errorsOf(createUserSchema.safeParse({ ...valid, name: " \u200b\t " }))).toEqual({ name: USER_MESSAGES.nameRequired });
  });

  it("allows 120 letters in a name, counting a Vietnamese letter as one, and refuses 121", () => {
    expect(createUserSchema.safeParse({ ...valid, name: "ộ".repeat(120) }).success).toBe(true);
    expect(errorsOf(createUserSchema.safeParse({ ...valid, name: "ộ".repeat(121) }))).toEqual({ name: USER_MESSAGES.nameTooLong });
  });

  it.each(["", "   "])("asks for an e-mail when it is empty (%j)", (email) => {
    expect(errorsOf(createUserSchema.safeParse({ ...valid, email }))).toEqual({ email: USER_MESSAGES.emailRequired });
  });

  it.each(["khong-phai-email", "a@", "@cuc.vn", "a b@cuc.vn", "a@cuc", "a@@cuc.vn", "<script>@cuc.vn"])("refuses the malformed e-mail %j", (email) => {
    expect(errorsOf(createUserSchema.safeParse({ ...valid, email }))).toEqual({ email: USER_MESSAGES.emailInvalid });
  });

  it("refuses an e-mail longer than 254 characters", () => {
    const email = `${"a".repeat(64)}@${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(63)}.vn`;
    expect(email.length).toBeGreaterThan(254);
    expect(errorsOf(createUserSchema.safeParse({ ...valid, email }))).toEqual({ email: USER_MESSAGES.emailTooLong });
  });

  it.each(["superadmin", "Admin", "", "admin ", "__proto__"])("refuses the crafted role %j in Vietnamese", (role) => {
    expect(errorsOf(createUserSchema.safeParse({ ...valid, role }))).toEqual({ role: "Vai trò không hợp lệ." });
  });

  it("accepts a unit of 200 letters, refuses 201, and defaults a missing unit to empty", () => {
    expect(createUserSchema.safeParse({ ...valid, unit: "đ".repeat(200) }).success).toBe(true);
    expect(errorsOf(createUserSchema.safeParse({ ...valid, unit: "đ".repeat(201) }))).toEqual({ unit: USER_MESSAGES.unitTooLong });
    const withoutUnit: Partial<typeof valid> = { ...valid };
    delete withoutUnit.unit;
    expect(createUserSchema.parse(withoutUnit).unit).toBe("");
  });

  it("applies the password rules to a password the admin chose, without trimming it", () => {
    expect(errorsOf(createUserSchema.safeParse({ ...valid, password: "ngan" }))).toEqual({ password: "Mật khẩu phải có ít nhất 12 ký tự." });
    expect(errorsOf(createUserSchema.safeParse({ ...valid, password: "an.nv@ipvietnam.gov.vn" }))).toHaveProperty("password");
    expect(createUserSchema.parse({ ...valid, password: "  hoa sen nở trong đầm  " }).password).toBe("  hoa sen nở trong đầm  ");
  });

  it("accepts a 128-character password and refuses 129", () => {
    const ok = "Hoa sen nở trong đầm lầy ".repeat(6).slice(0, 128);
    expect([...ok].length).toBe(128);
    expect(createUserSchema.safeParse({ ...valid, password: ok }).success).toBe(true);
    expect(errorsOf(createUserSchema.safeParse({ ...valid, password: `${ok}x` })).password).toBe(USER_MESSAGES.passwordTooLong);
  });

  it("answers a crafted request with missing fields or files instead of text in Vietnamese", () => {
    expect(errorsOf(createUserSchema.safeParse({}))).toEqual({
      name: USER_MESSAGES.nameRequired,
      email: USER_MESSAGES.emailRequired,
      role: USER_MESSAGES.roleInvalid,
    });
    const file = new File(["x"], "x.txt");
    expect(errorsOf(createUserSchema.safeParse({ ...valid, name: file, unit: file, password: file }))).toEqual({
      name: USER_MESSAGES.nameRequired,
      unit: USER_MESSAGES.unitInvalid,
      password: USER_MESSAGES.passwordInvalid,
    });
  });
});

describe("updateUserSchema and the id-only forms", () => {
  it("coerces the id from the form", () => {
    expect(updateUserSchema.parse({ id: "42", name: "Trần Thị Bình", role: "author", unit: "" })).toEqual({ id: 42, name: "Trần Thị Bình", role: "author", unit: "" });
    expect(userIdSchema.parse({ id: "7" })).toEqual({ id: 7 });
  });

  it.each(["", "abc", "0", "-1", "1.5", "1e400"])("refuses the id %j", (id) => {
    expect(errorsOf(userIdSchema.safeParse({ id }))).toEqual({ id: USER_MESSAGES.idInvalid });
  });

  it("checks name and role like the create form, and ignores an e-mail sent along", () => {
    expect(errorsOf(updateUserSchema.safeParse({ id: "1", name: "", role: "root", unit: "" }))).toEqual({
      name: USER_MESSAGES.nameRequired,
      role: USER_MESSAGES.roleInvalid,
    });
    expect(updateUserSchema.parse({ id: "1", name: "A", role: "admin", unit: "", email: "x@y.vn" })).not.toHaveProperty("email");
  });

  it("reset password: empty means generate, length is capped", () => {
    expect(resetPasswordSchema.parse({ id: "3", password: "" })).toEqual({ id: 3, password: undefined });
    expect(resetPasswordSchema.parse({ id: "3" })).toEqual({ id: 3, password: undefined });
    expect(errorsOf(resetPasswordSchema.safeParse({ id: "3", password: "x".repeat(129) }))).toEqual({ password: USER_MESSAGES.passwordTooLong });
  });
});

describe("userListQuerySchema", () => {
  it("reads the filters from the query string", () => {
    expect(userListQuerySchema.parse({ q: "  nguyen  van ", role: "editor", status: "disabled", page: "3" })).toEqual({
      q: "nguyen van",
      role: "editor",
      status: "disabled",
      page: 3,
    });
  });

  it("ignores what a hand-edited address gets wrong instead of failing", () => {
    expect(userListQuerySchema.parse({ q: ["a", "b"], role: "root", status: "x", page: "-2" })).toEqual({ q: "", role: undefined, status: undefined, page: 1 });
    expect(userListQuerySchema.parse({})).toEqual({ q: "", page: 1 });
    expect(userListQuerySchema.parse({ q: "x".repeat(500) }).q).toHaveLength(100);
  });
});
