import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { configProblems, formatProblems } from "@/lib/config/check";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cms-config-"));
const base = { DATABASE_PATH: path.join(dir, "cms.db") };
const variables = (env: Record<string, string>) => configProblems({ ...base, ...env }).map((p) => p.variable);

describe("configProblems", () => {
  it("accepts no settings at all, and good ones", () => {
    expect(configProblems(base)).toEqual([]);
    expect(
      variables({ PORT: "8080", HOST: "127.0.0.2", SITE_URL: "https://sohuutritue.gov.vn", TRUST_PROXY: "loopback, 10.0.0.5", AUTH_SECRET: "x".repeat(32), ADMIN_EMAIL: "quantri@cuc.vn", ADMIN_PASSWORD: "Một câu dài dễ nhớ 2026", BACKUP_KEEP: "30" }),
    ).toEqual([]);
    expect(variables({ HOST: "::1" })).toEqual([]);
    expect(variables({ HOST: "may-chu.noi-bo" })).toEqual([]);
  });

  it("names each bad setting, all in one pass", () => {
    expect(variables({ PORT: "0" })).toEqual(["PORT"]);
    expect(variables({ PORT: "70000" })).toEqual(["PORT"]);
    expect(variables({ HOST: "không hợp lệ" })).toEqual(["HOST"]);
    expect(variables({ SITE_URL: "https://cuc.vn/tin-tuc" })).toEqual(["SITE_URL"]);
    expect(variables({ TRUST_PROXY: "nginx" })).toEqual(["TRUST_PROXY"]);
    expect(variables({ NEXTAUTH_SECRET: "short" })).toEqual(["NEXTAUTH_SECRET"]);
    expect(variables({ ADMIN_EMAIL: "khong-phai-email" })).toEqual(["ADMIN_EMAIL"]);
    expect(variables({ ADMIN_PASSWORD: "ngắn" })).toEqual(["ADMIN_PASSWORD"]);
    expect(variables({ BACKUP_KEEP: "-1" })).toEqual(["BACKUP_KEEP"]);
    expect(variables({ PORT: "x", AUTH_SECRET: "y", SITE_URL: "z" })).toEqual(["PORT", "SITE_URL", "AUTH_SECRET"]);
  });

  it("checks the password against the e-mail it will belong to", () => {
    expect(variables({ ADMIN_PASSWORD: "admin-mat-khau-rat-dai" })).toEqual(["ADMIN_PASSWORD"]); // admin@localhost
    expect(variables({ ADMIN_EMAIL: "quantri@cuc.vn", ADMIN_PASSWORD: "quantri-mat-khau-rat-dai" })).toEqual(["ADMIN_PASSWORD"]);
  });

  it("refuses a database folder that cannot be made or written", () => {
    const file = path.join(dir, "tep");
    fs.writeFileSync(file, "");
    const problems = configProblems({ DATABASE_PATH: path.join(file, "cms.db") });
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/không ghi được vào .*tep\/cms\.db \((?:ENOTDIR|EEXIST)\)/);
  });

  it("says which variable and what rule, in Vietnamese", () => {
    const text = formatProblems(configProblems({ ...base, AUTH_SECRET: "abc" }));
    expect(text).toBe("Cấu hình không hợp lệ, máy chủ không khởi động:\n  - AUTH_SECRET: quá ngắn (3 ký tự): cần ít nhất 32 ký tự ngẫu nhiên, ví dụ tạo bằng `openssl rand -base64 32`; hoặc bỏ trống để máy chủ tự tạo.");
  });
});
