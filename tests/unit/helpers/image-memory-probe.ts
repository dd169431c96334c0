/*
 * Run as its own process (node --import tsx): processes the images named on the command line all
 * at once, as parallel uploads would, and prints the process's peak memory before and after.
 */
import fs from "node:fs";
import { processImage } from "../../../lib/media/process";

const files = process.argv.slice(2).map((file) => fs.readFileSync(file));
const before = process.resourceUsage().maxRSS;
void Promise.all(files.map((bytes) => processImage(bytes))).then((results) => {
  const peak = process.resourceUsage().maxRSS;
  console.log(JSON.stringify({ beforeMb: before / 1024, peakMb: peak / 1024, widths: results.map((r) => [r.width, r.height, r.renditions.map((x) => x.width)]) }));
});
