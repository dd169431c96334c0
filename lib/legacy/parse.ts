import {
  formatVietnamDate,
  parseDateLineDetailed,
  toVietnamIso,
  weekdayLabel,
  type ParsedDateLine,
} from "@/lib/vi/date-line";
import { cleanLine } from "@/lib/vi/text";
import { canBeSource, continuesPrevious, endsSentence, isCaptionLike, isHeading, isImageUrl, SOURCE_PREFIX } from "./classify";
import { toolbarOf, type Toolbar } from "./toolbar";
import type { LegacyBlock, LegacyDryRunRecord, LegacyParseResult, LegacyPost } from "@/lib/legacy/types";

export type { LegacyBlock, LegacyDryRunRecord, LegacyParseResult, LegacyPost } from "@/lib/legacy/types";

/*
 * Parser for the legacy site's plain-text article export:
 *   date line, reader toolbar text, title, lead, body (paragraphs, headings, captions of
 *   photos that were lost, sometimes image URLs), and the source unit as the last line.
 * Everything is positional except the body, which is classified line by line.
 */

export const LEGACY_FAILURE = {
  empty: "Tệp trống, không có nội dung.",
  noDate: "Không tìm thấy dòng ngày giờ ở đầu tệp (ví dụ: “Th 5, 31/12/2020 | 17:12 CH”).",
  noTitle: "Không tìm thấy tiêu đề bài viết sau dòng ngày giờ.",
  noBody: "Không tìm thấy sapo và nội dung bài viết sau tiêu đề.",
  noSource: "Không tìm thấy dòng nguồn (tên đơn vị đăng bài) ở cuối tệp.",
} as const;

// Old exports may put a breadcrumb or a category name above the date line.
const DATE_SEARCH_WINDOW = 3;
// A date line is about 8 words; with the toolbar and its buttons glued on, about 20.
const MAX_DATE_AND_TOOLBAR_WORDS = 30;

// CR-only files come from classic Mac tools; U+2028/2029/0085 from Word and old Java exports.
const LINE_BREAK = /\r\n|[\r\n\u2028\u2029\u0085]/;

type Line = { text: string; lineNo: number };

// ---------------------------------------------------------------------------
// Date line

type FoundDate = { parsed: ParsedDateLine; usesNextLine: boolean; inlineToolbar: boolean };

function findDateIn(text: string, nextText: string | undefined, toolbar: Toolbar): FoundDate | null {
  const whole = parseDateLineDetailed(text);
  if (whole) return { parsed: whole, usesNextLine: false, inlineToolbar: false };

  // The toolbar text is sometimes on the same line as the date. The word cap keeps a long
  // first paragraph from costing a quadratic scan.
  const words = text.split(" ");
  const limit = words.length <= MAX_DATE_AND_TOOLBAR_WORDS ? words.length - 1 : 0;
  for (let k = limit; k >= 1; k--) {
    const tail = words.slice(k).join(" ");
    if (!toolbar.isLine(tail)) continue;
    const head = parseDateLineDetailed(words.slice(0, k).join(" "));
    if (head) return { parsed: head, usesNextLine: false, inlineToolbar: true };
  }

  // …or wrapped between the date and the time.
  if (nextText !== undefined) {
    const joined = parseDateLineDetailed(`${text} ${nextText}`);
    if (joined) return { parsed: joined, usesNextLine: true, inlineToolbar: false };
  }
  return null;
}

function dateWarnings(parsed: ParsedDateLine): string[] {
  const warnings: string[] = [];
  if (parsed.writtenWeekday !== null && parsed.writtenWeekday !== parsed.actualWeekday) {
    warnings.push(
      `Thứ ghi trong dòng ngày giờ (${weekdayLabel(parsed.writtenWeekday)}) không khớp với ngày ` +
        `${formatVietnamDate(parsed.instant)} (${weekdayLabel(parsed.actualWeekday)}); đã dùng ngày.`,
    );
  }
  if (!parsed.periodConsistent) {
    warnings.push("Giờ trong dòng ngày giờ là buổi chiều/tối nhưng ghi “SA”; đã dùng giờ 24h.");
  }
  return warnings;
}

// ---------------------------------------------------------------------------

function fail(reason: string): LegacyParseResult {
  return { ok: false, reason };
}

function quote(s: string): string {
  return s.length > 60 ? `“${s.slice(0, 57)}…”` : `“${s}”`;
}

function toLines(text: string): Line[] {
  return text.split(LINE_BREAK).map((raw, i) => ({ text: cleanLine(raw), lineNo: i + 1 }));
}

/**
 * Parses one exported article. Never throws on bad input: failures come back as `ok: false`.
 * `language`: an English export may carry the English toolbar (`Text size Listen Contrast`).
 */
