import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { foldByNormalizing, foldForSearch, foldMarksAndCase } from "@/lib/vi/fold";

// The table-driven fold must give exactly what the definition gives, whatever the text.
describe("foldMarksAndCase", () => {
  it("folds Vietnamese letters, case and đ", () => {
    expect(foldMarksAndCase("Hội nghị TỔNG KẾT Đảng ủy")).toBe("hoi nghi tong ket dang uy");
  });

  it("agrees with the definition on every character of its table, alone and beside others", () => {
    const differing: string[] = [];
    for (let code = 0; code < 0x2100; code++) {
      const ch = String.fromCharCode(code);
      for (const text of [ch, `A${ch}b${ch}Ệ`]) {
        if (foldMarksAndCase(text) !== foldByNormalizing(text)) differing.push(code.toString(16));
      }
    }
    expect(differing).toEqual([]);
  });

  it("agrees on decomposed text, letters folding to two, Greek final sigma, emoji and CJK", () => {
    const texts = [
      "Hội nghị".normalize("NFD"),
      "Straße Æther œuvre þorn",
      "ΟΔΟΣ ΣΟΦΙΑ Σ",
      "Tin 📰 mới: 北京 và Tokyo",
      "İstanbul ı",
      "e\u0323\u0302 (ệ decomposed with its marks in either order) e\u0302\u0323",
      "",
    ];
    for (const text of texts) expect(foldMarksAndCase(text)).toBe(foldByNormalizing(text));
  });

  it("agrees on the agency's real posts", () => {
    const dir = path.resolve(__dirname, "../../samples/legacy-export");
    const texts = fs.readdirSync(dir).map((file) => fs.readFileSync(path.join(dir, file), "utf8"));
    expect(texts.length).toBeGreaterThan(2);
    for (const text of texts) expect(foldMarksAndCase(text)).toBe(foldByNormalizing(text));
  });

  it("keeps foldForSearch's cleaning", () => {
    expect(foldForSearch("  Hội\u00a0nghị  ")).toBe("hoi nghi");
  });
});
