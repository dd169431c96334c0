import "server-only";
import type { AppDatabase } from "@/db";

/** Background work the server does on its own, with nobody signed in and no request to trigger it. */
export type Job = {
  name: string;
  everyMs: number;
  run: (db: AppDatabase, now: Date) => void | Promise<void>;
};

const state = globalThis as unknown as { __cmsJobs?: boolean };

/**
 * Runs each job at once (work that fell due while the server was down is done right after start),
 * then every `everyMs`. A run never overlaps the previous one of the same job, and a failure is
 * logged and retried at the next tick instead of stopping the loop.
 */
export function startJobs(db: AppDatabase, jobs: readonly Job[]): void {
  if (state.__cmsJobs) return;
  state.__cmsJobs = true;
  for (const job of jobs) {
    let busy = false;
    const tick = async () => {
      if (busy) return;
      busy = true;
      try {
        await job.run(db, new Date());
      } catch (error) {
        console.error(`[jobs] ${job.name} failed`, error);
      } finally {
        busy = false;
      }
    };
    setInterval(tick, job.everyMs).unref();
    void tick();
  }
}
