import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  canonicalDateTime,
  displayDateTime,
  formatVietnamDateTime,
  instantOf,
  parseDateInput,
  parseDateTimeInput,
  spokenDay,
} from "@/lib/vi/date-time-input";

// 10:00 on 15/06/2026 in Vietnam.
const NOW = new Date("2026-06-15T03:00:00Z");
const at = (year: number, month: number, day: number, hour: number, minute: number, second = 0) => ({ ok: true, value: { year, month, day, hour, minute, second } });

describe("typed dates and times (the admin's date field)", () => {
  it.each([
    ["31/12/2020 17:12", at(2020, 12, 31, 17, 12)],
    ["  31/12/2020   17:12 ", at(2020, 12, 31, 17, 12)],
    ["31/12/2020 17:12:30", at(2020, 12, 31, 17, 12, 30)],
    ["1/2/2021 8:05", at(2021, 2, 1, 8, 5)],
    ["31/12/20 17h12", at(2020, 12, 31, 17, 12)],
    ["31/12 17h12", at(2026, 12, 31, 17, 12)],
    ["31/12 17h", at(2026, 12, 31, 17, 0)],
    ["31.12.2020 17:12", at(2020, 12, 31, 17, 12)],
    ["17h12 ngày 31/12/2020", at(2020, 12, 31, 17, 12)],
    ["31/12/2020 lúc 17 giờ 12 phút", at(2020, 12, 31, 17, 12)],
    ["31/12/2020, 17:12", at(2020, 12, 31, 17, 12)],
    ["31/12/2020 5:12 CH", at(2020, 12, 31, 17, 12)],
    ["31/12/2020 12:30 SA", at(2020, 12, 31, 0, 30)],
    ["31/12/2020 05:12 chiều", at(2020, 12, 31, 17, 12)],
    ["2020-12-31T17:12", at(2020, 12, 31, 17, 12)],
    ["2020-12-31T17:12:30", at(2020, 12, 31, 17, 12, 30)],
    ["2020-12-31 17:12", at(2020, 12, 31, 17, 12)],
  ])("reads %j", (input, expected) => {
    expect(parseDateTimeInput(input, NOW)).toEqual(expected);
  });

  it("says in Vietnamese what is wrong", () => {
    expect(parseDateTimeInput("ngày mai", NOW)).toEqual({ ok: false, message: "Không đọc được “ngày mai”. Hãy nhập ngày/tháng/năm giờ:phút, ví dụ 31/12/2025 08:30." });
    expect(parseDateTimeInput("31/12/2020", NOW)).toEqual({ ok: false, message: "Hãy nhập cả giờ, ví dụ 31/12/2025 08:30." });
    expect(parseDateTimeInput("31/02/2021 08:00", NOW)).toEqual({ ok: false, message: "Ngày 31/02/2021 không có trên lịch." });
    expect(parseDateTimeInput("29/02/2023 08:00", NOW)).toMatchObject({ ok: false });
    expect(parseDateTimeInput("29/02/2024 08:00", NOW)).toMatchObject({ ok: true });
    expect(parseDateTimeInput("31/12/2020 25:00", NOW)).toEqual({ ok: false, message: "Giờ 25:00 không hợp lệ: giờ từ 00 đến 23, phút từ 00 đến 59." });
    expect(parseDateTimeInput("31/12/2020 17:60", NOW)).toMatchObject({ ok: false });
    expect(parseDateTimeInput("31/12/2020 17:12 CH", NOW)).toMatchObject({ ok: false });
    expect(parseDateTimeInput("31/12/0020 17:12", NOW)).toEqual({ ok: false, message: "Năm phải có bốn chữ số, từ 1900 đến 2999." });
    expect(parseDateTimeInput("31/12/2020 17:12 abc", NOW)).toMatchObject({ ok: false });
    expect(parseDateTimeInput("12/31/2020 5:12 PM", NOW)).toEqual({ ok: false, message: "Ngày 12/31/2020 không có trên lịch." });
    expect(parseDateTimeInput("", NOW)).toMatchObject({ ok: false });
  });

  it("shows and sends one form: dd/mm/yyyy HH:mm shown, yyyy-mm-ddTHH:mm sent", () => {
    const value = parseDateTimeInput("31/12 17h12", NOW);
    expect(value.ok && canonicalDateTime(value.value)).toBe("2026-12-31T17:12");
    expect(displayDateTime("2026-12-31T17:12")).toBe("31/12/2026 17:12");
    expect(displayDateTime("2026-12-31T17:12:05")).toBe("31/12/2026 17:12:05");
    expect(displayDateTime("not a date")).toBe("not a date");
    expect(instantOf({ year: 2020, month: 12, day: 31, hour: 17, minute: 12, second: 0 }).toISOString()).toBe("2020-12-31T10:12:00.000Z");
  });

  it("formats instants in Vietnam time whatever the zone", () => {
    expect(formatVietnamDateTime(new Date("2020-12-31T10:12:05Z"))).toBe("31/12/2020 17:12");
    expect(formatVietnamDateTime(new Date("2020-12-31T17:12:05Z"), { seconds: true })).toBe("01/01/2021 00:12:05");
  });
});

describe("typed days (the list filters)", () => {
  it("reads days and refuses what is not one", () => {
    expect(parseDateInput("31/12/2020", NOW)).toEqual({ ok: true, value: { year: 2020, month: 12, day: 31 } });
    expect(parseDateInput("31/12", NOW)).toEqual({ ok: true, value: { year: 2026, month: 12, day: 31 } });
    expect(parseDateInput("2020-12-31", NOW)).toEqual({ ok: true, value: { year: 2020, month: 12, day: 31 } });
    expect(parseDateInput("31-12-2026", NOW)).toMatchObject({ ok: false });
    expect(parseDateInput("31/12/2020 17:12", NOW)).toMatchObject({ ok: false });
    expect(parseDateInput("30/02/2020", NOW)).toEqual({ ok: false, message: "Ngày 30/02/2020 không có trên lịch." });
  });
});

describe("calendar arithmetic", () => {
  it("moves by days and months and names days for screen readers", () => {
    expect(addDays({ year: 2020, month: 12, day: 31 }, 1)).toEqual({ year: 2021, month: 1, day: 1 });
    expect(addMonths({ year: 2024, month: 1, day: 31 }, 1)).toEqual({ year: 2024, month: 2, day: 29 });
    expect(addMonths({ year: 2024, month: 1, day: 15 }, -1)).toEqual({ year: 2023, month: 12, day: 15 });
    expect(spokenDay({ year: 2020, month: 12, day: 31 })).toBe("Thứ năm, 31 tháng 12 năm 2020");
    expect(spokenDay({ year: 2026, month: 6, day: 14 })).toBe("Chủ nhật, 14 tháng 6 năm 2026");
  });
});
