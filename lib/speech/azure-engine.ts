import "server-only";
import { splitForSynthesis } from "./chunks";
import { SpeechEngineError, toSpeechError, type SpeechAudio, type SpeechEngine, type SpeechErrorCode, type SpeechLanguage, type SynthesizeOptions } from "./engine";
import { joinMp3, mp3Info } from "./mp3";

/*
 * A hosted neural Vietnamese voice: Azure AI Speech, text to speech REST API
 * (learn.microsoft.com/azure/ai-services/speech-service/rest-text-to-speech, "Convert text to
 * speech"). Vietnamese neural voices: vi-VN-HoaiMyNeural (female), vi-VN-NamMinhNeural (male).
 *
 * As documented: POST https://<region>.tts.speech.microsoft.com/cognitiveservices/v1 with the
 * resource key in `Ocp-Apim-Subscription-Key`, `Content-Type: application/ssml+xml`,
 * `X-Microsoft-OutputFormat` (here audio-16khz-32kbitrate-mono-mp3, a phone-sized speech MP3) and a
 * `User-Agent` of under 255 characters; the body is SSML naming the voice. 200 answers the audio
 * file itself; 400 (bad or missing parameter), 401 (key or region wrong), 415 (wrong content type),
 * 429 (quota or rate), 502 and 503 (service side). One answer holds at most ten minutes of audio,
 * so a long article goes as several requests, one after the other, and the MP3s are joined.
 */

export type HostedSpeechSettings = {
  provider: "azure";
  /** The Speech resource key. Never logged. */
  key: string;
  /** The resource's region, e.g. "southeastasia". */
  region: string;
  /** The Vietnamese voice, e.g. "vi-VN-HoaiMyNeural". */
  voice: string;
  /** A voice for English pages; without one, English pages are refused (the caller uses the embedded engine). */
  englishVoice?: string;
  /** Instead of the regional address: a custom domain, a sovereign cloud, or a stand-in in tests. */
  endpoint?: string;
};

export type AzureEngineOptions = {
  /** Characters per request (default 3,000: a few minutes of speech, well under the ten-minute cut). */
  maxRequestChars?: number;
  /** Time limit of one request (default 60 s). */
  requestTimeoutMs?: number;
  /** Tries of one request when the service is busy or down (429, 5xx, network), default 3. */
  attempts?: number;
  /** First wait before a retry, doubled each time (default 1 s); a Retry-After header wins, up to 30 s. */
  retryDelayMs?: number;
};

export const AZURE_OUTPUT_FORMAT = "audio-16khz-32kbitrate-mono-mp3";
const USER_AGENT = "tin-tuc-cms read-aloud";
const MAX_RETRY_AFTER_MS = 30_000;

const STATUS_CODES: Record<number, SpeechErrorCode> = { 400: "bad-request", 401: "unauthorized", 403: "unauthorized", 415: "bad-request", 429: "rate-limited" };

const escapeXml = (text: string) =>
  text.replace(/[<>&"']/g, (ch) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[ch]!);

/** The locale a voice name starts with: "vi-VN-HoaiMyNeural" → "vi-VN". */
const localeOf = (voice: string) => /^[a-z]{2,3}-[A-Z]{2}/.exec(voice)?.[0] ?? "vi-VN";

/** The request body: SSML naming the voice and its language, the text escaped. */
export function azureSsml(text: string, voice: string): string {
  const locale = localeOf(voice);
  return `<speak version="1.0" xmlns="http://www.w3.org/2001/10/synthesis" xml:lang="${locale}"><voice xml:lang="${locale}" name="${escapeXml(voice)}">${escapeXml(text)}</voice></speak>`;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => (clearTimeout(timer), reject(signal.reason)), { once: true });
  });

function retryAfterMs(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.min(Math.max(0, seconds * 1000), MAX_RETRY_AFTER_MS);
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.min(Math.max(0, at - Date.now()), MAX_RETRY_AFTER_MS);
}

