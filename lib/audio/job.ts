import "server-only";
import { createHash } from "node:crypto";
import {
  claimNextAudio,
  completeAudio,
  evictAudio,
  failAudio,
  isAudioFileNamed,
  namedAudioFiles,
  queueOneForNewEngine,
  readSpeechSource,
  releaseAudio,
  sweepAudio,
  type AudioClaim,
} from "@/lib/dal/audio/job";
import type { Db } from "@/lib/dal/connection";
import { articleSpeechText } from "@/lib/speech/article-text";
import { SpeechEngineError, toSpeechError, type SpeechEngine, type SpeechErrorCode } from "@/lib/speech/engine";
import { logLine } from "@/lib/server/request-log";
import { audioFileExists, leftoverAudioFiles, removeAudioFile, removeLeftover, writeAudioFile } from "./files";

/*
 * The read-aloud audio job: the server makes, in the background, the recording of each public post
 * (publishing never waits for it), one at a time by default, and keeps the recordings within their
 * disk bound. lib/jobs/audio-job.ts runs it every second with the settings' engine.
 *
 * - What to make comes from the `post_audio` queue: saves of public posts and corrections queue
 *   their post in the save's transaction; a reader of an archive post queues it on request.
 * - Each recording is made from the text the browser voice reads (lib/speech/article-text.ts) and
 *   keyed by engine, language and that text: a queued post whose text did not change (a new SEO
 *   title, a category) is marked made again without synthesis; one whose text changed is remade.
 * - A failing engine never touches the pages (they offer the browser voice): the row is tried again
 *   later, the job rests with a growing pause, and the failure is logged once per episode (the
 *   first failure, then nothing until it works again, which is logged too).
 */

export type AudioJobOptions = {
  engine: SpeechEngine;
  /** Disk the recordings may take (AUDIO_MAX_MB). */
  maxBytes: number;
  /** Recordings made at once (AUDIO_CONCURRENCY, default 1). */
  concurrency?: number;
  directory: string;
  log?: (fields: Record<string, unknown>) => void;
  /** A claim older than this is taken over (default 10 minutes, well past any synthesis). */
  leaseMs?: number;
  /** How often rows of posts gone from the site, the space bound and leftover files are seen to (default 60 s). */
  sweepEveryMs?: number;
  /** Age before a file no row names is deleted (default 1 hour: another process may be about to name it). */
  leftoverGraceMs?: number;
};

export type AudioJob = {
  /** One round: the sweep when due, then up to `concurrency` recordings. Never throws. */
  run(db: Db, now: Date): Promise<void>;
  /** At shutdown: a synthesis under way is cancelled (its row goes back to the queue), the engine stopped. */
  stop(): Promise<void>;
};

/** Errors of one text, not of the engine: retrying the same text will not help, the next change will. */
const TEXT_ERRORS: ReadonlySet<SpeechErrorCode> = new Set(["empty-text", "bad-request", "unsupported-language"]);
const MINUTE = 60_000;
const TEXT_RETRY_MS = 24 * 60 * MINUTE;

/** The identity of a recording's content: engine, language and text, hashed. */
export function speechTextKey(engine: string, language: string, text: string): string {
  return createHash("sha256").update(`${engine}\n${language}\n${text}`).digest("hex").slice(0, 32);
}

/** When a row that failed `attempts` times is tried again: 1, 4, 16, 64 minutes…, at most 6 hours. */
export const retryDelayMs = (attempts: number) => Math.min(MINUTE * 4 ** Math.max(0, attempts - 1), 6 * 60 * MINUTE);
/** How long the whole job rests after the engine's `failures`th failure in a row: 30 s, 1, 2, 4… minutes, at most 10. */
export const restDelayMs = (failures: number) => Math.min(30_000 * 2 ** Math.max(0, failures - 1), 10 * MINUTE);

