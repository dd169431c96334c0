import { describe, expect, it } from "vitest";
import {
  formatDateLine,
  parseDateLine,
  parseDateLineDetailed,
  toVietnamIso,
} from "@/lib/vi/date-line";

const at = (iso: string) => new Date(iso);

describe("formatDateLine", () => {
  it.each([
    // 10:00 in Vietnam on 27/12/2020 (a Sunday) … 02/01/2021 (a Saturday)
    ["2020-12-27T03:00:00Z", "CN, 27/12/2020 | 10:00 SA"],
    ["2020-12-28T03:00:00Z", "Th 2, 28/12/2020 | 10:00 SA"],
    ["2020-12-29T03:00:00Z", "Th 3, 29/12/2020 | 10:00 SA"],
    ["2020-12-30T03:00:00Z", "Th 4, 30/12/2020 | 10:00 SA"],
    ["2020-12-31T03:00:00Z", "Th 5, 31/12/2020 | 10:00 SA"],
    ["2021-01-01T03:00:00Z", "Th 6, 01/01/2021 | 10:00 SA"],
    ["2021-01-02T03:00:00Z", "Th 7, 02/01/2021 | 10:00 SA"],
  ])("weekday of %s", (iso, expected) => {
    expect(formatDateLine(at(iso))).toBe(expected);
  });

  it("matches the product brief examples", () => {
    expect(formatDateLine(at("2020-12-31T10:12:00Z"))).toBe("Th 5, 31/12/2020 | 17:12 CH");
    expect(formatDateLine(at("2020-06-19T04:39:00Z"))).toBe("Th 6, 19/06/2020 | 11:39 SA");
    expect(formatDateLine(at("2017-08-16T11:52:00Z"))).toBe("Th 4, 16/08/2017 | 18:52 CH");
  });

  it("uses a 24-hour clock with SA before noon and CH from noon", () => {
    expect(formatDateLine(at("2020-12-30T17:00:00Z"))).toBe("Th 5, 31/12/2020 | 00:00 SA");
    expect(formatDateLine(at("2020-12-31T04:59:00Z"))).toBe("Th 5, 31/12/2020 | 11:59 SA");
    expect(formatDateLine(at("2020-12-31T05:00:00Z"))).toBe("Th 5, 31/12/2020 | 12:00 CH");
    expect(formatDateLine(at("2020-12-31T16:59:00Z"))).toBe("Th 5, 31/12/2020 | 23:59 CH");
  });

  it("rolls over to the next day, month and year in Vietnam", () => {
    expect(formatDateLine(at("2020-12-31T18:30:00Z"))).toBe("Th 6, 01/01/2021 | 01:30 SA");
    expect(formatDateLine(at("2020-02-29T17:00:00Z"))).toBe("CN, 01/03/2020 | 00:00 SA");
  });

  it("does not depend on the process time zone offset of the instant", () => {
    expect(formatDateLine(at("2020-12-31T17:12:00+07:00"))).toBe("Th 5, 31/12/2020 | 17:12 CH");
  });

  it("rejects an invalid date", () => {
    expect(() => formatDateLine(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe("parseDateLine", () => {
  it.each([
    ["Th 5, 31/12/2020 | 17:12 CH", "2020-12-31T10:12:00.000Z"],
    ["Th 4, 16/08/2017 | 18:52 CH", "2017-08-16T11:52:00.000Z"],
    ["Th 6, 19/06/2020 | 11:39 SA", "2020-06-19T04:39:00.000Z"],
  ])("parses the sample line %s", (line, iso) => {
    expect(parseDateLine(line)?.toISOString()).toBe(iso);
  });

  it("round-trips formatDateLine (minute precision)", () => {
    const start = Date.UTC(2016, 0, 1, 0, 7);
    // Irregular step so that every hour, weekday and month boundary gets visited.
    for (let t = start; t < start + 3 * 366 * 86_400_000; t += 37 * 3_600_000 + 13 * 60_000) {
      const instant = new Date(t);
      expect(parseDateLine(formatDateLine(instant))?.getTime()).toBe(t);
    }
  });

  it.each([
    "Th5, 31/12/2020 | 17:12 CH",
    "Th 5,31/12/2020|17:12CH",
    "  Th 5 ,  31/12/2020   |   17:12   CH  ",
    "Th\u00A05,\u00A031/12/2020\u00A0|\u00A017:12\u00A0CH",
    "\uFEFFTh 5, 31/12/2020 | 17:12 CH",
    "Thứ 5, 31/12/2020 | 17:12 CH",
    "Thứ năm, 31/12/2020 | 17:12 CH",
    "THỨ NĂM, 31/12/2020 | 17:12 ch",
    "thứ năm 31/12/2020 17:12",
    "Thứ năm, 31/12/2020 | 17:12".normalize("NFD"),
    "31/12/2020 | 17:12 CH",
    "31/12/2020 17:12",
    "Th 5, 31-12-2020 | 17:12 CH",
    "Th 5, 31.12.2020 | 17:12 CH",
    "Th 5, 31/12/2020 - 17:12 CH",
    "Th 5, 31/12/2020 | 17h12",
    "Th 5, 31/12/2020 | 5:12 CH",
    "Th 5, 31/12/2020 | 05:12 CH",
  ])("accepts the variant %j", (line) => {
    expect(parseDateLine(line)?.toISOString()).toBe("2020-12-31T10:12:00.000Z");
  });

  it.each([
    ["CN, 27/12/2020 | 08:00 SA", "2020-12-27T01:00:00.000Z"],
    ["Chủ nhật, 27/12/2020 | 08:00 SA", "2020-12-27T01:00:00.000Z"],
    ["chủ nhật 27/12/2020 8:00", "2020-12-27T01:00:00.000Z"],
    ["Thứ hai, 28/12/2020 | 08:00 SA", "2020-12-28T01:00:00.000Z"],
    ["Thứ tư, 30/12/2020 | 08:00 SA", "2020-12-30T01:00:00.000Z"],
    ["Thứ bảy, 02/01/2021 | 08:00 SA", "2021-01-02T01:00:00.000Z"],
    ["Th 7, 2/1/2021 | 8:05 SA", "2021-01-02T01:05:00.000Z"],
    ["Th 5, 31/12/2020 | 00:00 SA", "2020-12-30T17:00:00.000Z"],
    ["Th 5, 31/12/2020 | 12:00 SA", "2020-12-30T17:00:00.000Z"],
    ["Th 5, 31/12/2020 | 12:30 CH", "2020-12-31T05:30:00.000Z"],
    ["Th 5, 31/12/2020 | 9:05 SA", "2020-12-31T02:05:00.000Z"],
    ["Th 5, 31/12/2020 | 23:59 CH", "2020-12-31T16:59:00.000Z"],
    ["Th 7, 29/02/2020 | 10:00 SA", "2020-02-29T03:00:00.000Z"],
  ])("parses %j", (line, iso) => {
    expect(parseDateLine(line)?.toISOString()).toBe(iso);
  });

  it.each([
    "",
    "   ",
    "Xem với cỡ chữ Đọc bài viết Tương phản",
    "Hội nghị tổng kết công tác năm 2020",
    "Th 5, 31/12/2020",
    "Th 5, 31/02/2020 | 10:00 SA",
    "Th 2, 29/02/2021 | 10:00 SA",
    "Th 5, 32/12/2020 | 10:00 SA",
    "Th 5, 31/13/2020 | 10:00 SA",
    "Th 5, 00/12/2020 | 10:00 SA",
    "Th 5, 31/12/2020 | 24:00 CH",
    "Th 5, 31/12/2020 | 25:10",
    "Th 5, 31/12/2020 | 17:60 CH",
    "Th 9, 31/12/2020 | 17:12 CH",
    "Th 5, 31/12/20 | 17:12 CH",
    "Th 5, 31/12/2020 | 17:12 CH Hội nghị",
  ])("rejects %j", (line) => {
    expect(parseDateLine(line)).toBeNull();
  });

  it("reports the written and the actual weekday", () => {
    const parsed = parseDateLineDetailed("Th 2, 31/12/2020 | 17:12 CH");
    expect(parsed?.instant.toISOString()).toBe("2020-12-31T10:12:00.000Z");
    expect(parsed?.writtenWeekday).toBe(1);
    expect(parsed?.actualWeekday).toBe(4);
    expect(parseDateLineDetailed("31/12/2020 | 17:12")?.writtenWeekday).toBeNull();
    expect(parseDateLineDetailed("CN, 27/12/2020 | 08:00 SA")?.writtenWeekday).toBe(0);
  });

  it("keeps a 24-hour value under a contradictory SA suffix, and flags it", () => {
    const parsed = parseDateLineDetailed("Th 5, 31/12/2020 | 17:12 SA");
    expect(parsed?.instant.toISOString()).toBe("2020-12-31T10:12:00.000Z");
    expect(parsed?.periodConsistent).toBe(false);
    expect(parseDateLineDetailed("Th 5, 31/12/2020 | 17:12 CH")?.periodConsistent).toBe(true);
  });
});

describe("toVietnamIso", () => {
  it("writes the +07:00 offset with seconds", () => {
    expect(toVietnamIso(at("2020-12-31T10:12:00Z"))).toBe("2020-12-31T17:12:00+07:00");
    expect(toVietnamIso(at("2020-12-31T18:30:45Z"))).toBe("2021-01-01T01:30:45+07:00");
    expect(toVietnamIso(at("2020-12-30T17:00:00Z"))).toBe("2020-12-31T00:00:00+07:00");
  });

  it("denotes the same instant", () => {
    const instant = at("2019-03-04T22:05:09Z");
    expect(new Date(toVietnamIso(instant)).getTime()).toBe(instant.getTime());
  });
});
