// Worker process of the embedded speech engine (espeak-engine.ts starts and feeds it through
// worker-pool.ts): eSpeak NG compiled to WebAssembly speaks each piece of text into its in-memory file
// system (16-bit mono WAV, 22.05 kHz), and LAME compiled to WebAssembly encodes the pieces, one after
// the other, into one MP3. Plain JavaScript so that it starts the same under tsx, vitest and a Next
// build, with no loader.
import fs from "node:fs";
import ESpeakNg from "espeak-ng";
import { createMp3Encoder } from "wasm-media-encoders";

if (!process.send) throw new Error("espeak-worker.mjs runs as a child process with an IPC channel");
// The server went away: so does this.
process.on("disconnect", () => process.exit(0));

// Compiled once per worker; each piece gets a fresh instance (eSpeak's command line keeps state in
// globals, and its module does not export callMain), which costs about 0.15 s.
let compiled;
const espeakModule = () =>
  (compiled ??= WebAssembly.compile(fs.readFileSync(new URL("./espeak-ng.wasm", import.meta.resolve("espeak-ng")))));

let encoder;

/** 16-bit PCM samples of a WAV file, found through its chunks rather than a fixed 44-byte header. */
function wavSamples(wav) {
  const view = new DataView(wav.buffer, wav.byteOffset, wav.byteLength);
  const tag = (at) => String.fromCharCode(wav[at], wav[at + 1], wav[at + 2], wav[at + 3]);
  if (wav.length < 12 || tag(0) !== "RIFF" || tag(8) !== "WAVE") throw new Error("eSpeak did not write a WAV file");
  let sampleRate = 0;
  for (let at = 12; at + 8 <= wav.length; ) {
    const size = view.getUint32(at + 4, true);
    if (tag(at) === "fmt ") {
      if (view.getUint16(at + 8, true) !== 1 || view.getUint16(at + 10, true) !== 1 || view.getUint16(at + 22, true) !== 16) {
        throw new Error("eSpeak wrote an unexpected WAV format");
      }
      sampleRate = view.getUint32(at + 12, true);
    } else if (tag(at) === "data") {
      const length = Math.min(size, wav.length - at - 8) & ~1;
      return { sampleRate, samples: new Int16Array(wav.buffer.slice(wav.byteOffset + at + 8, wav.byteOffset + at + 8 + length)) };
    }
    at += 8 + size + (size & 1);
  }
  throw new Error("eSpeak wrote a WAV file without audio");
}

async function speak(text, voice, wordsPerMinute) {
  const wasm = await espeakModule();
  const errors = [];
  const espeak = await ESpeakNg({
    arguments: ["-v", voice, "-s", String(wordsPerMinute), "-w", "out.wav", "-f", "in.txt"],
    preRun: [(m) => m.FS.writeFile("in.txt", text)],
    instantiateWasm: (imports, receive) => {
      WebAssembly.instantiate(wasm, imports).then((instance) => receive(instance, wasm));
      return {};
    },
    print: () => {},
    printErr: (line) => errors.push(line),
  });
  let wav;
  try {
    wav = espeak.FS.readFile("out.wav");
  } catch {
    throw new Error(`eSpeak wrote no audio${errors.length ? `: ${errors.slice(0, 3).join(" ")}` : ""}`);
  }
  return wavSamples(wav);
}

const BLOCK = 22050 * 10;

async function synthesize({ pieces, voice, wordsPerMinute, bitrateKbps }) {
  encoder ??= await createMp3Encoder();
  const out = [];
  let length = 0;
  const keep = (data) => {
    // The encoder owns its output buffer until the next call.
    if (data.length) {
      out.push(data.slice());
      length += data.length;
    }
  };
  let configured = 0;
  let samples = 0;
  for (const piece of pieces) {
    const wav = await speak(piece, voice, wordsPerMinute);
    if (configured && wav.sampleRate !== configured) throw new Error("eSpeak changed its sample rate between pieces");
    if (!configured) {
      configured = wav.sampleRate;
      encoder.configure({ sampleRate: configured, channels: 1, bitrate: bitrateKbps, outputSampleRate: bitrateKbps >= 32 ? configured : 16000 });
    }
    const block = new Float32Array(BLOCK);
    for (let i = 0; i < wav.samples.length; i += BLOCK) {
      const part = wav.samples.subarray(i, i + BLOCK);
      for (let j = 0; j < part.length; j++) block[j] = part[j] / 32768;
      keep(encoder.encode([block.subarray(0, part.length)]));
    }
    samples += wav.samples.length;
  }
  keep(encoder.finalize());
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const data of out) {
    bytes.set(data, offset);
    offset += data.length;
  }
  return { bytes, durationSeconds: configured ? samples / configured : 0 };
}

process.on("message", async (job) => {
  try {
    const cpu = process.cpuUsage();
    const result = await synthesize(job);
    const used = process.cpuUsage(cpu);
    process.send({ id: job.id, ok: true, ...result, cpuSeconds: (used.user + used.system) / 1e6 });
  } catch (error) {
    // A failed encoder may hold half a file: the next job gets a new one.
    encoder = undefined;
    process.send({ id: job.id, ok: false, message: error instanceof Error ? error.message : String(error) });
  }
});
