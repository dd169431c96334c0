import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseByteRange } from "@/lib/audio/byte-range";
import { AUDIO_REQUEST_TEXT, audioReply } from "@/lib/audio/request-reply";
import { serveAudio } from "@/lib/audio/serve";
import { isAudioRequest, sendAudio } from "@/lib/server/audio-files";
import { requestAudioFor } from "@/lib/dal/audio/public";
import { trashPostsFor } from "@/lib/dal/posts/trash";
import { audioDir, audioRow, FakeEngine, later, makeJob, publishedPost } from "./helpers/audio-world";
import { authorA, create, db, editor, setStatus, tags } from "./helpers/posts-world";
import { updatePostFor } from "./helpers/save-post";

const ORIGIN = "http://127.0.0.1:3000";

describe("parseByteRange", () => {
  it.each([
    [null, { kind: "full" }],
    ["", { kind: "full" }],
    ["bytes=0-99", { kind: "partial", start: 0, end: 99 }],
    ["bytes=100-", { kind: "partial", start: 100, end: 999 }],
    ["bytes=900-5000", { kind: "partial", start: 900, end: 999 }],
    ["bytes=-100", { kind: "partial", start: 900, end: 999 }],
    ["bytes=-5000", { kind: "partial", start: 0, end: 999 }],
    ["bytes=999-999", { kind: "partial", start: 999, end: 999 }],
    ["bytes=1000-", { kind: "unsatisfiable" }],
    ["bytes=1000-1100", { kind: "unsatisfiable" }],
    ["bytes=-0", { kind: "unsatisfiable" }],
    // Not one well-formed bytes range: ignored, the whole file is sent.
    ["bytes=5-2", { kind: "full" }],
    ["bytes=0-9,20-29", { kind: "full" }],
    ["items=0-9", { kind: "full" }],
    ["bytes=abc", { kind: "full" }],
    ["bytes=-", { kind: "full" }],
    ["bytes=99999999999999999999-", { kind: "full" }],
  ] as const)("%s on 1,000 bytes → %o", (header, expected) => {
    expect(parseByteRange(header, 1000)).toEqual(expected);
  });
});

/** A public post whose recording the job has made: its file name, bytes and post. */
async function madeRecording() {
  const engine = new FakeEngine("fake/vi", 5000);
  const post = publishedPost();
  await makeJob(engine).job.run(db, later(1));
  const file = audioRow(post.id)!.file!;
  return { post, file, bytes: fs.readFileSync(path.join(audioDir, `${file}.mp3`)) };
}

const get = (file: string, headers: Record<string, string> = {}, method = "GET") =>
  serveAudio(new Request(`${ORIGIN}/audio/${file}.mp3`, { method, headers }), `${file}.mp3`, { db, directory: audioDir });

