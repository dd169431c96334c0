/*
 * Accessibility checks of a body before it is published, for every kind of content (news, pages,
 * English pages, documents): pure, on the stored editor JSON, so the editor shows them live and the
 * server and the importer apply the same list. Shaped like the pre-publish checklist
 * (lib/workflow/checklist.ts): a `key`, a Vietnamese `label` saying what and where, a `detail`
 * saying how to fix it; plus a severity and the ProseMirror range the editor selects to go there.
 *
 * Errors block publishing (like a missing alt text today); warnings do not:
 * - error: an empty heading (announced as a heading with nothing in it); an image whose alt text is
 *   a file name or a word that says nothing ("ảnh", "image"): WCAG 1.1.1 fails as if it had none.
 * - warning: heading levels that skip (H2 → H4), link text that says nothing ("tại đây", "xem
 *   thêm", "click here") or is a bare address, alt text that repeats the caption word for word, a
 *   table without a header row (the editor cannot yet add one to a pasted table), a long paragraph in
 *   capitals, a body pasted as one block, or line breaks used in place of paragraphs. Each can be
 *   right in context, so the editor decides.
 * Missing alt text is the checklist's "alt" item and is not repeated here.
 */
import { altOf } from "@/lib/richtext/figures";
import { childNodes, inlineText, nodeSize, walkWithPositions, type JsonNode } from "@/lib/richtext/positions";

export type AccessibilitySeverity = "error" | "warning";

export type AccessibilityRule =
  | "heading-empty"
  | "heading-skip"
  | "link-text"
  | "link-address"
  | "alt-file-name"
  | "alt-says-nothing"
  | "alt-repeats-caption"
  | "table-header"
  | "all-capitals"
  | "one-block"
  | "line-breaks";

export type AccessibilityFinding = {
  key: AccessibilityRule;
  severity: AccessibilitySeverity;
  /** What is wrong, naming where: "Tiêu đề thứ 3 …", "Ảnh thứ 2 …". */
  label: string;
  /** How to fix it. */
  detail: string;
  /** ProseMirror position of the node (before it), or of a link's first character: where the cursor goes. */
  from: number;
  /** End of the range to select. */
  to: number;
};

/** Link words that do not say where the link goes, compared after folding (lower case, no brackets or end marks). */
export const VAGUE_LINK_TEXT: ReadonlySet<string> = new Set([
  "tại đây", "ở đây", "đây", "vào đây", "bấm vào đây", "nhấn vào đây", "nhấp vào đây", "bấm đây", "click", "click vào đây",
  "xem thêm", "xem tiếp", "đọc thêm", "xem chi tiết", "chi tiết", "xem", "tải về", "tải xuống", "link", "liên kết", "đường dẫn",
  "here", "click here", "read more", "more", "see more", "learn more", "details", "this", "this link", "download", "link here",
]);

/** Alt texts that say nothing about the picture. */
export const EMPTY_ALT_WORDS: ReadonlySet<string> = new Set([
  "ảnh", "hình", "hình ảnh", "ảnh chụp", "bức ảnh", "ảnh minh họa", "ảnh minh hoạ", "hình minh họa", "hình minh hoạ", "minh họa", "minh hoạ",
  "image", "photo", "picture", "img", "pic", "graphic", "untitled", "không có tiêu đề", "ảnh bài viết", "ảnh đại diện",
]);

const IMAGE_EXTENSION = /\.(jpe?g|png|gif|webp|avif|bmp|tiff?|svg|heic)$/i;
const CAMERA_NAME = /^(img|dsc[nf]?|pxl|photo|image|screenshot|ảnh|anh|hinh|hình)[-_ ]?\d{2,}([-_ ]\d+)*$/iu;

