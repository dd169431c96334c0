import { describe, expect, it } from "vitest";
import { foldForSearch } from "@/lib/vi/fold";
import { cleanLine, toNFC } from "@/lib/vi/text";

describe("toNFC", () => {
  it("composes decomposed Vietnamese", () => {
    const nfd = "Hội nghị".normalize("NFD");
    expect(nfd).not.toBe("Hội nghị");
    expect(toNFC(nfd)).toBe("Hội nghị");
    expect(toNFC(nfd).length).toBe(8);
  });
});

describe("cleanLine", () => {
  it("returns NFC", () => {
    expect(cleanLine("Đảng bộ Cục Sở hữu trí tuệ".normalize("NFD"))).toBe("Đảng bộ Cục Sở hữu trí tuệ");
  });

  it("turns NBSP and other Unicode spaces into plain spaces and collapses runs", () => {
    expect(cleanLine("Toàn cảnh Hội nghị\u00A0")).toBe("Toàn cảnh Hội nghị");
    expect(cleanLine("\u00A0Bà Lê Ngân Giang")).toBe("Bà Lê Ngân Giang");
    expect(cleanLine("chiều\u00A0sâu")).toBe("chiều sâu");
    expect(cleanLine("a\u2002b\u2003c\u202Fd\u3000e\tf \u00A0 g")).toBe("a b c d e f g");
    expect(cleanLine("\u00A0")).toBe("");
    expect(cleanLine("   ")).toBe("");
  });

  it("removes zero-width characters and the BOM", () => {
    expect(cleanLine("\uFEFFTh 5")).toBe("Th 5");
    expect(cleanLine("Hội\u200B nghị\u200C\u200D\u2060")).toBe("Hội nghị");
    expect(cleanLine("\u200B")).toBe("");
  });

  it("lets a combining mark separated by a zero-width character compose", () => {
    expect(cleanLine("Ho\u200B\u0302\u0323i")).toBe("Hội");
  });
});

describe("foldForSearch", () => {
  it("ignores diacritics and case", () => {
    expect(foldForSearch("Hội nghị")).toBe("hoi nghi");
    expect(foldForSearch("Đảng bộ")).toBe("dang bo");
    expect(foldForSearch("ĐẢNG BỘ")).toBe("dang bo");
  });

  it("gives the same key for NFC and NFD input", () => {
    const text = "Thi đua – Khen thưởng, Sở hữu trí tuệ";
    expect(foldForSearch(text.normalize("NFD"))).toBe(foldForSearch(text.normalize("NFC")));
  });

  it("collapses whitespace", () => {
    expect(foldForSearch("  Hội \u00A0 nghị\n tổng  kết ")).toBe("hoi nghi tong ket");
  });

  it("lets a folded query match folded text", () => {
    expect(foldForSearch("Hội nghị tổng kết của Đảng bộ Cục").includes(foldForSearch("hoi nghi"))).toBe(true);
    expect(foldForSearch("Đảng bộ Cục").includes(foldForSearch("dang bo"))).toBe(true);
  });
});
