import { describe, expect, it } from "vitest";
import {
  checkValidityDates,
  nextValidityChange,
  parseValidityStatus,
  presentValidity,
  resolveValidity,
  validityText,
  vietnamToday,
  VALIDITY_STATUSES,
  type ValidityInput,
} from "@/lib/documents/status";

// 17:00 UTC is midnight in Vietnam (UTC+7, no daylight saving).
const VN_MIDNIGHT_2024_01_15 = new Date("2024-01-14T17:00:00.000Z");
const JUST_BEFORE = new Date(VN_MIDNIGHT_2024_01_15.getTime() - 1);

const input = (values: Partial<ValidityInput>): ValidityInput => ({ effectiveFrom: null, effectiveUntil: null, manualStatus: null, ...values });

describe("vietnamToday", () => {
  it("turns over at midnight Vietnam time, 17:00 UTC", () => {
    expect(vietnamToday(JUST_BEFORE)).toBe("2024-01-14");
    expect(vietnamToday(VN_MIDNIGHT_2024_01_15)).toBe("2024-01-15");
    expect(vietnamToday(new Date("2024-01-15T16:59:59.999Z"))).toBe("2024-01-15");
    expect(vietnamToday(new Date("2023-12-31T17:00:00Z"))).toBe("2024-01-01");
  });
});

describe("resolveValidity from the dates", () => {
  // Thông tư 23/2023/TT-BKHCN took effect on 15/01/2024.
  const circular = input({ effectiveFrom: "2024-01-15" });

  it("is not yet effective until the effective day starts in Vietnam, then in force", () => {
    expect(resolveValidity(circular, JUST_BEFORE)).toEqual({ status: "not_yet_effective", basis: "dates", overruled: null });
    expect(resolveValidity(circular, VN_MIDNIGHT_2024_01_15)).toEqual({ status: "in_force", basis: "dates", overruled: null });
  });

  it("is expired from the first moment of the expiry day (the day the replacement takes effect)", () => {
    // Nghị định 103/2006/NĐ-CP ended when 65/2023/NĐ-CP took effect on 23/08/2023.
    const decree = input({ effectiveFrom: "2006-10-20", effectiveUntil: "2023-08-23" });
    expect(resolveValidity(decree, new Date("2023-08-22T16:59:59.999Z")).status).toBe("in_force");
    expect(resolveValidity(decree, new Date("2023-08-22T17:00:00.000Z"))).toEqual({ status: "expired", basis: "dates", overruled: null });
  });

  it("knows nothing without a date or a setting, rather than guessing 'in force'", () => {
    expect(resolveValidity(input({}), VN_MIDNIGHT_2024_01_15)).toEqual({ status: null, basis: "none", overruled: null });
    expect(presentValidity(null).vi).toBe("Chưa xác định");
  });

  it("is expired by an expiry date alone", () => {
    expect(resolveValidity(input({ effectiveUntil: "2024-01-15" }), VN_MIDNIGHT_2024_01_15).status).toBe("expired");
    expect(resolveValidity(input({ effectiveUntil: "2024-01-15" }), JUST_BEFORE)).toEqual({ status: null, basis: "none", overruled: null });
  });
});

describe("resolveValidity with a staff setting", () => {
  const at = VN_MIDNIGHT_2024_01_15;

  it("takes 'partly expired' only from the setting, while the dates allow it", () => {
    expect(resolveValidity(input({ effectiveFrom: "2006-07-01", manualStatus: "partly_expired" }), at)).toEqual({
      status: "partly_expired",
      basis: "manual",
      overruled: null,
    });
    expect(resolveValidity(input({ manualStatus: "partly_expired" }), at).status).toBe("partly_expired");
  });

  it("lets the expiry date win over any other setting, and says which setting it overruled", () => {
    expect(resolveValidity(input({ effectiveUntil: "2024-01-15", manualStatus: "partly_expired" }), at)).toEqual({
      status: "expired",
      basis: "dates",
      overruled: "partly_expired",
    });
    expect(resolveValidity(input({ effectiveUntil: "2024-01-15", manualStatus: "in_force" }), at).overruled).toBe("in_force");
  });

  it("lets a setting of 'expired' win even before the document took effect (annulled early)", () => {
    expect(resolveValidity(input({ effectiveFrom: "2030-01-01", manualStatus: "expired" }), at)).toEqual({
      status: "expired",
      basis: "manual",
      overruled: null,
    });
  });

  it("lets a future effective date win over 'in force' or 'partly expired' set by hand", () => {
    expect(resolveValidity(input({ effectiveFrom: "2024-01-16", manualStatus: "in_force" }), at)).toEqual({
      status: "not_yet_effective",
      basis: "dates",
      overruled: "in_force",
    });
    expect(resolveValidity(input({ effectiveFrom: "2024-01-16", manualStatus: "partly_expired" }), at).status).toBe("not_yet_effective");
  });

  it("uses 'not yet effective' or 'in force' set by hand when there is no date, and overrules the former once the date has passed", () => {
    expect(resolveValidity(input({ manualStatus: "not_yet_effective" }), at).status).toBe("not_yet_effective");
    expect(resolveValidity(input({ manualStatus: "in_force" }), at)).toEqual({ status: "in_force", basis: "manual", overruled: null });
    expect(resolveValidity(input({ effectiveFrom: "2024-01-15", manualStatus: "not_yet_effective" }), at)).toEqual({
      status: "in_force",
      basis: "dates",
      overruled: "not_yet_effective",
    });
  });
});

