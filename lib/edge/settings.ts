import type { Env } from "@/lib/config/paths";

/*
 * Caches in front of the app (README, "nginx and a CDN"). Without any of these settings a shared
 * cache may keep a public page until the end of the current second (nginx) or 10 s (a CDN's
 * s-maxage): nothing needs telling when content changes. With a purge target, the app tells each
 * cache which addresses a change made stale, within a fraction of a second, so they may keep
 * pages for EDGE_CACHE_SECONDS.
 */

export type CloudflareTarget = { zoneId: string; apiToken: string; apiUrl: string };

export type EdgeSettings = {
  /** nginx servers running deploy/nginx/cms.conf, each asked for a stale page again with X-Cms-Refresh. */
  nginx: string[];
  cloudflare: CloudflareTarget | null;
  /** How long the caches above may keep a public page: they are told when it changes. */
  cacheSeconds: number;
  /** The site's own address, for a CDN's purge by full URL. */
  siteUrl: string;
};

type Problem = { variable: string; message: string };

export const DEFAULT_EDGE_CACHE_SECONDS = 600;
export const MAX_EDGE_CACHE_SECONDS = 86_400;
export const CLOUDFLARE_API_URL = "https://api.cloudflare.com/client/v4";

function origins(raw: string): { list: string[]; bad: string[] } {
  const list: string[] = [];
  const bad: string[] = [];
  for (const item of raw.split(",").map((s) => s.trim()).filter(Boolean)) {
    try {
      const url = new URL(item);
      if ((url.protocol !== "http:" && url.protocol !== "https:") || url.pathname.replace(/\/+$/, "") !== "" || url.search) bad.push(item);
      else list.push(url.origin);
    } catch {
      bad.push(item);
    }
  }
  return { list, bad };
}

/** The settings, or null when no cache in front is told about changes; with every problem, in Vietnamese, named by variable. */
export function readEdgeSettings(env: Env = process.env): { settings: EdgeSettings | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const nginx = origins(env.NGINX_REFRESH_URL ?? "");
  if (nginx.bad.length > 0) {
    problems.push({ variable: "NGINX_REFRESH_URL", message: `phải là địa chỉ của nginx, ví dụ http://127.0.0.1:80, nhiều địa chỉ cách nhau bởi dấu phẩy (không hợp lệ: ${nginx.bad.join(", ")}).` });
  }

  let cloudflare: CloudflareTarget | null = null;
  const cdn = (env.CDN_PURGE ?? "").trim().toLowerCase();
  if (cdn !== "" && cdn !== "cloudflare") {
    problems.push({ variable: "CDN_PURGE", message: `chỉ nhận “cloudflare” hoặc bỏ trống (đang là “${env.CDN_PURGE}”).` });
  } else if (cdn === "cloudflare") {
    const zoneId = (env.CLOUDFLARE_ZONE_ID ?? "").trim();
    const apiToken = (env.CLOUDFLARE_API_TOKEN ?? "").trim();
    const apiUrl = (env.CLOUDFLARE_API_URL ?? "").trim() || CLOUDFLARE_API_URL;
    if (!/^[0-9a-f]{32}$/i.test(zoneId)) problems.push({ variable: "CLOUDFLARE_ZONE_ID", message: "cần mã vùng (Zone ID) 32 ký tự hex, ở trang Overview của tên miền trên Cloudflare." });
    if (apiToken.length < 20) problems.push({ variable: "CLOUDFLARE_API_TOKEN", message: "cần API token có quyền Zone → Cache Purge (My Profile → API Tokens trên Cloudflare)." });
    if (!/^https?:\/\/[^\s/]+(\/\S*)?$/.test(apiUrl)) problems.push({ variable: "CLOUDFLARE_API_URL", message: `phải là địa chỉ http(s) (đang là “${apiUrl}”).` });
    cloudflare = { zoneId, apiToken, apiUrl: apiUrl.replace(/\/+$/, "") };
    if (!env.SITE_URL) problems.push({ variable: "SITE_URL", message: "cần khi dùng CDN_PURGE: CDN xoá trang theo địa chỉ đầy đủ, ví dụ https://sohuutritue.gov.vn." });
  }

  const rawSeconds = (env.EDGE_CACHE_SECONDS ?? "").trim();
  const cacheSeconds = rawSeconds === "" ? DEFAULT_EDGE_CACHE_SECONDS : Number(rawSeconds);
  if (rawSeconds !== "" && (!/^\d+$/.test(rawSeconds) || cacheSeconds < 1 || cacheSeconds > MAX_EDGE_CACHE_SECONDS)) {
    problems.push({ variable: "EDGE_CACHE_SECONDS", message: `phải là số giây từ 1 đến ${MAX_EDGE_CACHE_SECONDS} (đang là “${rawSeconds}”).` });
  }
  if (rawSeconds !== "" && nginx.list.length === 0 && cdn === "") {
    problems.push({ variable: "EDGE_CACHE_SECONDS", message: "chỉ dùng được cùng NGINX_REFRESH_URL hoặc CDN_PURGE: bộ nhớ đệm phía trước chỉ được giữ trang lâu khi ứng dụng báo được cho nó mỗi khi nội dung đổi." });
  }

  if (problems.length > 0 || (nginx.list.length === 0 && !cloudflare)) return { settings: null, problems };
  return { settings: { nginx: nginx.list, cloudflare, cacheSeconds, siteUrl: (env.SITE_URL ?? "").replace(/\/+$/, "") }, problems };
}

let cached: { settings: EdgeSettings | null } | undefined;

/** This process's settings (checked at start by lib/config/check.ts). */
export function edgeSettings(): EdgeSettings | null {
  return (cached ??= { settings: readEdgeSettings().settings }).settings;
}
