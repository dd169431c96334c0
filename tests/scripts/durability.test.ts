import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { killHard, makeDataDir, startServer, type AppServer } from "./helpers/app-server";
import { firstCategoryId, integrity, missingPosts, readOnly } from "./helpers/database";
import { ADMIN } from "./helpers/app-server";
import { signIn } from "./helpers/session";
import { startWriting } from "./helpers/write-loop";

/*
 * SECURITY.md's crash test, against the real server: drafts are written through the app by
 * concurrent writers, the server is killed with SIGKILL at a random moment, and every write it
 * acknowledged must be in the database (read directly, read-only, before anything reopens it) and
 * served by the app again after a restart, with integrity_check ok. Twenty times.
 */
const PORT = 3211;
const ROUNDS = 20;

let dataDir: string;
let databaseFile: string;
let server: AppServer | null = null;

beforeAll(() => {
  dataDir = makeDataDir("durability");
  databaseFile = path.join(dataDir, "cms.db");
});
afterAll(() => {
  if (server) killHard(server);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("durability under kill -9", () => {
  it(`keeps every acknowledged write across ${ROUNDS} hard kills`, async () => {
    server = await startServer(dataDir, PORT);
    const cookie = await signIn(server.baseUrl, ADMIN.email, ADMIN.password);
    const categoryId = readOnly(databaseFile, firstCategoryId);
    const allAcked: number[] = [];

    for (let round = 1; round <= ROUNDS; round++) {
      const writing = startWriting(server.baseUrl, cookie, categoryId, { label: `Vòng ${round}` });
      // Writing is under way (the first request of a fresh process is slower), then a random moment.
      const deadline = Date.now() + 15_000;
      while (writing.acked.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      expect(writing.acked.length, `round ${round}: writes are acknowledged (${writing.errors()} refused)`).toBeGreaterThan(0);
      await new Promise((r) => setTimeout(r, Math.random() * 500));
      killHard(server);
      await server.exited;
      await writing.stop();
      allAcked.push(...writing.acked);

      const afterKill = readOnly(databaseFile, (db) => ({ integrity: integrity(db), missing: missingPosts(db, allAcked) }));
      expect(afterKill, `round ${round}, database after kill -9`).toEqual({ integrity: "ok", missing: [] });

      server = await startServer(dataDir, PORT);
      // Through the app: the last writes of the round, the ones a lost commit would take with it.
      for (const id of writing.acked.slice(-5)) {
        const page = await fetch(`${server.baseUrl}/admin/posts/${id}`, { headers: { cookie } });
        expect(page.status, `round ${round}: post ${id} is served after restart`).toBe(200);
      }
    }
    expect(allAcked.length).toBeGreaterThan(ROUNDS * 5);
    console.log(`[durability] ${ROUNDS} kills, ${allAcked.length} acknowledged drafts, none lost`);
  });
});
