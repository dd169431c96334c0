import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawRequest } from "../unit/helpers/raw-http";
import { ADMIN, startSignedIn, stopAndRemove, type AppServer } from "./helpers/app-server";
import { readOnly } from "./helpers/database";
import { createDraft, signIn } from "./helpers/session";

/* Issue 19 against `npm start` itself (no proxy in front): body limits, undecodable addresses, cross-site actions, input changed quietly. */
const PORT = 3241;
let dataDir: string;
let databaseFile: string;
let server: AppServer;
let admin: string;
let categoryId: number;

const SIXTY_MB = 60 * 1024 * 1024;
const postCount = () => readOnly(databaseFile, (db) => (db.prepare("SELECT count(*) AS n FROM posts").get() as { n: number }).n);
const peakMemoryMb = () => Number(/VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${server.process.pid}/status`, "utf8"))![1]) / 1024;
const serverErrors = () => server.output().split("\n").filter((line) => line.includes('"status":500'));

beforeAll(async () => {
  ({ dataDir, databaseFile, server, admin, categoryId } = await startSignedIn("hardening", PORT));
});
afterAll(() => stopAndRemove({ server, dataDir }));

describe("body limits", () => {
  it("60 MB to the sign-in callback (anonymous) and to each route that reads a body (signed in), declared and chunked: 413 before it is read", async () => {
    const before = peakMemoryMb();
    const cases = [
      { target: "/api/auth/callback/credentials", cookie: "", type: "application/x-www-form-urlencoded" },
      { target: "/api/admin/posts", cookie: admin, type: "application/json" },
      { target: "/api/posts/1/autosave", cookie: admin, type: "multipart/form-data; boundary=ranh-gioi" },
      { target: "/api/media", cookie: admin, type: "multipart/form-data; boundary=ranh-gioi" },
    ];
    for (const { target, cookie, type } of cases) {
      for (const chunked of [false, true]) {
        const answer = await rawRequest(server.baseUrl, { target, headers: { "Content-Type": type, Origin: server.baseUrl, ...(cookie ? { Cookie: cookie } : {}) }, body: { filler: SIXTY_MB }, chunked });
        expect(answer.status, `${target} chunked=${chunked}`).toBe(413);
        expect(JSON.parse(answer.body).error, target).toMatch(/quá lớn/);
        expect(answer.sentBodyBytes, target).toBeLessThan(SIXTY_MB);
      }
    }
    // Nothing was kept: the server's peak memory did not take a body's worth.
    expect(peakMemoryMb() - before).toBeLessThan(40);
  });

  it("a client that goes on sending after the answer is cut off, whoever answered (413 or 401 here, or the route itself)", async () => {
    const targets = ["/api/auth/callback/credentials", "/api/admin/posts", "/api/posts/1/autosave", "/api/posts/1/presence", "/api/media", "/api/health", "/admin/posts/new", "/tin-tuc/khong-co"];
    for (const target of targets) {
      for (const chunked of [false, true]) {
        const answer = await rawRequest(server.baseUrl, {
          target,
          headers: { "Content-Type": "multipart/form-data; boundary=ranh-gioi", Origin: server.baseUrl, "Next-Action": "0".repeat(42) },
          body: { filler: SIXTY_MB },
          chunked,
          keepSending: true,
        });
        // 0: the connection was cut with a reset, which took the unread answer with it.
        expect(answer.status, `${target} chunked=${chunked}`).toBeLessThan(500);
        // The anonymous limit (64 KB), the 16 MB read after an early answer and the socket buffers: not 60 MB.
        expect(answer.sentBodyBytes, `${target} chunked=${chunked}`).toBeLessThan(40 * 1024 * 1024);
      }
    }
    expect(serverErrors()).toEqual([]);
  });

  it("the server still signs people in and saves afterwards", async () => {
    expect(await signIn(server.baseUrl, ADMIN.email, ADMIN.password)).toContain("session-token");
    expect((await createDraft(server.baseUrl, admin, { title: "Sau yêu cầu quá lớn", categoryId })).status).toBe(201);
  });
});

describe("addresses that cannot be decoded", () => {
  it("answer 400 (never 500) on public, staff and API routes, in the path or the query", async () => {
    const targets = ["/tin-tuc/%ff", "/tin-tuc/%E0%A4%A", "/chuyen-muc/%ff", "/media/%c0%ae%c0%ae/cms.db", "/admin/posts/%ff", "/api/posts/%ff/current", "/tim-kiem?q=%ff", "/tim-kiem?q=%c0%ae", "/?trang=%e0%80%af"];
    for (const target of targets) {
      for (const cookie of ["", admin]) {
        const answer = await rawRequest(server.baseUrl, { target, headers: cookie ? { Cookie: cookie } : {} });
        expect(answer.status, target).toBe(400);
        expect(answer.body).toContain("Địa chỉ không hợp lệ");
      }
    }
    expect(serverErrors()).toEqual([]);
  });
});

describe("server actions from another site", () => {
  it("answer 403, not 500", async () => {
    for (const origin of ["https://evil.example", "null"]) {
      const answer = await rawRequest(server.baseUrl, {
        target: "/admin/posts/new",
        headers: { Origin: origin, Cookie: admin, "Next-Action": "0".repeat(42), "Content-Type": "text/plain;charset=UTF-8" },
        body: Buffer.from("[]"),
      });
      expect(answer.status, origin).toBe(403);
    }
    expect(serverErrors()).toEqual([]);
  });
});

describe("input is refused or cleaned on purpose, never changed quietly", () => {
  const postJson = (body: Buffer) =>
    rawRequest(server.baseUrl, { target: "/api/admin/posts", headers: { "Content-Type": "application/json", Origin: server.baseUrl, Cookie: admin }, body });

  it("invalid UTF-8 and lone surrogates: 400 with a Vietnamese message, nothing stored", async () => {
    const before = postCount();
    const invalid = Buffer.concat([Buffer.from(`{"categoryId":${categoryId},"title":"Sai `), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
    const badBytes = await postJson(invalid);
    expect(badBytes.status).toBe(400);
    expect(JSON.parse(badBytes.body).error).toMatch(/UTF-8/);
    const surrogate = await postJson(Buffer.from(`{"categoryId":${categoryId},"title":"Nửa cặp \\ud800 ký tự"}`));
    expect(surrogate.status).toBe(400);
    expect(JSON.parse(surrogate.body).error).toMatch(/ký tự không hợp lệ/);
    const inBody = await postJson(Buffer.from(JSON.stringify({ categoryId, title: "Thân bài hỏng", body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "x" }] }] } }).replace('"x"', '"\\udc00"')));
    expect(inBody.status).toBe(400);
    expect(postCount()).toBe(before);
  });

  it("bidi controls are taken out of the title", async () => {
    const created = await createDraft(server.baseUrl, admin, { title: "Thông báo\u202Egnp.exe\u202C số 5", categoryId });
    expect(created.status).toBe(201);
    expect(readOnly(databaseFile, (db) => db.prepare("SELECT title FROM posts WHERE id = ?").get(created.body.id))).toEqual({ title: "Thông báognp.exe số 5" });
  });

  it("body JSON the editor cannot make is refused", async () => {
    const before = postCount();
    const text = (t: string, marks?: unknown[]) => ({ type: "text", text: t, ...(marks ? { marks } : {}) });
    const bodies = [
      { type: "doc", content: [{ type: "paragraph", content: [text("bấm", [{ type: "link", attrs: { href: "javascript:alert(1)" } }])] }] },
      { type: "doc", content: [{ type: "heading", attrs: { level: 9 }, content: [text("H9")] }] },
      { type: "doc", content: [{ type: "orderedList", attrs: { start: '1" onclick="alert(1)' }, content: [{ type: "listItem", content: [{ type: "paragraph", content: [text("a")] }] }] }] },
    ];
    for (const body of bodies) {
      const answer = await createDraft(server.baseUrl, admin, { title: "Nội dung lạ", categoryId, body });
      expect(answer, JSON.stringify(body).slice(0, 80)).toMatchObject({ status: 400, body: { field: "body" } });
    }
    expect(postCount()).toBe(before);
  });
});
