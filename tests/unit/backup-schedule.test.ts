import { describe, expect, it } from "vitest";
import { dailyBackupDue, vietnamDayAndHour } from "@/lib/backup/schedule";

const on = { enabled: true, hour: 2 };

describe("dailyBackupDue", () => {
  it("uses Vietnam time: 19:30 UTC is 02:30 the next day", () => {
    expect(vietnamDayAndHour(new Date("2026-05-01T19:30:00Z"))).toEqual({ day: "2026-05-02", hour: 2 });
  });

  it("runs once a day from the chosen hour, and catches up after downtime", () => {
    expect(dailyBackupDue(on, "2026-05-01", new Date("2026-05-01T18:59:00Z"))).toBe(false); // 01:59 on the 2nd
    expect(dailyBackupDue(on, "2026-05-01", new Date("2026-05-01T19:00:00Z"))).toBe(true); // 02:00 on the 2nd
    expect(dailyBackupDue(on, "2026-05-02", new Date("2026-05-01T19:01:00Z"))).toBe(false); // already done today
    expect(dailyBackupDue(on, "2026-04-28", new Date("2026-05-02T08:00:00Z"))).toBe(true); // server was down at 02:00
    expect(dailyBackupDue(on, null, new Date("2026-05-02T08:00:00Z"))).toBe(true);
  });

  it("never runs when turned off", () => {
    expect(dailyBackupDue({ enabled: false, hour: 0 }, null, new Date("2026-05-02T08:00:00Z"))).toBe(false);
  });
});
