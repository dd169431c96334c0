// The one small interface behind "Đọc bài viết" on the server: text in, compressed audio out. The
// embedded engine (espeak-engine.ts) and the hosted neural voice (azure-engine.ts) both implement it,
// so the audio job does not care which one the settings chose.

export type SpeechLanguage = "vi" | "en";

export type SpeechAudio = {
  /** The encoded file: MP3, mono, at a bit rate for speech. */
  bytes: Uint8Array;
  mimeType: "audio/mpeg";
  durationSeconds: number;
  /** The engine that made it (`SpeechEngine.id`), kept with the file so a change of engine remakes it. */
  engine: string;
  /** CPU time this machine spent making it (synthesis and encoding), where the engine runs here. */
  cpuSeconds?: number;
};

export type SynthesizeOptions = { signal?: AbortSignal };

export interface SpeechEngine {
  /** Stable name of the engine and its voice settings, e.g. "espeak-ng/vi/32k" or "azure/vi-VN-HoaiMyNeural". */
  readonly id: string;
  /** Resolves with the audio, or rejects with a SpeechEngineError (never anything else). */
  synthesize(text: string, language: SpeechLanguage, options?: SynthesizeOptions): Promise<SpeechAudio>;
  /** Stops whatever the engine keeps running (worker processes); pending calls reject. */
  close?(): Promise<void>;
}

export type SpeechErrorCode =
  /** Nothing to say once the text is trimmed. */
  | "empty-text"
  | "unsupported-language"
  /** The hosted service refused the key or token (HTTP 401/403): a settings problem, not worth retrying. */
  | "unauthorized"
  /** The service refused the request as malformed (HTTP 400, 415). */
  | "bad-request"
  /** Too many requests (HTTP 429) or a full queue here: try again later. */
  | "rate-limited"
  /** The service or the engine could not be reached or started (HTTP 5xx, network, missing files). */
  | "unavailable"
  | "timeout"
  | "aborted"
  /** Anything else that went wrong while synthesizing or encoding. */
  | "failed";

const RETRYABLE: ReadonlySet<SpeechErrorCode> = new Set(["rate-limited", "unavailable", "timeout"]);

/** The only error a SpeechEngine throws: the caller logs it once (`toLog`) and the page keeps its browser voice. */
export class SpeechEngineError extends Error {
  readonly engine: string;
  readonly code: SpeechErrorCode;
  /** HTTP status of a hosted engine's answer, when there was one. */
  readonly status?: number;
  /** Whether the same request may succeed later (a busy service, a timeout), as opposed to a bad key or bad text. */
  readonly retryable: boolean;

  constructor(engine: string, code: SpeechErrorCode, message: string, options: { status?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "SpeechEngineError";
    this.engine = engine;
    this.code = code;
    this.status = options.status;
    this.retryable = RETRYABLE.has(code);
  }

  /** One line's worth of fields for the request log; never the key, never the text. */
  toLog(): Record<string, string | number | boolean> {
    return { engine: this.engine, code: this.code, retryable: this.retryable, message: this.message, ...(this.status ? { status: this.status } : {}) };
  }
}

/** Wraps anything thrown below an engine into its typed error, keeping the original as `cause`. */
export function toSpeechError(engine: string, error: unknown, fallback: SpeechErrorCode = "failed"): SpeechEngineError {
  if (error instanceof SpeechEngineError) return error;
  if (error instanceof Error && error.name === "AbortError") return new SpeechEngineError(engine, "aborted", "Synthesis was cancelled", { cause: error });
  if (error instanceof Error && error.name === "TimeoutError") return new SpeechEngineError(engine, "timeout", "Synthesis took too long", { cause: error });
  const message = error instanceof Error ? error.message : String(error);
  return new SpeechEngineError(engine, fallback, message, { cause: error });
}
