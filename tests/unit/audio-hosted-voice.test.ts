import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAudioEngine } from "@/lib/audio/engine";
import { audioSettingsProblems, readAudioSettings } from "@/lib/config/audio";
import { audioRow, later, makeJob, publishedPost } from "./helpers/audio-world";
import { db } from "./helpers/posts-world";

// The hosted neural voice switched on by the settings, end to end through the job, against a
// stand-in of Azure AI Speech's REST endpoint (the client's own tests follow its documentation closely).

const KEY = "0123456789abcdef0123456789abcdef";
let server: Server;
let endpoint = "";
const voices: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      if (req.headers["ocp-apim-subscription-key"] !== KEY) return void res.writeHead(401).end("Access denied due to invalid subscription key.");
      voices.push(/name="([^"]+)"/.exec(Buffer.concat(chunks).toString("utf8"))?.[1] ?? "");
      // Ten MPEG-2 Layer III frames (16 kHz, 32 kbit/s).
      const mp3 = Buffer.alloc(1440);
      for (let i = 0; i < 10; i++) mp3.set([0xff, 0xf3, 0x48, 0xc4], i * 144);
      res.writeHead(200, { "Content-Type": "audio/mpeg" }).end(mp3);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/cognitiveservices/v1`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const settingsWith = (key: string) => ({ AUDIO_ENGINE: "azure", AUDIO_AZURE_KEY: key, AUDIO_AZURE_ENDPOINT: endpoint, AUDIO_AZURE_VOICE: "vi-VN-NamMinhNeural" });

describe("the hosted voice, chosen by the settings", () => {
  it("makes the recordings with the voice the settings name", async () => {
    expect(audioSettingsProblems(settingsWith(KEY))).toEqual([]);
    const engine = createAudioEngine(readAudioSettings(settingsWith(KEY)))!;
    const post = publishedPost();
    await makeJob(engine).job.run(db, later(1));
    expect(audioRow(post.id)).toMatchObject({ state: "ready", engine: "azure/vi-VN-NamMinhNeural/audio-16khz-32kbitrate-mono-mp3", bytes: 1440, durationMs: 360, cpuMs: 0 });
    expect(voices).toContain("vi-VN-NamMinhNeural");
  });

  it("a key the service refuses: the page keeps the browser voice, one log line without the key", async () => {
    const wrong = "ffffffffffffffffffffffffffffffff";
    const engine = createAudioEngine(readAudioSettings(settingsWith(wrong)))!;
    const { job, lines } = makeJob(engine);
    const post = publishedPost();
    await job.run(db, later(1));
    await job.run(db, later(40));
    expect(audioRow(post.id)).toMatchObject({ state: "failed", attempts: 1 });
    expect(lines).toEqual([expect.objectContaining({ level: "error", code: "unauthorized", status: 401, retryable: false })]);
    expect(JSON.stringify(lines)).not.toContain(wrong);
  });
});