describe("the audio route", () => {
  it("sends the whole file with its exact type, nosniff, a year of immutable caching and its name as ETag", async () => {
    const { file, bytes } = await madeRecording();
    const response = await get(file);
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "audio/mpeg",
      "x-content-type-options": "nosniff",
      "cache-control": "public, max-age=31536000, immutable",
      "accept-ranges": "bytes",
      etag: `"${file}"`,
      "content-length": "5000",
    });
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it("sends a byte range as 206 with its Content-Range, so a player can seek", async () => {
    const { file, bytes } = await madeRecording();
    for (const [range, start, end] of [
      ["bytes=100-199", 100, 199],
      ["bytes=4990-", 4990, 4999],
      ["bytes=-10", 4990, 4999],
      ["bytes=0-0", 0, 0],
    ] as const) {
      const response = await get(file, { range });
      expect(response.status).toBe(206);
      expect(response.headers.get("content-range")).toBe(`bytes ${start}-${end}/5000`);
      expect(response.headers.get("content-length")).toBe(String(end - start + 1));
      expect(Buffer.from(await response.arrayBuffer()).equals(bytes.subarray(start, end + 1))).toBe(true);
    }
  });

  it("answers a range past the end with 416 and the file's size", async () => {
    const { file } = await madeRecording();
    const response = await get(file, { range: "bytes=5000-" });
    expect(response.status).toBe(416);
    expect(response.headers.get("content-range")).toBe("bytes */5000");
    expect(await response.text()).toBe("");
  });

  it("answers HEAD with the headers and no body, for the whole file and for a range", async () => {
    const { file } = await madeRecording();
    const whole = await get(file, {}, "HEAD");
    expect([whole.status, whole.headers.get("content-length"), whole.headers.get("content-type"), await whole.text()]).toEqual([200, "5000", "audio/mpeg", ""]);
    const part = await get(file, { range: "bytes=10-19" }, "HEAD");
    expect([part.status, part.headers.get("content-range"), part.headers.get("content-length")]).toEqual([206, "bytes 10-19/5000", "10"]);
  });

  it("answers 304 to the ETag it sent, and the whole file to an If-Range naming something else", async () => {
    const { file } = await madeRecording();
    expect((await get(file, { "if-none-match": `"${file}"` })).status).toBe(304);
    expect((await get(file, { range: "bytes=0-9", "if-range": `"${file}"` })).status).toBe(206);
    expect((await get(file, { range: "bytes=0-9", "if-range": '"something-else"' })).status).toBe(200);
  });

  it("answers 404 once the post is not public: unpublished, trashed, or not yet live", async () => {
    const { post, file } = await madeRecording();
    expect((await get(file)).status).toBe(200);
    updatePostFor(db, editor, post.id, post.version, post.fields, { transition: { name: "unpublish" } });
    const refused = await get(file);
    expect([refused.status, refused.headers.get("content-type"), refused.headers.get("cache-control")]).toEqual([404, "text/plain; charset=utf-8", "no-store"]);
    expect((await get(file, {}, "HEAD")).status).toBe(404);

    const other = await madeRecording();
    trashPostsFor(db, editor, [other.post.id]);
    expect((await get(other.file)).status).toBe(404);

    const future = await madeRecording();
    setStatus(future.post.id, "published", new Date(Date.now() + 86_400_000));
    expect((await get(future.file)).status).toBe(404);
  });

  it("answers 404 to names that are not a recording's, and never leaves the folder", async () => {
    await madeRecording();
    for (const segment of ["../cms.db", "..%2Fcms.db", "0123456789abcdef0123456789abcdef.wav", "0123456789abcdef0123456789abcdef.mp3", "ABCDEF.mp3", "x\u0000.mp3"]) {
      const response = await serveAudio(new Request(`${ORIGIN}/audio/x`), segment, { db, directory: audioDir });
      expect(response.status).toBe(404);
    }
  });

  it("forgets a recording whose file is gone from disk, so the page offers to make it again", async () => {
    const { post, file } = await madeRecording();
    fs.rmSync(path.join(audioDir, `${file}.mp3`));
    expect((await get(file)).status).toBe(404);
    expect(audioRow(post.id)).toBeUndefined();
    expect(tags()).toContain(`article:${post.slug}`);
  });

  it("notes a listen that starts at the beginning (the space bound keeps it), not a seek", async () => {
    const { post, file } = await madeRecording();
    const made = audioRow(post.id)!.lastUsedAt!;
    await get(file, { range: "bytes=100-" });
    expect(audioRow(post.id)!.lastUsedAt).toEqual(made);
    const start = new Date(made.getTime() + 3600_000);
    await serveAudio(new Request(`${ORIGIN}/audio/${file}.mp3`), `${file}.mp3`, { db, directory: audioDir, now: start });
    expect(audioRow(post.id)!.lastUsedAt).toEqual(start);
  });
});

describe("the audio route under npm start (server.ts sends it before Next)", () => {
  /** A plain HTTP server around sendAudio, as server.ts runs it; answers with status, headers and body length. */
  async function withServer<T>(check: (fetchRaw: (file: string, init?: { method?: string; range?: string }) => Promise<{ status: number; headers: http.IncomingHttpHeaders; length: number }>) => Promise<T>): Promise<T> {
    const server = http.createServer((req, res) => {
      const pathname = new URL(req.url ?? "/", "http://x").pathname;
      if (!isAudioRequest(req.method, pathname)) return void res.writeHead(418).end();
      void sendAudio(req, res, pathname, { db, directory: audioDir });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    const fetchRaw = (file: string, init: { method?: string; range?: string } = {}) =>
      new Promise<{ status: number; headers: http.IncomingHttpHeaders; length: number }>((resolve, reject) => {
        const req = http.request({ port, path: `/audio/${file}.mp3`, method: init.method ?? "GET", headers: init.range ? { range: init.range } : {} }, (res) => {
          let length = 0;
          res.on("data", (chunk: Buffer) => (length += chunk.length));
          res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, length }));
        });
        req.on("error", reject);
        req.end();
      });
    try {
      return await check(fetchRaw);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }

  it("sends the length of the file and of each range, for GET and HEAD, with the security headers", async () => {
    const { post, file } = await madeRecording();
    await withServer(async (fetchRaw) => {
      const whole = await fetchRaw(file);
      expect([whole.status, whole.headers["content-length"], whole.length, whole.headers["transfer-encoding"]]).toEqual([200, "5000", 5000, undefined]);
      expect(whole.headers).toMatchObject({ "content-type": "audio/mpeg", "x-content-type-options": "nosniff", "referrer-policy": "strict-origin-when-cross-origin", "content-security-policy": expect.stringContaining("default-src 'none'") });
      const part = await fetchRaw(file, { range: "bytes=1000-1999" });
      expect([part.status, part.headers["content-length"], part.headers["content-range"], part.length]).toEqual([206, "1000", "bytes 1000-1999/5000", 1000]);
      const head = await fetchRaw(file, { method: "HEAD" });
      expect([head.status, head.headers["content-length"], head.length]).toEqual([200, "5000", 0]);
      const past = await fetchRaw(file, { range: "bytes=9000-" });
      expect([past.status, past.headers["content-range"], past.length]).toEqual([416, "bytes */5000", 0]);
      updatePostFor(db, editor, post.id, post.version, post.fields, { transition: { name: "unpublish" } });
      const gone = await fetchRaw(file);
      expect([gone.status, gone.headers["content-type"]]).toEqual([404, "text/plain; charset=utf-8"]);
      expect(isAudioRequest("POST", `/audio/${file}.mp3`)).toBe(false);
      expect(isAudioRequest("GET", "/audio/a/b.mp3")).toBe(false);
    });
  });
});

