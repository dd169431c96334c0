/**
 * What readers get of the read-aloud audio: the article page's offer (a recording, one being
 * prepared, or none yet), the recording file behind an address, and a reader's request for the
 * recording of an archive post. Anonymous: the public constraint is inside every query, so nothing
 * of a post that is not on the public site is offered or served.
 */
import "server-only";
import { and, count, eq, inArray, isNull, lt, or } from "drizzle-orm";
import { postAudio, posts, type Language } from "@/db/schema";
import { audioSrc } from "@/lib/audio/names";
import { tagPage } from "@/lib/cache/page-tags";
import { cacheTags } from "@/lib/cache/tags";
import { getDb, WRITE, type Db } from "@/lib/dal/connection";
import { queueInvalidation } from "@/lib/dal/outbox";
import { publicConstraint } from "@/lib/dal/public/constraint";
import { queueAudio } from "./queue";

export type ReadyAudio = { src: string; durationSeconds: number; bytes: number };
/** The article page's read-aloud recording: made, being made, or not (made on a reader's request). */
export type ArticleAudio = ({ state: "ready" } & ReadyAudio) | { state: "preparing" } | { state: "none" };

/** Readers' requests waiting at once: past it a request is refused ("busy"), so an archive cannot queue days of work. */
export const READER_QUEUE_MAX = 20;
/** How often a recording's last use is written while readers keep starting it (one write per recording per interval). */
const USE_NOTED_EVERY_MS = 10 * 60 * 1000;

type Key = { postId: number; language: Language };
const keyOf = (key: Key) => and(eq(postAudio.postId, key.postId), eq(postAudio.language, key.language));

type Row = { state: string; reason: string; file: string | null; durationMs: number; bytes: number };
/** A recording is offered when made, and while one for a new engine is made in its place (same text). */
const offered = (row: Row | undefined): row is Row & { file: string } => Boolean(row?.file && (row.state === "ready" || row.reason === "engine"));
const columns = { state: postAudio.state, reason: postAudio.reason, file: postAudio.file, durationMs: postAudio.durationMs, bytes: postAudio.bytes, nextTryAt: postAudio.nextTryAt };

const readyOf = (row: { file: string | null; durationMs: number; bytes: number }): ReadyAudio => ({
  src: audioSrc(row.file!),
  durationSeconds: Math.round(row.durationMs / 100) / 10,
  bytes: row.bytes,
});

/** The recording a public post's page offers in this language (the caller has read the post through the public constraint). */
export function findArticleAudio(db: Db, key: Key): ArticleAudio {
  const row = db.select(columns).from(postAudio).where(keyOf(key)).get();
  if (offered(row)) return { state: "ready", ...readyOf(row) };
  if (row?.state === "queued" || row?.state === "making") return { state: "preparing" };
  return { state: "none" };
}

/** For the article page, under the article's own tag, which the job queues whenever the recording changes. */
export function getArticleAudio(article: { id: number; slug: string }, language: Language = "vi"): ArticleAudio {
  tagPage(cacheTags.article(article.slug));
  return findArticleAudio(getDb(), { postId: article.id, language });
}

/** The recording a file name belongs to, if a post on the public site now names it; null otherwise (the route answers 404). */
export function findPublicAudioFile(db: Db, file: string, now: Date): (Key & { bytes: number; lastUsedAt: Date | null }) | null {
  return (
    db
      .select({ postId: postAudio.postId, language: postAudio.language, bytes: postAudio.bytes, lastUsedAt: postAudio.lastUsedAt })
      .from(postAudio)
      .innerJoin(posts, eq(postAudio.postId, posts.id))
      .where(and(eq(postAudio.file, file), publicConstraint(now)))
      .limit(1)
      .get() ?? null
  );
}

/**
 * A reader started the recording: it moves to the back of the space bound's queue. Written at most
 * every ten minutes per recording (`lastUsedAt` is what the caller read), so listening costs no write.
 */
