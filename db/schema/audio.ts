// Read-aloud audio made ahead of time per post and language.
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { AUDIO_REASONS, AUDIO_STATES, LANGUAGES } from "../vocabulary";
import { posts } from "./posts";

/**
 * A post's read-aloud audio in one language (Đọc bài viết): the server-made recording of what the
 * browser voice reads, and its place in the background job's queue (lib/audio/job.ts). Queued in
 * the transaction of a save of a public post or of a correction, or by a reader of an archive post;
 * `generation` counts the queueings, so audio made for text that changed meanwhile is not kept.
 * The file columns describe the audio made last (a content-hashed file under data/audio/); the
 * page offers it only while `state` is `ready`. Gone with the post (cascade), and swept by the job
 * once the post is unpublished or in the trash.
 */
export const postAudio = sqliteTable(
  "post_audio",
  {
    postId: integer("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    language: text("language", { enum: LANGUAGES }).notNull(),
    state: text("state", { enum: AUDIO_STATES }).notNull(),
    reason: text("reason", { enum: AUDIO_REASONS }).notNull(),
    generation: integer("generation").notNull().default(1),
    requestedAt: integer("requested_at", { mode: "timestamp_ms" }).notNull(),
    // A job that took the row; a claim older than the lease is taken over (its process died).
    claimedAt: integer("claimed_at", { mode: "timestamp_ms" }),
    attempts: integer("attempts").notNull().default(0),
    nextTryAt: integer("next_try_at", { mode: "timestamp_ms" }),
    error: text("error").notNull().default(""),
    // The audio made last: file name (sha256 of the MP3), and the hash of engine, language and text it was made from.
    file: text("file"),
    textKey: text("text_key"),
    engine: text("engine"),
    bytes: integer("bytes").notNull().default(0),
    durationMs: integer("duration_ms").notNull().default(0),
    cpuMs: integer("cpu_ms").notNull().default(0),
    madeAt: integer("made_at", { mode: "timestamp_ms" }),
    // When it was made or last started by a reader: the space bound removes the oldest first.
    lastUsedAt: integer("last_used_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    primaryKey({ columns: [t.postId, t.language] }),
    index("post_audio_state_idx").on(t.state, t.requestedAt),
    index("post_audio_file_idx").on(t.file),
    index("post_audio_used_idx").on(t.lastUsedAt),
  ],
);
