import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/lib/dal/connection";
import { lockEnd, recordSignInAttempt, signInLock, THROTTLE } from "@/lib/dal/auth/throttle";
import { createTempDatabase } from "./helpers/temp-db";

const MIN = 60_000;
const t0 = new Date("2026-11-21T08:00:00Z").getTime();
const at = (minutes: number) => new Date(t0 + minutes * MIN);

let db: Db;
let cleanup: () => void;
beforeEach(() => ({ db, cleanup } = createTempDatabase()));
afterEach(() => cleanup());

const fail = (minutes: number, email = "a@cuc.vn", ip = "10.0.0.1") =>
  recordSignInAttempt(db, { email, ip, outcome: "failure" }, { now: at(minutes) });

describe("lockEnd", () => {
  it("locks for 15 minutes from the failure that reached the limit within the window", () => {
    const times = [0, 1, 2, 3, 4].map((m) => t0 + m * MIN);
    expect(lockEnd(times, 5, t0 + 5 * MIN)).toBe(t0 + 4 * MIN + THROTTLE.lockMs);
    expect(lockEnd(times, 5, t0 + 19 * MIN + 1)).toBeNull();
  });
  it("does not lock when the failures are spread wider than the window", () => {
    const times = [0, 4, 8, 12, 16].map((m) => t0 + m * MIN);
    expect(lockEnd(times, 5, t0 + 16 * MIN)).toBeNull();
  });
});

describe("signInLock", () => {
  it("allows four failures and locks the account at the fifth, for 15 minutes", () => {
    for (let m = 0; m < 4; m++) fail(m);
    expect(signInLock(db, "a@cuc.vn", "10.0.0.9", { now: at(4) })).toBeNull();
    fail(4);
    expect(signInLock(db, "a@cuc.vn", "10.0.0.9", { now: at(5) })).toEqual(at(19));
    expect(signInLock(db, "a@cuc.vn", "10.0.0.9", { now: at(18.9) })).not.toBeNull();
    expect(signInLock(db, "a@cuc.vn", "10.0.0.9", { now: at(19.1) })).toBeNull();
  });

  it("counts unknown e-mails like known ones, and other accounts stay open", () => {
    for (let m = 0; m < 5; m++) fail(m, "khong-ton-tai@cuc.vn");
    expect(signInLock(db, "khong-ton-tai@cuc.vn", "10.0.0.2", { now: at(5) })).not.toBeNull();
    expect(signInLock(db, "b@cuc.vn", "10.0.0.2", { now: at(5) })).toBeNull();
  });

  it("a success resets the account's count", () => {
    for (let m = 0; m < 4; m++) fail(m);
    recordSignInAttempt(db, { email: "a@cuc.vn", ip: "10.0.0.1", outcome: "success" }, { now: at(4) });
    fail(5);
    expect(signInLock(db, "a@cuc.vn", "10.0.0.1", { now: at(6) })).toBeNull();
  });

  it("locks an IP after 20 failures across accounts, even for an account that never failed", () => {
    for (let i = 0; i < 20; i++) fail(i * 0.5, `nguoi${i}@cuc.vn`, "203.0.113.7");
    expect(signInLock(db, "moi@cuc.vn", "203.0.113.7", { now: at(10) })).toEqual(at(9.5 + 15));
    expect(signInLock(db, "moi@cuc.vn", "203.0.113.8", { now: at(10) })).toBeNull();
  });

  it("locked attempts do not extend the lock", () => {
    for (let m = 0; m < 5; m++) fail(m);
    recordSignInAttempt(db, { email: "a@cuc.vn", ip: "10.0.0.1", outcome: "locked" }, { now: at(10) });
    expect(signInLock(db, "a@cuc.vn", "10.0.0.1", { now: at(19.5) })).toBeNull();
  });
});