export function noteAudioUse(db: Db, found: Key & { lastUsedAt: Date | null }, now: Date): void {
  if (found.lastUsedAt && now.getTime() - found.lastUsedAt.getTime() < USE_NOTED_EVERY_MS) return;
  db.update(postAudio)
    .set({ lastUsedAt: now })
    .where(and(keyOf(found), or(isNull(postAudio.lastUsedAt), lt(postAudio.lastUsedAt, new Date(now.getTime() - USE_NOTED_EVERY_MS)))))
    .run();
}

/**
 * A named file is not on disk (a restore without the audio folder, a file removed by hand): its
 * rows are forgotten and their pages refreshed, so the page offers to make it again.
 */
export function forgetAudioFile(db: Db, file: string): void {
  db.transaction((tx) => {
    const rows = tx.select({ postId: postAudio.postId, slug: posts.slug }).from(postAudio).innerJoin(posts, eq(postAudio.postId, posts.id)).where(eq(postAudio.file, file)).all();
    if (rows.length === 0) return;
    tx.delete(postAudio).where(and(eq(postAudio.file, file), inArray(postAudio.postId, rows.map((r) => r.postId)))).run();
    queueInvalidation(tx, rows.map((r) => cacheTags.article(r.slug)));
  }, WRITE);
}

export type AudioRequest =
  | { kind: "missing" }
  | ({ kind: "ready"; slug: string } & ReadyAudio)
  | { kind: "preparing"; slug: string }
  /** Too many readers' requests are waiting: ask again later. */
  | { kind: "busy"; slug: string }
  /** The last attempt failed; the job tries again after `retryAt`. */
  | { kind: "failed"; slug: string };

/**
 * A reader asks for the recording of a public post (the player, or the button shown without
 * JavaScript). Made already: here it is. Not yet: it is queued, ahead of the job's other work,
 * unless READER_QUEUE_MAX requests are already waiting; the article's page is refreshed so it says
 * the recording is being prepared. Asking again while it is prepared changes nothing.
 */
export function requestAudioFor(db: Db, key: Key, now: Date = new Date(), maxWaiting: number = READER_QUEUE_MAX): AudioRequest {
  const answer = (q: Pick<Db, "select">): AudioRequest | { kind: "queue"; slug: string } => {
    const post = q.select({ slug: posts.slug }).from(posts).where(and(eq(posts.id, key.postId), publicConstraint(now))).get();
    if (!post) return { kind: "missing" };
    const { slug } = post;
    const row = q.select(columns).from(postAudio).where(keyOf(key)).get();
    if (offered(row)) return { kind: "ready", slug, ...readyOf(row) };
    if (row?.state === "queued" || row?.state === "making") return { kind: "preparing", slug };
    if (row?.state === "failed" && row.nextTryAt && row.nextTryAt.getTime() > now.getTime()) return { kind: "failed", slug };
    return { kind: "queue", slug };
  };
  // The player asks again every few seconds while it waits: only a request that queues takes the write lock.
  const read = answer(db);
  if (read.kind !== "queue") return read;
  return db.transaction((tx): AudioRequest => {
    const current = answer(tx);
    if (current.kind !== "queue") return current;
    const waiting =
      tx
        .select({ n: count() })
        .from(postAudio)
        .where(and(inArray(postAudio.state, ["queued", "making"]), eq(postAudio.reason, "reader")))
        .get()?.n ?? 0;
    if (waiting >= maxWaiting) return { kind: "busy", slug: current.slug };
    queueAudio(tx, key.postId, "reader", now, key.language);
    queueInvalidation(tx, [cacheTags.article(current.slug)]);
    return { kind: "preparing", slug: current.slug };
  }, WRITE);
}

/** requestAudioFor on the process's connection, for the route a reader's request comes to. */
export function requestArticleAudio(key: Key): AudioRequest {
  return requestAudioFor(getDb(), key);
}
