/**
 * What server.ts checks before Next sees a request (`npm start` has no proxy in front to do it):
 * the address must decode (400), a form post to a page must come from this site (403), a large
 * body to a staff endpoint needs a live session (401), and the body must fit the endpoint's limit
 * (413) and, for text, be UTF-8 (400). Returns whether the request may go on; a refused one has
 * been answered here.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { MESSAGES } from "@/lib/dal/result";
import { ANONYMOUS_MAX_BYTES, ATTACHMENT_UPLOAD_CEILING_BYTES, POST_FORM_MAX_BYTES, UPLOAD_MAX_BYTES } from "@/lib/validations/request-limits";
import { LOGO_MAX_BYTES, SITE_MESSAGES } from "@/lib/validations/site";
import { hasBody, limitRequestBody, type BodyRule } from "./body-limit";
import { pathnameOf } from "./http-parts";
import { refuseRequest } from "./refuse-request";
import { isWellFormedTarget } from "./request-target";
import { hasLiveSession } from "./session-probe";

export const GUARD_MESSAGES = {
  badAddress: "Địa chỉ không hợp lệ: có ký tự được mã hoá sai.",
  crossSite: "Yêu cầu bị từ chối vì được gửi từ một trang web khác.",
  // The app's own words for it, which the editor answers with its sign-in dialog.
  signedOut: MESSAGES.signedOut,
} as const;

const tooLarge = (limit: string) => `Dữ liệu gửi lên quá lớn (tối đa ${limit}).`;

const ANONYMOUS: BodyRule = { limit: ANONYMOUS_MAX_BYTES, tooLarge: tooLarge("64 KB"), utf8: true };

/** Per path: the rule, and whether it needs a live session (staff endpoints; without one they get ANONYMOUS). */
const RULES: Array<{ path: RegExp; rule: BodyRule; staff: boolean }> = [
  // A document's file: the site's setting (lib/dal/documents/attachment-limit.ts) is checked by the data layer; this is its ceiling.
  { path: /^\/api\/documents\/\d{1,15}\/attachments\/?$/, rule: { limit: ATTACHMENT_UPLOAD_CEILING_BYTES, tooLarge: "Tệp tải lên quá lớn.", utf8: false }, staff: true },
  { path: /^\/api\/media\/?$/, rule: { limit: UPLOAD_MAX_BYTES, tooLarge: "Tệp tải lên quá lớn: mỗi ảnh tối đa 20 MB.", utf8: false }, staff: true },
  // The site settings' form carries the logo, an image: not UTF-8 (its text fields are cleaned by the form's schema).
  { path: /^\/admin\/settings\/?$/, rule: { limit: LOGO_MAX_BYTES + 64 * 1024, tooLarge: SITE_MESSAGES.logoTooLarge, utf8: false }, staff: true },
  {
    path: /^\/(?:admin|api\/posts|api\/admin)(?:\/|$)/,
    rule: { limit: POST_FORM_MAX_BYTES, tooLarge: "Dữ liệu gửi lên quá lớn (tối đa 7 MB): bài viết dài hơn mức cho phép.", utf8: true },
    staff: true,
  },
];

/**
 * The body rule of a request: its path's. A staff path asked without a live session gets the
 * anonymous one, and a body that may be larger than that is not read at all: every staff endpoint
 * would answer 401 anyway (the editor's autosave shows its sign-in dialog for it), and Next would
 * read a server action's whole body before its session check runs.
 */
export function bodyRuleFor(req: IncomingMessage, pathname: string): { rule: BodyRule; signedOut: boolean } {
  const match = RULES.find((r) => r.path.test(pathname));
  if (!match) return { rule: ANONYMOUS, signedOut: false };
  if (!match.staff) return { rule: match.rule, signedOut: false };
  // Decrypting the session costs a little; a body the anonymous limit allows does not need it.
  const small = req.headers["transfer-encoding"] === undefined && Number(req.headers["content-length"] ?? 0) <= ANONYMOUS.limit;
  if (small) return { rule: match.rule, signedOut: false };
  return hasLiveSession(req.headers.cookie) ? { rule: match.rule, signedOut: false } : { rule: ANONYMOUS, signedOut: true };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A post to a page (a server action, with or without JavaScript) whose Origin is another site, or
 * `null`. Next refuses those itself, but with a 500; route handlers under /api check the Origin
 * themselves (next-auth with its CSRF token). The host compared is the one Next compares: the
 * trusted proxy's X-Forwarded-Host (server.ts drops it from anyone else), else Host.
 */
export function isCrossSitePost(req: IncomingMessage, pathname: string): boolean {
  if (SAFE_METHODS.has(req.method ?? "GET") || /^\/api(?:\/|$)/.test(pathname)) return false;
  const origin = req.headers.origin;
  if (origin === undefined) return false;
  const forwarded = req.headers["x-forwarded-host"];
  const host = (typeof forwarded === "string" ? forwarded.split(",")[0]!.trim() : "") || req.headers.host;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true; // `null`, or not an origin at all
  }
}

function refusalOf(req: IncomingMessage, pathname: string): { status: 400 | 403; message: string } | undefined {
  if (!isWellFormedTarget(req.url ?? "/")) return { status: 400, message: GUARD_MESSAGES.badAddress };
  if (isCrossSitePost(req, pathname)) return { status: 403, message: GUARD_MESSAGES.crossSite };
  return undefined;
}

/** A request admitRequest would let through without a word: no body, a well-formed address, not a cross-site post. */
export function needsNoGuard(req: IncomingMessage, pathname: string): boolean {
  return !hasBody(req) && !refusalOf(req, pathname);
}

export function admitRequest(req: IncomingMessage, res: ServerResponse): boolean {
  const pathname = pathnameOf(req.url);
  const refusal = refusalOf(req, pathname);
  if (!hasBody(req)) {
    if (refusal) refuseRequest(req, res, refusal.status, refusal.message);
    return !refusal;
  }
  // A refused request's body still goes through the limit: what is read of it after the answer is bounded too.
  const { rule, signedOut } = bodyRuleFor(req, pathname);
  return limitRequestBody(req, res, rule, refusal ?? (signedOut ? { status: 401, message: GUARD_MESSAGES.signedOut } : undefined));
}
