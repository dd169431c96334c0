import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { parseLegacyExport } from "@/lib/legacy/parse";
import { legacyBlocksToDocument } from "@/lib/legacy/to-document";
import { articleSpeechText, countWords } from "@/lib/speech/article-text";
import { SpeechEngineError } from "@/lib/speech/engine";
import { createEspeakEngine } from "@/lib/speech/espeak-engine";
import { mp3Info } from "@/lib/speech/mp3";

const engine = createEspeakEngine();
afterAll(() => engine.close());

const errorOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e,
  );

/** A real article's speech text, repeated until it has `words` words (sample 002 is the longest). */
function articleOf(words: number): string {
  const parsed = parseLegacyExport(readFileSync(path.join(process.cwd(), "samples", "legacy-export", "002_ac325f9820ae4275.txt"), "utf8"));
  if (!parsed.ok) throw new Error(parsed.reason);
  const { post } = parsed;
  const text = articleSpeechText({ title: post.title, lead: post.lead, body: legacyBlocksToDocument(post.blocks), source: post.source });
  const lines: string[] = [];
  let count = 0;
  for (let i = 0; count < words; i = (i + 1) % text.split("\n").length) {
    const line = text.split("\n")[i]!;
    lines.push(line);
    count += countWords(line);
  }
  return lines.join("\n");
}

describe("the embedded eSpeak NG engine", () => {
  it("speaks Vietnamese into a mono MP3 at 32 kbit/s and 22.05 kHz, its length told right", async () => {
    const audio = await engine.synthesize("Xin chào. Ngày hai mươi chín tháng mười hai năm hai nghìn không trăm hai mươi.", "vi");
    expect(audio.mimeType).toBe("audio/mpeg");
    expect(audio.engine).toBe(engine.id);
    const info = mp3Info(audio.bytes);
    expect(info.frames).toBeGreaterThan(50);
    expect(info.sampleRate).toBe(22050);
    expect(Math.round(info.averageKbps)).toBe(32);
    expect(audio.durationSeconds).toBeGreaterThan(2);
    expect(audio.cpuSeconds).toBeGreaterThan(0);
    expect(Math.abs(info.durationSeconds - audio.durationSeconds)).toBeLessThan(0.2);
  });

  it("speaks English pages with its English voice", async () => {
    const audio = await engine.synthesize("The Intellectual Property Office of Viet Nam.", "en");
    expect(mp3Info(audio.bytes).durationSeconds).toBeGreaterThan(1);
  });

  it("makes a 1,500-word article well under 3 MB, off the event loop", { timeout: 60_000 }, async () => {
    const text = articleOf(1500);
    const cpu = process.cpuUsage();
    const audio = await engine.synthesize(text, "vi");
    const used = process.cpuUsage(cpu);
    expect(audio.bytes.length).toBeLessThan(2.5 * 1024 * 1024);
    // About seven minutes of speech, read at eSpeak's pace.
    expect(audio.durationSeconds).toBeGreaterThan(300);
    expect(Math.abs(mp3Info(audio.bytes).durationSeconds - audio.durationSeconds)).toBeLessThan(1);
    // The seconds of synthesis and encoding were spent in the worker process, not in this one
    // (CPU time, unlike a stall of the event loop, does not depend on what else the machine runs).
    expect(audio.cpuSeconds).toBeGreaterThan(0.5);
    expect((used.user + used.system) / 1e6).toBeLessThan(audio.cpuSeconds! / 4);
  });

  it("fails with typed errors, and keeps working after them", async () => {
    const empty = await errorOf(engine.synthesize(" \n ", "vi"));
    expect(empty).toBeInstanceOf(SpeechEngineError);
    expect((empty as SpeechEngineError).code).toBe("empty-text");
    expect(((await errorOf(engine.synthesize("Xin chào", "fr" as never))) as SpeechEngineError).code).toBe("unsupported-language");

    const slow = createEspeakEngine({ timeoutMs: 1 });
    const timeout = (await errorOf(slow.synthesize(articleOf(200), "vi"))) as SpeechEngineError;
    await slow.close();
    expect(timeout).toBeInstanceOf(SpeechEngineError);
    expect([timeout.code, timeout.retryable]).toEqual(["timeout", true]);

    const missing = createEspeakEngine({ workerUrl: pathToFileURL("/nonexistent/espeak-worker.mjs") });
    const unavailable = (await errorOf(missing.synthesize("Xin chào", "vi"))) as SpeechEngineError;
    expect([unavailable.code, unavailable.retryable]).toEqual(["unavailable", true]);
    expect(unavailable.toLog()).toMatchObject({ engine: missing.id, code: "unavailable" });

    const failing = createEspeakEngine({ workerUrl: pathToFileURL(path.join(process.cwd(), "tests", "fixtures", "speech", "test-worker.mjs")) });
    // The stand-in worker answers without audio: the engine says so rather than returning an empty file.
    expect(((await errorOf(failing.synthesize("Xin chào", "vi"))) as SpeechEngineError).code).toBe("failed");
    await failing.close();

    const cancelled = (await errorOf(engine.synthesize("Xin chào", "vi", { signal: AbortSignal.abort() }))) as SpeechEngineError;
    expect(cancelled.code).toBe("aborted");
    expect((await engine.synthesize("Vẫn đọc được.", "vi")).bytes.length).toBeGreaterThan(0);
  });
});