export function parseLegacyExport(text: string, language: "vi" | "en" = "vi"): LegacyParseResult {
  const toolbar = toolbarOf(language);
  const warnings: string[] = [];
  const lines = toLines(text);

  // Decorative lines (`***`, `…`) carry no text; treat them like blank lines.
  for (const line of lines) {
    if (line.text !== "" && !/[\p{L}\p{N}]/u.test(line.text)) {
      warnings.push(`Dòng ${line.lineNo}: bỏ qua dòng chỉ có ký hiệu ${quote(line.text)}.`);
      line.text = "";
    }
  }
  const nonBlank = lines.filter((l) => l.text !== "");
  if (nonBlank.length === 0) return fail(LEGACY_FAILURE.empty);

  // --- date line
  let found: FoundDate | null = null;
  let dateIndex = -1;
  const skipped: Line[] = [];
  for (let k = 0; k < nonBlank.length && skipped.length < DATE_SEARCH_WINDOW; k++) {
    const line = nonBlank[k] as Line;
    found = findDateIn(line.text, nonBlank[k + 1]?.text, toolbar);
    if (found) {
      dateIndex = k + (found.usesNextLine ? 1 : 0);
      break;
    }
    if (!toolbar.isLine(line.text)) skipped.push(line);
  }
  if (!found) return fail(LEGACY_FAILURE.noDate);
  if (skipped.length > 0) {
    warnings.push(
      `Bỏ qua ${skipped.length} dòng trước dòng ngày giờ: ${skipped.map((l) => quote(l.text)).join(", ")}.`,
    );
  }
  if (found.usesNextLine) warnings.push("Dòng ngày giờ bị tách thành hai dòng; đã ghép lại.");
  warnings.push(...dateWarnings(found.parsed));

  // --- content units: one per line, except lines that merely continue a wrapped sentence
  const afterDate = (nonBlank[dateIndex] as Line).lineNo; // lineNo is 1-based, so this is the next index
  const units: Line[] = [];
  let previousBlank = true;
  for (const line of lines.slice(afterDate)) {
    let t = line.text;
    if (t === "") {
      previousBlank = true;
      continue;
    }
    // Toolbar text belongs to the page header; before the lead it is never content.
    if (units.length < 2 && toolbar.isLine(t)) {
      previousBlank = true;
      continue;
    }
    if (units.length === 0) {
      t = toolbar.stripLeading(t);
      if (t === "") continue;
    }
    const previous = units.at(-1);
    if (!previousBlank && previous && continuesPrevious(previous.text, t)) {
      previous.text = `${previous.text} ${t}`;
      warnings.push(`Dòng ${line.lineNo} được nối vào dòng ${previous.lineNo} vì câu chưa kết thúc.`);
    } else {
      units.push({ text: t, lineNo: line.lineNo });
    }
    previousBlank = false;
  }

  // --- positional parts: title first, source last
  const [titleUnit, ...rest] = units;
  if (!titleUnit || isImageUrl(titleUnit.text)) return fail(LEGACY_FAILURE.noTitle);
  const sourceUnit = rest.at(-1);
  if (!sourceUnit) return fail(LEGACY_FAILURE.noBody);
  if (rest.length === 1) {
    // One line after the title: a bare unit name means the article text is missing.
    const looksLikeSource = canBeSource(sourceUnit.text) && !endsSentence(sourceUnit.text);
    return fail(looksLikeSource ? LEGACY_FAILURE.noBody : LEGACY_FAILURE.noSource);
  }
  if (!canBeSource(sourceUnit.text)) return fail(LEGACY_FAILURE.noSource);

  const title = titleUnit.text;
  if (/[.;,]$/u.test(title) && !title.endsWith("...")) {
    warnings.push(`Tiêu đề kết thúc bằng dấu câu, có thể tệp thiếu dòng tiêu đề: ${quote(title)}.`);
  }
  const source = sourceUnit.text.replace(SOURCE_PREFIX, "");
  if (endsSentence(source)) warnings.push(`Dòng nguồn kết thúc bằng dấu câu: ${quote(source)}.`);

  // --- lead, then body
  const middle = rest.slice(0, -1).map((u) => u.text);
  const blocks: LegacyBlock[] = [];
  let i = 0;
  const takeFigure = (): void => {
    const src = middle[i] as string;
    const next = middle[i + 1];
    const caption = next !== undefined && !isHeading(next) && isCaptionLike(next) ? next : null;
    blocks.push({ type: "figure", src, caption });
    i += caption === null ? 1 : 2;
  };

  while (i < middle.length && isImageUrl(middle[i] as string)) {
    warnings.push("Có ảnh nằm trước sapo; đã đưa vào đầu nội dung.");
    takeFigure();
  }
  const lead = middle[i];
  if (lead === undefined) return fail(LEGACY_FAILURE.noBody);
  i++;
  if (!endsSentence(lead)) warnings.push(`Sapo không kết thúc bằng dấu câu: ${quote(lead)}.`);

  while (i < middle.length) {
    const t = middle[i] as string;
    if (isImageUrl(t)) {
      takeFigure();
      continue;
    }
    if (isHeading(t)) blocks.push({ type: "heading", text: t });
    else if (isCaptionLike(t)) blocks.push({ type: "caption", text: t });
    else blocks.push({ type: "paragraph", text: t });
    i++;
  }
  if (!blocks.some((b) => b.type === "paragraph" || b.type === "heading")) {
    warnings.push("Bài viết không có đoạn nội dung nào ngoài sapo.");
  }

  const post: LegacyPost = { title, publishedAt: found.parsed.instant, lead, source, blocks };
  return { ok: true, post, warnings };
}

/** The per-file summary printed by an import dry run. */
export function toDryRunRecord(post: LegacyPost, slug: string): LegacyDryRunRecord {
  const captions: string[] = [];
  const paragraphs: string[] = [];
  for (const block of post.blocks) {
    if (block.type === "caption") captions.push(block.text);
    else if (block.type === "figure") {
      if (block.caption !== null) captions.push(block.caption);
    } else paragraphs.push(block.text);
  }
  return {
    title: post.title,
    slug,
    publishedAt: toVietnamIso(post.publishedAt),
    lead: post.lead,
    source: post.source,
    captions,
    paragraphs,
  };
}
