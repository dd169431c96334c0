import fs from "node:fs";
import path from "node:path";
import { count } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { posts } from "@/db/schema";
import type { Db } from "@/lib/dal/connection";
import { findingLine, findingsSummary } from "@/lib/legacy/accessibility";
import { importLegacyText } from "@/lib/legacy/import";
import { BASE_LINES, CAPTION, DATE, LEAD, P1, P2, SOURCE, TITLE, TOOLBAR, exportOf } from "./helpers/legacy-export";
import { createTempDatabase } from "./helpers/temp-db";

let db: Db;
let cleanup: () => void;
beforeEach(() => ({ db, cleanup } = createTempDatabase()));
afterEach(() => cleanup());

const SHOUTING = "TOÀN THỂ CÁN BỘ, ĐẢNG VIÊN CỤC QUYẾT TÂM HOÀN THÀNH XUẤT SẮC NHIỆM VỤ NĂM 2021.";
const PHOTO = "https://ipvietnam.gov.vn/documents/20182/0/hoi-nghi-tong-ket.jpg";

describe("the importer's accessibility checks", () => {
  it("report what the editor's checks find in each imported body, and import it anyway", () => {
    const text = exportOf([DATE, TOOLBAR, TITLE, LEAD, P1, PHOTO, CAPTION, SHOUTING, P2, SOURCE]);
    const outcome = importLegacyText(db, { file: "hoi-nghi.txt", text });
    expect(outcome.status).toBe("imported");
    if (outcome.status !== "imported") return;
    // The photo's alt text is its caption (all an export has), and one paragraph is in capitals: both warnings.
    expect(outcome.accessibility.map((f) => [f.key, f.severity])).toEqual([
      ["alt-repeats-caption", "warning"],
      ["all-capitals", "warning"],
    ]);
    expect(outcome.accessibility[1]).toEqual({ key: "all-capitals", severity: "warning", label: "Đoạn văn thứ 2 viết toàn chữ in hoa.", detail: expect.stringContaining("Viết chữ thường") });
    expect(db.select({ n: count() }).from(posts).get()?.n).toBe(1);
    expect(findingLine("hoi-nghi.txt", outcome.accessibility[1]!)).toBe(`hoi-nghi.txt: khả năng tiếp cận (cảnh báo): Đoạn văn thứ 2 viết toàn chữ in hoa. ${outcome.accessibility[1]!.detail}`);
    expect(findingsSummary(1, outcome.accessibility)).toBe("Khả năng tiếp cận: 1 tệp có điểm cần sửa (0 lỗi, 2 cảnh báo); bài vẫn được nhập, sửa trong trình soạn thảo.");
  });

  it("find nothing in a clean export or in the agency's samples, and are not run again on a skipped file", () => {
    const clean = importLegacyText(db, { file: "a.txt", text: exportOf(BASE_LINES) });
    expect(clean).toMatchObject({ status: "imported", accessibility: [] });
    for (const file of fs.readdirSync(path.join("samples", "legacy-export"))) {
      const outcome = importLegacyText(db, { file, text: fs.readFileSync(path.join("samples", "legacy-export", file), "utf8") });
      expect(outcome).toMatchObject({ status: "imported", accessibility: [] });
    }
    const again = importLegacyText(db, { file: "a.txt", text: exportOf(BASE_LINES) });
    expect(again.status).toBe("skipped");
    expect(again).not.toHaveProperty("accessibility");
    expect(findingsSummary(0, [])).toBeNull();
  });
});
