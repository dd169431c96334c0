import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AZURE_OUTPUT_FORMAT, azureSsml, createAzureSpeechEngine, type HostedSpeechSettings } from "@/lib/speech/azure-engine";
import { SpeechEngineError } from "@/lib/speech/engine";
import { mp3Info } from "@/lib/speech/mp3";

/*
 * A stand-in for Azure AI Speech's text to speech REST endpoint, answering as its reference says
 * ("Text to speech REST API", Convert text to speech): POST /cognitiveservices/v1; the key in
 * Ocp-Apim-Subscription-Key (else 401); Content-Type application/ssml+xml (else 415); a known
 * X-Microsoft-OutputFormat and a User-Agent under 255 characters (else 400); an SSML body naming a
 * voice (else 400); 200 with the audio file as the body.
 */
const KEY = "test-key-0123456789abcdef";
const VOICES = new Set(["vi-VN-HoaiMyNeural", "vi-VN-NamMinhNeural", "en-US-JennyNeural"]);
const FORMATS = new Set(["audio-16khz-32kbitrate-mono-mp3", "audio-16khz-64kbitrate-mono-mp3", "audio-24khz-48kbitrate-mono-mp3", "riff-24khz-16bit-mono-pcm"]);

type Received = { method?: string; path?: string; headers: IncomingMessage["headers"]; body: string };
let server: Server;
let endpoint = "";
let received: Received[] = [];
/** Answers to give before the documented behaviour, e.g. [429, 502]. */
let scripted: { status: number; headers?: Record<string, string> }[] = [];

/** One MPEG-2 Layer III frame per two characters of text: 16 kHz, 32 kbit/s, 576 samples, 144 bytes. */
function fakeMp3(characters: number): Buffer {
  const frames = Math.max(1, Math.ceil(characters / 2));
  const out = Buffer.alloc(frames * 144);
  for (let i = 0; i < frames; i++) out.set([0xff, 0xf3, 0x48, 0xc4], i * 144);
  return out;
}

