import { parse } from "csv-parse/sync";
import { parseCalendarDay } from "@/lib/vi/calendar-day";
import { foldForSearch } from "@/lib/vi/fold";
import { cleanLine } from "@/lib/vi/text";
import { parseDocumentNumber, type DocumentNumber } from "./number";
import { checkValidityDates, parseValidityStatus, presentValidity, VALIDITY_STATUSES, type ValidityStatus } from "./status";

/*
 * The parsing half of `npm run import:documents -- FILE.csv`: one row per document, checked into a
 * typed record or refused with its line and the reason in Vietnamese. Pure: no database, no files.
 * Spreadsheets save CSV in many ways; this reads UTF-8 with or without a BOM (Excel's "CSV UTF-8"),
 * UTF-16 with a BOM, commas, semicolons or tabs between cells (taken from the header line), CRLF or
 * LF, quoted cells with line breaks, stray quotes inside unquoted cells, and dates as dd/mm/yyyy.
 */

export type DocumentCsvColumn = {
  key: keyof Omit<DocumentCsvRow, "line">;
  /** The header as the sample file writes it. */
  header: string;
  /** Other headers accepted for it, compared folded (no diacritics, case, spaces or punctuation). */
  aliases: string[];
  required: boolean;
  /** For the README. */
  description: string;
};

export const DOCUMENT_CSV_COLUMNS: readonly DocumentCsvColumn[] = [
  { key: "type", header: "Loại văn bản", aliases: ["Loại", "type"], required: true, description: "Luật, Nghị định, Thông tư, Quyết định, Công văn, Thông báo, Kế hoạch…" },
  { key: "number", header: "Số/Ký hiệu", aliases: ["Số ký hiệu", "Số hiệu", "number"], required: true, description: "65/2023/NĐ-CP, 1234/QĐ-SHTT; unique per issuing body" },
  { key: "issuer", header: "Cơ quan ban hành", aliases: ["Cơ quan", "issuer"], required: true, description: "Chính phủ, Bộ Khoa học và Công nghệ, Cục Sở hữu trí tuệ…" },
  { key: "signer", header: "Người ký", aliases: ["signer"], required: false, description: "name of the signer, optionally with the title" },
  { key: "issuedOn", header: "Ngày ban hành", aliases: ["issued"], required: true, description: "dd/mm/yyyy (or yyyy-mm-dd)" },
  { key: "effectiveFrom", header: "Ngày có hiệu lực", aliases: ["Ngày hiệu lực", "effective from"], required: false, description: "dd/mm/yyyy; empty if unknown" },
  { key: "effectiveUntil", header: "Ngày hết hiệu lực", aliases: ["effective until"], required: false, description: "dd/mm/yyyy: the first day it no longer applies" },
  {
    key: "manualStatus",
    header: "Tình trạng hiệu lực",
    aliases: ["Tình trạng", "status"],
    required: false,
    description: "empty: from the dates; or Chưa có hiệu lực / Còn hiệu lực / Hết hiệu lực một phần / Hết hiệu lực toàn bộ",
  },
  { key: "fields", header: "Lĩnh vực", aliases: ["fields"], required: false, description: "one or more, separated by ;" },
  { key: "summary", header: "Trích yếu", aliases: ["summary"], required: true, description: "the document's summary line" },
  { key: "replaces", header: "Thay thế", aliases: ["Văn bản thay thế", "replaces"], required: false, description: "numbers of the documents this one replaces, separated by ;" },
  { key: "amends", header: "Sửa đổi", aliases: ["Sửa đổi, bổ sung", "Văn bản sửa đổi", "amends"], required: false, description: "numbers of the documents this one amends, separated by ;" },
  {
    key: "nationalDatabaseUrl",
    header: "Liên kết CSDL quốc gia",
    aliases: ["CSDL quốc gia", "Liên kết", "url"],
    required: false,
    description: "http(s) address of the document in the national legal database",
  },
  { key: "files", header: "Tệp", aliases: ["Tệp đính kèm", "files"], required: false, description: "file names in --files DIR, separated by ;, each optionally followed by |label" },
];

export type DocumentCsvFile = { name: string; label: string | null };