export function createAzureSpeechEngine(settings: HostedSpeechSettings, options: AzureEngineOptions = {}): SpeechEngine {
  const id = `azure/${settings.voice}/${AZURE_OUTPUT_FORMAT}`;
  const fail = (code: SpeechErrorCode, message: string, extra: { status?: number; cause?: unknown } = {}) => new SpeechEngineError(id, code, message, extra);
  const endpoint = settings.endpoint ?? `https://${encodeURIComponent(settings.region)}.tts.speech.microsoft.com/cognitiveservices/v1`;
  const maxRequestChars = options.maxRequestChars ?? 3000;
  const attempts = Math.max(1, options.attempts ?? 3);
  const retryDelayMs = options.retryDelayMs ?? 1000;
  const requestTimeoutMs = options.requestTimeoutMs ?? 60_000;

  /** One request, retried while the service says it is busy or down; resolves with the MP3 bytes. */
  async function request(text: string, voice: string, signal?: AbortSignal): Promise<Uint8Array> {
    let last: SpeechEngineError | null = null;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      let response: Response;
      try {
        const timeout = AbortSignal.timeout(requestTimeoutMs);
        response = await fetch(endpoint, {
          method: "POST",
          headers: {
            "Ocp-Apim-Subscription-Key": settings.key,
            "Content-Type": "application/ssml+xml",
            "X-Microsoft-OutputFormat": AZURE_OUTPUT_FORMAT,
            "User-Agent": USER_AGENT,
          },
          body: azureSsml(text, voice),
          signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
        });
      } catch (error) {
        if (signal?.aborted) throw fail("aborted", "Synthesis was cancelled", { cause: error });
        const timedOut = error instanceof Error && error.name === "TimeoutError";
        last = fail(timedOut ? "timeout" : "unavailable", timedOut ? `No answer within ${requestTimeoutMs} ms` : `The speech service could not be reached: ${(error as Error).message}`, { cause: error });
        if (attempt < attempts) await sleep(retryDelayMs * 2 ** (attempt - 1), signal);
        continue;
      }
      if (response.ok) {
        const bytes = new Uint8Array(await response.arrayBuffer());
        if (bytes.length === 0 || mp3Info(bytes).frames === 0) throw fail("failed", "The speech service answered without MP3 audio", { status: response.status });
        return bytes;
      }
      // The error body is a short text or empty; it never echoes the key.
      const detail = (await response.text().catch(() => "")).trim().slice(0, 200);
      const code = STATUS_CODES[response.status] ?? (response.status >= 500 ? "unavailable" : "failed");
      last = fail(code, `The speech service answered ${response.status}${detail ? `: ${detail}` : ""}`, { status: response.status });
      if (!last.retryable || attempt === attempts) throw last;
      await sleep(retryAfterMs(response.headers.get("retry-after")) ?? retryDelayMs * 2 ** (attempt - 1), signal);
    }
    throw last ?? fail("failed", "No attempt was made");
  }

  return {
    id,
    async synthesize(text: string, language: SpeechLanguage, synthesizeOptions: SynthesizeOptions = {}): Promise<SpeechAudio> {
      const voice = language === "vi" ? settings.voice : language === "en" ? settings.englishVoice : undefined;
      if (!voice) throw fail("unsupported-language", `No hosted voice is set for language ${String(language)}`);
      if (!settings.key) throw fail("unauthorized", "No key is set for the speech service");
      const pieces = splitForSynthesis(text.normalize("NFC"), maxRequestChars);
      if (pieces.length === 0) throw fail("empty-text", "Nothing to say");
      try {
        const parts: Uint8Array[] = [];
        for (const piece of pieces) parts.push(await request(piece, voice, synthesizeOptions.signal));
        const bytes = parts.length === 1 ? parts[0]! : joinMp3(parts);
        return { bytes, mimeType: "audio/mpeg", durationSeconds: mp3Info(bytes).durationSeconds, engine: id };
      } catch (error) {
        throw toSpeechError(id, error);
      }
    },
  };
}
