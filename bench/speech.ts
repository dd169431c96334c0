/**
 * What server-made read-aloud audio costs per article: CPU time (this process's and what the
 * engine's worker process reports), wall time, bytes and minutes of audio, per article and per
 * 1,000 words. Used by `npm run bench:speech` (bench/speech-run.ts); the main benchmark can call it too.
 */
import type { SpeechEngine, SpeechLanguage } from "@/lib/speech/engine";
import { countWords } from "@/lib/speech/article-text";

export type SpeechArticle = { name: string; text: string; language?: SpeechLanguage };

export type SpeechRow = { name: string; words: number; cpuSeconds: number; wallSeconds: number; bytes: number; audioSeconds: number };

export type SpeechBench = {
  engine: string;
  rows: SpeechRow[];
  /** Sums over the rows, scaled to 1,000 words of article text. */
  per1000Words: { cpuSeconds: number; wallSeconds: number; bytes: number; audioSeconds: number };
};

const round = (n: number, digits = 3) => Math.round(n * 10 ** digits) / 10 ** digits;

export async function measureSpeech(engine: SpeechEngine, articles: readonly SpeechArticle[]): Promise<SpeechBench> {
  // The first call starts a worker and compiles the WebAssembly; an article job in a burst finds it warm.
  await engine.synthesize("Xin chào.", "vi");
  const rows: SpeechRow[] = [];
  for (const article of articles) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const audio = await engine.synthesize(article.text, article.language ?? "vi");
    const used = process.cpuUsage(cpu);
    rows.push({
      name: article.name,
      words: countWords(article.text),
      cpuSeconds: round((used.user + used.system) / 1e6 + (audio.cpuSeconds ?? 0)),
      wallSeconds: round((performance.now() - started) / 1000),
      bytes: audio.bytes.length,
      audioSeconds: round(audio.durationSeconds, 1),
    });
  }
  const total = rows.reduce((sum, r) => ({ words: sum.words + r.words, cpu: sum.cpu + r.cpuSeconds, wall: sum.wall + r.wallSeconds, bytes: sum.bytes + r.bytes, audio: sum.audio + r.audioSeconds }), { words: 0, cpu: 0, wall: 0, bytes: 0, audio: 0 });
  const scale = total.words ? 1000 / total.words : 0;
  return {
    engine: engine.id,
    rows,
    per1000Words: { cpuSeconds: round(total.cpu * scale), wallSeconds: round(total.wall * scale), bytes: Math.round(total.bytes * scale), audioSeconds: round(total.audio * scale, 1) },
  };
}

export function formatSpeechBench(result: SpeechBench): string {
  const lines = [`Read-aloud audio, ${result.engine}`, "article                        words   cpu s  wall s     bytes  audio s"];
  for (const r of result.rows) {
    lines.push(`${r.name.padEnd(28)} ${String(r.words).padStart(7)} ${r.cpuSeconds.toFixed(2).padStart(7)} ${r.wallSeconds.toFixed(2).padStart(7)} ${String(r.bytes).padStart(9)} ${r.audioSeconds.toFixed(1).padStart(8)}`);
  }
  const p = result.per1000Words;
  lines.push(`per 1,000 words: ${p.cpuSeconds.toFixed(2)} s CPU, ${p.wallSeconds.toFixed(2)} s wall, ${(p.bytes / 1024).toFixed(0)} KiB, ${(p.audioSeconds / 60).toFixed(1)} min of audio`);
  return lines.join("\n");
}
