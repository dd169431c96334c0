import { describe, expect, it } from "vitest";
import { readSearchForm, searchHref } from "@/lib/search/params";
import { parseCalendarDay, vietnamDayEnd, vietnamDayStart } from "@/lib/vi/calendar-day";

const SLUGS = ["hoat-dong-dang-doan-the", "thi-dua-khen-thuong"];

describe("readSearchForm", () => {
  it("reads the query, filters and page", () => {
    expect(
      readSearchForm({ q: "  hội nghị ", "chuyen-muc": "thi-dua-khen-thuong", "tu-ngay": "2020-01-01", "den-ngay": "31/12/2020", trang: "2" }, SLUGS),
    ).toEqual({ q: "hội nghị", categorySlug: "thi-dua-khen-thuong", from: "2020-01-01", to: "2020-12-31", page: 2, problems: [] });
  });

  it("takes the first of repeated parameters", () => {
    expect(readSearchForm({ q: ["a", "b"] }, SLUGS).q).toBe("a");
  });

  it("drops what it cannot use, explaining why in Vietnamese", () => {
    const form = readSearchForm({ "chuyen-muc": "khong-co", "tu-ngay": "2020-02-30", "den-ngay": "hôm qua", trang: "-1" }, SLUGS);
    expect(form).toMatchObject({ q: "", categorySlug: undefined, from: undefined, to: undefined, page: 1 });
    expect(form.problems).toEqual([
      "Không có chuyên mục này; đang tìm trong tất cả chuyên mục.",
      "“Từ ngày” không phải một ngày hợp lệ; bộ lọc này bị bỏ qua.",
      "“Đến ngày” không phải một ngày hợp lệ; bộ lọc này bị bỏ qua.",
    ]);
  });

  it("warns when the range is backwards", () => {
    expect(readSearchForm({ "tu-ngay": "2021-01-01", "den-ngay": "2020-01-01" }, SLUGS).problems).toEqual([
      "“Từ ngày” đang sau “Đến ngày”, nên không có bài viết nào khớp.",
    ]);
  });

  it.each(["0", "1.5", "abc", "99999999", ""])("reads page %j as 1", (trang) => {
    expect(readSearchForm({ trang }, SLUGS).page).toBe(1);
  });
});

describe("searchHref", () => {
  it("keeps the filters and leaves page 1 without `trang`", () => {
    const form = { q: "hội nghị", categorySlug: "thi-dua-khen-thuong", from: "2020-01-01", to: "2020-12-31" };
    expect(searchHref(form, 1)).toBe("/tim-kiem?q=h%E1%BB%99i+ngh%E1%BB%8B&chuyen-muc=thi-dua-khen-thuong&tu-ngay=2020-01-01&den-ngay=2020-12-31");
    const url = new URL(searchHref(form, 3), "http://x");
    expect(Object.fromEntries(url.searchParams)).toEqual({ q: "hội nghị", "chuyen-muc": "thi-dua-khen-thuong", "tu-ngay": "2020-01-01", "den-ngay": "2020-12-31", trang: "3" });
    expect(searchHref({ q: "" })).toBe("/tim-kiem");
  });

  it("round-trips through readSearchForm", () => {
    const form = { q: 'a "b c" & d=e', categorySlug: "hoat-dong-dang-doan-the", from: "2019-05-01", to: undefined };
    const url = new URL(searchHref(form, 2), "http://x");
    const raw = Object.fromEntries(url.searchParams);
    expect(readSearchForm(raw, SLUGS)).toEqual({ ...form, page: 2, problems: [] });
  });
});

describe("Vietnam calendar days", () => {
  it("start at 00:00 and end at 23:59:59.999 in UTC+7", () => {
    expect(vietnamDayStart("2020-12-31")?.toISOString()).toBe("2020-12-30T17:00:00.000Z");
    expect(vietnamDayEnd("2020-12-31")?.toISOString()).toBe("2020-12-31T16:59:59.999Z");
    expect(vietnamDayStart("2021-02-29")).toBeNull();
  });

  it("accept the ISO form and the Vietnamese dd/mm/yyyy", () => {
    expect(parseCalendarDay("2020-12-31")).toBe("2020-12-31");
    expect(parseCalendarDay(" 1/2/2021 ")).toBe("2021-02-01");
    expect(parseCalendarDay("31/02/2021")).toBeNull();
    expect(parseCalendarDay("12-31-2020")).toBeNull();
  });
});
