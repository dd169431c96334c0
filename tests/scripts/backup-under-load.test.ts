import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ADMIN, killHard, makeDataDir, startServer, stopServer, type AppServer } from "./helpers/app-server";
import { npmRun } from "./helpers/cli";
import { uploadImage } from "./helpers/media";
import { firstCategoryId, integrity, missingPosts, readOnly } from "./helpers/database";
import { signIn } from "./helpers/session";
import { startWriting } from "./helpers/write-loop";

/*
 * A restore drill: `npm run backup` while drafts are being written, then `npm run restore` of that
 * backup into a fresh data folder with no server running, and the restored site serves.
 */
const servers: AppServer[] = [];
const dirs: string[] = [];
afterAll(() => {
  for (const server of servers) killHard(server);
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe("backup under load, then restore", () => {
  it("backs up a busy site consistently and the restored copy serves", async () => {
    const live = makeDataDir("backup-live");
    const backups = makeDataDir("backup-dir");
    const fresh = makeDataDir("backup-restored");
    dirs.push(live, backups, fresh);
    const server = await startServer(live, 3231);
    servers.push(server);
    const cookie = await signIn(server.baseUrl, ADMIN.email, ADMIN.password);
    const image = await uploadImage(server.baseUrl, cookie);

    const writing = startWriting(server.baseUrl, cookie, readOnly(path.join(live, "cms.db"), firstCategoryId), { label: "Sao lưu" });
    while (writing.acked.length < 10) await new Promise((r) => setTimeout(r, 20));
    const ackedBeforeBackup = [...writing.acked];
    const backup = await npmRun("backup", [backups, "--json"], live);
    const ackedDuringBackup = writing.acked.length - ackedBeforeBackup.length;
    await writing.stop();
    expect(backup.code, backup.stderr).toBe(0);
    const result = JSON.parse(backup.stdout.trim().split("\n").at(-1)!) as { ok: boolean; path: string };
    expect(result.ok).toBe(true);
    expect(ackedDuringBackup, "the site kept writing while the backup ran").toBeGreaterThan(0);
    expect(readOnly(path.join(result.path, "cms.db"), (db) => ({ integrity: integrity(db), missing: missingPosts(db, ackedBeforeBackup) }))).toEqual({ integrity: "ok", missing: [] });

    // Admins see the result on /admin.
    const home = await (await fetch(`${server.baseUrl}/admin`, { headers: { cookie } })).text();
    expect(home).toContain("Thành công");
    expect(home).toContain(result.path);

    const refused = await npmRun("restore", [result.path], live);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("Máy chủ đang chạy");
    expect((await stopServer(server)).code).toBe(0);

    const restored = await npmRun("restore", [result.path], fresh);
    expect(restored.code, restored.stderr).toBe(0);
    const copy = await startServer(fresh, 3232);
    servers.push(copy);
    expect((await fetch(`${copy.baseUrl}/api/health`)).status).toBe(200);
    const homePage = await fetch(`${copy.baseUrl}/`);
    expect(homePage.status).toBe(200);
    expect(await homePage.text()).toContain("Hội nghị tổng kết công tác năm 2020");
    const imageResponse = await fetch(`${copy.baseUrl}${image}`);
    expect(imageResponse.status).toBe(200);
    const lastId = ackedBeforeBackup.at(-1)!;
    expect((await fetch(`${copy.baseUrl}/admin/posts/${lastId}`, { headers: { cookie } })).status).toBe(200);
    expect((await stopServer(copy)).code).toBe(0);
  });
});
