import fs from "node:fs";
import { isIP } from "node:net";
import path from "node:path";
import { normalizeEmail } from "@/lib/auth/email";
import { passwordProblem } from "@/lib/auth/password-rules";
import { AUTH_SECRET_MIN_LENGTH } from "@/lib/auth/secret-rules";
import { readEdgeSettings } from "@/lib/edge/settings";
import { readReplicationSettings } from "@/lib/replication/settings";
import { audioSettingsProblems } from "./audio";
import { databasePath, type Env } from "./paths";
import { workersProblem } from "./processes";

/** One setting that stops the start: which variable, and what is wrong with it (Vietnamese, for the person starting the site). */
export type ConfigProblem = { variable: string; message: string };

export class ConfigError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(formatProblems(problems));
    this.name = "ConfigError";
  }
}

export function formatProblems(problems: ConfigProblem[]): string {
  const lines = problems.map((p) => `  - ${p.variable}: ${p.message}`);
  return `Cấu hình không hợp lệ, máy chủ không khởi động:\n${lines.join("\n")}`;
}

const HOSTNAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;
const EMAIL = /^[^\s@]+@[^\s@]+$/;

function portProblem(value: string): string | null {
  if (!/^\d{1,5}$/.test(value) || Number(value) < 1 || Number(value) > 65535) return `phải là số cổng từ 1 đến 65535 (đang là “${value}”).`;
  return null;
}

function siteUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `phải là địa chỉ đầy đủ, ví dụ https://sohuutritue.gov.vn (đang là “${value}”).`;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return `phải bắt đầu bằng http:// hoặc https:// (đang là “${value}”).`;
  if (url.pathname.replace(/\/+$/, "") !== "" || url.search || url.hash || url.username || url.password) {
    return `chỉ gồm giao thức, tên miền và cổng, không có đường dẫn hay tham số (đang là “${value}”).`;
  }
  return null;
}

function trustProxyProblem(value: string): string | null {
  const bad = value
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s && s !== "loopback" && isIP(s) === 0);
  return bad.length > 0 ? `chỉ nhận địa chỉ IP hoặc “loopback”, cách nhau bởi dấu phẩy (không hợp lệ: ${bad.join(", ")}).` : null;
}

/** Whether the database's folder can be made and written, and the file (if there) read and written. */
function databasePathProblem(file: string): string | null {
  const folder = path.dirname(file);
  try {
    fs.mkdirSync(folder, { recursive: true });
    fs.accessSync(folder, fs.constants.W_OK);
    if (fs.existsSync(file)) fs.accessSync(file, fs.constants.R_OK | fs.constants.W_OK);
    const probe = path.join(folder, `.write-check-${process.pid}`);
    fs.writeFileSync(probe, "");
    fs.rmSync(probe);
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "lỗi";
    return `không ghi được vào ${file} (${code}). Hãy chọn một thư mục mà tài khoản chạy máy chủ có quyền ghi.`;
  }
}

/**
 * Every problem with the settings `npm start` reads (README, Settings), in one pass, so one start
 * reports them all. Checked before anything else runs: a bad setting stops the start with a message
 * that names it, instead of a server that answers 500 to every request.
 */
export function configProblems(env: Env = process.env): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const check = (variable: string, problem: string | null) => {
    if (problem) problems.push({ variable, message: problem });
  };
  if (env.PORT !== undefined && env.PORT !== "") check("PORT", portProblem(env.PORT));
  if (env.HOST !== undefined && env.HOST !== "") {
    check("HOST", isIP(env.HOST) !== 0 || HOSTNAME.test(env.HOST) ? null : `phải là địa chỉ IP hoặc tên máy (đang là “${env.HOST}”).`);
  }
  if (env.SITE_URL) check("SITE_URL", siteUrlProblem(env.SITE_URL));
  if (env.TRUST_PROXY) check("TRUST_PROXY", trustProxyProblem(env.TRUST_PROXY));
  const secret = env.AUTH_SECRET || env.NEXTAUTH_SECRET;
  if (secret && secret.length < AUTH_SECRET_MIN_LENGTH) {
    check(
      env.AUTH_SECRET ? "AUTH_SECRET" : "NEXTAUTH_SECRET",
      `quá ngắn (${secret.length} ký tự): cần ít nhất ${AUTH_SECRET_MIN_LENGTH} ký tự ngẫu nhiên, ví dụ tạo bằng \`openssl rand -base64 32\`; hoặc bỏ trống để máy chủ tự tạo.`,
    );
  }
  const email = env.ADMIN_EMAIL?.trim() || "admin@localhost";
  if (env.ADMIN_EMAIL !== undefined && env.ADMIN_EMAIL.trim() !== "" && !EMAIL.test(normalizeEmail(env.ADMIN_EMAIL))) {
    check("ADMIN_EMAIL", `không phải địa chỉ e-mail (đang là “${env.ADMIN_EMAIL}”).`);
  }
  if (env.ADMIN_PASSWORD) {
    const problem = passwordProblem(env.ADMIN_PASSWORD, email);
    check("ADMIN_PASSWORD", problem ? `${problem} (quy tắc mật khẩu: 12–128 ký tự, không chứa tên trong e-mail, không phải mật khẩu phổ biến)` : null);
  }
  if (env.BACKUP_KEEP !== undefined && env.BACKUP_KEEP !== "" && !/^[1-9]\d{0,3}$/.test(env.BACKUP_KEEP)) {
    check("BACKUP_KEEP", `phải là số nguyên từ 1 đến 9999 (đang là “${env.BACKUP_KEEP}”).`);
  }
  problems.push(...audioSettingsProblems(env));
  check("DATABASE_PATH", databasePathProblem(databasePath(env)));
  check("WORKERS", workersProblem(env.WORKERS));
  problems.push(...readReplicationSettings(env).problems);
  problems.push(...readEdgeSettings(env).problems);
  return problems;
}

/** Throws a ConfigError naming every bad setting. */
export function assertConfig(env: Env = process.env): void {
  const problems = configProblems(env);
  if (problems.length > 0) throw new ConfigError(problems);
}