describe("nextValidityChange", () => {
  it("is the Vietnam midnight of the next date ahead, for refreshing cached pages", () => {
    const dates = { effectiveFrom: "2024-01-15", effectiveUntil: "2025-07-01" };
    expect(nextValidityChange(dates, JUST_BEFORE)).toEqual(VN_MIDNIGHT_2024_01_15);
    expect(nextValidityChange(dates, VN_MIDNIGHT_2024_01_15)).toEqual(new Date("2025-06-30T17:00:00.000Z"));
    expect(nextValidityChange(dates, new Date("2025-06-30T17:00:00.000Z"))).toBeNull();
    expect(nextValidityChange({ effectiveFrom: null, effectiveUntil: null }, JUST_BEFORE)).toBeNull();
  });
});

describe("presentation", () => {
  it("gives every status a Vietnamese and an English label and a distinct icon and symbol", () => {
    const shown = VALIDITY_STATUSES.map(presentValidity);
    expect(shown.map((p) => p.vi)).toEqual(["Chưa có hiệu lực", "Còn hiệu lực", "Hết hiệu lực một phần", "Hết hiệu lực toàn bộ"]);
    expect(shown.every((p) => p.en.length > 0)).toBe(true);
    expect(new Set(shown.map((p) => p.icon)).size).toBe(4);
    expect(new Set(shown.map((p) => p.symbol)).size).toBe(4);
    expect(validityText("in_force")).toBe("✓ Còn hiệu lực");
    expect(validityText("expired", "en")).toBe("✕ No longer in force");
  });

  it.each([
    ["Còn hiệu lực", "in_force"],
    ["con hieu luc", "in_force"],
    ["  CÒN   HIỆU LỰC ", "in_force"],
    ["Hết hiệu lực một phần", "partly_expired"],
    ["het hieu luc mot phan", "partly_expired"],
    ["Hết hiệu lực toàn bộ", "expired"],
    ["Hết hiệu lực", "expired"],
    ["Chưa có hiệu lực", "not_yet_effective"],
    ["in force", "in_force"],
    ["partly_expired", "partly_expired"],
  ])("reads %j as %s", (text, status) => {
    expect(parseValidityStatus(text)).toBe(status);
  });

  it.each(["", "còn", "hiệu lực", "đang xem xét"])("does not read %j", (text) => {
    expect(parseValidityStatus(text)).toBeNull();
  });
});

describe("checkValidityDates", () => {
  it("refuses an expiry on or before the effective day or the issue day, and warns of retroactive effect", () => {
    expect(checkValidityDates({ issuedOn: "2023-08-23", effectiveFrom: "2023-08-23", effectiveUntil: null })).toEqual({ errors: [], warnings: [] });
    expect(checkValidityDates({ issuedOn: "2023-08-23", effectiveFrom: "2023-09-01", effectiveUntil: "2023-09-01" }).errors).toEqual([
      "Ngày hết hiệu lực phải sau ngày có hiệu lực.",
    ]);
    expect(checkValidityDates({ issuedOn: "2023-08-23", effectiveFrom: null, effectiveUntil: "2023-08-01" }).errors).toEqual([
      "Ngày hết hiệu lực phải sau ngày ban hành.",
    ]);
    expect(checkValidityDates({ issuedOn: "2023-08-23", effectiveFrom: "2023-08-01", effectiveUntil: null }).warnings).toHaveLength(1);
  });
});
