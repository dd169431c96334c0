import { describe, expect, it } from "vitest";
import { autosaveStatusText, formatVietnamClock, formatVietnamMoment, retryDelayMs } from "@/lib/editor/autosave-status";

describe("the autosave status line", () => {
  it("shows the time in Vietnam (UTC+7), 24-hour, whatever the zone", () => {
    expect(formatVietnamClock(new Date("2025-07-01T07:05:00Z"))).toBe("14:05");
    expect(formatVietnamClock(new Date("2025-07-01T17:30:59Z"))).toBe("00:30");
    expect(formatVietnamMoment(new Date("2025-12-31T17:30:00Z"))).toBe("00:30 ngày 01/01/2026");
  });

  it("says each state in Vietnamese", () => {
    const at = new Date("2025-07-01T07:05:00Z");
    expect(autosaveStatusText({ kind: "saving" })).toBe("Đang lưu…");
    expect(autosaveStatusText({ kind: "saved", at })).toBe("Đã lưu lúc 14:05");
    expect(autosaveStatusText({ kind: "saved", at, aside: true })).toBe("Đã lưu lúc 14:05 (bản nháp riêng, chưa đăng lên trang)");
    expect(autosaveStatusText({ kind: "retrying" })).toBe("Chưa lưu được – đang thử lại");
    expect(autosaveStatusText({ kind: "offline" })).toBe("Mất kết nối – các thay đổi được giữ trên máy này");
    expect(autosaveStatusText({ kind: "conflict" })).toMatch(/người khác sửa/);
    expect(autosaveStatusText({ kind: "signedOut" })).toMatch(/đăng nhập lại/);
    expect(autosaveStatusText({ kind: "refused", message: "Vui lòng nhập tiêu đề." })).toBe("Chưa lưu tự động: Vui lòng nhập tiêu đề.");
    expect(autosaveStatusText({ kind: "local", at })).toMatch(/^Đã giữ trên máy này lúc 14:05/);
    expect(autosaveStatusText({ kind: "idle" })).toBe("");
  });

  it("backs off between retries, up to a minute", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 10].map(retryDelayMs)).toEqual([2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000]);
  });
});
