import "server-only";
import { createAudioEngine } from "@/lib/audio/engine";
import { audioDirectory } from "@/lib/audio/files";
import { createAudioJob, type AudioJob } from "@/lib/audio/job";
import { readAudioSettings } from "@/lib/config/audio";
import type { Db } from "@/lib/dal/connection";

// One audio job per process, made on first use from the settings (none when AUDIO_ENGINE=off).
const holder = globalThis as unknown as { __cmsAudioJob?: AudioJob | null };

function audioJob(): AudioJob | null {
  if (holder.__cmsAudioJob === undefined) {
    const settings = readAudioSettings();
    const engine = createAudioEngine(settings);
    holder.__cmsAudioJob = engine ? createAudioJob({ engine, maxBytes: settings.maxBytes, concurrency: settings.concurrency, directory: audioDirectory() }) : null;
  }
  return holder.__cmsAudioJob;
}

/** lib/jobs/index.ts runs this every second: read-aloud audio for what is queued (lib/audio/job.ts). */
export async function makeReadAloudAudio(db: Db, now: Date): Promise<void> {
  await audioJob()?.run(db, now);
}

/** At shutdown, before the jobs are awaited: a synthesis under way is cancelled rather than waited for. */
export async function stopReadAloudAudio(): Promise<void> {
  await holder.__cmsAudioJob?.stop();
}
