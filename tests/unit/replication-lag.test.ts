import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { replicationHealth, type ReplicationStatus } from "@/lib/replication/status";
import { covers, formatPosition, LagTracker, parsePosition, scanWal } from "@/lib/replication/wal-position";

const gen = "9d1e1a2b3c4d5e6f";
const at = (index: number, offset: number, generation = gen) => ({ generation, index, offset });

describe("the WAL's committed end", () => {
  it("follows commits, ignores frames of an open transaction and notices a restart", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cms-wal-"));
    const file = path.join(dir, "t.db");
    const writer = new Database(file);
    writer.pragma("journal_mode = WAL");
    writer.pragma("wal_autocheckpoint = 0");
    writer.exec("CREATE TABLE t (x TEXT)");
    const first = scanWal(`${file}-wal`)!;
    expect(first.pageSize).toBe(4096);
    expect(first.committedEnd).toBeGreaterThan(32);
    writer.prepare("INSERT INTO t VALUES (?)").run("a".repeat(10_000));
    const second = scanWal(`${file}-wal`, first)!;
    expect(second.salt).toBe(first.salt);
    expect(second.committedEnd).toBeGreaterThan(first.committedEnd);
    expect((second.committedEnd - 32) % (24 + 4096)).toBe(0);

    // A restart (checkpoint, then a write from the start of the file) changes the salt.
    writer.pragma("wal_checkpoint(TRUNCATE)");
    writer.prepare("INSERT INTO t VALUES (?)").run("b");
    const third = scanWal(`${file}-wal`, second)!;
    expect(third.salt).not.toBe(second.salt);
    expect(third.committedEnd).toBeLessThan(second.committedEnd);
    writer.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe("positions and the lag", () => {
  it("reads and writes Litestream's notation", () => {
    expect(parsePosition(`${gen}/0000000a:4152`)).toEqual(at(10, 4152));
    expect(formatPosition(at(10, 4152))).toBe(`${gen}/0000000a:4152`);
    expect(parsePosition("không phải")).toBeNull();
  });

  it("orders positions within a generation, and a new generation's snapshot covers older ones", () => {
    expect(covers(at(1, 100), at(1, 100), gen)).toBe(true);
    expect(covers(at(1, 99), at(1, 100), gen)).toBe(false);
    expect(covers(at(2, 32), at(1, 9999), gen)).toBe(true);
    const next = "aaaaaaaaaaaaaaaa";
    expect(covers(at(0, 32, next), at(5, 500), next)).toBe(true);
    expect(covers(at(5, 500), at(0, 32, next), next)).toBe(false);
  });

  it("is the age of the oldest committed write not yet shipped", () => {
    const lag = new LagTracker();
    lag.observe(at(0, 1000), 1_000);
    lag.observe(at(0, 1000), 2_000); // the same position seen again is not a new write
    lag.observe(at(0, 2000), 3_000);
    expect(lag.pendingSince()).toBe(1_000);
    lag.shipped(at(0, 1500));
    expect(lag.pendingSince()).toBe(3_000);
    lag.shipped(at(0, 2000));
    expect(lag.pendingSince()).toBeNull();
    lag.observe(at(0, 2000), 4_000); // already on the replica
    expect(lag.pendingSince()).toBeNull();
    lag.observe(at(1, 4128), 5_000); // after a WAL restart
    lag.shipped(at(0, 2000));
    expect(lag.pendingSince()).toBe(5_000);
    lag.shipped(at(1, 4128));
    expect(lag.pendingSince()).toBeNull();
    expect(lag.lastShipped()).toEqual(at(1, 4128));
  });
});

describe("the published status", () => {
  const now = new Date("2026-12-03T03:00:30Z");
  const status = (over: Partial<ReplicationStatus> = {}): ReplicationStatus => ({
    target: "/mnt/ban-sao",
    running: true,
    lastShipped: { position: `${gen}/00000001:4152`, at: "2026-12-03T03:00:29Z" },
    pendingSince: null,
    lagLimitSeconds: 10,
    error: null,
    media: { pending: 0, copied: 3, lastCopiedAt: null, error: null },
    updatedAt: "2026-12-03T03:00:29Z",
    ...over,
  });

  it("says off, ok, lagging (the lag still growing since the record), error or unknown", () => {
    expect(replicationHealth(null, null, now, false)).toEqual({ state: "off" });
    expect(replicationHealth(status(), 42, now, true)).toMatchObject({ state: "ok", lagSeconds: 0, pid: 42 });
    expect(replicationHealth(status({ pendingSince: "2026-12-03T03:00:15Z" }), 42, now, true)).toMatchObject({ state: "lagging", lagSeconds: 15 });
    expect(replicationHealth(status({ error: { message: "monitor error: dial tcp", at: "2026-12-03T03:00:28Z" } }), 42, now, true)).toMatchObject({ state: "error", error: "monitor error: dial tcp" });
    expect(replicationHealth(status({ running: false }), 42, now, true).state).toBe("error");
    expect(replicationHealth(status({ updatedAt: "2026-12-03T03:00:00Z" }), 42, now, true).state).toBe("unknown");
    expect(replicationHealth(null, null, now, true).state).toBe("unknown");
  });
});
