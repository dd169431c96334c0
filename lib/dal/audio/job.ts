/**
 * The background job's side of the read-aloud audio (lib/audio/job.ts): take the next row to make,
 * read what is to be said, keep what was made, and keep the recordings within their bounds. The job
 * acts for nobody: these functions take no actor and are never called from a request.
 */
import "server-only";
import { and, asc, desc, eq, inArray, isNotNull, isNull, lt, lte, ne, or, sql, sum } from "drizzle-orm";
import { postAudio, postCorrections, posts, type AudioReason, type Language } from "@/db/schema";
import { cacheTags } from "@/lib/cache/tags";
import { WRITE, type Db, type Tx } from "@/lib/dal/connection";
import { queueInvalidation } from "@/lib/dal/outbox";
import type { ArticleForSpeech } from "@/lib/speech/article-text";
import { queueAudio } from "./queue";

export type AudioKey = { postId: number; language: Language };

/** A row the job took: which post and language, at which generation, and what was made for it before. */
export type AudioClaim = AudioKey & {
  generation: number;
  reason: AudioReason;
  attempts: number;
  previous: { file: string | null; textKey: string | null };
};

export type MadeAudio = { file: string; textKey: string; engine: string; bytes: number; durationMs: number; cpuMs: number };

const keyOf = (key: AudioKey) => and(eq(postAudio.postId, key.postId), eq(postAudio.language, key.language));
/** Published (now or at a set time) and not in the trash: audio is kept, and made, only for these. */
const keptPost = and(eq(posts.status, "published"), isNull(posts.deletedAt));

function slugOf(tx: Tx, postId: number): string | undefined {
  return tx.select({ slug: posts.slug }).from(posts).where(eq(posts.id, postId)).get()?.slug;
}

/**
 * Takes the next row to make, if any, in one IMMEDIATE transaction, so two server processes never
 * take the same row: readers waiting first, then saves of public posts, then remakes for a new
 * engine; oldest first within each. A failed row is taken again once its time has come, and a row
 * whose claim is older than `leaseMs` is taken over (the process that had it stopped).
 */
export function claimNextAudio(db: Db, now: Date, leaseMs: number): AudioClaim | null {
  const next = (q: Pick<Db, "select">) =>
    q
      .select({
        postId: postAudio.postId,
        language: postAudio.language,
        generation: postAudio.generation,
        reason: postAudio.reason,
        attempts: postAudio.attempts,
        file: postAudio.file,
        textKey: postAudio.textKey,
      })
      .from(postAudio)
      .innerJoin(posts, eq(postAudio.postId, posts.id))
      .where(
        and(
          keptPost,
          or(
            eq(postAudio.state, "queued"),
            and(eq(postAudio.state, "failed"), lte(postAudio.nextTryAt, now)),
            and(eq(postAudio.state, "making"), lt(postAudio.claimedAt, new Date(now.getTime() - leaseMs))),
          ),
        ),
      )
      .orderBy(sql`case ${postAudio.reason} when 'reader' then 0 when 'publish' then 1 else 2 end`, asc(postAudio.requestedAt))
      .limit(1)
      .get();
  // Asked every second: the write lock is taken only when there is something to take.
  if (!next(db)) return null;
  return db.transaction((tx) => {
    const row = next(tx);
    if (!row) return null;
    tx.update(postAudio).set({ state: "making", claimedAt: now }).where(and(keyOf(row), eq(postAudio.generation, row.generation))).run();
    return { postId: row.postId, language: row.language, generation: row.generation, reason: row.reason, attempts: row.attempts, previous: { file: row.file, textKey: row.textKey } };
  }, WRITE);
}

