import { describe, expect, it } from "vitest";
import { RefreshQueue } from "@/lib/edge/refresh-queue";

/** Work that finishes when the test says so, noting when it started. */
function gate(log: string[], name: string) {
  let open: (failure: string | null) => void = () => {};
  const opened = new Promise<string | null>((resolve) => (open = resolve));
  return {
    work: () => {
      log.push(name);
      return opened;
    },
    open: (failure: string | null = null) => open(failure),
  };
}
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("the queue of refreshes for caches in front", () => {
  it("sends a changed page ahead of an earlier change's lists still waiting", async () => {
    const queue = new RefreshQueue(1, 1);
    const started: string[] = [];
    const gates = Object.fromEntries(["list-1", "list-2", "list-3", "article"].map((name) => [name, gate(started, name)]));
    const done = ["list-1", "list-2", "list-3"].map((name) => queue.add(name, false, gates[name]!.work));
    const article = queue.add("article", true, gates.article!.work);
    expect(started).toEqual(["list-1"]);
    gates["list-1"]!.open();
    await settle();
    expect(started).toEqual(["list-1", "article"]);
    gates.article!.open();
    await expect(article).resolves.toBeNull();
    gates["list-2"]!.open();
    gates["list-3"]!.open("HTTP 502");
    await expect(Promise.all(done)).resolves.toEqual([null, null, "HTTP 502"]);
    expect(started).toEqual(["list-1", "article", "list-2", "list-3"]);
  });

  it("gives lists at most their own lanes, leaving the others for changed pages, and starts no list while a changed page is refreshed", async () => {
    const queue = new RefreshQueue(4, 2);
    const started: string[] = [];
    const lists = ["a", "b", "c", "d"].map((name) => gate(started, name));
    lists.forEach((list, i) => void queue.add(`list-${i}`, false, list.work));
    expect(started).toEqual(["a", "b"]);
    const pages = ["p", "q"].map((name) => gate(started, name));
    pages.forEach((page, i) => void queue.add(`page-${i}`, true, page.work));
    expect(started).toEqual(["a", "b", "p", "q"]);
    lists[0]!.open();
    await settle();
    expect(started).toEqual(["a", "b", "p", "q"]);
    pages[0]!.open();
    await settle();
    expect(started).toEqual(["a", "b", "p", "q"]);
    pages[1]!.open();
    await settle();
    expect(started).toEqual(["a", "b", "p", "q", "c"]);
  });

  it("refreshes an address waiting twice only once, moved ahead when a change makes it urgent", async () => {
    const queue = new RefreshQueue(1, 1);
    const started: string[] = [];
    const busy = gate(started, "busy");
    void queue.add("busy", true, busy.work);
    const waitingList = gate(started, "other");
    const once = gate(started, "/tin-tuc/a");
    const first = queue.add("other", false, waitingList.work);
    const second = queue.add("/tin-tuc/a", false, once.work);
    const again = queue.add("/tin-tuc/a", true, gate(started, "never").work);
    busy.open();
    await settle();
    expect(started).toEqual(["busy", "/tin-tuc/a"]);
    once.open();
    waitingList.open();
    await expect(Promise.all([first, second, again])).resolves.toEqual([null, null, null]);
    expect(started).toEqual(["busy", "/tin-tuc/a", "other"]);
  });

  it("asks again for an address already being refreshed: that answer may predate the new change", async () => {
    const queue = new RefreshQueue(2, 2);
    const started: string[] = [];
    const running = gate(started, "first");
    void queue.add("/tin-tuc/a", true, running.work);
    const next = gate(started, "second");
    void queue.add("/tin-tuc/a", true, next.work);
    expect(started).toEqual(["first", "second"]);
  });

  it("reports work that throws as a failure and goes on", async () => {
    const queue = new RefreshQueue(1, 1);
    await expect(queue.add("x", true, () => Promise.reject(new Error("ECONNREFUSED")))).resolves.toBe("ECONNREFUSED");
    await expect(queue.add("y", true, () => Promise.resolve(null))).resolves.toBeNull();
  });
});
