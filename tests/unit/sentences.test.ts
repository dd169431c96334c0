import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { splitSentences } from "@/lib/reader/sentences";

const sample = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../../samples/legacy-export/${name}`, import.meta.url)), "utf8");

/** The paragraph of a legacy export that starts with `prefix`. */
const paragraph = (name: string, prefix: string): string => {
  const found = sample(name)
    .split(/\r?\n/)
    .find((line) => line.startsWith(prefix));
  if (!found) throw new Error(`no paragraph starting with ${prefix} in ${name}`);
  return found;
};

describe("splitSentences", () => {
  it("splits after . ! ? followed by a capital letter or digit", () => {
    expect(splitSentences("Hội nghị bắt đầu. Đại biểu phát biểu! Có ai hỏi không? 5 người hỏi.")).toEqual([
      "Hội nghị bắt đầu.",
      "Đại biểu phát biểu!",
      "Có ai hỏi không?",
      "5 người hỏi.",
    ]);
  });

  it("does not split before a lower-case word", () => {
    expect(splitSentences("Xem tr. 5 và mục a. rồi đọc tiếp.")).toEqual(["Xem tr. 5 và mục a. rồi đọc tiếp."]);
  });

  it.each([
    ["TP. Hồ Chí Minh tổ chức hội nghị. Hà Nội cũng vậy.", "TP. Hồ Chí Minh tổ chức hội nghị."],
    ["Tp. Hải Phòng tham dự. Hà Nội cũng vậy.", "Tp. Hải Phòng tham dự."],
    ["TS. Nguyễn Văn Bình trình bày. Hà Nội cũng vậy.", "TS. Nguyễn Văn Bình trình bày."],
    ["ThS. Lê Thị Hoa trình bày. Hà Nội cũng vậy.", "ThS. Lê Thị Hoa trình bày."],
    ["Th.S. Lê Thị Hoa trình bày. Hà Nội cũng vậy.", "Th.S. Lê Thị Hoa trình bày."],
    ["PGS. Trần Văn Nam trình bày. Hà Nội cũng vậy.", "PGS. Trần Văn Nam trình bày."],
    ["PGS.TS. Trần Văn Nam trình bày. Hà Nội cũng vậy.", "PGS.TS. Trần Văn Nam trình bày."],
    ["GS. Ngô Bảo Châu đến. Hà Nội cũng vậy.", "GS. Ngô Bảo Châu đến."],
    ["BS. Phạm Thu Hà khám. Hà Nội cũng vậy.", "BS. Phạm Thu Hà khám."],
    ["Trụ sở ở Q. Ba Đình, P. Điện Biên. Hà Nội cũng vậy.", "Trụ sở ở Q. Ba Đình, P. Điện Biên."],
    ["Nhà thờ St. Joseph mở cửa. Hà Nội cũng vậy.", "Nhà thờ St. Joseph mở cửa."],
    ["Mr. Smith phát biểu. Hà Nội cũng vậy.", "Mr. Smith phát biểu."],
    ["Ông Nguyễn H. Minh phát biểu. Hà Nội cũng vậy.", "Ông Nguyễn H. Minh phát biểu."],
    ["Các ngành công nghiệp, nông nghiệp v.v. Được đầu tư mạnh. Hà Nội cũng vậy.", "Các ngành công nghiệp, nông nghiệp v.v. Được đầu tư mạnh."],
  ])("keeps the abbreviation in %s", (text, first) => {
    expect(splitSentences(text)).toEqual([first, "Hà Nội cũng vậy."]);
  });

  it("ends a sentence with v.v. at the end of the text", () => {
    expect(splitSentences("Có sách, báo v.v.")).toEqual(["Có sách, báo v.v."]);
  });

  it("keeps numbers and dates whole", () => {
    expect(
      splitSentences("Ngày 29/12/2020, kinh phí 1.000.000 đồng tăng 3.5 lần. Năm 2021 tăng tiếp."),
    ).toEqual(["Ngày 29/12/2020, kinh phí 1.000.000 đồng tăng 3.5 lần.", "Năm 2021 tăng tiếp."]);
  });

  it("splits after a year that ends a sentence", () => {
    expect(splitSentences("Hội nghị năm 2020. Năm 2021 tiếp tục.")).toEqual([
      "Hội nghị năm 2020.",
      "Năm 2021 tiếp tục.",
    ]);
  });

  it("keeps closing quotes with their sentence and splits before an opening quote", () => {
    expect(
      splitSentences("Bác dạy: “Thi đua là yêu nước.” Mọi người ghi nhớ. \"Đoàn kết!\" Ông nói."),
    ).toEqual(["Bác dạy: “Thi đua là yêu nước.”", "Mọi người ghi nhớ.", "\"Đoàn kết!\"", "Ông nói."]);
  });

  it("does not split inside a quotation that goes on in lower case", () => {
    expect(splitSentences("“Thi đua là yêu nước!”, ông nhấn mạnh.")).toEqual(["“Thi đua là yêu nước!”, ông nhấn mạnh."]);
  });

  it("treats the legacy ./. mark as a sentence end", () => {
    expect(splitSentences("Trao Giấy khen năm 2016./.")).toEqual(["Trao Giấy khen năm 2016./."]);
    expect(splitSentences("Trao Giấy khen năm 2016./. Toàn cảnh Hội nghị")).toEqual([
      "Trao Giấy khen năm 2016./.",
      "Toàn cảnh Hội nghị",
    ]);
  });

  it("splits after an ellipsis only before a new sentence", () => {
    expect(splitSentences("Hội nghị sơ kết... Đại biểu dự đông đủ… và vui vẻ…")).toEqual([
      "Hội nghị sơ kết...",
      "Đại biểu dự đông đủ… và vui vẻ…",
    ]);
  });

  it("does not make a sentence of a list number", () => {
    expect(splitSentences("1. Giới thiệu chung. 2. Nội dung chính.")).toEqual([
      "1. Giới thiệu chung.",
      "2. Nội dung chính.",
    ]);
  });

  it("trims, handles non-breaking spaces and drops empty text", () => {
    expect(splitSentences("  Câu một.\u00a0Câu hai.  ")).toEqual(["Câu một.", "Câu hai."]);
    expect(splitSentences("")).toEqual([]);
    expect(splitSentences("   \n ")).toEqual([]);
  });

  it("keeps text without a final full stop (captions) as one sentence", () => {
    expect(splitSentences("Toàn cảnh Hội nghị ")).toEqual(["Toàn cảnh Hội nghị"]);
  });

  describe("real paragraphs from the legacy export", () => {
    it("000: splits a two-sentence paragraph, and KH&CN in parentheses does not split", () => {
      expect(splitSentences(paragraph("000_434db2b6d292e4e5.txt", "Đại diện các chi bộ"))).toEqual([
        "Đại diện các chi bộ trực thuộc Đảng bộ Cục đã trình bày tham luận, đóng góp ý kiến đối với dự thảo báo cáo do Đảng ủy Cục.",
        "Với tinh thần đoàn kết, dân chủ, trí tuệ, đổi mới và phát triển, các đồng chí đã thảo luận, đóng góp ý kiến tâm huyết đề xuất các nhiệm vụ cụ thể để hoàn thành nhiệm vụ chính trị năm 2021.",
      ]);
      expect(splitSentences(paragraph("000_434db2b6d292e4e5.txt", "Tham dự Hội nghị"))).toHaveLength(1);
    });

    it("000: the date 29/12/2020 stays inside its sentence", () => {
      expect(splitSentences(paragraph("000_434db2b6d292e4e5.txt", "Ngày 29/12/2020"))).toEqual([
        "Ngày 29/12/2020, Đảng bộ Cục Sở hữu trí tuệ tổ chức Hội nghị tổng kết công tác năm 2020 và triển khai nhiệm vụ năn 2021.",
      ]);
    });

    it("001: the lead ending in ... is one sentence", () => {
      expect(splitSentences(paragraph("001_ab3f09257694bc18.txt", "Ngày 10 tháng 8 năm 2017, Đảng ủy Cục Sở hữu trí tuệ đã tổ chức Hội nghị sơ kết công tác Đảng 6 tháng đầu năm 2017..."))).toEqual([
        "Ngày 10 tháng 8 năm 2017, Đảng ủy Cục Sở hữu trí tuệ đã tổ chức Hội nghị sơ kết công tác Đảng 6 tháng đầu năm 2017...",
      ]);
    });

    it("001: quotes and the ./. end mark", () => {
      expect(splitSentences(paragraph("001_ab3f09257694bc18.txt", "Tại Hội nghị, Đảng ủy Cục đã trao"))).toEqual([
        "Tại Hội nghị, Đảng ủy Cục đã trao Giấy khen cho Chi bộ đạt tiêu chuẩn tổ chức đảng “Trong sạch, vững manh” tiêu biểu và đảng viên “Hoàn thành xuất sắc nhiệm vụ” năm 2016./.",
      ]);
    });

    it("002: a quotation in the middle of a sentence does not split it", () => {
      const sentences = splitSentences(paragraph("002_ac325f9820ae4275.txt", "Phát biểu khai mạc Hội nghị"));
      expect(sentences).toHaveLength(2);
      expect(sentences[1]).toMatch(/^Nhắc lại lời dạy của Chủ tịch Hồ Chí Minh “Thi đua là yêu nước.*Cục Sở hữu trí tuệ\.$/);
    });

    it("002: four sentences, each ending with a full stop", () => {
      const sentences = splitSentences(paragraph("002_ac325f9820ae4275.txt", "Nhiều phong trào thi đua"));
      expect(sentences).toHaveLength(4);
      for (const sentence of sentences) expect(sentence).toMatch(/\.$/);
    });

    it("002: the last paragraph ends with ./.", () => {
      const sentences = splitSentences(paragraph("002_ac325f9820ae4275.txt", "Có thể nói"));
      expect(sentences).toHaveLength(2);
      expect(sentences[1]).toMatch(/trong thời gian tới\.\/\.$/);
    });

    it("joins back to the original text without losing characters", () => {
      for (const name of ["000_434db2b6d292e4e5.txt", "001_ab3f09257694bc18.txt", "002_ac325f9820ae4275.txt"]) {
        for (const line of sample(name).split(/\r?\n/)) {
          const collapsed = line.replace(/\s+/g, " ").trim();
          expect(splitSentences(collapsed).join(" ")).toBe(collapsed);
        }
      }
    });
  });
});
