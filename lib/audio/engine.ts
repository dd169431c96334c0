import "server-only";
import type { AudioSettings } from "@/lib/config/audio";
import { createAzureSpeechEngine } from "@/lib/speech/azure-engine";
import type { SpeechEngine } from "@/lib/speech/engine";
import { createEspeakEngine } from "@/lib/speech/espeak-engine";

/** The engine the settings choose: eSpeak NG by default, the hosted neural voice when set, none when switched off. */
export function createAudioEngine(settings: AudioSettings): SpeechEngine | null {
  if (settings.engine === "off") return null;
  if (settings.engine === "azure" && settings.hosted) return createAzureSpeechEngine(settings.hosted);
  // A worker idle 10 s is ended: its memory (100–220 MiB while it speaks) goes back between bursts.
  return createEspeakEngine({ concurrency: settings.concurrency, idleMs: 10_000 });
}
