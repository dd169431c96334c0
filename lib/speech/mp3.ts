// Reading MP3 files well enough to know their length, and joining the pieces a hosted engine
// returns for a long article into one file. Pure: works on bytes.

const BITRATES_KBPS = {
  // MPEG-1 Layer III, then MPEG-2/2.5 Layer III; index 0 is "free", 15 is invalid.
  v1: [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  v2: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
};
const SAMPLE_RATES = { v1: [44100, 48000, 32000], v2: [22050, 24000, 16000], v25: [11025, 12000, 8000] };

export type Mp3Info = { frames: number; durationSeconds: number; sampleRate: number; averageKbps: number; audioBytes: number };

type Frame = { size: number; samples: number; sampleRate: number };

function frameAt(bytes: Uint8Array, i: number): Frame | null {
  if (i + 4 > bytes.length || bytes[i] !== 0xff || (bytes[i + 1]! & 0xe0) !== 0xe0) return null;
  const version = (bytes[i + 1]! >> 3) & 0b11; // 0: MPEG 2.5, 2: MPEG 2, 3: MPEG 1
  const layer = (bytes[i + 1]! >> 1) & 0b11; // 1: Layer III
  const bitrateIndex = bytes[i + 2]! >> 4;
  const rateIndex = (bytes[i + 2]! >> 2) & 0b11;
  const padding = (bytes[i + 2]! >> 1) & 1;
  if (version === 1 || layer !== 1 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) return null;
  const mpeg1 = version === 3;
  const kbps = (mpeg1 ? BITRATES_KBPS.v1 : BITRATES_KBPS.v2)[bitrateIndex]!;
  const sampleRate = (mpeg1 ? SAMPLE_RATES.v1 : version === 2 ? SAMPLE_RATES.v2 : SAMPLE_RATES.v25)[rateIndex]!;
  const samples = mpeg1 ? 1152 : 576;
  const size = Math.floor(((samples / 8) * kbps * 1000) / sampleRate) + padding;
  return size > 4 ? { size, samples, sampleRate } : null;
}

/** Length of a leading ID3v2 tag, 0 if there is none. */
function id3v2Length(bytes: Uint8Array): number {
  if (bytes.length < 10 || bytes[0] !== 0x49 || bytes[1] !== 0x44 || bytes[2] !== 0x33) return 0;
  const size = ((bytes[6]! & 0x7f) << 21) | ((bytes[7]! & 0x7f) << 14) | ((bytes[8]! & 0x7f) << 7) | (bytes[9]! & 0x7f);
  const footer = bytes[5]! & 0x10 ? 10 : 0;
  return Math.min(bytes.length, 10 + size + footer);
}

/** The audio frames of a file: after any ID3v2 tag, before any ID3v1 tag at the end. */
function audioPart(bytes: Uint8Array): Uint8Array {
  let end = bytes.length;
  if (end >= 128 && bytes[end - 128] === 0x54 && bytes[end - 127] === 0x41 && bytes[end - 126] === 0x47) end -= 128;
  return bytes.subarray(id3v2Length(bytes), end);
}

/** Frames, duration and average bit rate of a Layer III file, found by walking its frame headers. */
export function mp3Info(bytes: Uint8Array): Mp3Info {
  const audio = audioPart(bytes);
  let i = 0;
  let frames = 0;
  let samples = 0;
  let sampleRate = 0;
  let audioBytes = 0;
  while (i < audio.length) {
    const frame = frameAt(audio, i);
    if (!frame) {
      i++;
      continue;
    }
    frames++;
    samples += frame.samples;
    sampleRate = frame.sampleRate;
    audioBytes += Math.min(frame.size, audio.length - i);
    i += frame.size;
  }
  const durationSeconds = sampleRate ? samples / sampleRate : 0;
  return { frames, durationSeconds, sampleRate, audioBytes, averageKbps: durationSeconds ? (audioBytes * 8) / durationSeconds / 1000 : 0 };
}

/** Several MP3 files (same format) as one: their tags dropped, their frames back to back. */
export function joinMp3(parts: readonly Uint8Array[]): Uint8Array {
  const audio = parts.map(audioPart);
  const joined = new Uint8Array(audio.reduce((sum, a) => sum + a.length, 0));
  let offset = 0;
  for (const a of audio) {
    joined.set(a, offset);
    offset += a.length;
  }
  return joined;
}