export function createAudioJob(options: AudioJobOptions): AudioJob {
  const { engine, directory } = options;
  const concurrency = Math.max(1, options.concurrency ?? 1);
  const log = options.log ?? logLine;
  const leaseMs = options.leaseMs ?? 10 * MINUTE;
  const sweepEveryMs = options.sweepEveryMs ?? MINUTE;
  const graceMs = options.leftoverGraceMs ?? 60 * MINUTE;
  const stopping = new AbortController();
  let lastSweep = -Infinity;
  let restUntil = 0;
  // The current episode of engine failures: logged when it starts and when it ends.
  let episode: { since: Date; failures: number } | null = null;

  /** Deletes files no row names any more (checked each time: another row may name the same bytes). */
  async function dropUnnamed(db: Db, files: Iterable<string>): Promise<void> {
    for (const file of new Set(files)) if (!isAudioFileNamed(db, file)) await removeAudioFile(directory, file);
  }

  async function sweep(db: Db): Promise<void> {
    await dropUnnamed(db, [...sweepAudio(db), ...evictAudio(db, options.maxBytes)]);
    // File ages are on the real clock, whatever time the round is for.
    const leftovers = await leftoverAudioFiles(directory, namedAudioFiles(db), new Date(), graceMs);
    for (const entry of leftovers) await removeLeftover(directory, entry);
  }

  function engineFailed(error: SpeechEngineError, claim: AudioClaim, now: Date): void {
    const failures = (episode?.failures ?? 0) + 1;
    if (!episode) log({ level: "error", msg: "read-aloud audio: the speech engine fails; pages offer the browser voice meanwhile", postId: claim.postId, ...error.toLog() });
    episode = { since: episode?.since ?? now, failures };
    restUntil = now.getTime() + restDelayMs(failures);
  }

  async function make(db: Db, claim: AudioClaim, now: Date): Promise<void> {
    const source = readSpeechSource(db, claim.postId);
    // Off the site since it was queued: the sweep removes the row.
    if (!source) return releaseAudio(db, claim);
    const text = articleSpeechText(source.article, claim.language);
    const textKey = speechTextKey(engine.id, claim.language, text);
    if (claim.previous.textKey === textKey && claim.previous.file && (await audioFileExists(directory, claim.previous.file))) {
      completeAudio(db, claim, null, now, false);
      return;
    }
    let file: string | null = null;
    try {
      const audio = await engine.synthesize(text, claim.language, { signal: stopping.signal });
      file = await writeAudioFile(directory, audio.bytes);
      const made = {
        file,
        textKey,
        engine: audio.engine,
        bytes: audio.bytes.length,
        durationMs: Math.round(audio.durationSeconds * 1000),
        cpuMs: Math.round((audio.cpuSeconds ?? 0) * 1000),
      };
      const kept = completeAudio(db, claim, made, now, true);
      await dropUnnamed(db, [...(kept ? [claim.previous.file ?? ""] : [file]), ...evictAudio(db, options.maxBytes, claim)].filter(Boolean));
      if (episode) {
        log({ level: "info", msg: "read-aloud audio: the speech engine works again", engine: engine.id, failures: episode.failures, since: episode.since.toISOString() });
        episode = null;
      }
    } catch (thrown) {
      const error = toSpeechError(engine.id, thrown, "unavailable");
      if (file) await dropUnnamed(db, [file]).catch(() => undefined);
      if (error.code === "aborted" || stopping.signal.aborted) return releaseAudio(db, claim);
      if (TEXT_ERRORS.has(error.code)) {
        log({ level: "warn", msg: "read-aloud audio: this post's text cannot be made into audio", postId: claim.postId, ...error.toLog() });
        failAudio(db, claim, { message: error.message, retryAt: new Date(now.getTime() + TEXT_RETRY_MS) });
        return;
      }
      failAudio(db, claim, { message: error.message, retryAt: new Date(now.getTime() + retryDelayMs(claim.attempts + 1)) });
      engineFailed(error, claim, now);
    }
  }

  return {
    async run(db, now) {
      if (stopping.signal.aborted) return;
      try {
        if (now.getTime() - lastSweep >= sweepEveryMs) {
          lastSweep = now.getTime();
          await sweep(db);
        }
        if (now.getTime() < restUntil) return;
        const claims: AudioClaim[] = [];
        for (let claim = claimNextAudio(db, now, leaseMs); claim; claim = claims.length < concurrency ? claimNextAudio(db, now, leaseMs) : null) claims.push(claim);
        // Nothing waiting: remake one recording of another engine, if the settings changed.
        if (claims.length === 0 && queueOneForNewEngine(db, engine.id, now)) {
          const claim = claimNextAudio(db, now, leaseMs);
          if (claim) claims.push(claim);
        }
        await Promise.all(claims.map((claim) => make(db, claim, now)));
      } catch (error) {
        // The database or the disk, not the engine: logged once per episode like an engine failure, retried next round.
        if (!episode) log({ level: "error", msg: "read-aloud audio: the job failed", error: error instanceof Error ? error.message : String(error) });
        episode = { since: episode?.since ?? now, failures: (episode?.failures ?? 0) + 1 };
        restUntil = now.getTime() + restDelayMs(episode.failures);
      }
    },
    async stop() {
      stopping.abort();
      await engine.close?.();
    },
  };
}