/** Lower case, one space, no brackets, quotes or end marks around: how two texts are compared. */
const fold = (text: string) =>
  text
    .normalize("NFC")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/^[\s"'“”‘’«»()[\]<>→»›.,:;!?…-]+|[\s"'“”‘’«»()[\]<>→»›.,:;!?…-]+$/gu, "");

const quote = (text: string, max = 40) => `“${text.length > max ? `${text.slice(0, max - 1)}…` : text}”`;

type LinkMark = { type?: unknown; attrs?: { href?: unknown } };

function linkHref(node: JsonNode): string | null {
  if (!Array.isArray(node.marks)) return null;
  const link = (node.marks as LinkMark[]).find((m) => m?.type === "link");
  return link ? String(link.attrs?.href ?? "") : null;
}

/** The links of a text block: runs of text with the same link, their text and range. */
function linksOf(block: JsonNode, blockPos: number): { href: string; text: string; from: number; to: number }[] {
  const links: { href: string; text: string; from: number; to: number }[] = [];
  let pos = blockPos + 1;
  let current: { href: string; text: string; from: number; to: number } | null = null;
  for (const child of childNodes(block)) {
    const size = nodeSize(child);
    const href = child.type === "text" ? linkHref(child) : null;
    if (href !== null && current && current.href === href && current.to === pos) {
      current.text += String(child.text ?? "");
      current.to = pos + size;
    } else if (href !== null) {
      current = { href, text: String(child.text ?? ""), from: pos, to: pos + size };
      links.push(current);
    } else {
      current = null;
    }
    pos += size;
  }
  return links;
}

const looksLikeAddress = (text: string, href: string) => {
  const t = text.trim();
  if (!t || /\s/.test(t) || href.startsWith("mailto:")) return false;
  return /^(https?:\/\/|www\.)/i.test(t) || t === href || /^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+(\/\S*)?$/u.test(t);
};

function fileNameOf(src: string): string {
  const name = src.split(/[?#]/)[0]!.split("/").pop() ?? "";
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

function isFileName(alt: string, src: string): boolean {
  const file = fileNameOf(src);
  const bare = file.replace(/\.[a-z0-9]+$/i, "");
  return IMAGE_EXTENSION.test(alt) || CAMERA_NAME.test(alt) || (!!file && (alt === file || alt === bare));
}

// A word shaped like a Vietnamese syllable (initial consonants, vowels, a final): "HỘI", "NGHỊ", "ĐƯỢC".
// An all-capital word that is not, like "UBND", "SHTT" or "KHCN", is an acronym and is left out.
const VOWELS = "aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ";
const SYLLABLE = new RegExp(`^(ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdđghklmnpqrstvx])?[${VOWELS}]+(ng|nh|ch|[cmnpt])?$`, "iu");

const isAllCapitals = (text: string) => {
  const words = text
    .split(/[^\p{L}]+/u)
    .filter(Boolean)
    .filter((w) => w !== w.toUpperCase() || SYLLABLE.test(w));
  const letters = words.join("");
  if (letters.length < 25 || words.length < 5) return false;
  const upper = Array.from(letters).filter((ch) => ch !== ch.toLowerCase()).length;
  return upper / letters.length >= 0.8;
};

const TEXT_BLOCKS = new Set(["paragraph", "heading", "captionParagraph", "figure"]);
const ONE_BLOCK_CHARACTERS = 1200;
/** Lines this long on average, between line breaks, are paragraphs (an address or a poem has shorter ones). */
const LINE_LENGTH_OF_A_PARAGRAPH = 80;

/** The accessibility findings of a body, in document order. */
export function accessibilityFindings(body: unknown): AccessibilityFinding[] {
  const findings: AccessibilityFinding[] = [];
  const add = (key: AccessibilityRule, severity: AccessibilitySeverity, label: string, detail: string, from: number, to: number) =>
    findings.push({ key, severity, label, detail, from, to });
  const count = { heading: 0, link: 0, figure: 0, table: 0, paragraph: 0 };
  let previousLevel = 1; // the article's title is the page's H1
  const textBlocks: { node: JsonNode; pos: number; text: string }[] = [];

  walkWithPositions(body, ({ node, pos }) => {
    const type = String(node.type ?? "");
    const end = pos + nodeSize(node);

    if (TEXT_BLOCKS.has(type)) {
      const text = inlineText(node);
      if (text.trim() && (type === "paragraph" || type === "heading")) textBlocks.push({ node, pos, text });
      for (const link of linksOf(node, pos)) {
        const n = ++count.link;
        if (VAGUE_LINK_TEXT.has(fold(link.text))) {
          add("link-text", "warning", `Liên kết thứ ${n} có chữ ${quote(link.text.trim())} không cho biết dẫn tới đâu.`,
            "Viết chữ của liên kết nói rõ nơi đến, ví dụ “Toàn văn Nghị định 65/2023/NĐ-CP”: người dùng trình đọc màn hình thường nghe các liên kết tách khỏi câu.", link.from, link.to);
        } else if (looksLikeAddress(link.text, link.href)) {
          add("link-address", "warning", `Liên kết thứ ${n} là một địa chỉ web (${quote(link.text.trim())}).`,
            "Thay bằng tên trang hoặc tài liệu được dẫn tới; trình đọc màn hình sẽ đọc từng ký tự của địa chỉ.", link.from, link.to);
        }
      }
    }

    if (type === "heading") {
      const n = ++count.heading;
      const level = Number(node.attrs?.level) || 2;
      if (!inlineText(node).trim()) {
        add("heading-empty", "error", `Tiêu đề thứ ${n} (H${level}) trống.`,
          "Nhập nội dung cho tiêu đề, hoặc xoá dòng tiêu đề trống: trình đọc màn hình vẫn báo đó là một tiêu đề.", pos, end);
      } else if (level > previousLevel + 1) {
        add("heading-skip", "warning", `Tiêu đề thứ ${n} nhảy cấp: H${level} ngay sau H${previousLevel}.`,
          `Đổi tiêu đề này thành H${previousLevel + 1}, hoặc thêm một tiêu đề H${previousLevel + 1} phía trên: người dùng trình đọc màn hình dựa vào các cấp tiêu đề để nắm bố cục bài.`, pos, end);
      }
      previousLevel = level;
    } else if (type === "figure") {
      const n = ++count.figure;
      const alt = altOf({ attrs: node.attrs });
      const caption = inlineText(node).trim();
      if (!alt) return false; // the checklist's "alt" item
      if (isFileName(alt, String(node.attrs?.src ?? ""))) {
        add("alt-file-name", "error", `Ảnh thứ ${n} có mô tả là tên tệp ${quote(alt)}.`,
          "Viết mô tả ngắn về những gì trong ảnh (ai, làm gì, ở đâu), ví dụ “Đồng chí Ngô Việt Thắng trình bày báo cáo tại Hội nghị”.", pos, end);
      } else if (EMPTY_ALT_WORDS.has(fold(alt)) || /^(ảnh|hình|hình ảnh|image|photo|picture)\s*\d+$/iu.test(fold(alt))) {
        add("alt-says-nothing", "error", `Ảnh thứ ${n} có mô tả ${quote(alt)} không nói gì về ảnh.`,
          "Viết mô tả ngắn về những gì trong ảnh (ai, làm gì, ở đâu); người không nhìn thấy ảnh chỉ có mô tả này.", pos, end);
      } else if (caption && fold(alt) === fold(caption)) {
        add("alt-repeats-caption", "warning", `Mô tả của ảnh thứ ${n} lặp lại nguyên văn chú thích.`,
          "Người dùng trình đọc màn hình sẽ nghe cùng một câu hai lần. Hãy mô tả những gì nhìn thấy trong ảnh mà chú thích chưa nói (người, nơi, hoạt động).", pos, end);
      }
      return false;
    } else if (type === "table") {
      const n = ++count.table;
      const rows = childNodes(node);
      const isHeader = (cell: JsonNode | undefined) => cell?.type === "tableHeader";
      const headerRow = rows.length > 0 && childNodes(rows[0]!).length > 0 && childNodes(rows[0]!).every(isHeader);
      const headerColumn = rows.length > 0 && rows.every((row) => isHeader(childNodes(row)[0]));
      if (!headerRow && !headerColumn) {
        add("table-header", "warning", `Bảng thứ ${n} chưa có hàng tiêu đề.`,
          "Đặt tên các cột ở hàng đầu tiên và đánh dấu hàng đó là hàng tiêu đề, để trình đọc màn hình đọc tên cột cùng với mỗi ô.", pos, end);
      }
    } else if (type === "paragraph") {
      const text = inlineText(node);
      if (!text.trim()) return;
      const n = ++count.paragraph;
      if (isAllCapitals(text)) {
        add("all-capitals", "warning", `Đoạn văn thứ ${n} viết toàn chữ in hoa.`,
          "Viết chữ thường và dùng chữ đậm hoặc tiêu đề để nhấn mạnh: chữ in hoa khó đọc với người mắt kém hay đọc chậm, và có trình đọc màn hình đánh vần từng chữ.", pos, end);
      }
      const breaks = childNodes(node).filter((c) => c.type === "hardBreak").length;
      if (breaks >= 3 && text.length / (breaks + 1) >= LINE_LENGTH_OF_A_PARAGRAPH) {
        add("line-breaks", "warning", `Đoạn văn thứ ${n} dùng dấu xuống dòng thay cho chia đoạn (${breaks} lần xuống dòng).`,
          "Đặt con trỏ ở mỗi chỗ xuống dòng và nhấn Enter (không phải Shift+Enter) để tách thành các đoạn văn: người đọc và trình đọc màn hình dùng đoạn văn để định hướng.", pos, end);
      }
    }
  });

  const only = textBlocks.length === 1 ? textBlocks[0]! : null;
  if (only && only.node.type === "paragraph" && only.text.length >= ONE_BLOCK_CHARACTERS && !findings.some((f) => f.key === "line-breaks")) {
    add("one-block", "warning", `Nội dung là một khối liền ${only.text.length.toLocaleString("vi-VN")} ký tự, không chia đoạn.`,
      "Tách nội dung thành các đoạn văn ngắn (nhấn Enter giữa các ý); một khối chữ dài rất khó theo dõi, nhất là khi phóng to chữ hay nghe đọc.", only.pos, only.pos + nodeSize(only.node));
  }
  return findings.sort((a, b) => a.from - b.from);
}

/** The refusal a publish gets for the errors among the findings, all named at once; null when there are none. */
export function accessibilityRefusal(findings: readonly AccessibilityFinding[]): string | null {
  const errors = findings.filter((f) => f.severity === "error");
  if (errors.length === 0) return null;
  return `Chưa xuất bản được. Nội dung còn lỗi về khả năng tiếp cận: ${errors.map((f) => f.label.replace(/\.$/, "")).join("; ")}.`;
}
