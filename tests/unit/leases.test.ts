import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/lib/dal/connection";
import { claimLease, readLease, releaseLease } from "@/lib/dal/leases/queries";

let dir: string;
let db: Db;
let other: Db;
const a = { id: "may:101:aaaa", pid: 101 };
const b = { id: "may:102:bbbb", pid: 102 };
const t = (s: number) => new Date(Date.UTC(2026, 11, 3, 3, 0, s));

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cms-lease-"));
  db = openDb(path.join(dir, "cms.db"));
  other = openDb(path.join(dir, "cms.db")); // a second process's connection
});
afterEach(() => {
  db.$client.close();
  other.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("the background lease", () => {
  it("is held by one process at a time, renewed by its holder", () => {
    expect(claimLease(db, "background", a, 6000, t(0), { litestream: { pid: 7 } })).toMatchObject({ held: true, takenFrom: null });
    expect(claimLease(other, "background", b, 6000, t(1))).toMatchObject({ held: false, current: { holder: a.id, pid: 101 } });
    expect(claimLease(db, "background", a, 6000, t(4))).toMatchObject({ held: true, since: t(0) });
    expect(claimLease(other, "background", b, 6000, t(9))).toMatchObject({ held: false }); // renewed at 4 s: held until 10 s
    expect(readLease(other, "background")?.detail).toEqual({ litestream: { pid: 7 } }); // a renewal without detail keeps it
  });

  it("passes to another process once the holder stops renewing, with what the holder left", () => {
    claimLease(db, "background", a, 6000, t(0), { litestream: { pid: 7 } });
    const taken = claimLease(other, "background", b, 6000, t(7));
    expect(taken).toMatchObject({ held: true, since: t(7), takenFrom: { holder: a.id, detail: { litestream: { pid: 7 } } } });
    expect(claimLease(db, "background", a, 6000, t(8))).toMatchObject({ held: false, current: { holder: b.id } });
  });

  it("is given up at once by a clean stop, the row and its detail kept", () => {
    claimLease(db, "background", a, 6000, t(0), { litestream: { pid: 7 } });
    releaseLease(other, "background", b.id, t(1)); // not the holder: nothing happens
    expect(claimLease(other, "background", b, 6000, t(1))).toMatchObject({ held: false });
    releaseLease(db, "background", a.id, t(2));
    expect(claimLease(other, "background", b, 6000, t(2))).toMatchObject({ held: true, takenFrom: { detail: { litestream: { pid: 7 } } } });
  });
});
