import fs from "node:fs";
import path from "node:path";
import { dataDirectory, type Env } from "@/lib/config/paths";

/*
 * Continuous replication's settings (README, "Replication"). REPLICA_URL turns it on and says
 * where the replica lives: a folder (a mounted disk, the default kind), an SFTP server or an
 * S3-compatible bucket. The database goes to `<replica>/db` (Litestream's layout), the media files
 * to `<replica>/media/<hash>/<width>.<ext>`, the same names as in the data folder.
 */

export type ReplicaTarget =
  | { kind: "file"; path: string }
  | { kind: "sftp"; host: string; port: number; user: string; path: string; keyPath: string | null; password: string | null }
  | { kind: "s3"; bucket: string; prefix: string; endpoint: string | null; region: string; accessKeyId: string; secretAccessKey: string };

export type ReplicationSettings = {
  target: ReplicaTarget;
  /** Seconds of unshipped writes after which the lag is logged and shown to admins. */
  lagLimitSeconds: number;
  /** Hours of history kept on the replica: how far back a point-in-time restore can go. */
  retentionHours: number;
  /** The litestream executable. */
  binary: string;
};

export const DEFAULT_LAG_LIMIT_SECONDS = 10;
export const DEFAULT_RETENTION_HOURS = 72;

/** Litestream's Linux build from npm (package.json, optionalDependencies), or LITESTREAM_BIN. */
export function litestreamBinary(env: Env = process.env): string {
  if (env.LITESTREAM_BIN) return path.resolve(env.LITESTREAM_BIN);
  return path.resolve(/*turbopackIgnore: true*/ "node_modules", "@flydotio", `litestream-${process.platform}-${process.arch}`, "litestream");
}

type Problem = { variable: string; message: string };
type Parsed = { target: ReplicaTarget | null; problems: Problem[] };

function folderProblem(folder: string, env: Env): string | null {
  if (!path.isAbsolute(folder)) return `thư mục bản sao phải là đường dẫn tuyệt đối, ví dụ /mnt/ban-sao/cms (đang là “${folder}”).`;
  const data = dataDirectory(env);
  const relative = path.relative(data, folder);
  if (relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative))) {
    return `thư mục bản sao không được nằm trong thư mục dữ liệu (${data}): mất đĩa dữ liệu là mất cả bản sao.`;
  }
  try {
    fs.mkdirSync(folder, { recursive: true });
    const probe = path.join(folder, `.write-check-${process.pid}`);
    fs.writeFileSync(probe, "");
    fs.rmSync(probe);
    return null;
  } catch (error) {
    return `không ghi được vào thư mục bản sao ${folder} (${(error as NodeJS.ErrnoException).code ?? "lỗi"}).`;
  }
}

