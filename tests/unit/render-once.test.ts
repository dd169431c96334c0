import { EventEmitter } from "node:events";
import type { ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { renderOnce } from "@/lib/server/render-once";

// What renderOnce uses of a response: 'close' and whether its client is gone.
const response = () => Object.assign(new EventEmitter(), { destroyed: false }) as unknown as ServerResponse & EventEmitter & { destroyed: boolean };
const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("renderOnce", () => {
  it("has a request that comes during a render wait for it and answer from its copy", async () => {
    let kept = false;
    const renders: string[] = [];
    const served: string[] = [];
    const render = (who: string) => async () => {
      renders.push(who);
      await later(30);
      kept = true;
    };
    const serveKept = (who: string) => () => (kept ? (served.push(who), true) : false);
    await Promise.all([renderOnce("/a", response(), serveKept("first"), render("first")), renderOnce("/a", response(), serveKept("second"), render("second"))]);
    expect(renders).toEqual(["first"]);
    expect(served).toEqual(["second"]);
  });

  it("renders pages under other keys side by side", async () => {
    const renders: string[] = [];
    const render = (key: string) => async () => {
      renders.push(`start ${key}`);
      await later(20);
      renders.push(`end ${key}`);
    };
    await Promise.all([renderOnce("/a", response(), () => false, render("/a")), renderOnce("/b", response(), () => false, render("/b"))]);
    expect(renders).toEqual(["start /a", "start /b", "end /a", "end /b"]);
  });

  it("stops waiting for a render that does not end and renders itself; one waiter takes over, the others wait for it", async () => {
    const renders: string[] = [];
    let kept = false;
    void renderOnce("/stuck", response(), () => false, () => (renders.push("stuck"), new Promise(() => undefined)), 40);
    const waiters = ["w1", "w2", "w3"].map((who) =>
      renderOnce("/stuck", response(), () => kept, async () => {
        renders.push(who);
        await later(30);
        kept = true;
      }, 40),
    );
    await Promise.all(waiters);
    expect(renders).toEqual(["stuck", "w1"]);
  });

  it("lets its waiters go when the leader's client goes away, and a waiter whose client left renders nothing", async () => {
    const leader = response();
    const renders: string[] = [];
    void renderOnce("/left", leader, () => false, () => (renders.push("leader"), new Promise(() => undefined)), 60_000);
    const gone = response();
    const staying = renderOnce("/left", response(), () => false, async () => void renders.push("staying"), 60_000);
    const leaving = renderOnce("/left", gone, () => false, async () => void renders.push("gone"), 60_000);
    gone.destroyed = true;
    leader.emit("close");
    await Promise.all([staying, leaving]);
    expect(renders).toEqual(["leader", "staying"]);
  });
});
