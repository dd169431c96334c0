/** Shared pieces of the read-aloud audio tests: a stand-in engine, a temporary audio folder, a post put on the site. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach } from "vitest";
import { postAudio, type Language } from "@/db/schema";
import { createAudioJob, type AudioJobOptions } from "@/lib/audio/job";
import { SpeechEngineError, type SpeechAudio, type SpeechEngine } from "@/lib/speech/engine";
import type { PostFields } from "@/lib/validations/post";
import { authorA, create, db, editor, fields } from "./posts-world";
import { updatePostFor } from "./save-post";

export let audioDir: string;
beforeEach(() => {
  audioDir = fs.mkdtempSync(path.join(os.tmpdir(), "cms-audio-"));
});
afterEach(() => fs.rmSync(audioDir, { recursive: true, force: true }));

export const NOW = new Date("2025-07-01T03:00:00Z");
export const later = (seconds: number, from: Date = NOW) => new Date(from.getTime() + seconds * 1000);

/**
 * An engine that says what it was given: its "MP3" is the text's bytes (padded to `size` when set),
 * so another text is another file. `fail` makes the next calls throw; `hold` keeps them waiting
 * until `release`; `calls` and `inFlight` tell what the job asked of it.
 */
export class FakeEngine implements SpeechEngine {
  readonly id: string;
  calls: { text: string; language: string }[] = [];
  inFlight = 0;
  maxInFlight = 0;
  fail: SpeechEngineError | null = null;
  holding = false;
  private waiting: (() => void)[] = [];
  closed = false;

  constructor(id = "fake/vi", private readonly size?: number) {
    this.id = id;
  }

  async synthesize(text: string, language: "vi" | "en"): Promise<SpeechAudio> {
    this.calls.push({ text, language });
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      if (this.holding) await new Promise<void>((resolve) => this.waiting.push(resolve));
      if (this.fail) throw this.fail;
      let bytes = new TextEncoder().encode(`${this.id}:${text}`);
      if (this.size) {
        const padded = new Uint8Array(this.size);
        padded.set(bytes.subarray(0, this.size));
        bytes = padded;
      }
      return { bytes, mimeType: "audio/mpeg", durationSeconds: text.length / 15, engine: this.id, cpuSeconds: 0.25 };
    } finally {
      this.inFlight--;
    }
  }

  release(): void {
    this.holding = false;
    for (const resolve of this.waiting.splice(0)) resolve();
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}

export const unavailable = (engine = "fake/vi") => new SpeechEngineError(engine, "unavailable", "The speech service answered 503", { status: 503 });

export function makeJob(engine: SpeechEngine, options: Partial<AudioJobOptions> = {}) {
  const lines: Record<string, unknown>[] = [];
  const job = createAudioJob({ engine, maxBytes: 100 * 1024 * 1024, directory: audioDir, log: (line) => lines.push(line), sweepEveryMs: 0, leftoverGraceMs: 0, ...options });
  return { job, lines };
}

/** A post by author A that an editor publishes through the save path (its audio is queued in that transaction). */
export function publishedPost(overrides: Partial<PostFields> = {}, now: Date = NOW): { id: number; slug: string; version: number; fields: PostFields } {
  const created = create(authorA, overrides);
  const values = fields({ ...overrides, slug: created.slug, publishedAt: new Date("2025-06-01T03:00:00Z") });
  const published = updatePostFor(db, editor, created.id, created.version, values, { transition: { name: "publish" }, now });
  if (!published.ok) throw new Error(published.message);
  return { id: created.id, slug: published.slug, version: published.version, fields: values };
}

/** Saves new fields over a published post, as the editor's Lưu does. */
export function saveAgain<T extends { id: number; version: number; fields: PostFields }>(post: T, changes: Partial<PostFields>, now: Date = NOW): T {
  const values = { ...post.fields, ...changes };
  const saved = updatePostFor(db, editor, post.id, post.version, values, { now });
  if (!saved.ok) throw new Error(saved.message);
  return { ...post, version: saved.version, fields: values };
}

export const audioRow = (postId: number, language: Language = "vi") =>
  db.select().from(postAudio).where(and(eq(postAudio.postId, postId), eq(postAudio.language, language))).get();

export const filesOnDisk = () => fs.readdirSync(audioDir).sort();
