import { describe, expect, it } from "vitest";
import { passwordProblem } from "@/lib/auth/password-rules";

const email = "nguyen.van.an@noip.gov.vn";

describe("passwordProblem", () => {
  it.each([
    ["hai con mèo nhỏ trên mái nhà", null],
    ["Đà Lạt mùa hoa dã quỳ", null],
    ["correct horse battery staple", null],
    ["x".repeat(7) + "Yz!9q", null],
  ])("accepts %j", (password, expected) => {
    expect(passwordProblem(password, email)).toBe(expected);
  });

  it("accepts exactly 12 and exactly 128 characters, counting Vietnamese letters as one", () => {
    expect(passwordProblem("Cây đa gốc đề", email)).toBeNull(); // 13 code points
    expect(passwordProblem("đ".repeat(5) + "Mưa rơi!", email)).toBeNull();
    expect(passwordProblem(("Ba chú mèo con " + "x".repeat(200)).slice(0, 128), email)).toBeNull();
  });

  it.each([
    ["ngắn quá", /ít nhất 12/],
    ["a1b2c3d4e5f", /ít nhất 12/],
    ["y".repeat(129), /dài quá 128/],
    [email, /e-mail/],
    [email.toUpperCase(), /e-mail/],
    ["nguyen.van.an-2024", /e-mail/],
    ["123qweasdzxc", /phổ biến/],
    ["qwerty123456", /phổ biến/],
    ["Password2024!", /phổ biến/],
    ["matkhau123456", /phổ biến/],
    ["aaaaaaaaaaaaaaaa", /phổ biến/],
    ["123456789012", /phổ biến/],
    ["abcdefghijklm", /phổ biến/],
  ])("refuses %j", (password, message) => {
    expect(passwordProblem(password, email)).toMatch(message);
  });
});