/** What the recording says, read from the stored post: title, corrections, lead, picture caption, body, source (lib/speech/article-text.ts). */
export function readSpeechSource(db: Db, postId: number): { slug: string; article: ArticleForSpeech } | null {
  const post = db
    .select({ slug: posts.slug, title: posts.title, lead: posts.lead, body: posts.body, source: posts.source, imageUrl: posts.featuredImageUrl, imageCaption: posts.featuredImageCaption })
    .from(posts)
    .where(and(eq(posts.id, postId), keptPost))
    .get();
  if (!post) return null;
  const corrections = db
    .select({ text: postCorrections.text, createdAt: postCorrections.createdAt })
    .from(postCorrections)
    .where(eq(postCorrections.postId, postId))
    .orderBy(asc(postCorrections.createdAt), asc(postCorrections.id))
    .all();
  return {
    slug: post.slug,
    // The picture's caption is read only where the article shows the picture (ArticleView).
    article: { title: post.title, lead: post.lead, body: post.body, imageCaption: post.imageUrl ? post.imageCaption : null, source: post.source, corrections },
  };
}

/**
 * Keeps what was made (`made`; null when the text is unchanged and the recording stays) as the
 * post's current recording, unless the row was queued again meanwhile
 * (its generation moved on: the text changed while this was being made) or has gone. The article's
 * page is refreshed in the same transaction, so it offers the recording within a second.
 */
export function completeAudio(db: Db, claim: AudioClaim, made: MadeAudio | null, now: Date, fresh: boolean): boolean {
  return db.transaction((tx) => {
    const row = tx.select({ generation: postAudio.generation, state: postAudio.state }).from(postAudio).where(keyOf(claim)).get();
    if (!row || row.generation !== claim.generation || row.state !== "making") return false;
    tx.update(postAudio)
      .set({
        state: "ready",
        claimedAt: null,
        attempts: 0,
        nextTryAt: null,
        error: "",
        ...(made ?? {}),
        // Unchanged audio (the text did not change) keeps its age; new audio starts as just used.
        ...(fresh ? { madeAt: now, lastUsedAt: now } : {}),
      })
      .where(keyOf(claim))
      .run();
    const slug = slugOf(tx, claim.postId);
    if (slug) queueInvalidation(tx, [cacheTags.article(slug)]);
    return true;
  }, WRITE);
}

/**
 * The attempt failed: tried again at `retryAt` (the page offers the browser voice meanwhile). A
 * remake for a new engine keeps offering the recording it was to replace.
 */
export function failAudio(db: Db, claim: AudioClaim, failure: { message: string; retryAt: Date }): void {
  const keepsOld = claim.reason === "engine" && claim.previous.file !== null;
  db.transaction((tx) => {
    const changed = tx
      .update(postAudio)
      .set({ state: keepsOld ? "ready" : "failed", claimedAt: null, attempts: claim.attempts + 1, nextTryAt: failure.retryAt, error: failure.message.slice(0, 500) })
      .where(and(keyOf(claim), eq(postAudio.generation, claim.generation), eq(postAudio.state, "making")))
      .run();
    const slug = changed.changes > 0 && !keepsOld ? slugOf(tx, claim.postId) : undefined;
    if (slug) queueInvalidation(tx, [cacheTags.article(slug)]);
  }, WRITE);
}

/** Puts a taken row back in the queue untouched (the engine is resting, or the server is stopping). */
export function releaseAudio(db: Db, claim: AudioClaim): void {
  db.update(postAudio)
    .set({ state: "queued", claimedAt: null })
    .where(and(keyOf(claim), eq(postAudio.generation, claim.generation), eq(postAudio.state, "making")))
    .run();
}

/**
 * Removes the audio of posts no longer on the public site: unpublished, in the trash, or gone (a
 * purge cascades by itself; a row left by a delete without foreign keys goes here). Returns the
 * files the removed rows named; the caller deletes those no other row names.
 */
export function sweepAudio(db: Db): string[] {
  const gone = (q: Pick<Db, "select">) =>
    q
      .select({ postId: postAudio.postId, language: postAudio.language, file: postAudio.file })
      .from(postAudio)
      .leftJoin(posts, eq(postAudio.postId, posts.id))
      .where(or(isNull(posts.id), ne(posts.status, "published"), isNotNull(posts.deletedAt)))
      .all();
  if (gone(db).length === 0) return [];
  return db.transaction((tx) => {
    const rows = gone(tx);
    for (const row of rows) tx.delete(postAudio).where(keyOf(row)).run();
    return rows.flatMap((row) => (row.file ? [row.file] : []));
  }, WRITE);
}