function parseTarget(env: Env): Parsed {
  const raw = env.REPLICA_URL!.trim();
  const problems: Problem[] = [];
  const bad = (variable: string, message: string): Parsed => ({ target: null, problems: [...problems, { variable, message }] });
  if (raw.startsWith("/") || raw.startsWith("file://")) {
    const folder = raw.startsWith("file://") ? decodeURIComponent(raw.slice("file://".length)) : raw;
    const problem = folderProblem(folder, env);
    return problem ? bad("REPLICA_URL", problem) : { target: { kind: "file", path: path.resolve(folder) }, problems };
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return bad("REPLICA_URL", `phải là một thư mục (/mnt/ban-sao), sftp://người-dùng@máy/thư-mục hoặc s3://bucket/tiền-tố (đang là “${raw}”).`);
  }
  const folder = decodeURIComponent(url.pathname).replace(/\/+$/, "");
  if (url.protocol === "sftp:") {
    if (!url.username || !url.hostname) return bad("REPLICA_URL", `cần tên người dùng và máy chủ: sftp://người-dùng@máy[:cổng]/thư-mục (đang là “${raw}”).`);
    if (url.password) return bad("REPLICA_URL", "không ghi mật khẩu trong địa chỉ; dùng REPLICA_SFTP_KEY (khoá riêng) hoặc REPLICA_SFTP_PASSWORD.");
    if (!folder) return bad("REPLICA_URL", `cần thư mục trên máy chủ SFTP, ví dụ sftp://saoluu@may-du-phong/srv/cms (đang là “${raw}”).`);
    const keyPath = env.REPLICA_SFTP_KEY ? path.resolve(env.REPLICA_SFTP_KEY) : null;
    const password = env.REPLICA_SFTP_PASSWORD || null;
    if (!keyPath && !password) return bad("REPLICA_SFTP_KEY", "bản sao SFTP cần khoá riêng (REPLICA_SFTP_KEY) hoặc mật khẩu (REPLICA_SFTP_PASSWORD).");
    if (keyPath) {
      try {
        fs.accessSync(keyPath, fs.constants.R_OK);
      } catch {
        return bad("REPLICA_SFTP_KEY", `không đọc được tệp khoá ${keyPath}.`);
      }
    }
    const port = url.port ? Number(url.port) : 22;
    return { target: { kind: "sftp", host: url.hostname, port, user: decodeURIComponent(url.username), path: folder, keyPath, password }, problems };
  }
  if (url.protocol === "s3:") {
    if (!url.hostname) return bad("REPLICA_URL", `cần tên bucket: s3://bucket/tiền-tố (đang là “${raw}”).`);
    if (url.username || url.password) return bad("REPLICA_URL", "không ghi khoá truy cập trong địa chỉ; dùng REPLICA_S3_ACCESS_KEY_ID và REPLICA_S3_SECRET_ACCESS_KEY.");
    let endpoint: string | null = null;
    if (env.REPLICA_S3_ENDPOINT) {
      try {
        const parsed = new URL(env.REPLICA_S3_ENDPOINT);
        if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new Error("protocol");
        endpoint = parsed.origin;
      } catch {
        problems.push({ variable: "REPLICA_S3_ENDPOINT", message: `phải là địa chỉ http(s) của dịch vụ S3, ví dụ https://s3.example.vn (đang là “${env.REPLICA_S3_ENDPOINT}”).` });
      }
    }
    const accessKeyId = env.REPLICA_S3_ACCESS_KEY_ID ?? "";
    const secretAccessKey = env.REPLICA_S3_SECRET_ACCESS_KEY ?? "";
    if (!accessKeyId) problems.push({ variable: "REPLICA_S3_ACCESS_KEY_ID", message: "bản sao S3 cần khoá truy cập." });
    if (!secretAccessKey) problems.push({ variable: "REPLICA_S3_SECRET_ACCESS_KEY", message: "bản sao S3 cần khoá bí mật." });
    const region = env.REPLICA_S3_REGION || "us-east-1";
    if (problems.length > 0) return { target: null, problems };
    return { target: { kind: "s3", bucket: url.hostname, prefix: folder.replace(/^\/+/, ""), endpoint, region, accessKeyId, secretAccessKey }, problems };
  }
  return bad("REPLICA_URL", `chỉ nhận thư mục, sftp:// hoặc s3:// (đang là “${raw}”).`);
}

function integerSetting(env: Env, variable: string, min: number, max: number, fallback: number, problems: Problem[]): number {
  const value = env[variable];
  if (value === undefined || value === "") return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    problems.push({ variable, message: `phải là số nguyên từ ${min} đến ${max} (đang là “${value}”).` });
    return fallback;
  }
  return Number(value);
}

/** The settings and their problems; `settings` is null when replication is off or a setting is bad. */
export function readReplicationSettings(env: Env = process.env): { settings: ReplicationSettings | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const lagLimitSeconds = integerSetting(env, "REPLICA_LAG_LIMIT", 1, 3600, DEFAULT_LAG_LIMIT_SECONDS, problems);
  const retentionHours = integerSetting(env, "REPLICA_RETENTION_HOURS", 1, 24 * 365, DEFAULT_RETENTION_HOURS, problems);
  if (!env.REPLICA_URL?.trim()) return { settings: null, problems };
  const { target, problems: targetProblems } = parseTarget(env);
  problems.push(...targetProblems);
  const binary = litestreamBinary(env);
  try {
    fs.accessSync(binary, fs.constants.X_OK);
  } catch {
    problems.push({
      variable: env.LITESTREAM_BIN ? "LITESTREAM_BIN" : "REPLICA_URL",
      message: `không tìm thấy chương trình Litestream tại ${binary} (gói npm chỉ có bản Linux x64; trên máy khác hãy đặt LITESTREAM_BIN).`,
    });
  }
  if (!target || problems.length > 0) return { settings: null, problems };
  return { settings: { target, lagLimitSeconds, retentionHours, binary }, problems };
}

/** The settings when replication is on and valid (assertConfig has refused bad ones at start). */
export function replicationSettings(env: Env = process.env): ReplicationSettings | null {
  return readReplicationSettings(env).settings;
}

/** Where the replica is, without credentials: for logs, /admin and the health check. */
export function describeTarget(target: ReplicaTarget): string {
  if (target.kind === "file") return target.path;
  if (target.kind === "sftp") return `sftp://${target.user}@${target.host}${target.port === 22 ? "" : `:${target.port}`}${target.path}`;
  return `s3://${target.bucket}/${target.prefix}${target.endpoint ? ` (${target.endpoint})` : ""}`;
}
