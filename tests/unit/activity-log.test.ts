import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/lib/dal/connection";
import { activityLog, users } from "@/db/schema";
import { ACTIVITY_LABELS, logActivity } from "@/lib/dal/activity/log";
import { createTempDatabase } from "./helpers/temp-db";

let db: Db;
let cleanup: () => void;
beforeEach(() => ({ db, cleanup } = createTempDatabase()));
afterEach(() => cleanup());

const entries = () => db.select().from(activityLog).orderBy(activityLog.id).all();

describe("activity log", () => {
  it("appends entries with the actor's name copied and the IP kept", () => {
    const { id } = db.insert(users).values({ email: "a@cuc.vn", name: "Nguyễn Văn A" }).returning({ id: users.id }).get();
    logActivity(db, { actor: null, action: "auth.sign-in-failed", objectType: "email", objectId: "ai.do@cuc.vn", ip: "203.0.113.5" });
    logActivity(db, { actor: { id, name: "Nguyễn Văn A" }, action: "user.update", objectType: "user", objectId: id, summary: "Đổi tên" });
    const [failed, update] = entries();
    expect(failed).toMatchObject({ actorId: null, actorName: "", action: "auth.sign-in-failed", objectId: "ai.do@cuc.vn", ip: "203.0.113.5" });
    expect(update).toMatchObject({ actorId: id, actorName: "Nguyễn Văn A", objectType: "user", objectId: String(id), summary: "Đổi tên" });
    expect(update!.createdAt).toBeInstanceOf(Date);
  });

  it("refuses UPDATE, through drizzle and in plain SQL", () => {
    logActivity(db, { actor: null, action: "auth.sign-in", ip: "10.0.0.1" });
    // eslint-disable-next-line drizzle/enforce-update-with-where -- an update of every row is exactly what must be refused
    expect(() => db.update(activityLog).set({ ip: "0.0.0.0" }).run()).toThrow(/append-only/);
    expect(() => db.update(activityLog).set({ summary: "sửa" }).where(eq(activityLog.action, "auth.sign-in")).run()).toThrow(/append-only/);
    expect(() => db.$client.prepare("UPDATE activity_log SET action = 'x'").run()).toThrow(/append-only/);
    expect(entries()[0]).toMatchObject({ ip: "10.0.0.1", summary: "", action: "auth.sign-in" });
  });

  it("refuses DELETE, through drizzle and in plain SQL", () => {
    logActivity(db, { actor: null, action: "auth.sign-in" });
    logActivity(db, { actor: null, action: "auth.sign-out" });
    // eslint-disable-next-line drizzle/enforce-delete-with-where -- deleting every row is exactly what must be refused
    expect(() => db.delete(activityLog).run()).toThrow(/append-only/);
    expect(() => db.delete(activityLog).where(eq(activityLog.action, "auth.sign-in")).run()).toThrow(/append-only/);
    expect(() => db.$client.prepare("DELETE FROM activity_log").run()).toThrow(/append-only/);
    expect(entries()).toHaveLength(2);
  });

  it("a refused change inside a transaction rolls the whole transaction back", () => {
    expect(() =>
      db.transaction((tx) => {
        logActivity(tx, { actor: null, action: "settings.update" });
        tx.delete(activityLog).where(eq(activityLog.action, "settings.update")).run();
      }),
    ).toThrow(/append-only/);
    expect(entries()).toHaveLength(0);
  });

  it("has a Vietnamese label for every action", () => {
    for (const [action, label] of Object.entries(ACTIVITY_LABELS)) {
      expect(label.trim(), action).not.toBe("");
      expect(label, action).not.toMatch(/^[a-z.-]+$/);
    }
  });
});
