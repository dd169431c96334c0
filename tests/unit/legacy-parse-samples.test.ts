import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseOk, TOOLBAR } from "./helpers/legacy-export";

function readSample(name: string): string {
  return readFileSync(new URL(`../../samples/legacy-export/${name}`, import.meta.url), "utf8");
}

describe("parseLegacyExport on the real samples", () => {
  const samples = {
    "000": readSample("000_434db2b6d292e4e5.txt"),
    "001": readSample("001_ab3f09257694bc18.txt"),
    "002": readSample("002_ac325f9820ae4275.txt"),
  };

  it("the samples really have the awkward bytes the parser must cope with", () => {
    for (const text of Object.values(samples)) expect(text.endsWith("\n")).toBe(false);
    expect(samples["000"]).toContain("Toàn cảnh Hội nghị\u00A0\n");
    expect(samples["002"]).toContain("\n\u00A0\n");
    expect(samples["002"]).toContain("\n\u00A0Bà Lê Ngân Giang");
    expect(samples["002"]).toContain("\n\n\nPhòng Tổ chức cán bộ");
  });

  it("000: Hội nghị tổng kết 2020", () => {
    const { post, warnings, rec } = parseOk(samples["000"]);
    expect(warnings).toEqual([]);
    expect(rec.title).toBe(
      "Hội nghị tổng kết công tác năm 2020 và triển khai nhiệm vụ năm 2021 của Đảng bộ Cục Sở hữu trí tuệ",
    );
    expect(rec.slug).toBe(
      "hoi-nghi-tong-ket-cong-tac-nam-2020-va-trien-khai-nhiem-vu-nam-2021-cua-dang-bo-cuc-so-huu-tri-tue",
    );
    expect(rec.publishedAt).toBe("2020-12-31T17:12:00+07:00");
    expect(post.publishedAt.toISOString()).toBe("2020-12-31T10:12:00.000Z");
    expect(rec.lead.startsWith("Ngày 29/12/2020, Đảng bộ Cục Sở hữu trí tuệ")).toBe(true);
    expect(rec.lead.endsWith("triển khai nhiệm vụ năn 2021.")).toBe(true);
    expect(rec.source).toBe("Cục Sở hữu trí tuệ");
    expect(rec.captions).toEqual([
      "Toàn cảnh Hội nghị",
      "Đồng chí Ngô Việt Thắng trình bày Báo cáo tổng kết",
      "Đồng chí Lê Huy Anh phát biểu tham luận",
      "Đồng chí Trần Đức Trung phát biểu tham luận",
      "Đồng chí Phạm Gia Chương, Phó Bí thư Đảng ủy Bộ Khoa học và Công nghệ phát biểu chỉ đạo Hội nghị",
      "Đồng chí Đinh Hữu Phí, Bí thư Đảng ủy Cục phát biểu kết luận Hội nghị",
    ]);
    expect(rec.paragraphs).toHaveLength(8);
    expect(rec.paragraphs[0]?.startsWith("Hội nghị diễn ra với tinh thần đoàn kết")).toBe(true);
    expect(rec.paragraphs.at(-1)?.endsWith("ngày càng trong sạch, vững mạnh.")).toBe(true);
    // Captions sit where the photos were, between paragraphs.
    expect(post.blocks.map((b) => b.type)).toEqual([
      "paragraph",
      "paragraph",
      "caption",
      "paragraph",
      "caption",
      "paragraph",
      "caption",
      "paragraph",
      "caption",
      "paragraph",
      "caption",
      "paragraph",
      "caption",
      "paragraph",
    ]);
  });

  it("001: the lead is a shortened summary and the next paragraph is kept", () => {
    const { warnings, rec } = parseOk(samples["001"]);
    expect(warnings).toEqual([]);
    expect(rec.title).toBe(
      "Hội nghị sơ kết công tác Đảng 6 tháng đầu năm 2017 và triển khai thực hiện nhiệm vụ 6 tháng cuối năm",
    );
    expect(rec.publishedAt).toBe("2017-08-16T18:52:00+07:00");
    expect(rec.lead).toBe(
      "Ngày 10 tháng 8 năm 2017, Đảng ủy Cục Sở hữu trí tuệ đã tổ chức Hội nghị sơ kết công tác Đảng 6 tháng đầu năm 2017...",
    );
    expect(rec.source).toBe("Cục Sở hữu trí tuệ");
    expect(rec.captions).toEqual([
      "Toàn cảnh Hội nghị",
      "Đồng chí Đinh Hữu Phí, Bí thư Đảng ủy Cục SHTT trao Giấy khen cho các Chi bộ và đảng viên",
    ]);
    expect(rec.paragraphs).toHaveLength(6);
    expect(rec.paragraphs[0]?.startsWith("Ngày 10 tháng 8 năm 2017, Đảng ủy Cục Sở hữu trí tuệ (SHTT)")).toBe(true);
    expect(rec.paragraphs.at(-1)?.endsWith("“Hoàn thành xuất sắc nhiệm vụ” năm 2016./.")).toBe(true);
  });

  it("002: captions with leading NBSP, an NBSP-only line, extra blank lines before the source", () => {
    const { warnings, rec } = parseOk(samples["002"]);
    expect(warnings).toEqual([]);
    expect(rec.title).toBe("Cục Sở hữu trí tuệ tổ chức hội nghị điển hình tiên tiến cấp cơ sở");
    expect(rec.slug).toBe("cuc-so-huu-tri-tue-to-chuc-hoi-nghi-dien-hinh-tien-tien-cap-co-so");
    expect(rec.publishedAt).toBe("2020-06-19T11:39:00+07:00");
    expect(rec.lead.startsWith("Trong không khí thi đua sôi nổi chào mừng Đại hội Đảng bộ các cấp")).toBe(true);
    expect(rec.lead.endsWith("của Cục Sở hữu trí tuệ trong thời gian vừa qua.")).toBe(true);
    expect(rec.source).toBe("Phòng Tổ chức cán bộ");
    expect(rec.captions).toEqual([
      "Ông Đinh Hữu Phí - Bí thư Đảng ủy, Cục trưởng Cục Sở hữu trí tuệ, Chủ tịch Hội đồng Thi đua - Khen thưởng Cục phát biểu khai mạc Hội nghị",
      "Ông Phan Ngân Sơn - Phó Cục trưởng Cục Sở hữu trí tuệ trình bày Báo cáo tại Hội nghị",
      "Ông Nguyễn Việt Hà, đại diện phòng Pháp chế và Chính sách trình bày tham luận tại Hội nghị",
      "Ông Nguyễn Quang Hưng, Phó Giám đốc Trung tâm Công nghệ thông tin trình bày tham luận tại Hội nghị",
      "Ông Đinh Hữu Phí, Cục trưởng Cục Sở hữu trí tuệ trao tặng các danh hiệu thi đua, khen thưởng cho các tập thể, cá nhân có thành tích xuất sắc",
      "Bà Lê Ngân Giang, Phó Vụ trưởng Vụ Thi đua - Khen thưởng phát biểu tại Hội nghị",
      "Toàn cảnh Hội nghị Điển hình tiên tiến của Cục Sở hữu trí tuệ",
    ]);
    expect(rec.paragraphs).toHaveLength(14);
    // Trailing and inner NBSPs are gone.
    expect(rec.paragraphs).toContain(
      "Hội nghị cũng đã nghe Báo cáo tổng kết công tác thi đua, khen thưởng của Cục Sở hữu trí tuệ giai đoạn 2015-2019 và phương hướng, nhiệm vụ giai đoạn 2020-2025 do ông Phan Ngân Sơn - Phó Cục trưởng trình bày.",
    );
    expect(rec.paragraphs.some((p) => p.includes("chiều rộng và chiều sâu."))).toBe(true);
    expect(rec.paragraphs.at(-1)?.endsWith("trong thời gian tới./.")).toBe(true);
  });

  it.each(["000", "001", "002"] as const)("%s: stored text is clean and nothing leaks between parts", (key) => {
    const { rec } = parseOk(samples[key]);
    const all = [rec.title, rec.lead, rec.source, ...rec.captions, ...rec.paragraphs];
    for (const text of all) {
      expect(text).toBe(text.normalize("NFC"));
      expect(text).toBe(text.trim());
      expect(text).not.toMatch(/[\u00A0\u200B\uFEFF]|\s{2}/);
      expect(text).not.toBe("");
    }
    for (const p of rec.paragraphs) {
      expect(p).not.toBe(rec.lead);
      expect(p).not.toBe(rec.source);
      expect(p).not.toBe(rec.title);
      expect(p).not.toContain("Xem với cỡ chữ");
      expect(rec.captions).not.toContain(p);
    }
    expect(rec.captions).not.toContain(rec.lead);
    expect(rec.captions).not.toContain(rec.source);
    expect(all).not.toContain(TOOLBAR);
    expect(Object.keys(rec)).toEqual(["title", "slug", "publishedAt", "lead", "source", "captions", "paragraphs"]);
  });
});