describe("a reader's request for a recording", () => {
  afterEach(() => vi.unstubAllEnvs());
  const archivePost = () => {
    const { id, slug } = create(authorA, { title: "Bài trong kho lưu trữ" });
    setStatus(id, "published");
    return { id, slug };
  };
  const ask = (postId: string | number, init: { accept?: string; origin?: string | null } = {}, language = "vi") => {
    const headers: Record<string, string> = { accept: init.accept ?? "application/json" };
    if (init.origin !== null) headers.origin = init.origin ?? ORIGIN;
    return audioReply(new Request(`${ORIGIN}/api/audio/${postId}/${language}`, { method: "POST", headers }), String(postId), language, (key) => requestAudioFor(db, key));
  };

  it("from the player: 202 while it is prepared, then 200 with the recording", async () => {
    const post = archivePost();
    const first = await ask(post.id);
    expect([first.status, await first.json(), first.headers.get("cache-control")]).toEqual([202, { state: "preparing" }, "private, no-store"]);
    await makeJob(new FakeEngine()).job.run(db, later(1));
    const made = audioRow(post.id)!;
    const second = await ask(post.id);
    expect([second.status, await second.json()]).toEqual([200, { state: "ready", src: `/audio/${made.file}.mp3`, durationSeconds: Math.round(made.durationMs / 100) / 10, bytes: made.bytes }]);
  });

  it("from the button shown without JavaScript: a redirect back to the article", async () => {
    const post = archivePost();
    const response = await ask(post.id, { accept: "text/html" });
    expect([response.status, response.headers.get("location")]).toEqual([303, `/tin-tuc/${post.slug}#ban-ghi-am`]);
    expect(audioRow(post.id)?.state).toBe("queued");
  });

  it("is refused from another site, for posts not on the site, and when audio is switched off", async () => {
    const post = archivePost();
    for (const origin of ["https://evil.example", "null", null]) {
      const response = await ask(post.id, { origin });
      expect([response.status, (await response.json()).error]).toEqual([403, AUDIO_REQUEST_TEXT.crossSite]);
    }
    const draft = create(authorA);
    for (const [id, language] of [[draft.id, "vi"], [999_999, "vi"], ["1e3", "vi"], [post.id, "fr"]] as const) {
      const response = await ask(id, {}, language);
      expect([response.status, (await response.json()).state]).toEqual([404, "missing"]);
    }
    vi.stubEnv("AUDIO_ENGINE", "off");
    expect((await ask(post.id)).status).toBe(404);
    expect(audioRow(post.id)).toBeUndefined();
  });

  it("says the server is busy (503, Retry-After) past the readers' queue", async () => {
    const posts = Array.from({ length: 21 }, () => archivePost());
    for (const post of posts.slice(0, 20)) expect((await ask(post.id)).status).toBe(202);
    const refused = await ask(posts[20]!.id);
    expect([refused.status, refused.headers.get("retry-after"), (await refused.json()).error]).toEqual([503, "60", AUDIO_REQUEST_TEXT.busy]);
    const page = await ask(posts[20]!.id, { accept: "text/html" });
    expect([page.status, page.headers.get("content-type")]).toEqual([503, "text/html; charset=utf-8"]);
    expect(await page.text()).toContain(`href="/tin-tuc/${posts[20]!.slug}"`);
  });
});
