import { describe, expect, it } from "vitest";
import { splitForSynthesis } from "@/lib/speech/chunks";
import { joinMp3, mp3Info } from "@/lib/speech/mp3";

/** A silent-looking but well-formed MPEG-2 Layer III frame: 22.05 kHz, 32 kbit/s, 576 samples, 104 bytes. */
function frame(): Uint8Array {
  const bytes = new Uint8Array(104);
  bytes.set([0xff, 0xf3, 0x40, 0xc4]);
  return bytes;
}
const frames = (n: number) => {
  const out = new Uint8Array(104 * n);
  for (let i = 0; i < n; i++) out.set(frame(), i * 104);
  return out;
};
const id3 = (payload: number) => {
  const tag = new Uint8Array(10 + payload);
  tag.set([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, (payload >> 7) & 0x7f, payload & 0x7f]);
  return tag;
};
const concat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

describe("splitForSynthesis", () => {
  it("keeps whole lines together up to the limit", () => {
    expect(splitForSynthesis("Một.\nHai.\nBa.", 100)).toEqual(["Một.\nHai.\nBa."]);
    expect(splitForSynthesis("Câu thứ nhất khá dài.\nCâu thứ hai.\nCâu ba.", 25)).toEqual(["Câu thứ nhất khá dài.", "Câu thứ hai.\nCâu ba."]);
  });

  it("cuts a line that is too long after a comma, else between words, losing no word", () => {
    const line = "Đoạn văn rất dài, có nhiều vế câu, và không có dấu chấm nào cả cho đến tận cuối cùng của nó";
    const pieces = splitForSynthesis(line, 40);
    expect(pieces.every((p) => p.length <= 40)).toBe(true);
    expect(pieces[0]).toBe("Đoạn văn rất dài, có nhiều vế câu,");
    expect(pieces.join(" ").split(/\s+/)).toEqual(line.split(/\s+/));
  });

  it("gives nothing for blank text and refuses a silly limit", () => {
    expect(splitForSynthesis(" \n\n ", 100)).toEqual([]);
    expect(() => splitForSynthesis("x", 5)).toThrow(RangeError);
  });
});

describe("MP3 frames", () => {
  it("measures frames, length and bit rate, skipping an ID3 tag", () => {
    const info = mp3Info(concat(id3(20), frames(100)));
    expect(info).toMatchObject({ frames: 100, sampleRate: 22050, audioBytes: 10400 });
    expect(info.durationSeconds).toBeCloseTo((100 * 576) / 22050, 5);
    expect(Math.round(info.averageKbps)).toBe(32);
  });

  it("joins files into one without their tags", () => {
    const joined = joinMp3([concat(id3(5), frames(3)), concat(frames(2), new Uint8Array(128).fill(0x54, 0, 1).fill(0x41, 1, 2).fill(0x47, 2, 3))]);
    expect(joined.length).toBe(5 * 104);
    expect(mp3Info(joined).frames).toBe(5);
  });

  it("finds no frames in something that is not MP3", () => {
    expect(mp3Info(new TextEncoder().encode("<html>not audio</html>"))).toMatchObject({ frames: 0, durationSeconds: 0 });
  });
});
