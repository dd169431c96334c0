/**
 * The settings of server-made read-aloud audio (README, "Read aloud"): which engine makes it, the
 * hosted voice's provider, key and voice, how much disk it may take and how many syntheses run at
 * once. Plain (no server-only): `npm start` checks them with the others before anything else runs.
 */
import os from "node:os";
import type { HostedSpeechSettings } from "@/lib/speech/azure-engine";
import type { Env } from "./paths";

export const AUDIO_ENGINES = ["espeak", "azure", "off"] as const;
export type AudioEngineName = (typeof AUDIO_ENGINES)[number];

export type AudioSettings = {
  engine: AudioEngineName;
  /** Set when `engine` is "azure". */
  hosted?: HostedSpeechSettings;
  /** Disk the recordings may take; past it the least recently used go. */
  maxBytes: number;
  /** Syntheses at once (worker processes of the embedded engine, requests to the hosted one). */
  concurrency: number;
};

export const AUDIO_DEFAULTS = { maxMb: 2000, concurrency: 1, voice: "vi-VN-HoaiMyNeural" } as const;
const MB = 1024 * 1024;
const MAX_MB = 10_000_000;

const AZURE_KEY = /^[A-Za-z0-9]{32,128}$/;
const AZURE_REGION = /^[a-z][a-z0-9]{1,39}$/;
const VIETNAMESE_VOICE = /^vi-VN-[A-Za-z]+Neural$/;

const given = (value: string | undefined) => value !== undefined && value.trim() !== "";

function endpointProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `phải là địa chỉ đầy đủ, ví dụ https://southeastasia.tts.speech.microsoft.com/cognitiveservices/v1 (đang là “${value}”).`;
  }
  const local = url.hostname === "localhost" || url.hostname === "127.0.0.1" || url.hostname === "[::1]";
  if (url.protocol !== "https:" && !(url.protocol === "http:" && local)) return `phải dùng https:// (http:// chỉ cho máy này) (đang là “${value}”).`;
  if (url.username || url.password) return "không được chứa tên đăng nhập hay mật khẩu; khoá đặt trong AUDIO_AZURE_KEY.";
  return null;
}

/** Every problem with the audio settings, each naming its variable (never echoing the key). */
export function audioSettingsProblems(env: Env = process.env): { variable: string; message: string }[] {
  const problems: { variable: string; message: string }[] = [];
  const check = (variable: string, message: string | null) => {
    if (message) problems.push({ variable, message });
  };
  const engine = env.AUDIO_ENGINE?.trim() ?? "";
  if (engine && !(AUDIO_ENGINES as readonly string[]).includes(engine)) {
    check("AUDIO_ENGINE", `phải là espeak (giọng đọc kèm theo, mặc định), azure (giọng đọc của Azure AI Speech) hoặc off (tắt bản ghi âm) (đang là “${engine}”).`);
  }
  if (given(env.AUDIO_MAX_MB) && !(/^\d{1,8}$/.test(env.AUDIO_MAX_MB!.trim()) && Number(env.AUDIO_MAX_MB) >= 10 && Number(env.AUDIO_MAX_MB) <= MAX_MB)) {
    check("AUDIO_MAX_MB", `phải là số nguyên megabyte từ 10 đến ${MAX_MB} (đang là “${env.AUDIO_MAX_MB}”).`);
  }
  const cores = os.availableParallelism();
  if (given(env.AUDIO_CONCURRENCY) && !(/^\d{1,3}$/.test(env.AUDIO_CONCURRENCY!.trim()) && Number(env.AUDIO_CONCURRENCY) >= 1 && Number(env.AUDIO_CONCURRENCY) <= cores)) {
    check("AUDIO_CONCURRENCY", `phải là số nguyên từ 1 đến ${cores} (số lõi của máy) (đang là “${env.AUDIO_CONCURRENCY}”).`);
  }
  if (engine === "azure") {
    const key = env.AUDIO_AZURE_KEY?.trim() ?? "";
    if (!key) check("AUDIO_AZURE_KEY", "cần khoá của dịch vụ Azure AI Speech khi AUDIO_ENGINE=azure.");
    else if (!AZURE_KEY.test(key)) check("AUDIO_AZURE_KEY", `không giống khoá của Azure AI Speech (32 đến 128 chữ và số, không có khoảng trắng; đang có ${key.length} ký tự).`);
    const endpoint = env.AUDIO_AZURE_ENDPOINT?.trim() ?? "";
    const region = env.AUDIO_AZURE_REGION?.trim() ?? "";
    if (endpoint) check("AUDIO_AZURE_ENDPOINT", endpointProblem(endpoint));
    if (!region && !endpoint) check("AUDIO_AZURE_REGION", "cần vùng của tài nguyên Speech, ví dụ southeastasia, khi AUDIO_ENGINE=azure.");
    else if (region && !AZURE_REGION.test(region)) check("AUDIO_AZURE_REGION", `phải là tên vùng Azure viết thường, ví dụ southeastasia (đang là “${region}”).`);
    const voice = env.AUDIO_AZURE_VOICE?.trim() ?? "";
    if (voice && !VIETNAMESE_VOICE.test(voice)) {
      check("AUDIO_AZURE_VOICE", `phải là một giọng tiếng Việt của Azure, ví dụ vi-VN-HoaiMyNeural hoặc vi-VN-NamMinhNeural (đang là “${voice}”).`);
    }
  }
  return problems;
}

/** The settings as the server uses them; call after the check (a value it refused falls back to its default). */
export function readAudioSettings(env: Env = process.env): AudioSettings {
  const engineValue = env.AUDIO_ENGINE?.trim() ?? "";
  const engine: AudioEngineName = (AUDIO_ENGINES as readonly string[]).includes(engineValue) ? (engineValue as AudioEngineName) : "espeak";
  const maxMb = Number(env.AUDIO_MAX_MB);
  const concurrency = Number(env.AUDIO_CONCURRENCY);
  return {
    engine,
    hosted:
      engine === "azure"
        ? {
            provider: "azure",
            key: env.AUDIO_AZURE_KEY?.trim() ?? "",
            region: env.AUDIO_AZURE_REGION?.trim() ?? "",
            voice: env.AUDIO_AZURE_VOICE?.trim() || AUDIO_DEFAULTS.voice,
            ...(env.AUDIO_AZURE_ENDPOINT?.trim() ? { endpoint: env.AUDIO_AZURE_ENDPOINT.trim() } : {}),
          }
        : undefined,
    maxBytes: (Number.isInteger(maxMb) && maxMb >= 10 ? maxMb : AUDIO_DEFAULTS.maxMb) * MB,
    concurrency: Number.isInteger(concurrency) && concurrency >= 1 ? Math.min(concurrency, os.availableParallelism()) : AUDIO_DEFAULTS.concurrency,
  };
}

/** Whether pages offer server-made audio at all (AUDIO_ENGINE is not "off"). */
export const audioEnabled = (env: Env = process.env) => readAudioSettings(env).engine !== "off";
