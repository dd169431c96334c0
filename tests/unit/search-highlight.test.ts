import { describe, expect, it } from "vitest";
import { excerpt, highlight, indexOfWords, matchRanges, snippet, type Segment } from "@/lib/search/highlight";
import { buildSearchQuery } from "@/lib/search/query";

const marked = (segments: Segment[]) => segments.filter((s) => s.match).map((s) => s.text);
const joined = (segments: Segment[]) => segments.map((s) => s.text).join("");
const q = (text: string) => buildSearchQuery(text);

const TITLE = "Hội nghị tổng kết công tác năm 2020 và triển khai nhiệm vụ năm 2021 của Đảng bộ Cục Sở hữu trí tuệ";

describe("highlight", () => {
  it("marks the words in their original spelling, with marks", () => {
    const segments = highlight(TITLE, q("hoi nghi tong ket"));
    expect(marked(segments)).toEqual(["Hội", "nghị", "tổng", "kết"]);
    expect(joined(segments)).toBe(TITLE);
  });

  it("marks đ words found by d", () => {
    expect(marked(highlight(TITLE, q("dang bo")))).toEqual(["Đảng", "bộ"]);
  });

  it("marks a phrase as one run, including the space inside it", () => {
    expect(marked(highlight(TITLE, q('"hội nghị tổng kết"')))).toEqual(["Hội nghị tổng kết"]);
  });

  it("marks a phrase only where its words are consecutive", () => {
    const text = "Hội họp nghị sự; sau đó Hội nghị";
    expect(marked(highlight(text, q('"hoi nghi"')))).toEqual(["Hội nghị"]);
  });

  it("marks whole words only, as the index matches them", () => {
    expect(marked(highlight("Hội nghị, hội nghịch, nghị quyết", q("nghi")))).toEqual(["nghị", "nghị"]);
  });

  it("keeps positions right for NFD text, where marks are separate characters", () => {
    const nfd = TITLE.normalize("NFD");
    const segments = highlight(nfd, q("Tổng kết"));
    expect(joined(segments)).toBe(nfd);
    expect(marked(segments).map((s) => s.normalize("NFC"))).toEqual(["tổng", "kết"]);
  });

  it("handles whitespace runs, non-breaking spaces and punctuation around words", () => {
    const text = "Cục\u00A0\u00A0Sở   hữu\n\ttrí tuệ (“Cục SHTT”).";
    expect(marked(highlight(text, q('"so huu tri tue" shtt')))).toEqual(["Sở   hữu\n\ttrí tuệ", "SHTT"]);
    expect(joined(highlight(text, q("cuc")))).toBe(text);
  });

  it("marks letters outside the basic alphabet and emoji neighbours correctly", () => {
    const text = "🙂 Đà Nẵng 🎉 đẹp";
    const segments = highlight(text, q("da nang dep"));
    expect(marked(segments)).toEqual(["Đà", "Nẵng", "đẹp"]);
    expect(joined(segments)).toBe(text);
  });

  it("merges overlapping phrases and terms", () => {
    expect(matchRanges("a b c", { terms: ["b"], phrases: ["a b", "b c"] })).toEqual([[0, 5]]);
  });

  it("returns the text unmarked without a match or a query", () => {
    expect(highlight(TITLE, q("khong co"))).toEqual([{ text: TITLE, match: false }]);
    expect(highlight("", q("a"))).toEqual([]);
  });
});

