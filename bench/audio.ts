/**
 * What the read-aloud audio job costs on the running server, per article: after a save of a public
 * post (the job makes it in the background), and on a reader's request for an archive post (the
 * page's player asks for it). Time until the recording is ready, CPU time of the synthesis (the
 * engine's worker), bytes and minutes of audio, and the words read.
 */
import type { Db } from "@/lib/dal/connection";
import { findArticleAudio } from "@/lib/dal/audio/public";
import { readSpeechSource } from "@/lib/dal/audio/job";
import { articleSpeechText, countWords } from "@/lib/speech/article-text";
import type { PublishProbe } from "./publish";
import { timePublish } from "./publish";

export type AudioSample = { postId: number; words: number; secondsToReady: number; cpuSeconds: number; bytes: number; audioSeconds: number };
export type AudioResults = { engine: string; afterPublish: AudioSample; onRequest: AudioSample[] };

const POLL_MS = 100;
const TIMEOUT_MS = 180_000;
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

async function untilReady(db: Db, postId: number, ask?: () => Promise<unknown>): Promise<void> {
  const deadline = Date.now() + TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (ask) await ask();
    if (findArticleAudio(db, { postId, language: "vi" }).state === "ready") return;
    await new Promise((resolve) => setTimeout(resolve, ask ? 500 : POLL_MS));
  }
  throw new Error(`post ${postId}: no recording within ${TIMEOUT_MS / 1000} s`);
}

function sampleOf(db: Db, postId: number, started: number): { engine: string; sample: AudioSample } {
  const secondsToReady = (performance.now() - started) / 1000;
  const row = db.$client.prepare("select engine, bytes, duration_ms as durationMs, cpu_ms as cpuMs from post_audio where post_id = ? and language = 'vi'").get(postId) as {
    engine: string;
    bytes: number;
    durationMs: number;
    cpuMs: number;
  };
  const source = readSpeechSource(db, postId);
  return {
    engine: row.engine,
    sample: {
      postId,
      words: source ? countWords(articleSpeechText(source.article)) : 0,
      secondsToReady: round(secondsToReady),
      cpuSeconds: round(row.cpuMs / 1000),
      bytes: row.bytes,
      audioSeconds: round(row.durationMs / 1000, 1),
    },
  };
}

/** A save of the probe post, then its recording; then `requests` archive posts asked for as the player asks. */
export async function measureAudio(db: Db, probe: PublishProbe, origin: string, requests = 3): Promise<AudioResults> {
  const started = performance.now();
  await timePublish(probe, origin, "audio");
  await untilReady(db, probe.postId);
  const { engine, sample: afterPublish } = sampleOf(db, probe.postId, started);

  const now = Date.now();
  const archive = db.$client
    .prepare(
      `select p.id from posts p left join post_audio a on a.post_id = p.id
       where p.status = 'published' and p.published_at <= ? and p.deleted_at is null and a.post_id is null
       order by p.published_at desc limit ? offset 20`,
    )
    .all(now, requests) as { id: number }[];
  const onRequest: AudioSample[] = [];
  for (const { id } of archive) {
    const asked = performance.now();
    const ask = () => fetch(`${origin}/api/audio/${id}/vi`, { method: "POST", headers: { origin, accept: "application/json" } }).then((r) => r.text());
    await untilReady(db, id, ask);
    onRequest.push(sampleOf(db, id, asked).sample);
  }
  return { engine, afterPublish, onRequest };
}
