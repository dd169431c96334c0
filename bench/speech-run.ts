/**
 * `npm run bench:speech`: the embedded engine on the three sample posts and on a 1,500-word article
 * made from them; prints the table and writes bench/results/speech-<time>.json. Run it under the
 * build lock so no one else's work shares the CPU: `flock /tmp/cms-e2e.lock npm run bench:speech`.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseLegacyExport } from "@/lib/legacy/parse";
import { legacyBlocksToDocument } from "@/lib/legacy/to-document";
import { articleSpeechText, countWords } from "@/lib/speech/article-text";
import { createEspeakEngine } from "@/lib/speech/espeak-engine";
import { formatSpeechBench, measureSpeech, type SpeechArticle } from "./speech";

function sampleArticles(): SpeechArticle[] {
  const dir = path.join(process.cwd(), "samples", "legacy-export");
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((file) => {
      const parsed = parseLegacyExport(fs.readFileSync(path.join(dir, file), "utf8"));
      if (!parsed.ok) throw new Error(`${file}: ${parsed.reason}`);
      const { post } = parsed;
      return { name: `sample ${file.slice(0, 3)}`, text: articleSpeechText({ title: post.title, lead: post.lead, body: legacyBlocksToDocument(post.blocks), source: post.source }) };
    });
}

/** The samples' sentences, in turn, until the article has 1,500 words. */
function articleOf(words: number, samples: SpeechArticle[]): SpeechArticle {
  const sentences = samples.flatMap((s) => s.text.split("\n"));
  const lines: string[] = [];
  for (let i = 0, count = 0; count < words; i++) {
    const line = sentences[i % sentences.length]!;
    lines.push(line);
    count += countWords(line);
  }
  return { name: `${words}-word article`, text: lines.join("\n") };
}

async function main() {
  const samples = sampleArticles();
  const engine = createEspeakEngine();
  try {
    const result = await measureSpeech(engine, [...samples, articleOf(1500, samples)]);
    console.log(formatSpeechBench(result));
    const out = path.join(process.cwd(), "bench", "results", `speech-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
    fs.writeFileSync(out, `${JSON.stringify({ startedAt: new Date().toISOString(), machine: { cpu: os.cpus()[0]?.model, cores: os.availableParallelism(), node: process.version, loadAvg: os.loadavg() }, ...result }, null, 2)}\n`);
    console.log(`written to ${path.relative(process.cwd(), out)}`);
  } finally {
    await engine.close();
  }
}

void main();
