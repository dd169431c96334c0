import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
let dir: string;
let photo: string;
let drawing: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cms-image-memory-"));
  photo = path.join(dir, "49mp.jpg");
  drawing = path.join(dir, "49mp.png");
  // 7000 × 7000: 49 megapixels, under the 60-megapixel limit; flat colour keeps the files small.
  const canvas = sharp({ create: { width: 7000, height: 7000, channels: 3, background: "#336699" } });
  await canvas.clone().jpeg().toFile(photo);
  await canvas.clone().png().toFile(drawing);
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("image processing memory", () => {
  it("two 49-megapixel uploads at once take about what one small copy takes, not a full decode each", async () => {
    const { stdout } = await run(process.execPath, ["--import", "tsx", "tests/unit/helpers/image-memory-probe.ts", photo, drawing], { timeout: 120_000 });
    const result = JSON.parse(stdout.trim().split("\n").at(-1)!) as { beforeMb: number; peakMb: number; widths: Array<[number, number, number[]]> };
    const renditions = [480, 480, 960, 960, 1600, 1600]; // WebP and the fallback at each width
    expect(result.widths).toEqual([
      [7000, 7000, renditions],
      [7000, 7000, renditions],
    ]);
    // Before: each upload decoded at full size, in parallel (about 300 MB more per 49-megapixel image).
    expect(result.peakMb - result.beforeMb).toBeLessThan(150);
  }, 120_000);
});
