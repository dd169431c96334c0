import "server-only";
import type { Db } from "@/lib/dal/connection";

/** Background work the server does on its own, with nobody signed in and no request to trigger it. */
export type Job = {
  name: string;
  everyMs: number;
  run: (db: Db, now: Date) => void | Promise<void>;
};

const state = globalThis as unknown as { __cmsJobs?: { timers: NodeJS.Timeout[]; running: Set<Promise<void>> } };

/**
 * Runs each job at once (work that fell due while the server was down is done right after start),
 * then every `everyMs`. A run never overlaps the previous one of the same job, and a failure is
 * logged and retried at the next tick instead of stopping the loop.
 */
export function startJobs(db: Db, jobs: readonly Job[]): void {
  if (state.__cmsJobs) return;
  const jobsState = { timers: [] as NodeJS.Timeout[], running: new Set<Promise<void>>() };
  state.__cmsJobs = jobsState;
  for (const job of jobs) {
    let busy = false;
    const run = async () => {
      try {
        await job.run(db, new Date());
      } catch (error) {
        console.error(`[jobs] ${job.name} failed`, error);
      } finally {
        busy = false;
      }
    };
    const tick = () => {
      if (busy) return;
      busy = true;
      const running = run();
      jobsState.running.add(running);
      void running.finally(() => jobsState.running.delete(running));
    };
    jobsState.timers.push(setInterval(tick, job.everyMs).unref());
    tick();
  }
}

/**
 * At shutdown, or when this process stops being the one that runs them (lib/jobs/leader.ts): no
 * new runs, and the ones under way (a backup, say) finish before the database closes.
 */
export async function stopJobs(): Promise<void> {
  const jobsState = state.__cmsJobs;
  if (!jobsState) return;
  state.__cmsJobs = undefined;
  for (const timer of jobsState.timers) clearInterval(timer);
  await Promise.all(jobsState.running);
}
