import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ADMIN, killHard, makeDataDir, startServer, stopServer, type AppServer } from "./helpers/app-server";
import { npmRun } from "./helpers/cli";
import { firstCategoryId, integrity, missingPosts, readOnly } from "./helpers/database";
import { uploadImage } from "./helpers/media";
import { caughtUp, health, litestreamPid, litestreamsFor, waitFor } from "./helpers/replication";
import { signIn } from "./helpers/session";
import { startWriting } from "./helpers/write-loop";

/*
 * Continuous replication to a folder (the default kind), against the production server with two
 * app processes: writes and an upload reach the replica within seconds; a stalled Litestream shows
 * as lag (logged once) and recovers; the process running it is killed and another takes over with
 * a single Litestream; a point-in-time restore brings back exactly what was there at that moment,
 * pictures included; and the restore refuses while the server runs.
 */
const servers: AppServer[] = [];
const dirs: string[] = [];
afterAll(() => {
  for (const server of servers) killHard(server);
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

async function writeSome(baseUrl: string, cookie: string, categoryId: number, n: number, label: string): Promise<number[]> {
  const writing = startWriting(baseUrl, cookie, categoryId, { label, writers: 2 });
  const deadline = Date.now() + 20_000;
  while (writing.acked.length < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  await writing.stop();
  expect(writing.acked.length, `${label}: ${n} saves acknowledged (${writing.errors()} refused)`).toBeGreaterThanOrEqual(n);
  return writing.acked;
}

describe("replication to a folder", () => {
  it("ships writes and media within seconds, reports lag, survives its process, and restores a moment", async () => {
    const live = makeDataDir("repl-live");
    const replica = makeDataDir("repl-replica");
    const restored = makeDataDir("repl-restored");
    const latest = makeDataDir("repl-latest");
    dirs.push(live, replica, restored, latest);
    const settings = { REPLICA_URL: replica, REPLICA_LAG_LIMIT: "2", WORKERS: "2" };
    const server = await startServer(live, 3241, settings);
    servers.push(server);
    const cookie = await signIn(server.baseUrl, ADMIN.email, ADMIN.password);
    const categoryId = readOnly(path.join(live, "cms.db"), firstCategoryId);

    console.log(`[replication test] ${new Date().toISOString()} Writes and an upload`);
    // Writes and an upload reach the replica within seconds.
    const image = await uploadImage(server.baseUrl, cookie);
    const before = await writeSome(server.baseUrl, cookie, categoryId, 20, "Trước");
    let since = Date.now();
    await waitFor("the first writes on the replica", () => health(server.baseUrl), caughtUp(since), 15_000);
    await waitFor("the picture on the replica", () => fs.existsSync(path.join(replica, image.replace(/^\//, ""))), Boolean, 15_000); // replica/media/<hash>/<w>.<ext>
    const admin = await (await fetch(`${server.baseUrl}/admin`, { headers: { cookie } })).text();
    expect(admin).toContain("Sao chép liên tục");
    expect(admin).toContain("Đang sao chép");

    await new Promise((r) => setTimeout(r, 1500));
    const moment = new Date();
    await new Promise((r) => setTimeout(r, 1500));
    const after = await writeSome(server.baseUrl, cookie, categoryId, 20, "Sau");

    console.log(`[replication test] ${new Date().toISOString()} A stalled Litestream`);
    // A stalled Litestream: the lag grows past the limit, is logged once, and recovers.
    const stalled = litestreamPid(live);
    process.kill(stalled, "SIGSTOP");
    await writeSome(server.baseUrl, cookie, categoryId, 5, "Trong lúc dừng");
    const lagging = await waitFor("the lag past its limit", () => health(server.baseUrl), (b) => b.replication?.state === "lagging", 15_000);
    expect(lagging.replication!.lagSeconds).toBeGreaterThan(2);
    await new Promise((r) => setTimeout(r, 2500));
    process.kill(stalled, "SIGCONT");
    since = Date.now();
    await waitFor("the replica caught up", () => health(server.baseUrl), caughtUp(since), 15_000);
    expect(server.output().match(/"msg":"replication lagging"/g)).toHaveLength(1);
    expect(server.output()).toContain('"msg":"replication caught up"');

    console.log(`[replication test] ${new Date().toISOString()} The process running replica`);
    // The process running replication dies: another takes over, with one Litestream.
    const holder = (await health(server.baseUrl)).replication!.pid!;
    process.kill(holder, "SIGKILL");
    const more = await writeSome(server.baseUrl, cookie, categoryId, 5, "Sau khi đổi tiến trình");
    since = Date.now();
    const taken = await waitFor("another process running replication", () => health(server.baseUrl), (b) => caughtUp(since)(b) && b.replication!.pid !== holder, 30_000);
    expect(taken.replication!.pid).not.toBe(holder);
    expect(litestreamsFor(live)).toHaveLength(1);

    console.log(`[replication test] ${new Date().toISOString()} Not while the server runs.`);
    // Not while the server runs.
    const refused = await npmRun("restore", ["--from-replica"], live, settings);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("Máy chủ đang chạy");
    expect(await stopServer(server)).toEqual({ code: 0, signal: null });
    expect(litestreamsFor(live)).toEqual([]);

    console.log(`[replication test] ${new Date().toISOString()} The moment between`);
    // The moment between the two batches: the first there, the second not, the picture there.
    const atMoment = await npmRun("restore", ["--from-replica", "--at", moment.toISOString()], restored, settings);
    expect(atMoment.code, atMoment.stderr).toBe(0);
    expect(atMoment.stdout).toContain("Đã khôi phục từ bản sao");
    const file = path.join(restored, "cms.db");
    expect(readOnly(file, (db) => ({ integrity: integrity(db), before: missingPosts(db, before), after: missingPosts(db, after).length }))).toEqual({ integrity: "ok", before: [], after: after.length });
    expect(fs.existsSync(path.join(restored, image.replace(/^\//, "")))).toBe(true);

    console.log(`[replication test] ${new Date().toISOString()} As late as it goes`);
    // As late as it goes: everything acknowledged before the clean stop.
    const all = await npmRun("restore", ["--from-replica"], latest, settings);
    expect(all.code, all.stderr).toBe(0);
    expect(readOnly(path.join(latest, "cms.db"), (db) => missingPosts(db, [...before, ...after, ...more]))).toEqual([]);
    const bad = await npmRun("restore", ["--from-replica", "--at", "hôm qua"], latest, settings);
    expect(bad.code).toBe(2);
  });
});