function handle(req: IncomingMessage, res: ServerResponse, body: string) {
  received.push({ method: req.method, path: req.url, headers: req.headers, body });
  const next = scripted.shift();
  if (next) return res.writeHead(next.status, next.headers).end();
  if (req.method !== "POST" || req.url !== "/cognitiveservices/v1") return res.writeHead(404).end();
  if (req.headers["ocp-apim-subscription-key"] !== KEY) return res.writeHead(401).end();
  if (req.headers["content-type"] !== "application/ssml+xml") return res.writeHead(415).end();
  const format = String(req.headers["x-microsoft-outputformat"] ?? "");
  const agent = String(req.headers["user-agent"] ?? "");
  if (!FORMATS.has(format) || !agent || agent.length >= 255) return res.writeHead(400).end();
  if (XMLValidator.validate(body) !== true) return res.writeHead(400).end("SSML is not well formed");
  const ssml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(body) as { speak?: { voice?: { name?: string; "#text"?: string } } };
  const voice = ssml.speak?.voice;
  if (!voice?.name || !VOICES.has(voice.name) || !voice["#text"]) return res.writeHead(400).end("Unknown voice");
  res.writeHead(200, { "Content-Type": "audio/mpeg" }).end(fakeMp3(String(voice["#text"]).length));
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => handle(req, res, Buffer.concat(chunks).toString("utf8")));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/cognitiveservices/v1`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  received = [];
  scripted = [];
});

const settings = (over: Partial<HostedSpeechSettings> = {}): HostedSpeechSettings => ({ provider: "azure", key: KEY, region: "southeastasia", voice: "vi-VN-HoaiMyNeural", endpoint, ...over });
const codeOf = (promise: Promise<unknown>) => promise.then(() => "ok", (e: unknown) => (e instanceof SpeechEngineError ? e.code : `other: ${String(e)}`));

describe("the Azure neural voice client", () => {
  it("sends the documented request and returns the audio", async () => {
    const engine = createAzureSpeechEngine(settings());
    const audio = await engine.synthesize("Xin chào các bạn. Hội nghị tổng kết năm hai nghìn không trăm hai mươi.", "vi");
    expect(received).toHaveLength(1);
    const [request] = received;
    expect(request).toMatchObject({ method: "POST", path: "/cognitiveservices/v1" });
    expect(request!.headers).toMatchObject({
      "ocp-apim-subscription-key": KEY,
      "content-type": "application/ssml+xml",
      "x-microsoft-outputformat": AZURE_OUTPUT_FORMAT,
      "user-agent": "tin-tuc-cms read-aloud",
    });
    expect(request!.body).toBe(
      '<speak version="1.0" xmlns="http://www.w3.org/2001/10/synthesis" xml:lang="vi-VN"><voice xml:lang="vi-VN" name="vi-VN-HoaiMyNeural">Xin chào các bạn. Hội nghị tổng kết năm hai nghìn không trăm hai mươi.</voice></speak>',
    );
    expect(audio).toMatchObject({ mimeType: "audio/mpeg", engine: "azure/vi-VN-HoaiMyNeural/audio-16khz-32kbitrate-mono-mp3" });
    expect(mp3Info(audio.bytes).frames).toBeGreaterThan(0);
    expect(audio.durationSeconds).toBeCloseTo(mp3Info(audio.bytes).durationSeconds, 5);
  });

  it("uses the regional address by default", () => {
    expect(createAzureSpeechEngine({ provider: "azure", key: KEY, region: "southeastasia", voice: "vi-VN-NamMinhNeural" }).id).toBe("azure/vi-VN-NamMinhNeural/audio-16khz-32kbitrate-mono-mp3");
  });

  it("escapes the text into well-formed SSML", () => {
    const ssml = azureSsml(`Điểm <5> & "trích" 'dẫn'`, "vi-VN-HoaiMyNeural");
    expect(XMLValidator.validate(ssml)).toBe(true);
    expect(ssml).toContain("Điểm &lt;5&gt; &amp; &quot;trích&quot; &apos;dẫn&apos;");
  });

  it("sends a long article as several requests, in order, and joins the audio", async () => {
    const engine = createAzureSpeechEngine(settings(), { maxRequestChars: 100 });
    const lines = Array.from({ length: 12 }, (_, i) => `Câu số ${i + 1} của bài viết dài, đủ để cắt thành nhiều phần.`);
    const audio = await engine.synthesize(lines.join("\n"), "vi");
    expect(received.length).toBeGreaterThan(3);
    const sent = received.map((r) => /name="[^"]+">([\s\S]*)<\/voice>/.exec(r.body)?.[1] ?? "");
    expect(sent.every((s) => s.length <= 100)).toBe(true);
    expect(sent.join("\n")).toBe(lines.join("\n"));
    const expectedFrames = sent.reduce((n, s) => n + Math.ceil(s.length / 2), 0);
    expect(mp3Info(audio.bytes).frames).toBe(expectedFrames);
  });

  it("uses the English voice for English pages, and refuses a language it has no voice for", async () => {
    const withEnglish = createAzureSpeechEngine(settings({ englishVoice: "en-US-JennyNeural" }));
    await withEnglish.synthesize("Hello.", "en");
    expect(received[0]!.body).toContain('xml:lang="en-US" name="en-US-JennyNeural"');
    expect(await codeOf(createAzureSpeechEngine(settings()).synthesize("Hello.", "en"))).toBe("unsupported-language");
  });

  it("turns the documented error answers into typed errors, without retrying what cannot succeed", async () => {
    expect(await codeOf(createAzureSpeechEngine(settings({ key: "wrong" })).synthesize("Xin chào.", "vi"))).toBe("unauthorized");
    expect(received).toHaveLength(1);
    expect(await codeOf(createAzureSpeechEngine(settings({ voice: "vi-VN-KhongCoNeural" })).synthesize("Xin chào.", "vi"))).toBe("bad-request");
    scripted = [{ status: 415 }];
    expect(await codeOf(createAzureSpeechEngine(settings()).synthesize("Xin chào.", "vi"))).toBe("bad-request");
    expect(await codeOf(createAzureSpeechEngine(settings({ key: "" })).synthesize("Xin chào.", "vi"))).toBe("unauthorized");
    expect(await codeOf(createAzureSpeechEngine(settings()).synthesize("  ", "vi"))).toBe("empty-text");
  });

  it("waits and retries when told 429 (Retry-After) or 502/503, and gives up after its attempts", async () => {
    const engine = createAzureSpeechEngine(settings(), { retryDelayMs: 1 });
    scripted = [{ status: 429, headers: { "Retry-After": "0" } }, { status: 503 }];
    const audio = await engine.synthesize("Xin chào.", "vi");
    expect(received).toHaveLength(3);
    expect(audio.bytes.length).toBeGreaterThan(0);

    received = [];
    scripted = [{ status: 502 }, { status: 502 }, { status: 502 }];
    const error = (await engine.synthesize("Xin chào.", "vi").then(
      () => null,
      (e: unknown) => e,
    )) as SpeechEngineError;
    expect(received).toHaveLength(3);
    expect(error).toBeInstanceOf(SpeechEngineError);
    expect([error.code, error.status, error.retryable]).toEqual(["unavailable", 502, true]);
    expect(JSON.stringify(error.toLog())).not.toContain(KEY);
  });

  it("reports a service it cannot reach, a slow one, an answer that is not audio, and a cancel", async () => {
    const unreachable = createAzureSpeechEngine(settings({ endpoint: "http://127.0.0.1:9/cognitiveservices/v1" }), { attempts: 1 });
    expect(await codeOf(unreachable.synthesize("Xin chào.", "vi"))).toBe("unavailable");

    const slowServer = createServer(() => {});
    await new Promise<void>((resolve) => slowServer.listen(0, "127.0.0.1", resolve));
    const slow = createAzureSpeechEngine(settings({ endpoint: `http://127.0.0.1:${(slowServer.address() as AddressInfo).port}/cognitiveservices/v1` }), { attempts: 1, requestTimeoutMs: 100 });
    expect(await codeOf(slow.synthesize("Xin chào.", "vi"))).toBe("timeout");
    slowServer.closeAllConnections();
    await new Promise<void>((resolve) => slowServer.close(() => resolve()));

    scripted = [{ status: 200, headers: { "Content-Type": "text/html" } }];
    expect(await codeOf(createAzureSpeechEngine(settings()).synthesize("Xin chào.", "vi"))).toBe("failed");

    expect(await codeOf(createAzureSpeechEngine(settings()).synthesize("Xin chào.", "vi", { signal: AbortSignal.abort() }))).toBe("aborted");
  });
});