export type DocumentCsvRow = {
  /** Line of the file where the row starts (the header is line 1), for messages. */
  line: number;
  type: string;
  number: DocumentNumber;
  issuer: string;
  signer: string | null;
  /** Vietnam calendar days, `yyyy-mm-dd`. */
  issuedOn: string;
  effectiveFrom: string | null;
  effectiveUntil: string | null;
  /** null: derive from the dates (lib/documents/status.ts). */
  manualStatus: ValidityStatus | null;
  fields: string[];
  summary: string;
  replaces: DocumentNumber[];
  amends: DocumentNumber[];
  nationalDatabaseUrl: string | null;
  files: DocumentCsvFile[];
};

export type CsvIssue = { line: number; message: string };

export type DocumentCsvResult =
  /** `rows` are the valid rows; a row with any error is left out and its errors listed. */
  | { ok: true; rows: DocumentCsvRow[]; errors: CsvIssue[]; warnings: CsvIssue[] }
  /** The file as a whole cannot be read (encoding, header, size). */
  | { ok: false; error: string };

export const MAX_CSV_ROWS = 10_000;
const MAX = { type: 100, issuer: 200, signer: 200, summary: 2000, field: 100, label: 200, fileName: 255, url: 2000 } as const;

/** `Dòng 5: …`, the form the importer prints. */
export function csvIssueText(issue: CsvIssue): string {
  return `Dòng ${issue.line}: ${issue.message}`;
}

// ---------------------------------------------------------------------------------------------

const NOT_UTF8 = "Tệp không phải văn bản UTF-8. Trong Excel hãy chọn Lưu thành › CSV UTF-8 (Comma delimited) (*.csv).";

