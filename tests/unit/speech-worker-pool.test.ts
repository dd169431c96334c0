import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { WorkerPool, WorkerPoolError, type WorkerPoolOptions } from "@/lib/speech/worker-pool";

const url = pathToFileURL(path.join(process.cwd(), "tests", "fixtures", "speech", "test-worker.mjs"));
const pools: WorkerPool[] = [];
const pool = (options: Partial<WorkerPoolOptions> = {}) => {
  const p = new WorkerPool({ url, size: 1, timeoutMs: 5000, idleMs: 5000, maxQueue: 10, ...options });
  pools.push(p);
  return p;
};
const kindOf = (promise: Promise<unknown>) => promise.then(() => "ok", (e: unknown) => (e instanceof WorkerPoolError ? e.kind : `other: ${String(e)}`));

afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

describe("the worker pool", () => {
  it("never runs more workers than its size, and runs every job", async () => {
    const p = pool({ size: 2 });
    let most = 0;
    const jobs = Array.from({ length: 6 }, () => p.run({ ms: 40 }).finally(() => (most = Math.max(most, p.workers))));
    most = Math.max(most, p.workers);
    const replies = await Promise.all(jobs);
    expect(replies.every((r) => r.ok)).toBe(true);
    expect(most).toBeLessThanOrEqual(2);
    expect(new Set(replies.map((r) => r.pid)).size).toBeLessThanOrEqual(2);
  });

  it("refuses work past its queue as busy", async () => {
    const p = pool({ maxQueue: 2 });
    const running = p.run({ ms: 100 });
    const waiting = [p.run({ ms: 1 }), p.run({ ms: 1 })];
    expect(await kindOf(p.run({ ms: 1 }))).toBe("busy");
    await Promise.all([running, ...waiting]);
  });

  it("kills a worker that runs past its time, and keeps serving with a new one", async () => {
    // Long enough for a new worker to start on a loaded machine.
    const p = pool({ timeoutMs: 1_500 });
    expect(await kindOf(p.run({ action: "spin" }))).toBe("timeout");
    expect((await p.run({ ms: 1 })).ok).toBe(true);
  });

  it("reports a job the worker failed, a worker that exits and a worker that throws", async () => {
    const p = pool();
    expect(await kindOf(p.run({ action: "fail" }))).toBe("failed");
    expect(await kindOf(p.run({ action: "exit" }))).toBe("crashed");
    expect(await kindOf(p.run({ action: "throw" }))).toBe("crashed");
    expect((await p.run({ ms: 1 })).ok).toBe(true);
  });

  it("cancels a waiting job and a running one", async () => {
    const p = pool();
    const first = new AbortController();
    const second = new AbortController();
    const running = p.run({ action: "spin" }, first.signal);
    const waiting = p.run({ ms: 1 }, second.signal);
    second.abort();
    expect(await kindOf(waiting)).toBe("aborted");
    first.abort();
    expect(await kindOf(running)).toBe("aborted");
    expect(await kindOf(p.run({ ms: 1 }, AbortSignal.abort()))).toBe("aborted");
    expect((await p.run({ ms: 1 })).ok).toBe(true);
  });

  it("ends idle workers, and refuses work once closed", async () => {
    const p = pool({ idleMs: 50 });
    await p.run({ ms: 1 });
    expect(p.workers).toBe(1);
    await new Promise((r) => setTimeout(r, 200));
    expect(p.workers).toBe(0);
    const pending = kindOf(p.run({ ms: 500 }));
    await p.close();
    expect(await pending).toBe("closed");
    expect(await kindOf(p.run({ ms: 1 }))).toBe("closed");
  });
});
