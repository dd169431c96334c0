import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createAudioEngine } from "@/lib/audio/engine";
import { audioEnabled, audioSettingsProblems, readAudioSettings } from "@/lib/config/audio";
import { configProblems, formatProblems } from "@/lib/config/check";

const KEY = "0123456789abcdef0123456789ABCDEF";
const variables = (env: Record<string, string>) => audioSettingsProblems(env).map((p) => p.variable);

describe("the read-aloud audio settings", () => {
  it("default to the embedded engine, 2,000 MB and one synthesis at a time", () => {
    expect(audioSettingsProblems({})).toEqual([]);
    expect(readAudioSettings({})).toEqual({ engine: "espeak", hosted: undefined, maxBytes: 2000 * 1024 * 1024, concurrency: 1 });
    expect(createAudioEngine(readAudioSettings({}))?.id).toMatch(/^espeak-ng\//);
    expect(audioEnabled({})).toBe(true);
    expect(audioEnabled({ AUDIO_ENGINE: "off" })).toBe(false);
    expect(createAudioEngine(readAudioSettings({ AUDIO_ENGINE: "off" }))).toBeNull();
  });

  it("switch on the hosted voice with a provider, key, region or address, and voice", () => {
    const env = { AUDIO_ENGINE: "azure", AUDIO_AZURE_KEY: KEY, AUDIO_AZURE_REGION: "southeastasia", AUDIO_AZURE_VOICE: "vi-VN-NamMinhNeural", AUDIO_MAX_MB: "500", AUDIO_CONCURRENCY: "1" };
    expect(audioSettingsProblems(env)).toEqual([]);
    expect(readAudioSettings(env)).toEqual({
      engine: "azure",
      hosted: { provider: "azure", key: KEY, region: "southeastasia", voice: "vi-VN-NamMinhNeural" },
      maxBytes: 500 * 1024 * 1024,
      concurrency: 1,
    });
    expect(createAudioEngine(readAudioSettings(env))?.id).toBe("azure/vi-VN-NamMinhNeural/audio-16khz-32kbitrate-mono-mp3");
    // The voice defaults to HoaiMy; an address (a custom domain, a stand-in) replaces the region.
    const local = { AUDIO_ENGINE: "azure", AUDIO_AZURE_KEY: KEY, AUDIO_AZURE_ENDPOINT: "http://127.0.0.1:4100/cognitiveservices/v1" };
    expect(audioSettingsProblems(local)).toEqual([]);
    expect(readAudioSettings(local).hosted).toMatchObject({ voice: "vi-VN-HoaiMyNeural", endpoint: "http://127.0.0.1:4100/cognitiveservices/v1" });
  });

  it("name each bad one, never echoing the key", () => {
    expect(variables({ AUDIO_ENGINE: "google" })).toEqual(["AUDIO_ENGINE"]);
    expect(variables({ AUDIO_MAX_MB: "5" })).toEqual(["AUDIO_MAX_MB"]);
    expect(variables({ AUDIO_MAX_MB: "nhiều" })).toEqual(["AUDIO_MAX_MB"]);
    expect(variables({ AUDIO_CONCURRENCY: "0" })).toEqual(["AUDIO_CONCURRENCY"]);
    expect(variables({ AUDIO_CONCURRENCY: String(os.availableParallelism() + 1) })).toEqual(["AUDIO_CONCURRENCY"]);
    expect(variables({ AUDIO_ENGINE: "azure" })).toEqual(["AUDIO_AZURE_KEY", "AUDIO_AZURE_REGION"]);
    expect(variables({ AUDIO_ENGINE: "azure", AUDIO_AZURE_KEY: KEY, AUDIO_AZURE_REGION: "Đông Nam Á" })).toEqual(["AUDIO_AZURE_REGION"]);
    expect(variables({ AUDIO_ENGINE: "azure", AUDIO_AZURE_KEY: KEY, AUDIO_AZURE_REGION: "southeastasia", AUDIO_AZURE_VOICE: "en-US-JennyNeural" })).toEqual(["AUDIO_AZURE_VOICE"]);
    expect(variables({ AUDIO_ENGINE: "azure", AUDIO_AZURE_KEY: KEY, AUDIO_AZURE_ENDPOINT: "http://tts.example.com/v1" })).toEqual(["AUDIO_AZURE_ENDPOINT"]);
    expect(variables({ AUDIO_ENGINE: "azure", AUDIO_AZURE_KEY: KEY, AUDIO_AZURE_ENDPOINT: "https://user:pass@tts.example.com/v1" })).toEqual(["AUDIO_AZURE_ENDPOINT"]);

    const secret = "khoá bí mật có dấu cách 12345";
    const problems = audioSettingsProblems({ AUDIO_ENGINE: "azure", AUDIO_AZURE_KEY: secret, AUDIO_AZURE_REGION: "southeastasia" });
    expect(problems.map((p) => p.variable)).toEqual(["AUDIO_AZURE_KEY"]);
    expect(JSON.stringify(problems)).not.toContain(secret);
    // The hosted voice's settings are not checked while it is not chosen.
    expect(variables({ AUDIO_AZURE_KEY: "x" })).toEqual([]);
  });

  it("stop the start with the other settings (lib/config/check.ts), in the same message", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cms-audio-config-"));
    const problems = configProblems({ DATABASE_PATH: path.join(dir, "cms.db"), PORT: "x", AUDIO_ENGINE: "azure", AUDIO_AZURE_REGION: "southeastasia" });
    expect(problems.map((p) => p.variable)).toEqual(["PORT", "AUDIO_AZURE_KEY"]);
    expect(formatProblems(problems)).toContain("  - AUDIO_AZURE_KEY: cần khoá của dịch vụ Azure AI Speech khi AUDIO_ENGINE=azure.");
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