/** Bytes the recordings the rows name take. */
export function audioSpaceUsed(db: Pick<Db, "select">): number {
  return Number(db.select({ bytes: sum(postAudio.bytes) }).from(postAudio).where(isNotNull(postAudio.file)).get()?.bytes ?? 0);
}

/**
 * Keeps the recordings within `maxBytes`: the ones made or last started longest ago go first
 * (never `keep`, the one just made); their pages are refreshed and offer to make them again on a
 * reader's request. Returns the files of the removed rows.
 */
export function evictAudio(db: Db, maxBytes: number, keep?: AudioKey): string[] {
  if (audioSpaceUsed(db) <= maxBytes) return [];
  return db.transaction((tx) => {
    let used = audioSpaceUsed(tx);
    if (used <= maxBytes) return [];
    const candidates = tx
      .select({ postId: postAudio.postId, language: postAudio.language, file: postAudio.file, bytes: postAudio.bytes, slug: posts.slug })
      .from(postAudio)
      .leftJoin(posts, eq(postAudio.postId, posts.id))
      .where(and(eq(postAudio.state, "ready"), isNotNull(postAudio.file)))
      .orderBy(sql`${postAudio.lastUsedAt} is not null`, asc(postAudio.lastUsedAt))
      .all();
    const removed: string[] = [];
    const tags: string[] = [];
    for (const row of candidates) {
      if (used <= maxBytes) break;
      if (keep && row.postId === keep.postId && row.language === keep.language) continue;
      tx.delete(postAudio).where(keyOf(row)).run();
      used -= row.bytes;
      removed.push(row.file!);
      if (row.slug) tags.push(cacheTags.article(row.slug));
    }
    if (tags.length > 0) queueInvalidation(tx, tags);
    return removed;
  }, WRITE);
}

/** Every file a row names: the others under the audio folder are leftovers to delete. */
export function namedAudioFiles(db: Db): Set<string> {
  return new Set(
    db
      .selectDistinct({ file: postAudio.file })
      .from(postAudio)
      .where(isNotNull(postAudio.file))
      .all()
      .map((r) => r.file!),
  );
}

/** Whether any row names the file (checked before deleting one). */
export function isAudioFileNamed(db: Db, file: string): boolean {
  return Boolean(db.select({ postId: postAudio.postId }).from(postAudio).where(eq(postAudio.file, file)).limit(1).get());
}

/**
 * When the job has nothing else to do: queues one recording made by another engine than `engine`
 * (the settings changed), the most used first, so a change of engine remakes the recordings
 * gradually, one at a time, never as one burst. Returns whether one was queued.
 */
export function queueOneForNewEngine(db: Db, engine: string, now: Date): boolean {
  const next = (q: Pick<Db, "select">) =>
    q
      .select({ postId: postAudio.postId, language: postAudio.language })
      .from(postAudio)
      .innerJoin(posts, eq(postAudio.postId, posts.id))
      .where(and(keptPost, eq(postAudio.state, "ready"), isNotNull(postAudio.engine), ne(postAudio.engine, engine), or(isNull(postAudio.nextTryAt), lte(postAudio.nextTryAt, now))))
      .orderBy(desc(postAudio.lastUsedAt))
      .limit(1)
      .get();
  if (!next(db)) return false;
  return db.transaction((tx) => {
    const row = next(tx);
    if (row) queueAudio(tx, row.postId, "engine", now, row.language);
    return Boolean(row);
  }, WRITE);
}

/** Rows waiting for the job (for the log and the tests). */
export function waitingAudio(db: Db): number {
  return db.select({ postId: postAudio.postId }).from(postAudio).where(inArray(postAudio.state, ["queued", "making"])).all().length;
}
