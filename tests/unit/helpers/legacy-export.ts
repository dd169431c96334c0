import { parseLegacyExport, toDryRunRecord } from "@/lib/legacy/parse";
import type { LegacyParseResult, LegacyPost } from "@/lib/legacy/types";
import { slugify } from "@/lib/vi/slug";

/** The reader toolbar's text, which the old site's exports carry near the top. */
export const TOOLBAR = "Xem với cỡ chữ Đọc bài viết Tương phản";

export function expectOk(result: LegacyParseResult): { post: LegacyPost; warnings: string[] } {
  if (!result.ok) throw new Error(`expected ok, got: ${result.reason}`);
  return result;
}

/** Parses an export that must succeed, with the dry-run record the importer would print for it. */
export function parseOk(text: string) {
  const { post, warnings } = expectOk(parseLegacyExport(text));
  return { post, warnings, rec: toDryRunRecord(post, slugify(post.title)) };
}

export function record(text: string) {
  return parseOk(text).rec;
}

// A small export built by hand, part by part, so each test can change one thing.

export const DATE = "Th 5, 31/12/2020 | 17:12 CH";
export const TITLE = "Hội nghị tổng kết công tác năm 2020";
export const LEAD = "Ngày 29/12/2020, Đảng bộ Cục tổ chức Hội nghị tổng kết công tác năm 2020.";
export const P1 = "Hội nghị đã nghe Báo cáo tổng kết công tác năm 2020.";
export const CAPTION = "Toàn cảnh Hội nghị";
export const P2 = "Đảng bộ Cục quyết tâm hoàn thành thắng lợi nhiệm vụ năm 2021./.";
export const SOURCE = "Cục Sở hữu trí tuệ";

/** An export with blank lines between parts, like the samples. */
export function exportOf(lines: string[], eol = "\n"): string {
  return lines.join(`${eol}${eol}`);
}

export const BASE_LINES = [DATE, TOOLBAR, TITLE, LEAD, P1, CAPTION, P2, SOURCE];
export const BASE_RECORD = {
  title: TITLE,
  slug: "hoi-nghi-tong-ket-cong-tac-nam-2020",
  publishedAt: "2020-12-31T17:12:00+07:00",
  lead: LEAD,
  source: SOURCE,
  captions: [CAPTION],
  paragraphs: [P1, P2],
};
