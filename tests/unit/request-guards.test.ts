import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isWellFormedTarget } from "@/lib/server/request-target";
import { admitRequest } from "@/lib/server/request-guards";
import { isLiveSessionToken, sessionTokenOf } from "@/lib/server/session-probe";
import { ANONYMOUS_MAX_BYTES, POST_FORM_MAX_BYTES, UPLOAD_MAX_BYTES } from "@/lib/validations/request-limits";
import { BODY_JSON_MAX } from "@/lib/validations/post";
import { MEDIA_LIMITS } from "@/lib/media/process";
import { rawRequest } from "./helpers/raw-http";

const SECRET = "kiem-thu-gioi-han-yeu-cau-0123456789-abcdef";
process.env.AUTH_SECRET = SECRET;

/*
 * A real HTTP server wrapping the same guard server.ts runs, with a handler that reads every body
 * to the end as Next does: the guard must answer before the handler has more than the limit.
 */
let server: Server;
let origin: string;
let mostRead = 0;
let staffCookie: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (!admitRequest(req, res)) return;
    // A route that refuses before reading the body, as the staff routes do without a session.
    if (req.url === "/api/posts/9/autosave") {
      res.statusCode = 401;
      res.end("{}");
      return;
    }
    let bytes = 0;
    req.on("data", (chunk: Buffer) => {
      bytes += chunk.byteLength;
      mostRead = Math.max(mostRead, bytes);
    });
    req.on("end", () => res.end(JSON.stringify({ bytes })));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  staffCookie = `next-auth.session-token=${await encode({ token: { uid: 7, tv: 0 }, secret: SECRET, maxAge: 3600 })}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const SIXTY_MB = 60 * 1024 * 1024;

describe("body limits, by declared length and while streaming", () => {
  const routes = [
    { target: "/api/auth/callback/credentials", type: "application/x-www-form-urlencoded", staff: false },
    { target: "/api/health", type: "application/json", staff: false },
    { target: "/tin-tuc/mot-bai", type: "application/x-www-form-urlencoded", staff: false },
    { target: "/api/admin/posts", type: "application/json", staff: true },
    { target: "/api/posts/1/autosave", type: "multipart/form-data; boundary=x", staff: true },
    { target: "/api/posts/1/presence", type: "application/json", staff: true },
    { target: "/api/media", type: "multipart/form-data; boundary=x", staff: true },
    { target: "/admin/posts/new", type: "text/plain;charset=UTF-8", staff: true },
  ];
  for (const { target, type, staff } of routes) {
    for (const chunked of [false, true]) {
      it(`60 MB anonymous to ${target}${chunked ? ", chunked" : ""}: ${staff ? "401 (staff only), not read at all" : "413 before it is read"}`, async () => {
        mostRead = 0;
        const answer = await rawRequest(origin, { target, headers: { "Content-Type": type }, body: { filler: SIXTY_MB }, chunked });
        expect(answer.status).toBe(staff ? 401 : 413);
        expect(answer.headers.connection).toBe("close");
        expect(answer.headers["x-content-type-options"]).toBe("nosniff");
        expect(answer.body).toContain(staff ? "Phiên đăng nhập đã hết hạn" : "quá lớn");
        expect(answer.sentBodyBytes).toBeLessThan(SIXTY_MB);
        expect(mostRead).toBeLessThanOrEqual(staff ? 0 : ANONYMOUS_MAX_BYTES);
      });
    }
  }

  it("60 MB from signed-in staff, declared and chunked: 413 within the staff limits", async () => {
    for (const chunked of [false, true]) {
      for (const target of ["/api/admin/posts", "/admin/posts/1", "/api/media"]) {
        mostRead = 0;
        const answer = await rawRequest(origin, { target, headers: { Cookie: staffCookie, "Content-Type": "application/json" }, body: { filler: SIXTY_MB }, chunked });
        expect(answer.status, target).toBe(413);
        expect(mostRead).toBeLessThanOrEqual(target === "/api/media" ? UPLOAD_MAX_BYTES : POST_FORM_MAX_BYTES);
      }
    }
  });

  it("a client that goes on sending after the answer is cut off soon after the limit, whoever answered", async () => {
    for (const target of ["/api/auth/callback/credentials", "/api/posts/9/autosave"]) {
      for (const chunked of [false, true]) {
        // Signed in for the route that answers first, so the body reaches it and is drained after its answer.
        const headers = target === "/api/posts/9/autosave" ? { Cookie: staffCookie } : undefined;
        const answer = await rawRequest(origin, { target, headers, body: { filler: SIXTY_MB }, chunked, keepSending: true });
        expect([0, 401, 413], target).toContain(answer.status);
        // The limit, the 16 MB read after an early answer, and the kernel's socket buffers: not 60 MB.
        expect(answer.sentBodyBytes, `${target} chunked=${chunked}`).toBeLessThan(40 * 1024 * 1024);
      }
    }
  });

  it("staff get the post form's limit; a forged, expired or foreign session is signed out (401) before the body is read", async () => {
    const body = { filler: 1024 * 1024 };
    const signedIn = await rawRequest(origin, { target: "/api/posts/3/autosave", headers: { Cookie: staffCookie }, body, chunked: true });
    expect(signedIn.status).toBe(200);
    expect(JSON.parse(signedIn.body)).toEqual({ bytes: 1024 * 1024 });
    const expired = await encode({ token: { uid: 7 }, secret: SECRET, maxAge: -60 });
    const otherKey = await encode({ token: { uid: 7 }, secret: `${SECRET}-khac`, maxAge: 3600 });
    for (const token of ["a".repeat(200), expired, otherKey]) {
      mostRead = 0;
      const answer = await rawRequest(origin, { target: "/api/posts/3/autosave", headers: { Cookie: `next-auth.session-token=${token}` }, body });
      expect(answer.status).toBe(401);
      expect(JSON.parse(answer.body).message).toBe("Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.");
      expect(mostRead).toBe(0);
    }
    // A small body still goes to the app, which answers a signed-out server action in its own way.
    expect((await rawRequest(origin, { target: "/api/posts/3/autosave", body: Buffer.from("{}") })).status).toBe(200);
  });

  it("the limits carry what validation accepts: the longest body of three-byte letters, and a 20 MB image", () => {
    expect(POST_FORM_MAX_BYTES).toBeGreaterThan(Buffer.byteLength("ộ".repeat(BODY_JSON_MAX)) + 64 * 1024);
    expect(UPLOAD_MAX_BYTES).toBeGreaterThan(MEDIA_LIMITS.maxBytes + 64 * 1024);
  });
});

describe("text bodies must be UTF-8", () => {
  it("refuses invalid bytes and encoded surrogates with 400, and accepts a letter split across two chunks", async () => {
    for (const bad of [Buffer.from([0x7b, 0xff, 0x7d]), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from([0xc0, 0xae]), Buffer.from("tiêu đề").subarray(0, 3)]) {
      const answer = await rawRequest(origin, { target: "/api/auth/callback/credentials", body: bad });
      expect(answer.status, bad.toString("hex")).toBe(400);
      expect(JSON.parse(answer.body).error).toMatch(/UTF-8/);
    }
    const text = Buffer.concat([Buffer.alloc(64 * 1024 - 1, 0x61), Buffer.from("ộ")]);
    const answer = await rawRequest(origin, { target: "/api/posts/1/autosave", headers: { Cookie: staffCookie }, body: text, chunked: true });
    expect(answer.status).toBe(200);
  });

  it("leaves image uploads alone: the media library's, and the site settings' logo (a server action on /admin/settings)", async () => {
    for (const target of ["/api/media", "/admin/settings"]) {
      const answer = await rawRequest(origin, { target, headers: { Cookie: staffCookie }, body: Buffer.from([0xff, 0xd8, 0xff, 0xe0]) });
      expect(answer.status, target).toBe(200);
    }
    // Other staff forms stay text-only.
    const other = await rawRequest(origin, { target: "/admin/menus", headers: { Cookie: staffCookie }, body: Buffer.from([0xff, 0xd8, 0xff, 0xe0]) });
    expect(other.status).toBe(400);
  });
});

describe("addresses that cannot be decoded", () => {
  const bad = [
    "/tin-tuc/%ff",
    "/tin-tuc/%E0%A4%A",
    "/chuyen-muc/%ff",
    "/media/%c0%ae%c0%ae/cms.db",
    "/admin/posts/%ff",
    "/api/posts/%ff/current",
    "/tim-kiem?q=%ff",
    "/tim-kiem?q=%c0%ae",
    "/tim-kiem?q=%ed%a0%80",
    "/tim-kiem?q=100%",
  ];
  for (const target of bad) {
    it(`${JSON.stringify(target)}: 400`, async () => {
      const answer = await rawRequest(origin, { target });
      expect(answer.status).toBe(400);
      expect(answer.body).toContain("Địa chỉ không hợp lệ");
      expect(answer.headers["content-security-policy"]).toContain("default-src 'none'");
    });
  }

  it("raw bytes that are not UTF-8: refused by Node's parser already, or by the guard", async () => {
    expect((await rawRequest(origin, { target: "/tin-tuc/\xff\xfe" })).status).toBe(400);
    expect(isWellFormedTarget("/tin-tuc/\xff\xfe")).toBe(false);
    expect(isWellFormedTarget("/tin-tuc/\xc0\xae")).toBe(false);
  });

  it("passes well-formed ones, escaped Vietnamese and raw UTF-8 included", () => {
    for (const good of ["/", "/tin-tuc/hoi-nghi", "/tim-kiem?q=h%E1%BB%99i%20ngh%E1%BB%8B", "/tim-kiem?q=a+b&page=2", "/media/x%2F..%2Fy", Buffer.from("/tìm", "utf8").toString("latin1")]) {
      expect(isWellFormedTarget(good), good).toBe(true);
    }
  });
});

describe("cross-site form posts to pages", () => {
  it("are refused with 403 (Origin of another site, or null); the same site and no Origin pass", async () => {
    const post = (headers: Record<string, string>) =>
      rawRequest(origin, { target: "/admin/posts/new", headers: { "Next-Action": "abc", Cookie: staffCookie, ...headers }, body: Buffer.from("[]") });
    for (const foreign of ["https://evil.example", "null", "http://127.0.0.1:1"]) {
      const answer = await post({ Origin: foreign });
      expect(answer.status, foreign).toBe(403);
      expect(answer.body).toContain("trang web khác");
    }
    expect((await post({ Origin: origin })).status).toBe(200);
    expect((await post({})).status).toBe(200);
  });
});

describe("session probe", () => {
  it("reads next-auth's token, whole or in chunks", async () => {
    const token = await encode({ token: { uid: 1 }, secret: SECRET, maxAge: 60 });
    expect(isLiveSessionToken(token, SECRET)).toBe(true);
    expect(isLiveSessionToken(token, `${SECRET}!`)).toBe(false);
    expect(isLiveSessionToken(`${token.slice(0, -4)}AAAA`, SECRET)).toBe(false);
    expect(sessionTokenOf(`a=1; next-auth.session-token.1=${token.slice(10)}; next-auth.session-token.0=${token.slice(0, 10)}`)).toBe(token);
    expect(sessionTokenOf(`__Secure-next-auth.session-token=${token}`)).toBe(token);
    expect(sessionTokenOf("khac=1")).toBeNull();
  });
});
