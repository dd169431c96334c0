import { describe, expect, it } from "vitest";
import { parseLegacyExport, toDryRunRecord } from "@/lib/legacy/parse";
import {
  BASE_LINES,
  BASE_RECORD,
  CAPTION,
  DATE,
  exportOf,
  expectOk,
  LEAD,
  P1,
  P2,
  record,
  SOURCE,
  TITLE,
  TOOLBAR,
} from "./helpers/legacy-export";

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
});
