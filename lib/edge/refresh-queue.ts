/**
 * The refreshes a process still has to send to the caches in front, the pages that changed ahead of
 * the lists that show them. A change's own page goes first even while an earlier change's lists
 * are still being refreshed: those lists are many (every article of a category shows its other
 * news) and each is a render, and readers of the changed page must not wait behind them, nor share
 * the cores with them. Lists take at most `restAtOnce` lanes, so renders for readers keep the rest of
 * the machine.
 */
type Work = () => Promise<string | null>;
type Job = { key: string; urgent: boolean; work: Work; done: Promise<string | null>; finish: (failure: string | null) => void };

export class RefreshQueue {
  private readonly first: Job[] = [];
  private readonly rest: Job[] = [];
  private readonly waiting = new Map<string, Job>();
  private running = 0;
  private runningRest = 0;

  constructor(
    private readonly atOnce: number,
    private readonly restAtOnce: number,
  ) {}

  /**
   * Queues `work` (resolving to a failure message, or null) under `key`, unless the same key is
   * already waiting: then that one is shared, moved ahead if this one is urgent. Resolves when done.
   */
  add(key: string, urgent: boolean, work: Work): Promise<string | null> {
    const queued = this.waiting.get(key);
    if (queued) {
      if (urgent && !queued.urgent) {
        this.rest.splice(this.rest.indexOf(queued), 1);
        queued.urgent = true;
        this.first.push(queued);
        this.pump();
      }
      return queued.done;
    }
    let finish: Job["finish"] = () => {};
    const done = new Promise<string | null>((resolve) => (finish = resolve));
    const job: Job = { key, urgent, work, done, finish };
    this.waiting.set(key, job);
    (urgent ? this.first : this.rest).push(job);
    this.pump();
    return done;
  }

  private pump(): void {
    while (this.running < this.atOnce) {
      // Lists start only once no changed page is being refreshed: each is a render, and on two cores
      // the renders of a change's lists beside its page made the page reach readers later.
      const urgentRunning = this.running - this.runningRest;
      const job = this.first.shift() ?? (this.runningRest < this.restAtOnce && urgentRunning === 0 ? this.rest.shift() : undefined);
      if (!job) return;
      this.waiting.delete(job.key);
      const asRest = !job.urgent;
      this.running++;
      if (asRest) this.runningRest++;
      void job
        .work()
        .catch((error: unknown) => String((error as Error)?.message ?? error))
        .then((failure) => {
          this.running--;
          if (asRest) this.runningRest--;
          job.finish(failure);
          this.pump();
        });
    }
  }
}
