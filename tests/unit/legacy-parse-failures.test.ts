import { describe, expect, it } from "vitest";
import { LEGACY_FAILURE, parseLegacyExport } from "@/lib/legacy/parse";
import type { LegacyParseResult } from "@/lib/legacy/types";
import { BASE_LINES, DATE, exportOf, LEAD, P1, P2, SOURCE, TITLE, TOOLBAR } from "./helpers/legacy-export";

describe("parseLegacyExport failures are reported, not thrown", () => {
  it.each([
    ["an empty file", "", LEGACY_FAILURE.empty],
    ["a whitespace-only file", " \r\n\u00A0\n\uFEFF\n\t", LEGACY_FAILURE.empty],
    ["a file without a date line", exportOf(BASE_LINES.slice(1)), LEGACY_FAILURE.noDate],
    ["a file whose date is deep inside", exportOf([TITLE, LEAD, P1, DATE, SOURCE]), LEGACY_FAILURE.noDate],
    ["an impossible date", exportOf(["Th 5, 31/02/2020 | 17:12 CH", ...BASE_LINES.slice(1)]), LEGACY_FAILURE.noDate],
    ["a date line only", DATE, LEGACY_FAILURE.noTitle],
    ["a date line and the toolbar only", exportOf([DATE, TOOLBAR]), LEGACY_FAILURE.noTitle],
    ["a title only", exportOf([DATE, TOOLBAR, TITLE]), LEGACY_FAILURE.noBody],
    ["a title and a source only", exportOf([DATE, TOOLBAR, TITLE, SOURCE]), LEGACY_FAILURE.noBody],
    ["a title and a paragraph only", exportOf([DATE, TOOLBAR, TITLE, LEAD]), LEGACY_FAILURE.noSource],
    ["a last line that is a paragraph", exportOf([DATE, TITLE, LEAD, P1, P2]), LEGACY_FAILURE.noSource],
  ])("%s", (_, text, reason) => {
    let result: LegacyParseResult | undefined;
    expect(() => {
      result = parseLegacyExport(text);
    }).not.toThrow();
    expect(result).toEqual({ ok: false, reason });
  });

  it("gives human-readable Vietnamese reasons", () => {
    expect(LEGACY_FAILURE.noDate).toContain("Không tìm thấy dòng ngày giờ ở đầu tệp");
    for (const reason of Object.values(LEGACY_FAILURE)) expect(reason).toMatch(/[ơưạảấầẫậếệịọốồộớờợụủứừữựđ]/i);
  });
});
