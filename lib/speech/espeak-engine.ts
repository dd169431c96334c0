import "server-only";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { splitForSynthesis } from "./chunks";
import { SpeechEngineError, type SpeechAudio, type SpeechEngine, type SpeechErrorCode, type SpeechLanguage, type SynthesizeOptions } from "./engine";
import { WorkerPool, WorkerPoolError, type WorkerPoolErrorKind } from "./worker-pool";

/*
 * The embedded engine: eSpeak NG (npm `espeak-ng`, WebAssembly, its Vietnamese voice) in worker
 * processes, encoded to MP3 by LAME (npm `wasm-media-encoders`, WebAssembly). Nothing outside npm, no
 * native binary, nothing on the network. CPU work never runs on the server's event loop: at most
 * `concurrency` workers, each one article at a time, a bounded queue, a time limit per article.
 */

export type EspeakEngineOptions = {
  /** Worker processes synthesizing at once (default 1: the machine also serves readers). */
  concurrency?: number;
  /** Time limit for one article, queueing excluded (default 120 s). */
  timeoutMs?: number;
  /** Constant MP3 bit rate (default 32 kbit/s, 22.05 kHz; 24 kbit/s resamples to 16 kHz). */
  bitrateKbps?: 24 | 32 | 40 | 48;
  /** eSpeak's speed (default 175, its own default). */
  wordsPerMinute?: number;
  /** Longest piece of text given to one eSpeak run (default 4,000 characters): bounds the worker's memory. */
  maxPieceChars?: number;
  /** Longest text accepted (default 200,000 characters, far beyond any article). */
  maxTextChars?: number;
  /** Articles waiting for a worker before new ones are refused as "rate-limited" (default 1,000). */
  maxQueue?: number;
  /** A worker idle this long is ended (default 30 s). */
  idleMs?: number;
  /** Where espeak-worker.mjs is (default: ESPEAK_WORKER_FILE under the working folder). */
  workerUrl?: URL;
};

/** eSpeak voices: the northern Vietnamese voice (the agency is in Hà Nội) and American English. */
const VOICES: Record<SpeechLanguage, string> = { vi: "vi", en: "en-us" };

const POOL_ERRORS: Record<WorkerPoolErrorKind, SpeechErrorCode> = {
  busy: "rate-limited",
  timeout: "timeout",
  aborted: "aborted",
  crashed: "unavailable",
  closed: "unavailable",
  failed: "failed",
};

/** Resolved from the project folder, like the page script (lib/assets/page-script-src.ts): a bundler may move this module, not that file. */
export const ESPEAK_WORKER_FILE = path.join("lib", "speech", "espeak-worker.mjs");

export function createEspeakEngine(options: EspeakEngineOptions = {}): SpeechEngine & { close(): Promise<void> } {
  const bitrateKbps = options.bitrateKbps ?? 32;
  const wordsPerMinute = options.wordsPerMinute ?? 175;
  const maxPieceChars = options.maxPieceChars ?? 4000;
  const maxTextChars = options.maxTextChars ?? 200_000;
  const id = `espeak-ng/${wordsPerMinute}wpm/mp3-${bitrateKbps}k`;
  const fail = (code: SpeechErrorCode, message: string, cause?: unknown) => new SpeechEngineError(id, code, message, { cause });
  let pool: WorkerPool | null = null;

  const getPool = () => {
    if (pool) return pool;
    const url = options.workerUrl ?? pathToFileURL(path.join(process.cwd(), ESPEAK_WORKER_FILE));
    if (url.protocol === "file:" && !existsSync(fileURLToPath(url))) throw fail("unavailable", `The speech worker is missing at ${fileURLToPath(url)}`);
    pool = new WorkerPool({
      url,
      size: Math.max(1, options.concurrency ?? 1),
      timeoutMs: options.timeoutMs ?? 120_000,
      idleMs: options.idleMs ?? 30_000,
      maxQueue: options.maxQueue ?? 1000,
      maxOldGenerationSizeMb: 128,
    });
    return pool;
  };

  return {
    id,
    async synthesize(text: string, language: SpeechLanguage, synthesizeOptions: SynthesizeOptions = {}): Promise<SpeechAudio> {
      const voice = VOICES[language];
      if (!voice) throw fail("unsupported-language", `No eSpeak voice for language ${String(language)}`);
      if (text.length > maxTextChars) throw fail("bad-request", `Text of ${text.length} characters is over the limit of ${maxTextChars}`);
      const pieces = splitForSynthesis(text.normalize("NFC"), maxPieceChars);
      if (pieces.length === 0) throw fail("empty-text", "Nothing to say");
      try {
        const reply = await getPool().run({ pieces, voice, wordsPerMinute, bitrateKbps }, synthesizeOptions.signal);
        const bytes = reply.bytes instanceof Uint8Array ? reply.bytes : null;
        if (!bytes || bytes.length === 0) throw fail("failed", "The encoder produced no audio");
        return { bytes, mimeType: "audio/mpeg", durationSeconds: Number(reply.durationSeconds) || 0, engine: id, cpuSeconds: Number(reply.cpuSeconds) || 0 };
      } catch (error) {
        if (error instanceof SpeechEngineError) throw error;
        if (error instanceof WorkerPoolError) throw fail(POOL_ERRORS[error.kind], error.message, error);
        throw fail("unavailable", error instanceof Error ? error.message : String(error), error);
      }
    },
    async close() {
      const current = pool;
      pool = null;
      await current?.close();
    },
  };
}
