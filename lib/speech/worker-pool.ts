import "server-only";
import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

// A few worker processes, each doing one job at a time, for CPU-heavy work that must stay off the
// server's event loop. Bounded: at most `size` workers, at most `maxQueue` jobs waiting. A job that
// runs past its time, or is cancelled while running, costs its worker (killing it is the only way to
// stop WebAssembly); a worker idle for `idleMs` is ended.
//
// Processes rather than worker threads: measured on a 1,400-word article, an eSpeak worker thread
// grew the server's resident memory by 150 MiB while it ran and left 90 MiB behind after it ended;
// a process gives all of it back when it exits, and a crash or an out-of-memory in the engine cannot
// take the server down with it. The cost is about 0.1 s to start one, once per burst of jobs.

export type WorkerPoolOptions = {
  url: URL;
  size: number;
  timeoutMs: number;
  idleMs: number;
  maxQueue: number;
  /** Heap limit of each worker (--max-old-space-size); WebAssembly memory and buffers are outside it. */
  maxOldGenerationSizeMb?: number;
};

export type WorkerPoolErrorKind = "busy" | "timeout" | "aborted" | "crashed" | "closed" | "failed";

export class WorkerPoolError extends Error {
  constructor(
    readonly kind: WorkerPoolErrorKind,
    message: string,
  ) {
    super(message);
    this.name = "WorkerPoolError";
  }
}

type Reply = { id: number; ok: boolean; message?: string } & Record<string, unknown>;
type Task = {
  id: number;
  job: Record<string, unknown>;
  resolve: (reply: Reply) => void;
  reject: (error: WorkerPoolError) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
};
type Slot = { worker: ChildProcess; task: Task | null; timer?: NodeJS.Timeout; idle?: NodeJS.Timeout };

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: WorkerPoolOptions) {}

  /** Runs one job; the worker answers `{ id, ok: true, … }` or `{ id, ok: false, message }`. */
  run(job: Record<string, unknown>, signal?: AbortSignal): Promise<Reply> {
    if (this.closed) return Promise.reject(new WorkerPoolError("closed", "The worker pool is closed"));
    if (signal?.aborted) return Promise.reject(new WorkerPoolError("aborted", "Cancelled before it started"));
    if (this.queue.length >= this.options.maxQueue) return Promise.reject(new WorkerPoolError("busy", "Too many jobs are waiting"));
    return new Promise<Reply>((resolve, reject) => {
      const task: Task = { id: this.nextId++, job, resolve, reject, signal };
      if (signal) {
        task.onAbort = () => this.abort(task);
        signal.addEventListener("abort", task.onAbort, { once: true });
      }
      this.queue.push(task);
      this.pump();
    });
  }

  /** Ends every worker; waiting and running jobs are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) this.settle(task, new WorkerPoolError("closed", "The worker pool was closed"));
    await Promise.all(this.slots.slice().map((slot) => this.retire(slot, new WorkerPoolError("closed", "The worker pool was closed"))));
  }

  /** Workers alive now (for tests and health). */
  get workers(): number {
    return this.slots.length;
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => !s.task);
      if (!slot) {
        if (this.slots.length >= this.options.size) return;
        slot = this.spawn();
      }
      this.start(slot, this.queue.shift()!);
    }
  }

  private spawn(): Slot {
    const worker = fork(fileURLToPath(this.options.url), [], {
      // The worker is plain JavaScript: none of the server's own loaders or flags.
      execArgv: this.options.maxOldGenerationSizeMb ? [`--max-old-space-size=${this.options.maxOldGenerationSizeMb}`] : [],
      // Structured clone over the channel, so bytes travel as a Uint8Array rather than as JSON.
      serialization: "advanced",
      stdio: ["ignore", "ignore", "ignore", "ipc"],
    });
    const slot: Slot = { worker, task: null };
    worker.on("message", (reply: Reply) => {
      const task = slot.task;
      if (!task || reply?.id !== task.id) return;
      this.finish(slot);
      if (reply.ok) task.resolve(reply);
      else this.settle(task, new WorkerPoolError("failed", reply.message ?? "The job failed"));
      this.pump();
    });
    worker.on("error", (error) => void this.retire(slot, new WorkerPoolError("crashed", error.message)));
    worker.on("exit", (code, signal) => void this.retire(slot, new WorkerPoolError("crashed", `The worker stopped (${signal ?? `exit code ${code}`})`)));
    this.slots.push(slot);
    return slot;
  }

  /** Whether a worker keeps the server process alive: while it has a job, not while it waits for one. */
  private hold(slot: Slot, held: boolean): void {
    if (held) {
      slot.worker.ref();
      slot.worker.channel?.ref();
    } else {
      slot.worker.unref();
      slot.worker.channel?.unref();
    }
  }

  private start(slot: Slot, task: Task): void {
    clearTimeout(slot.idle);
    slot.task = task;
    this.hold(slot, true);
    slot.timer = setTimeout(() => void this.retire(slot, new WorkerPoolError("timeout", `No answer within ${this.options.timeoutMs} ms`)), this.options.timeoutMs);
    slot.worker.send({ ...task.job, id: task.id }, (error) => {
      if (error) void this.retire(slot, new WorkerPoolError("crashed", error.message));
    });
  }

  /** The slot's job is over: wait for the next, or end the worker after a while. */
  private finish(slot: Slot): void {
    clearTimeout(slot.timer);
    const task = slot.task;
    slot.task = null;
    if (task?.onAbort) task.signal?.removeEventListener("abort", task.onAbort);
    this.hold(slot, false);
    slot.idle = setTimeout(() => void this.retire(slot, null), this.options.idleMs);
    slot.idle.unref();
  }

  /** Takes a worker out of the pool (killing it if needed) and fails the job it was doing. */
  private async retire(slot: Slot, error: WorkerPoolError | null): Promise<void> {
    const index = this.slots.indexOf(slot);
    if (index === -1) return;
    this.slots.splice(index, 1);
    clearTimeout(slot.timer);
    clearTimeout(slot.idle);
    const task = slot.task;
    slot.task = null;
    if (task) this.settle(task, error ?? new WorkerPoolError("crashed", "The worker stopped"));
    if (slot.worker.exitCode === null && slot.worker.signalCode === null) {
      const exited = new Promise<void>((resolve) => slot.worker.once("exit", () => resolve()));
      slot.worker.kill("SIGKILL");
      await exited;
    }
    if (!this.closed) this.pump();
  }

  private abort(task: Task): void {
    const queued = this.queue.indexOf(task);
    if (queued !== -1) {
      this.queue.splice(queued, 1);
      this.settle(task, new WorkerPoolError("aborted", "Cancelled before it started"));
      return;
    }
    const slot = this.slots.find((s) => s.task === task);
    if (slot) void this.retire(slot, new WorkerPoolError("aborted", "Cancelled while running"));
  }

  private settle(task: Task, error: WorkerPoolError): void {
    if (task.onAbort) task.signal?.removeEventListener("abort", task.onAbort);
    task.reject(error);
  }
}
