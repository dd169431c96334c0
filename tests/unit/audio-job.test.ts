import fs from "node:fs";
import path from "node:path";
import { eq, isNotNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { cacheInvalidations, postAudio, posts } from "@/db/schema";
import { retryDelayMs } from "@/lib/audio/job";
import { findArticleAudio, noteAudioUse, requestAudioFor } from "@/lib/dal/audio/public";
import { addCorrectionFor } from "@/lib/dal/posts/corrections";
import { emptyTrashFor, restorePostsFor, trashPostsFor } from "@/lib/dal/posts/trash";
import { SpeechEngineError } from "@/lib/speech/engine";
import { audioDir, audioRow, FakeEngine, filesOnDisk, later, makeJob, NOW, publishedPost, saveAgain, unavailable } from "./helpers/audio-world";
import { admin, authorA, create, db, doc, editor, fields, paragraph, setStatus } from "./helpers/posts-world";
import { updatePostFor } from "./helpers/save-post";

const audioOf = (postId: number) => findArticleAudio(db, { postId, language: "vi" });
const tagsAfter = (id: number) =>
  db
    .select({ tag: cacheInvalidations.tag })
    .from(cacheInvalidations)
    .all()
    .slice(id)
    .map((r) => r.tag);
const tagCount = () => db.select({ id: cacheInvalidations.id }).from(cacheInvalidations).all().length;

describe("audio after publish", () => {
  it("is queued in the publish's transaction and made by the job afterwards, from the text the browser voice reads", async () => {
    const engine = new FakeEngine();
    const { job } = makeJob(engine);
    const post = publishedPost({ title: "Hội nghị tổng kết năm 2025", body: doc(paragraph("Ngày 29/12/2020, Cục SHTT tổ chức hội nghị.")) });

    // Publishing did not wait: the row waits for the job, the page says it is being prepared.
    expect(audioRow(post.id)).toMatchObject({ state: "queued", reason: "publish", file: null });
    expect(engine.calls).toEqual([]);
    expect(audioOf(post.id)).toEqual({ state: "preparing" });

    const before = tagCount();
    await job.run(db, later(1));
    expect(engine.calls).toHaveLength(1);
    expect(engine.calls[0]!.language).toBe("vi");
    // Title, lead, body and source in order, numbers, dates and abbreviations spoken (lib/speech/article-text.ts).
    expect(engine.calls[0]!.text.split("\n")).toEqual([
      "Hội nghị tổng kết năm hai nghìn không trăm hai mươi lăm.",
      "Sapo của bài.",
      "Ngày hai mươi chín tháng mười hai năm hai nghìn không trăm hai mươi, Cục sở hữu trí tuệ tổ chức hội nghị.",
      "Văn phòng Cục.",
    ]);

    const made = audioRow(post.id)!;
    expect(made).toMatchObject({ state: "ready", engine: "fake/vi", cpuMs: 250, attempts: 0, error: "" });
    expect(made.file).toMatch(/^[0-9a-f]{32}$/);
    expect(filesOnDisk()).toEqual([`${made.file}.mp3`]);
    expect(fs.readFileSync(path.join(audioDir, `${made.file}.mp3`)).length).toBe(made.bytes);
    // The article's page is refreshed, and now offers the recording.
    expect(tagsAfter(before)).toEqual([`article:${post.slug}`]);
    expect(audioOf(post.id)).toEqual({ state: "ready", src: `/audio/${made.file}.mp3`, durationSeconds: Math.round(made.durationMs / 100) / 10, bytes: made.bytes });
  });

  it("is not made for drafts, posts sent for review or imported archive posts", async () => {
    const engine = new FakeEngine();
    const { job } = makeJob(engine);
    const draft = create(authorA);
    expect(updatePostFor(db, authorA, draft.id, draft.version, fields({ slug: draft.slug, title: "Bản nháp gửi duyệt" }), { transition: { name: "submit" } }).ok).toBe(true);
    const archive = create(authorA);
    setStatus(archive.id, "published");
    await job.run(db, later(1));
    expect(engine.calls).toEqual([]);
    expect([audioRow(draft.id), audioRow(archive.id)]).toEqual([undefined, undefined]);
    expect(audioOf(archive.id)).toEqual({ state: "none" });
  });

  it("is made ahead for a scheduled post, which the page offers once it goes live", async () => {
    const engine = new FakeEngine();
    const { job } = makeJob(engine);
    const created = create(authorA);
    const at = new Date("2025-08-01T03:00:00Z");
    const scheduled = updatePostFor(db, editor, created.id, created.version, fields({ slug: created.slug, publishedAt: at }), { transition: { name: "schedule" }, now: NOW });
    expect(scheduled.ok).toBe(true);
    await job.run(db, later(1));
    expect(audioRow(created.id)?.state).toBe("ready");
  });
});

describe("remaking", () => {
  it("makes it again when the spoken text changes, and drops the old file", async () => {
    const engine = new FakeEngine();
    const { job } = makeJob(engine);
    let post = publishedPost();
    await job.run(db, later(1));
    const first = audioRow(post.id)!.file;

    post = saveAgain(post, { body: doc(paragraph("Nội dung đã sửa lại.")) }, later(2));
    expect(audioRow(post.id)).toMatchObject({ state: "queued", generation: 2, file: first });
    expect(audioOf(post.id)).toEqual({ state: "preparing" });
    await job.run(db, later(3));
    const second = audioRow(post.id)!;
    expect(engine.calls).toHaveLength(2);
    expect(engine.calls[1]!.text).toContain("Nội dung đã sửa lại.");
    expect(second.file).not.toBe(first);
    expect(filesOnDisk()).toEqual([`${second.file}.mp3`]);
  });

  it("does not synthesize again when only what is not read changed (SEO title, category)", async () => {
    const engine = new FakeEngine();
    const { job } = makeJob(engine);
    let post = publishedPost();
    await job.run(db, later(1));
    const made = audioRow(post.id)!;
    post = saveAgain(post, { seoTitle: "Tiêu đề cho công cụ tìm kiếm" }, later(2));
    expect(audioRow(post.id)?.state).toBe("queued");
    await job.run(db, later(3));
    expect(engine.calls).toHaveLength(1);
    expect(audioRow(post.id)).toMatchObject({ state: "ready", file: made.file, madeAt: made.madeAt, generation: 2 });
  });

  it("makes it again with a correction, which the recording reads after the title", async () => {
    const engine = new FakeEngine();
    const { job } = makeJob(engine);
    const post = publishedPost();
    await job.run(db, later(1));
    expect(addCorrectionFor(db, editor, post.id, "Hội nghị diễn ra ngày 30/12.", later(2))).toMatchObject({ ok: true });
    expect(audioRow(post.id)?.state).toBe("queued");
    await job.run(db, later(3));
    expect(engine.calls).toHaveLength(2);
    const lines = engine.calls[1]!.text.split("\n");
    expect(lines[1]).toMatch(/^Đính chính ngày/);
    expect(lines[1]).toContain("Hội nghị diễn ra ngày ba mươi tháng mười hai.");
  });

  it("does not keep audio made from text that changed while it was being made", async () => {
    const engine = new FakeEngine();
    engine.holding = true;
    const { job } = makeJob(engine);
    let post = publishedPost();
    const running = job.run(db, later(1));
    await expect.poll(() => engine.inFlight).toBe(1);
    post = saveAgain(post, { body: doc(paragraph("Bản mới hơn.")) }, later(2));
    engine.release();
    await running;
    expect(audioRow(post.id)).toMatchObject({ state: "queued", file: null });
    expect(filesOnDisk()).toEqual([]);
    await job.run(db, later(3));
    expect(engine.calls.at(-1)!.text).toContain("Bản mới hơn.");
    expect(audioRow(post.id)?.state).toBe("ready");
  });

  it("remakes the recordings of another engine one at a time when nothing else waits, offering the old one meanwhile", async () => {
    const before = new FakeEngine("espeak/old");
    const post = publishedPost();
    await makeJob(before).job.run(db, later(1));
    const old = audioRow(post.id)!;

    const hosted = new FakeEngine("azure/new");
    hosted.holding = true;
    const { job } = makeJob(hosted);
    const running = job.run(db, later(2));
    await expect.poll(() => hosted.inFlight).toBe(1);
    expect(audioRow(post.id)).toMatchObject({ state: "making", reason: "engine" });
    expect(audioOf(post.id)).toMatchObject({ state: "ready", src: `/audio/${old.file}.mp3` });
    hosted.release();
    await running;
    expect(audioRow(post.id)).toMatchObject({ state: "ready", engine: "azure/new" });
    await job.run(db, later(3));
    expect(hosted.calls).toHaveLength(1);
  });
});

describe("removal", () => {
  it("goes when the post is unpublished, at the job's next sweep", async () => {
    const engine = new FakeEngine();
    const { job } = makeJob(engine);
    const post = publishedPost();
    await job.run(db, later(1));
    const saved = updatePostFor(db, editor, post.id, post.version, post.fields, { transition: { name: "unpublish" }, now: later(2) });
    expect(saved.ok).toBe(true);
    await job.run(db, later(3));
    expect(audioRow(post.id)).toBeUndefined();
    expect(filesOnDisk()).toEqual([]);
  });

  it("goes when the post is trashed; restored, the page offers to make it again", async () => {
    const engine = new FakeEngine();
    const { job } = makeJob(engine);
    const post = publishedPost();
    await job.run(db, later(1));
    expect(trashPostsFor(db, editor, [post.id])).toMatchObject({ ok: true });
    await job.run(db, later(2));
    expect([audioRow(post.id), filesOnDisk()]).toEqual([undefined, []]);
    expect(restorePostsFor(db, editor, [post.id])).toMatchObject({ ok: true });
    expect(audioOf(post.id)).toEqual({ state: "none" });
  });

  it("goes with the post when it is purged from the trash (and a row left by a delete without foreign keys too)", async () => {
    const engine = new FakeEngine();
    const { job } = makeJob(engine);
    const purged = publishedPost({ title: "Bài sẽ bị xoá hẳn" });
    const deleted = publishedPost({ title: "Bài bị xoá thẳng trong cơ sở dữ liệu" });
    await job.run(db, later(1));
    await job.run(db, later(2));
    expect(filesOnDisk()).toHaveLength(2);
    trashPostsFor(db, editor, [purged.id]);
    expect(emptyTrashFor(db, admin)).toMatchObject({ ok: true, count: 1 });
    db.$client.pragma("foreign_keys = OFF");
    db.delete(posts).where(eq(posts.id, deleted.id)).run();
    db.$client.pragma("foreign_keys = ON");
    await job.run(db, later(3));
    expect([audioRow(purged.id), audioRow(deleted.id), filesOnDisk()]).toEqual([undefined, undefined, []]);
  });
});

describe("a failing engine", () => {
  it("leaves the page as it was, is logged once per episode, rests, and is tried again later", async () => {
    const engine = new FakeEngine();
    engine.fail = unavailable();
    const { job, lines } = makeJob(engine);
    const first = publishedPost({ title: "Bài thứ nhất" });
    const second = publishedPost({ title: "Bài thứ hai" });

    await job.run(db, later(1));
    expect(audioRow(first.id)).toMatchObject({ state: "failed", attempts: 1, error: "The speech service answered 503" });
    expect(audioRow(first.id)?.nextTryAt).toEqual(new Date(later(1).getTime() + retryDelayMs(1)));
    // The page offers the browser voice, and a reader's request says it failed, without queueing it again.
    expect(audioOf(first.id)).toEqual({ state: "none" });
    expect(requestAudioFor(db, { postId: first.id, language: "vi" }, later(2))).toMatchObject({ kind: "failed" });
    expect(lines).toEqual([expect.objectContaining({ level: "error", engine: "fake/vi", code: "unavailable", status: 503, postId: first.id })]);

    // Resting: the engine is not asked again for 30 s.
    await job.run(db, later(5));
    expect(engine.calls).toHaveLength(1);
    await job.run(db, later(32));
    expect(engine.calls).toHaveLength(2);
    expect(audioRow(second.id)?.state).toBe("failed");
    expect(lines).toHaveLength(1); // the same episode

    engine.fail = null;
    await job.run(db, later(200));
    expect(audioRow(first.id)?.state).toBe("ready");
    expect(lines.at(-1)).toMatchObject({ level: "info", msg: expect.stringContaining("works again"), failures: 2 });
    await job.run(db, later(400));
    expect(audioRow(second.id)?.state).toBe("ready");
    expect(lines).toHaveLength(2);

    engine.fail = unavailable();
    const third = publishedPost({ title: "Bài thứ ba" });
    await job.run(db, later(500));
    expect(audioRow(third.id)?.state).toBe("failed");
    expect(lines).toHaveLength(3); // a new episode
  });

  it("marks a text the engine refuses as failed for a day, without resting the job", async () => {
    const engine = new FakeEngine();
    engine.fail = new SpeechEngineError("fake/vi", "bad-request", "Text of 300000 characters is over the limit");
    const { job, lines } = makeJob(engine);
    const post = publishedPost();
    const other = publishedPost({ title: "Bài khác" });
    await job.run(db, later(1));
    expect(audioRow(post.id)).toMatchObject({ state: "failed", nextTryAt: new Date(later(1).getTime() + 24 * 3600 * 1000) });
    engine.fail = null;
    await job.run(db, later(2));
    expect(audioRow(other.id)?.state).toBe("ready");
    expect(lines).toEqual([expect.objectContaining({ level: "warn", code: "bad-request", postId: post.id })]);
  });
});

describe("bounds", () => {
  it("makes one recording at a time by default, more with AUDIO_CONCURRENCY", async () => {
    for (const concurrency of [1, 2]) {
      // The previous round's rows would be taken first.
      db.delete(postAudio).where(isNotNull(postAudio.postId)).run();
      const engine = new FakeEngine();
      engine.holding = true;
      const { job } = makeJob(engine, { concurrency });
      const made = [publishedPost({ title: `Một ${concurrency}` }), publishedPost({ title: `Hai ${concurrency}` }), publishedPost({ title: `Ba ${concurrency}` })];
      const running = job.run(db, later(1));
      await expect.poll(() => engine.inFlight).toBe(concurrency);
      engine.release();
      await running;
      expect([engine.maxInFlight, engine.calls.length]).toEqual([concurrency, concurrency]);
      expect(made.filter((p) => audioRow(p.id)?.state === "ready")).toHaveLength(concurrency);
    }
  });

  it("two server processes never make the same recording", async () => {
    const engine = new FakeEngine();
    engine.holding = true;
    const a = makeJob(engine).job;
    const b = makeJob(engine).job;
    const post = publishedPost();
    const runs = [a.run(db, later(1)), b.run(db, later(1))];
    await expect.poll(() => engine.inFlight).toBe(1);
    engine.release();
    await Promise.all(runs);
    expect(engine.calls).toHaveLength(1);
    expect(audioRow(post.id)?.state).toBe("ready");
  });

  it("keeps the recordings under the space bound: the least recently used go, their pages offer them again", async () => {
    const engine = new FakeEngine("fake/vi", 1000);
    const { job } = makeJob(engine, { maxBytes: 2500 });
    const posts3 = [publishedPost({ title: "Bài một" }), publishedPost({ title: "Bài hai" }), publishedPost({ title: "Bài ba" })];
    await job.run(db, later(1));
    await job.run(db, later(2));
    // A reader starts the first one: the second becomes the least recently used.
    noteAudioUse(db, { postId: posts3[0]!.id, language: "vi", lastUsedAt: later(1) }, later(700));
    const before = tagCount();
    await job.run(db, later(701));
    expect(posts3.map((p) => audioRow(p.id)?.state)).toEqual(["ready", undefined, "ready"]);
    expect(filesOnDisk()).toHaveLength(2);
    expect(tagsAfter(before)).toContain(`article:${posts3[1]!.slug}`);
    expect(audioOf(posts3[1]!.id)).toEqual({ state: "none" });
  });

  it("the job's sweep also brings the folder under a lowered bound", async () => {
    const engine = new FakeEngine("fake/vi", 1000);
    const a = publishedPost({ title: "Bài một" });
    const b = publishedPost({ title: "Bài hai" });
    const first = makeJob(engine).job;
    await first.run(db, later(1));
    await first.run(db, later(2));
    await makeJob(engine, { maxBytes: 1500 }).job.run(db, later(3));
    expect([audioRow(a.id), audioRow(b.id)?.state]).toEqual([undefined, "ready"]);
    expect(filesOnDisk()).toHaveLength(1);
  });
});

describe("archive posts, on a reader's request", () => {
  it("are queued ahead of other work, once, and the page then says the recording is being prepared", async () => {
    const engine = new FakeEngine();
    const { job } = makeJob(engine);
    const archive = create(authorA, { title: "Bài cũ trong kho lưu trữ" });
    setStatus(archive.id, "published");
    const fresh = publishedPost({ title: "Bài mới xuất bản" });
    const before = tagCount();

    expect(requestAudioFor(db, { postId: archive.id, language: "vi" }, later(1))).toEqual({ kind: "preparing", slug: archive.slug });
    expect(requestAudioFor(db, { postId: archive.id, language: "vi" }, later(2))).toEqual({ kind: "preparing", slug: archive.slug });
    expect(audioRow(archive.id)).toMatchObject({ state: "queued", reason: "reader", generation: 1 });
    expect(tagsAfter(before)).toEqual([`article:${archive.slug}`]);

    await job.run(db, later(3));
    expect(engine.calls[0]!.text).toContain("Bài cũ trong kho lưu trữ");
    expect(audioRow(fresh.id)?.state).toBe("queued");
    const made = audioRow(archive.id)!;
    expect(requestAudioFor(db, { postId: archive.id, language: "vi" }, later(4))).toEqual({
      kind: "ready",
      slug: archive.slug,
      src: `/audio/${made.file}.mp3`,
      durationSeconds: Math.round(made.durationMs / 100) / 10,
      bytes: made.bytes,
    });
  });

  it("are refused past READER_QUEUE_MAX waiting requests, so an archive cannot queue days of work", () => {
    const ids = [1, 2, 3].map((n) => {
      const { id } = create(authorA, { title: `Bài lưu trữ ${n}` });
      setStatus(id, "published");
      return id;
    });
    const ask = (postId: number) => requestAudioFor(db, { postId, language: "vi" }, later(1), 2).kind;
    expect(ids.map(ask)).toEqual(["preparing", "preparing", "busy"]);
    expect(audioRow(ids[2]!)).toBeUndefined();
  });

  it("are not made for a post that is not on the public site", () => {
    const draft = create(authorA);
    const future = create(authorA, { title: "Bài hẹn giờ" });
    setStatus(future.id, "published", new Date(Date.now() + 86_400_000));
    const trashed = create(authorA, { title: "Bài trong thùng rác" });
    setStatus(trashed.id, "published");
    trashPostsFor(db, editor, [trashed.id]);
    for (const id of [draft.id, future.id, trashed.id, 999_999]) {
      expect(requestAudioFor(db, { postId: id, language: "vi" })).toEqual({ kind: "missing" });
      expect(audioRow(id)).toBeUndefined();
    }
  });
});