describe("snippet", () => {
  const long = [
    "Ngày 29/12/2020, Đảng bộ Cục Sở hữu trí tuệ tổ chức Hội nghị tổng kết công tác năm 2020.",
    "Tham dự có các đồng chí trong Ban Chấp hành và đảng viên của các chi bộ trực thuộc.",
    "Trong năm qua, các chi bộ đã bám sát nhiệm vụ chính trị, lãnh đạo cán bộ hoàn thành kế hoạch.",
    "Công tác thi đua khen thưởng được chú trọng, nhiều tập thể và cá nhân được biểu dương.",
    "Hội nghị cũng đã thống nhất phương hướng, nhiệm vụ năm 2021 với nhiều chỉ tiêu quan trọng.",
  ].join(" ");

  it("returns a short text whole", () => {
    const segments = snippet("Toàn cảnh Hội nghị", q("hoi nghi"));
    expect(joined(segments)).toBe("Toàn cảnh Hội nghị");
    expect(marked(segments)).toEqual(["Hội", "nghị"]);
  });

  it("shows a window around the first match, cut at word boundaries, with … at cut ends", () => {
    const segments = snippet(long, q("khen thuong"), 120);
    const text = joined(segments);
    expect(marked(segments)).toEqual(["khen", "thưởng"]);
    expect(text.startsWith("…")).toBe(true);
    expect(text.endsWith("…")).toBe(true);
    const inner = text.slice(1, -1);
    expect(long).toContain(inner);
    // Starts and ends on whole words.
    const at = long.indexOf(inner);
    expect(long[at - 1]).toBe(" ");
    expect([" ", undefined]).toContain(long[at + inner.length]);
    expect(inner.length).toBeLessThanOrEqual(120);
  });

  it("starts at the beginning when the match is near it, without a leading …", () => {
    const text = joined(snippet(long, q("dang bo"), 100));
    expect(text.startsWith("Ngày 29/12/2020")).toBe(true);
    expect(text.endsWith("…")).toBe(true);
  });

  it("ends at the end when the match is near it, without a trailing …", () => {
    const text = joined(snippet(long, q('"quan trong"'), 100));
    expect(text.startsWith("…")).toBe(true);
    expect(text.endsWith("quan trọng.")).toBe(true);
  });

  it("shows the beginning when nothing matches", () => {
    const segments = snippet(long, q("xyzzy"), 80);
    expect(marked(segments)).toEqual([]);
    expect(joined(segments).startsWith("Ngày 29/12/2020")).toBe(true);
    expect(joined(segments).endsWith("…")).toBe(true);
  });

  it("collapses line breaks and runs of spaces", () => {
    expect(joined(snippet("Đoạn một.\n\nĐoạn   hai.", q("doan")))).toBe("Đoạn một. Đoạn hai.");
  });
  // Long articles: the first match is found by folding growing prefixes, and only a region around it
  // is tokenized; these check the result is the same as reading the whole text would give.
  const filler = (words: number) => Array.from({ length: words }, (_, i) => `chữ${i}`).join(" ");

  it("finds a match far into a long article, past the prefixes folded first", () => {
    const text = `${filler(1500)} Hội nghị tổng kết ${filler(300)}`;
    expect(text.indexOf("Hội nghị")).toBeGreaterThan(8_000);
    const segments = snippet(text, q('"hoi nghi tong ket"'));
    expect(marked(segments)).toEqual(["Hội nghị tổng kết"]);
    expect(joined(segments).startsWith("…")).toBe(true);
    expect(marked(excerpt(["Sapo khác", text], q("tổng kết")))).toEqual(["tổng", "kết"]);
    expect(joined(excerpt(["Sapo khác", text], q("xyzzy")))).toBe("Sapo khác");
  });

  it("finds a phrase that straddles where the first prefix ends", () => {
    // "Hội" ends just where the first prefix is cut (at the first space from 1,000 on), "nghị" after it.
    const text = `${"a ".repeat(497)}bc Hội nghị ${filler(100)}`;
    expect(text.indexOf(" nghị")).toBe(1_000);
    expect(marked(snippet(text, q('"hoi nghi"')))).toEqual(["Hội nghị"]);
  });

  it("marks every match in the window, not only the first", () => {
    const text = `${filler(400)} Hội nghị mở đầu, rồi hội nghị bế mạc. ${filler(400)}`;
    expect(marked(snippet(text, q("hoi nghi")))).toEqual(["Hội", "nghị", "hội", "nghị"]);
  });

  it("keeps positions right in long text stored decomposed or with letters folding to two", () => {
    for (const text of [`${filler(600)} Hội nghị ${filler(600)}`.normalize("NFD"), `Straße ${filler(600)} Hội nghị ${filler(600)}`]) {
      const segments = snippet(text, q("hoi nghi"));
      expect(marked(segments).map((word) => word.normalize("NFC"))).toEqual(["Hội", "nghị"]);
      expect(text.replace(/\s+/g, " ")).toContain(joined(segments).replace(/^…|…$/g, ""));
    }
  });
});

describe("excerpt", () => {
  const body = `Mở đầu bài. ${"Nội dung dài. ".repeat(40)}Hội nghị tổng kết năm.`;
  it("cuts the lead when it holds a searched word, else the article text", () => {
    expect(joined(excerpt(["Tóm tắt về hội nghị.", body], q("hoi nghi")))).toBe("Tóm tắt về hội nghị.");
    expect(marked(excerpt(["Tóm tắt khác.", body], q("hoi nghi")))).toEqual(["Hội", "nghị"]);
  });

  it("without a match anywhere, shows the beginning of the first text that is not empty", () => {
    expect(joined(excerpt(["Tóm tắt khác.", body], q("xyzzy")))).toBe("Tóm tắt khác.");
    expect(joined(excerpt(["  ", "Chỉ có thân bài."], q("xyzzy")))).toBe("Chỉ có thân bài.");
    expect(excerpt(["", ""], q("xyzzy"))).toEqual([]);
  });
});

describe("indexOfWords (folded text)", () => {
  it("finds a word only whole, skipping occurrences inside longer words", () => {
    expect(indexOfWords("hoinghi hoi nghi", ["hoi"])).toBe(8);
    expect(indexOfWords("nghiep nghi", ["nghi"])).toBe(7);
    expect(indexOfWords("cong nghiep", ["nghi"])).toBe(-1);
    expect(indexOfWords("2023hoi", ["hoi"])).toBe(-1);
    expect(indexOfWords("(hoi)", ["hoi"])).toBe(1);
  });

  it("finds a phrase whose words are separated by anything but letters and digits", () => {
    expect(indexOfWords("hoi, nghi", ["hoi", "nghi"])).toBe(0);
    expect(indexOfWords("hoi -- nghi", ["hoi", "nghi"])).toBe(0);
    expect(indexOfWords("hoi x nghi; hoi nghi", ["hoi", "nghi"])).toBe(12);
    expect(indexOfWords("hoi nghiep", ["hoi", "nghi"])).toBe(-1);
    expect(indexOfWords("hoinghi", ["hoi", "nghi"])).toBe(-1);
  });

  it("treats letters of every script and astral letters as letters", () => {
    expect(indexOfWords("мhoi hoi", ["hoi"])).toBe(5);
    expect(indexOfWords("\u{1d49c}hoi", ["hoi"])).toBe(-1);
    expect(indexOfWords("hoi\u{1d49c}", ["hoi"])).toBe(-1);
    expect(indexOfWords("hoi \u{1f600} nghi", ["hoi", "nghi"])).toBe(0);
    expect(indexOfWords("hoi д nghi", ["hoi", "nghi"])).toBe(-1);
  });
});