function decode(input: Uint8Array | string): string | null {
  if (typeof input === "string") return input.replace(/^\uFEFF/, "");
  const bytes = input;
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le", { fatal: true }).decode(bytes.subarray(2));
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be", { fatal: true }).decode(bytes.subarray(2));
    // TextDecoder drops a UTF-8 BOM itself.
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The cell separator, from the header line, counting outside quotes: the headers never contain one. */
function detectDelimiter(text: string): string {
  const end = text.indexOf("\n");
  const header = (end < 0 ? text : text.slice(0, end)).replace(/"[^"]*"/g, "");
  const counts = [",", ";", "\t"].map((d) => [d, header.split(d).length - 1] as const);
  const [best] = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best;
}

const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const clean = (cell: string | undefined) => cleanLine((cell ?? "").replace(BIDI_CONTROLS, ""));
const headerKey = (text: string) => foldForSearch(text).replace(/[^a-z0-9]+/g, "");

type CsvRecord = { cells: string[]; line: number };

function readRecords(text: string, delimiter: string): CsvRecord[] {
  // One kind of line break first: csv-parse counts lines by its record delimiter.
  const parsed = parse(text.replace(/\r\n?/g, "\n"), {
    delimiter,
    record_delimiter: "\n",
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    info: true,
    raw: true,
  }) as unknown as Array<{ record: string[]; raw: string; info: { lines: number } }>; // the shape info and raw give
  return parsed.map(({ record, raw, info }) => {
    // `info.lines` is the line the record ends on; its own line breaks (not blank lines before it) say where it started.
    const own = raw.replace(/^\n+/, "").replace(/\n$/, "");
    return { cells: record, line: info.lines - (own.match(/\n/g)?.length ?? 0) };
  });
}

/** Reads a CSV of documents into typed rows, or errors naming their line and reason in Vietnamese. */
export function parseDocumentCsv(input: Uint8Array | string): DocumentCsvResult {
  const text = decode(input);
  if (text === null) return { ok: false, error: NOT_UTF8 };
  let records: CsvRecord[];
  try {
    records = readRecords(text, detectDelimiter(text));
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return { ok: false, error: `Không đọc được tệp CSV${line ? ` (dòng ${line})` : ""}: có dấu ngoặc kép chưa đóng hoặc định dạng lạ.` };
  }
  records = records.filter((r) => r.cells.some((cell) => clean(cell) !== ""));
  const [header, ...body] = records;
  if (!header) return { ok: false, error: "Tệp CSV trống." };
  if (body.length > MAX_CSV_ROWS) return { ok: false, error: `Tệp có ${body.length} văn bản, nhiều hơn ${MAX_CSV_ROWS}; hãy chia thành nhiều tệp.` };

  const warnings: CsvIssue[] = [];
  const columns = mapHeader(header, warnings);
  if (typeof columns === "string") return { ok: false, error: columns };

  const rows: DocumentCsvRow[] = [];
  const errors: CsvIssue[] = [];
  const seen = new Map<string, number>();
  for (const record of body) {
    const problems: string[] = [];
    const notes: string[] = [];
    if (record.cells.length > header.cells.length) {
      problems.push(`Dòng có ${record.cells.length} ô, nhiều hơn số cột của dòng tiêu đề (${header.cells.length}): có thể thiếu dấu ngoặc kép quanh một ô có dấu phẩy.`);
    }
    const cell = (key: DocumentCsvColumn["key"]) => {
      const index = columns.get(key);
      return index === undefined ? "" : clean(record.cells[index]);
    };
    const row = readRow(cell, record.line, problems, notes);
    if (row) {
      const duplicateKey = `${foldForSearch(row.issuer)}|${row.number.key}`;
      const earlier = seen.get(duplicateKey);
      if (earlier !== undefined) problems.push(`Trùng Số/Ký hiệu ${row.number.display} của cùng cơ quan ban hành với dòng ${earlier}.`);
      else seen.set(duplicateKey, record.line);
    }
    for (const message of problems) errors.push({ line: record.line, message });
    for (const message of notes) warnings.push({ line: record.line, message });
    if (row && problems.length === 0) rows.push(row);
  }
  return { ok: true, rows, errors, warnings };
}

function mapHeader(header: CsvRecord, warnings: CsvIssue[]): Map<DocumentCsvColumn["key"], number> | string {
  const byName = new Map<string, DocumentCsvColumn>();
  for (const column of DOCUMENT_CSV_COLUMNS) for (const name of [column.header, ...column.aliases]) byName.set(headerKey(name), column);
  const columns = new Map<DocumentCsvColumn["key"], number>();
  header.cells.forEach((raw, index) => {
    const name = clean(raw);
    const column = byName.get(headerKey(name));
    if (!column) {
      if (name) warnings.push({ line: header.line, message: `Cột «${name}» không dùng đến, bỏ qua.` });
      return;
    }
    if (columns.has(column.key)) warnings.push({ line: header.line, message: `Cột «${column.header}» xuất hiện hai lần; dùng cột đầu tiên.` });
    else columns.set(column.key, index);
  });
  const missing = DOCUMENT_CSV_COLUMNS.filter((c) => c.required && !columns.has(c.key)).map((c) => c.header);
  if (missing.length > 0) return `Dòng tiêu đề thiếu cột bắt buộc: ${missing.join(", ")}. Các cột: ${DOCUMENT_CSV_COLUMNS.map((c) => c.header).join(", ")}.`;
  return columns;
}

type Cell = (key: DocumentCsvColumn["key"]) => string;

function readRow(cell: Cell, line: number, problems: string[], notes: string[]): DocumentCsvRow | null {
  const text = (key: DocumentCsvColumn["key"], label: string, max: number, required: boolean): string | null => {
    const value = cell(key);
    if (!value) {
      if (required) problems.push(`Thiếu ${label}.`);
      return null;
    }
    if (Array.from(value).length > max) problems.push(`${label} dài quá ${max} ký tự.`);
    return value;
  };
  const day = (key: DocumentCsvColumn["key"], label: string, required: boolean): string | null => {
    const value = cell(key);
    if (!value) {
      if (required) problems.push(`Thiếu ${label}.`);
      return null;
    }
    const parsed = parseCalendarDay(value);
    if (!parsed) problems.push(`${label} «${value}» không phải ngày hợp lệ (dạng dd/mm/yyyy).`);
    return parsed;
  };

  const type = text("type", "Loại văn bản", MAX.type, true);
  const numberText = text("number", "Số/Ký hiệu", 100, true);
  const number = numberText ? parseDocumentNumber(numberText) : null;
  if (numberText && !number) problems.push(`Số/Ký hiệu «${numberText}» không đúng dạng (ví dụ 65/2023/NĐ-CP, 1234/QĐ-SHTT, 05/CT-TTg).`);
  const issuer = text("issuer", "Cơ quan ban hành", MAX.issuer, true);
  const signer = text("signer", "Người ký", MAX.signer, false);
  const issuedOn = day("issuedOn", "Ngày ban hành", true);
  const effectiveFrom = day("effectiveFrom", "Ngày có hiệu lực", false);
  const effectiveUntil = day("effectiveUntil", "Ngày hết hiệu lực", false);
  const dates = checkValidityDates({ issuedOn, effectiveFrom, effectiveUntil });
  problems.push(...dates.errors);
  notes.push(...dates.warnings);
  if (number?.year && issuedOn && Number(issuedOn.slice(0, 4)) !== number.year) {
    notes.push(`Năm trong Số/Ký hiệu (${number.year}) khác năm ban hành (${issuedOn.slice(0, 4)}).`);
  }
  const statusText = cell("manualStatus");
  const manualStatus = statusText ? parseValidityStatus(statusText) : null;
  if (statusText && !manualStatus) {
    const allowed = VALIDITY_STATUSES.map((s) => presentValidity(s).vi).join(", ");
    problems.push(`Tình trạng hiệu lực «${statusText}» không hợp lệ; dùng một trong: ${allowed}, hoặc để trống để tính theo ngày.`);
  }
  const summary = text("summary", "Trích yếu", MAX.summary, true);
  const fields = readFields(cell("fields"), problems);
  const replaces = readRelated(cell("replaces"), "Thay thế", number, problems);
  const amends = readRelated(cell("amends"), "Sửa đổi", number, problems);
  const nationalDatabaseUrl = readUrl(cell("nationalDatabaseUrl"), problems);
  const files = readFiles(cell("files"), problems);

  if (!type || !number || !issuer || !issuedOn || !summary) return null;
  return { line, type, number, issuer, signer, issuedOn, effectiveFrom, effectiveUntil, manualStatus, fields, summary, replaces, amends, nationalDatabaseUrl, files };
}

const splitList = (value: string) =>
  value
    .split(";")
    .map((part) => clean(part))
    .filter(Boolean);

function readFields(value: string, problems: string[]): string[] {
  const fields: string[] = [];
  const seen = new Set<string>();
  for (const field of splitList(value)) {
    if (Array.from(field).length > MAX.field) problems.push(`Lĩnh vực «${field}» dài quá ${MAX.field} ký tự.`);
    const key = foldForSearch(field);
    if (!seen.has(key)) fields.push(field);
    seen.add(key);
  }
  return fields;
}

function readRelated(value: string, label: string, self: DocumentNumber | null, problems: string[]): DocumentNumber[] {
  const related: DocumentNumber[] = [];
  for (const item of splitList(value)) {
    const number = parseDocumentNumber(item);
    if (!number) problems.push(`${label}: «${item}» không phải Số/Ký hiệu hợp lệ.`);
    else if (self && number.key === self.key) problems.push(`${label}: văn bản không thể ${label.toLowerCase()} chính nó.`);
    else if (!related.some((r) => r.key === number.key)) related.push(number);
  }
  return related;
}

function readUrl(value: string, problems: string[]): string | null {
  if (!value) return null;
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {
    // reported below
  }
  if (!url || (url.protocol !== "https:" && url.protocol !== "http:") || value.length > MAX.url) {
    problems.push(`Liên kết CSDL quốc gia «${value}» phải là một địa chỉ http:// hoặc https://.`);
    return null;
  }
  return url.href;
}

// A file column names files in the --files folder: a name, never a path.
const BAD_FILE_NAME = /[\\/\u0000-\u001f\u007f]|^\.\.?$/;

function readFiles(value: string, problems: string[]): DocumentCsvFile[] {
  const files: DocumentCsvFile[] = [];
  for (const item of splitList(value)) {
    const bar = item.indexOf("|");
    const name = clean(bar < 0 ? item : item.slice(0, bar));
    const label = bar < 0 ? null : clean(item.slice(bar + 1)) || null;
    if (!name || BAD_FILE_NAME.test(name) || name.length > MAX.fileName) {
      problems.push(`Tệp «${name}» không hợp lệ: chỉ ghi tên tệp trong thư mục --files, không ghi đường dẫn.`);
    } else if (files.some((f) => f.name === name)) {
      problems.push(`Tệp «${name}» được ghi hai lần.`);
    } else {
      if (label && Array.from(label).length > MAX.label) problems.push(`Nhãn của tệp «${name}» dài quá ${MAX.label} ký tự.`);
      files.push({ name, label });
    }
  }
  return files;
}
