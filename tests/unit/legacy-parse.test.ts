import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { LEGACY_FAILURE, parseLegacyExport, toDryRunRecord } from "@/lib/legacy/parse";
import type { LegacyParseResult, LegacyPost } from "@/lib/legacy/types";
import { slugify } from "@/lib/vi/slug";

const TOOLBAR = "Xem với cỡ chữ Đọc bài viết Tương phản";

function readSample(name: string): string {
  return readFileSync(new URL(`../../samples/legacy-export/${name}`, import.meta.url), "utf8");
}

function expectOk(result: LegacyParseResult): { post: LegacyPost; warnings: string[] } {
  if (!result.ok) throw new Error(`expected ok, got: ${result.reason}`);
  return result;
}

function record(text: string) {
  const { post } = expectOk(parseLegacyExport(text));
  return toDryRunRecord(post, slugify(post.title));
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
    const { post, warnings } = expectOk(parseLegacyExport(samples["000"]));
    const rec = toDryRunRecord(post, slugify(post.title));
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
    const { post, warnings } = expectOk(parseLegacyExport(samples["001"]));
    const rec = toDryRunRecord(post, slugify(post.title));
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
    const { post, warnings } = expectOk(parseLegacyExport(samples["002"]));
    const rec = toDryRunRecord(post, slugify(post.title));
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
    const { post } = expectOk(parseLegacyExport(samples[key]));
    const rec = toDryRunRecord(post, slugify(post.title));
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

// ---------------------------------------------------------------------------

const DATE = "Th 5, 31/12/2020 | 17:12 CH";
const TITLE = "Hội nghị tổng kết công tác năm 2020";
const LEAD = "Ngày 29/12/2020, Đảng bộ Cục tổ chức Hội nghị tổng kết công tác năm 2020.";
const P1 = "Hội nghị đã nghe Báo cáo tổng kết công tác năm 2020.";
const CAPTION = "Toàn cảnh Hội nghị";
const P2 = "Đảng bộ Cục quyết tâm hoàn thành thắng lợi nhiệm vụ năm 2021./.";
const SOURCE = "Cục Sở hữu trí tuệ";

/** An export with blank lines between parts, like the samples. */
function exportOf(lines: string[], eol = "\n"): string {
  return lines.join(`${eol}${eol}`);
}

const BASE_LINES = [DATE, TOOLBAR, TITLE, LEAD, P1, CAPTION, P2, SOURCE];
const BASE_RECORD = {
  title: TITLE,
  slug: "hoi-nghi-tong-ket-cong-tac-nam-2020",
  publishedAt: "2020-12-31T17:12:00+07:00",
  lead: LEAD,
  source: SOURCE,
  captions: [CAPTION],
  paragraphs: [P1, P2],
};

describe("parseLegacyExport on synthetic exports", () => {
  it("parses the basic shape", () => {
    const result = parseLegacyExport(exportOf(BASE_LINES));
    expect(expectOk(result).warnings).toEqual([]);
    expect(record(exportOf(BASE_LINES))).toEqual(BASE_RECORD);
  });

  it("handles CRLF and CR line endings", () => {
    expect(record(exportOf(BASE_LINES, "\r\n") + "\r\n")).toEqual(BASE_RECORD);
    expect(record(exportOf(BASE_LINES, "\r"))).toEqual(BASE_RECORD);
  });

  it("handles a UTF-8 BOM", () => {
    expect(record(`\uFEFF${exportOf(BASE_LINES)}`)).toEqual(BASE_RECORD);
  });

  it("stores NFD input as NFC", () => {
    const rec = record(exportOf(BASE_LINES).normalize("NFD"));
    expect(rec).toEqual(BASE_RECORD);
    expect(rec.title.length).toBe(TITLE.length);
  });

  it("accepts a missing toolbar line", () => {
    expect(record(exportOf(BASE_LINES.filter((l) => l !== TOOLBAR)))).toEqual(BASE_RECORD);
  });

  it.each([
    ["split over lines", "Xem với cỡ chữ\nĐọc bài viết\n\nTương phản"],
    ["split mid-phrase", "Xem với cỡ chữ Đọc bài\nviết Tương phản"],
    ["glued", "Xem với cỡ chữĐọc bài viếtTương phản"],
    ["spaced out", "  Xem  với cỡ\u00A0chữ   Đọc bài viết  |  Tương   phản  "],
    ["with font buttons", "Xem với cỡ chữ A- A A+ Đọc bài viết Tương phản"],
    ["lower case", "xem với cỡ chữ đọc bài viết tương phản"],
  ])("skips toolbar text %s", (_, toolbar) => {
    expect(record(exportOf([DATE, toolbar, TITLE, LEAD, P1, CAPTION, P2, SOURCE]))).toEqual(BASE_RECORD);
  });

  it("skips toolbar text on the date line or glued before the title", () => {
    expect(record(exportOf([`${DATE} ${TOOLBAR}`, TITLE, LEAD, P1, CAPTION, P2, SOURCE]))).toEqual(BASE_RECORD);
    expect(record(exportOf([DATE, `${TOOLBAR} ${TITLE}`, LEAD, P1, CAPTION, P2, SOURCE]))).toEqual(BASE_RECORD);
  });

  it("handles a missing or present final newline, leading and extra blank lines", () => {
    expect(record(`${exportOf(BASE_LINES)}\n`)).toEqual(BASE_RECORD);
    expect(record(`${exportOf(BASE_LINES)}\n\n\n \u00A0\n`)).toEqual(BASE_RECORD);
    expect(record(`\n\n  \n\u00A0\n${BASE_LINES.join("\n\n\n\u00A0\n \t \n")}`)).toEqual(BASE_RECORD);
  });

  it("trims leading and trailing spaces, NBSPs and zero-width characters on every line", () => {
    const padded = BASE_LINES.map((l, i) => (i % 2 ? `\u00A0 ${l}\u200B ` : `  ${l}\u00A0`));
    expect(record(exportOf(padded))).toEqual(BASE_RECORD);
  });

  it("recognizes all-caps and numbered section headings", () => {
    const { post } = expectOk(
      parseLegacyExport(
        exportOf([
          DATE,
          TITLE,
          LEAD,
          "I. KẾT QUẢ ĐẠT ĐƯỢC",
          P1,
          "II. Phương hướng nhiệm vụ năm 2021",
          "1. Công tác chính trị tư tưởng",
          P2,
          "KẾT LUẬN",
          "Hội nghị kết thúc thành công.",
          SOURCE,
        ]),
      ),
    );
    expect(post.blocks).toEqual([
      { type: "heading", text: "I. KẾT QUẢ ĐẠT ĐƯỢC" },
      { type: "paragraph", text: P1 },
      { type: "heading", text: "II. Phương hướng nhiệm vụ năm 2021" },
      { type: "heading", text: "1. Công tác chính trị tư tưởng" },
      { type: "paragraph", text: P2 },
      { type: "heading", text: "KẾT LUẬN" },
      { type: "paragraph", text: "Hội nghị kết thúc thành công." },
    ]);
    expect(toDryRunRecord(post, "x").paragraphs).toEqual([
      "I. KẾT QUẢ ĐẠT ĐƯỢC",
      P1,
      "II. Phương hướng nhiệm vụ năm 2021",
      "1. Công tác chính trị tư tưởng",
      P2,
      "KẾT LUẬN",
      "Hội nghị kết thúc thành công.",
    ]);
  });

  it("turns an image URL line into a figure with the caption that follows", () => {
    const url = "https://ipvietnam.gov.vn/documents/20182/0/toan-canh.JPG?t=1609400000";
    const { post } = expectOk(
      parseLegacyExport(
        exportOf([DATE, TITLE, LEAD, url, CAPTION, P1, "http://example.vn/a/b.png", P2, SOURCE]),
      ),
    );
    expect(post.blocks).toEqual([
      { type: "figure", src: url, caption: CAPTION },
      { type: "paragraph", text: P1 },
      { type: "figure", src: "http://example.vn/a/b.png", caption: null },
      { type: "paragraph", text: P2 },
    ]);
    const rec = toDryRunRecord(post, "x");
    expect(rec.captions).toEqual([CAPTION]);
    expect(rec.paragraphs).toEqual([P1, P2]);
  });

  it("treats a gallery intro ending with a colon as a paragraph and the lines after it as captions", () => {
    const rec = record(
      [
        exportOf([DATE, TITLE, LEAD, P1, "Một số hình ảnh tại Hội nghị:"]),
        "Đại biểu dự Hội nghị",
        "Đồng chí Bí thư Đảng ủy phát biểu",
        "",
        "Các đảng viên biểu quyết thông qua Nghị quyết",
        "",
        SOURCE,
      ].join("\n"),
    );
    expect(rec.paragraphs).toEqual([P1, "Một số hình ảnh tại Hội nghị:"]);
    expect(rec.captions).toEqual([
      "Đại biểu dự Hội nghị",
      "Đồng chí Bí thư Đảng ủy phát biểu",
      "Các đảng viên biểu quyết thông qua Nghị quyết",
    ]);
    expect(rec.source).toBe(SOURCE);
  });

  it("joins a paragraph wrapped over two lines, but not separate sentences", () => {
    const result = parseLegacyExport(
      [
        exportOf([DATE, TITLE, LEAD]),
        "",
        "Hội nghị đã nghe báo cáo tổng kết công tác năm 2020 và",
        "triển khai nhiệm vụ năm 2021 của Đảng bộ Cục.",
        "Đảng ủy Cục quán triệt các cấp ủy chi bộ.",
        "",
        SOURCE,
      ].join("\n"),
    );
    const { post, warnings } = expectOk(result);
    expect(post.blocks).toEqual([
      {
        type: "paragraph",
        text: "Hội nghị đã nghe báo cáo tổng kết công tác năm 2020 và triển khai nhiệm vụ năm 2021 của Đảng bộ Cục.",
      },
      { type: "paragraph", text: "Đảng ủy Cục quán triệt các cấp ủy chi bộ." },
    ]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/nối/);
  });

  it("joins a title wrapped over two lines", () => {
    const rec = record(
      exportOf([DATE, "Hội nghị sơ kết công tác Đảng 6 tháng đầu năm 2017\nvà triển khai nhiệm vụ", LEAD, P1, SOURCE]),
    );
    expect(rec.title).toBe("Hội nghị sơ kết công tác Đảng 6 tháng đầu năm 2017 và triển khai nhiệm vụ");
  });

  it.each([
    ["dash-led line", "- Tập trung kiện toàn cơ cấu tổ chức của Cục", "paragraph"],
    ["en-dash-led line", "– Tăng cường trang thiết bị, máy tính", "paragraph"],
    ["quotation", "“Thi đua là yêu nước, yêu nước thì phải thi đua”", "paragraph"],
    ["full stop inside closing quote", "Ông nhấn mạnh: “Thi đua là yêu nước.”", "paragraph"],
    ["full stop inside bracket", "Hội nghị kết thúc (theo kế hoạch.)", "paragraph"],
    ["ellipsis", "Và còn nhiều hoạt động khác…", "paragraph"],
    ["semicolon", "Tập trung xử lý vấn đề công nghệ thông tin;", "paragraph"],
    ["comma", "Đồng thời,", "paragraph"],
    ["short line without punctuation", "Vì sao phải đổi mới", "caption"],
    ["question", "Vì sao phải đổi mới?", "paragraph"],
    ["lower-case start", "và các đại biểu khách mời", "paragraph"],
    ["two sentences", "Hội nghị diễn ra sôi nổi. Các đại biểu thảo luận nhiều vấn đề", "paragraph"],
    ["too long", `Đồng chí ${"Nguyễn Văn An ".repeat(25)}phát biểu`, "paragraph"],
    ["caption with a photo credit", "Toàn cảnh Hội nghị. Ảnh: Minh Anh", "caption"],
    ["caption with an abbreviated title", "PGS. TS. Nguyễn Văn An phát biểu tại Hội nghị", "caption"],
    ["caption ending with a quoted name", "Lễ phát động phong trào “Đổi mới, sáng tạo”", "caption"],
  ])("classifies a %s", (_, line, type) => {
    const { post } = expectOk(parseLegacyExport(exportOf([DATE, TITLE, LEAD, P1, line, P2, SOURCE])));
    expect(post.blocks[1]).toEqual({ type, text: line });
  });

  it("warns when the weekday does not match the date, and uses the date", () => {
    const { post, warnings } = expectOk(
      parseLegacyExport(exportOf(["Th 2, 31/12/2020 | 17:12 CH", ...BASE_LINES.slice(1)])),
    );
    expect(post.publishedAt.toISOString()).toBe("2020-12-31T10:12:00.000Z");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("Th 2");
    expect(warnings[0]).toContain("Th 5");
  });

  it("accepts tolerant date lines", () => {
    for (const date of ["Thứ năm, 31/12/2020 | 17:12", "31/12/2020 17:12 CH", "Th5,31/12/2020|5:12 CH"]) {
      expect(record(exportOf([date, ...BASE_LINES.slice(1)]))).toEqual(BASE_RECORD);
    }
  });

  it("finds a date line below a stray first line, with a warning", () => {
    const { warnings } = expectOk(parseLegacyExport(exportOf(["Trang chủ › Tin tức", ...BASE_LINES])));
    expect(record(exportOf(["Trang chủ › Tin tức", ...BASE_LINES]))).toEqual(BASE_RECORD);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("Trang chủ");
  });

  it("drops a `Nguồn:` prefix from the source line", () => {
    expect(record(exportOf([...BASE_LINES.slice(0, -1), "Nguồn: Cục Sở hữu trí tuệ"])).source).toBe(SOURCE);
  });

  it("accepts a post whose body is empty, with a warning", () => {
    const { post, warnings } = expectOk(parseLegacyExport(exportOf([DATE, TITLE, LEAD, SOURCE])));
    expect(post.lead).toBe(LEAD);
    expect(post.source).toBe(SOURCE);
    expect(post.blocks).toEqual([]);
    expect(warnings).toHaveLength(1);
  });

  describe("failures are reported, not thrown", () => {
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
});
