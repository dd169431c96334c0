import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSignedIn, stopAndRemove, type AppServer } from "./helpers/app-server";
import { createUser } from "./helpers/cli";
import { readOnly } from "./helpers/database";
import { createDraft, signIn } from "./helpers/session";

/* The production server's operational contract: health, request logs and ids, the automation route's refusals, graceful stop. */
const PORT = 3221;
let dataDir: string;
let databaseFile: string;
let server: AppServer;
let admin: string;
let categoryId: number;

const postCount = () => readOnly(databaseFile, (db) => (db.prepare("SELECT count(*) AS n FROM posts").get() as { n: number }).n);
const logLines = () =>
  server
    .output()
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);

beforeAll(async () => {
  ({ dataDir, databaseFile, server, admin, categoryId } = await startSignedIn("operations", PORT));
});
afterAll(() => stopAndRemove({ server, dataDir }));

describe("health", () => {
  it("answers 200 with the database migrated and the cache ready, never cached", async () => {
    const response = await fetch(`${server.baseUrl}/api/health`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store"); // every /api answer (lib/server/public-cache-headers.ts)
    const body = (await response.json()) as { status: string; database: string; migrations: { applied: number; expected: number }; cache: string };
    expect(body).toMatchObject({ status: "ok", database: "ok", cache: "ready" });
    expect(body.migrations.applied).toBe(body.migrations.expected);
    expect(body.migrations.expected).toBe(JSON.parse(fs.readFileSync("db/migrations/meta/_journal.json", "utf8")).entries.length);
  });
});

describe("request log", () => {
  it("writes one JSON line per request with a request id it makes itself when no trusted proxy sent one", async () => {
    const response = await fetch(`${server.baseUrl}/tin-tuc/khong-co-bai-nay?tu-khoa=bi-mat`, { headers: { "x-request-id": "gia-mao-tu-khach" } });
    const id = response.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await new Promise((r) => setTimeout(r, 100));
    const line = logLines().find((l) => l.id === id);
    expect(line).toMatchObject({ level: "info", msg: "request", method: "GET", path: "/tin-tuc/khong-co-bai-nay", status: 404, ip: "127.0.0.1" });
    expect(typeof line?.ms).toBe("number");
    expect(server.output()).not.toContain("bi-mat");
    expect(logLines().some((l) => l.id === "gia-mao-tu-khach")).toBe(false);
  });
});

describe("POST /api/admin/posts", () => {
  it("refuses the anonymous, other origins, bad input and unfinished accounts, and writes nothing", async () => {
    const before = postCount();
    const draft = { title: "Bài từ kịch bản", categoryId };
    expect((await createDraft(server.baseUrl, "", draft)).status).toBe(401);
    expect((await createDraft(server.baseUrl, admin, draft, { origin: "https://evil.example" })).status).toBe(403);
    expect((await createDraft(server.baseUrl, admin, draft, { origin: "null" })).status).toBe(403);

    const notJson = await fetch(`${server.baseUrl}/api/admin/posts`, { method: "POST", headers: { origin: server.baseUrl, cookie: admin, "content-type": "application/json" }, body: "{không phải json" });
    expect(notJson.status).toBe(400);
    expect(await createDraft(server.baseUrl, admin, { categoryId })).toMatchObject({ status: 400, body: { field: "title", error: "Vui lòng nhập tiêu đề." } });
    expect(await createDraft(server.baseUrl, admin, { title: "Sai chuyên mục", categoryId: 999_999 })).toMatchObject({ status: 400, body: { field: "categoryId" } });
    const script = { type: "doc", content: [{ type: "script", content: [{ type: "text", text: "alert(1)" }] }] };
    expect(await createDraft(server.baseUrl, admin, { title: "Nội dung lạ", categoryId, body: script })).toMatchObject({ status: 400, body: { field: "body" } });

    const email = "tam-thoi@ops.test";
    const password = await createUser(dataDir, email, "author", true);
    const pending = await signIn(server.baseUrl, email, password);
    expect((await createDraft(server.baseUrl, pending, draft)).status).toBe(403);
    expect(postCount()).toBe(before);

    const created = await createDraft(server.baseUrl, admin, draft);
    expect(created.status).toBe(201);
    expect(postCount()).toBe(before + 1);
    expect(readOnly(databaseFile, (db) => db.prepare("SELECT status, title FROM posts WHERE id = ?").get(created.body.id))).toEqual({ status: "draft", title: "Bài từ kịch bản" });
  });
});

describe("backup status on /admin", () => {
  it("is shown to admins and not to editors", async () => {
    const adminHome = await (await fetch(`${server.baseUrl}/admin`, { headers: { cookie: admin } })).text();
    expect(adminHome).toContain("Sao lưu dữ liệu");
    expect(adminHome).toContain("Chưa có bản sao lưu nào.");
    const password = await createUser(dataDir, "bien-tap@ops.test", "editor");
    const editor = await signIn(server.baseUrl, "bien-tap@ops.test", password);
    const editorHome = await fetch(`${server.baseUrl}/admin`, { headers: { cookie: editor } });
    expect(editorHome.status).toBe(200);
    expect(await editorHome.text()).not.toContain("Sao lưu dữ liệu");
  });
});

describe("SIGTERM", () => {
  it("answers the request in flight, closes the database cleanly and exits 0", async () => {
    const body = JSON.stringify({ title: "Bài gửi lúc máy chủ dừng", categoryId });
    const response = new Promise<{ status: number; connection: string | undefined; text: string }>((resolve, reject) => {
      const req = http.request(`${server.baseUrl}/api/admin/posts`, {
        method: "POST",
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), origin: server.baseUrl, cookie: admin },
      });
      req.on("response", (res) => {
        let text = "";
        res.on("data", (c: Buffer) => (text += c.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, text }));
      });
      req.on("error", reject);
      // Half the body now, the rest after the signal: the request is surely in flight when it arrives.
      req.write(body.slice(0, 10));
      setTimeout(() => {
        server.process.kill("SIGTERM");
        setTimeout(() => req.end(body.slice(10)), 300);
      }, 300);
    });
    const answered = await response;
    expect(answered.status).toBe(201);
    const { id } = JSON.parse(answered.text) as { id: number };

    const exit = await server.exited;
    expect(exit.code).toBe(0);
    expect(fs.existsSync(path.join(dataDir, "server.pid"))).toBe(false);
    const wal = path.join(dataDir, "cms.db-wal");
    expect(fs.existsSync(wal) ? fs.statSync(wal).size : 0).toBe(0);
    expect(readOnly(databaseFile, (db) => db.prepare("SELECT title FROM posts WHERE id = ?").get(id))).toEqual({ title: "Bài gửi lúc máy chủ dừng" });
    const messages = logLines().map((l) => l.msg);
    expect(messages).toContain("shutdown");
    expect(messages).toContain("stopped");
  });
});
