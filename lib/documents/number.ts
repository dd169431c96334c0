import { searchWords } from "@/lib/search/query";
import { foldMarksAndCase } from "@/lib/vi/fold";
import { cleanLine } from "@/lib/vi/text";

/**
 * Số/ký hiệu of a Vietnamese document (Nghị định 30/2020/NĐ-CP, Phụ lục I; Luật Ban hành VBQPPL):
 * `65/2023/NĐ-CP` (serial / year / form code - issuer), `1234/QĐ-SHTT` (no year: administrative
 * documents), `50/2005/QH11` (laws: the issuer with its term, no form code), `123/SHTT-VP` (công văn:
 * issuer - unit, no form code), and the Party's `35-NQ/TW` (serial - form code / issuer).
 */
export type DocumentNumber = {
  /** As it is shown: `65/2023/NĐ-CP` (a leading "Số:", spaces and dash variants removed, codes upper-cased). */
  display: string;
  /** The serial as written, leading zeros kept: `05`, `123a`. */
  serial: string;
  year: number | null;
  /** What follows the serial and year: `NĐ-CP`, `QĐ-SHTT`, `QH15`; `NQ/TW` for the Party's form. */
  symbol: string;
  /** The form code the symbol starts with (`NĐ`, `TT`, `QĐ`, `CT`, `TB`, …), or null (laws, công văn). */
  formCode: string | null;
  /** The issuing body's code: `CP`, `BKHCN`, `SHTT`, `QH15`, `BKHCN-BTC`, `SHTT-VP`. */
  issuerCode: string;
  /**
   * Canonical key: upper case, đ → D, no leading zeros, one kind of dash (`65/2023/ND-CP`,
   * `5/CT-TTG`). Two spellings of one number have one key. It is unique only together with the
   * issuing body (every province has its `01/2023/QĐ-UBND`), so the registry's unique index is
   * (issuing body, key).
   */
  key: string;
};

/** Years a document number may carry: from the first laws of the Republic to well past any typo. */
const FIRST_YEAR = 1945;
const LAST_YEAR = 2200;

// Form codes of Nghị định 30/2020/NĐ-CP (Phụ lục III), the normative forms and the Party's, folded
// (Đ → D, upper case). The first part of a symbol is a form code only when more parts follow.
const FORM_CODES = new Set([
  "ND", "TT", "TTLT", "NQ", "NQLT", "QD", "CT", "L", "QC", "QYD", "TC", "TB", "HD", "CTR", "KH", "PA",
  "DA", "BC", "BB", "TTR", "CD", "BGN", "BTT", "GUQ", "GM", "GGT", "GNP", "PG", "PC", "PB", "KL", "VBHN", "SL",
]);
// Codes written in mixed case, and form codes whose Đ is certain when typed as D.
const CODE_SPELLING: Readonly<Record<string, string>> = { TTG: "TTg", TTR: "TTr", CTR: "CTr", QYD: "QyĐ" };
const FORM_SPELLING: Readonly<Record<string, string>> = { ND: "NĐ", QD: "QĐ" };

const PART = "[A-Za-zĐđ][A-Za-zĐđ0-9]*";
const SYMBOL = `${PART}(?:-${PART})*`;
// After normalizeNumberText: serial[/year]/symbol, or the Party's serial-form/issuer.
const STATE_FORM = new RegExp(`^(\\d{1,6}[A-Za-z]?)(?:/(\\d{4}))?/(${SYMBOL})$`);
const PARTY_FORM = new RegExp(`^(\\d{1,6})-(${PART})/(${SYMBOL})$`);

const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const SLASHES = /[\u2044\u2215\uFF0F]/g;
const NUMBER_LABEL = /^(?:số|so|no\.?)\s*[:.]?\s*(?=\d)/iu;

/** NFC, one kind of dash and slash, no "Số:" label, no spaces around separators. */
function normalizeNumberText(input: string): string {
  return cleanLine(input)
    .replace(DASHES, "-")
    .replace(SLASHES, "/")
    .replace(NUMBER_LABEL, "")
    .replace(/\s*([/-])\s*/g, "$1");
}

const foldCode = (code: string) => foldMarksAndCase(code).toUpperCase();

function spellCode(part: string, isForm: boolean): string {
  const folded = foldCode(part);
  if (isForm && FORM_SPELLING[folded] && part.toUpperCase() === folded) return FORM_SPELLING[folded];
  return CODE_SPELLING[folded] ?? part.toUpperCase();
}

function serialKey(serial: string): string {
  const [, digits = "", suffix = ""] = /^(\d+)(.*)$/.exec(serial) ?? [];
  return `${Number(digits)}${suffix.toUpperCase()}`;
}

function splitSymbol(symbol: string): { formCode: string | null; issuerParts: string[] } {
  const parts = symbol.split("-");
  if (parts.length > 1 && FORM_CODES.has(foldCode(parts[0]!))) {
    return { formCode: spellCode(parts[0]!, true), issuerParts: parts.slice(1).map((p) => spellCode(p, false)) };
  }
  return { formCode: null, issuerParts: parts.map((p) => spellCode(p, false)) };
}

/** Parses one số/ký hiệu (`65/2023/NĐ-CP`, `Số: 05/CT-TTg`, `35-NQ/TW`); null when it is not one. */
export function parseDocumentNumber(input: string): DocumentNumber | null {
  const text = normalizeNumberText(input);
  const party = PARTY_FORM.exec(text);
  if (party) {
    const [, serial, form, issuer] = party as unknown as [string, string, string, string];
    const formCode = spellCode(form, true);
    const issuerCode = issuer.split("-").map((p) => spellCode(p, false)).join("-");
    return {
      display: `${serial}-${formCode}/${issuerCode}`,
      serial,
      year: null,
      symbol: `${formCode}/${issuerCode}`,
      formCode,
      issuerCode,
      key: `${serialKey(serial)}-${foldCode(formCode)}/${foldCode(issuerCode)}`,
    };
  }
  const state = STATE_FORM.exec(text);
  if (!state) return null;
  const [, serial = "", yearText, rawSymbol = ""] = state;
  const year = yearText ? Number(yearText) : null;
  if (year !== null && (year < FIRST_YEAR || year > LAST_YEAR)) return null;
  const { formCode, issuerParts } = splitSymbol(rawSymbol);
  const issuerCode = issuerParts.join("-");
  const symbol = formCode ? `${formCode}-${issuerCode}` : issuerCode;
  const yearPart = year === null ? "" : `/${year}`;
  return {
    display: `${serial}${yearPart}/${symbol}`,
    serial,
    year,
    symbol,
    formCode,
    issuerCode,
    key: `${serialKey(serial)}${yearPart}/${foldCode(symbol)}`,
  };
}

/** The canonical key of a number as typed, for "this number already exists" checks; null if it is not one. */
export function documentNumberKey(input: string): string | null {
  return parseDocumentNumber(input)?.key ?? null;
}

// ---------------------------------------------------------------------------------------------
// Search: the tokens stored for a number, and the conditions a loosely typed query becomes.
// Both sides are folded words as lib/search/query.ts and FTS5's unicode61 tokenizer see them.

const numeric = (token: string) => (/^\d+$/.test(token) ? String(Number(token)) : token);

/**
 * The words stored in the search index's number column for a document: its serial (without
 * leading zeros as well), year, each code of the symbol, codes like `QH15` split into `qh` and
 * `15`, and the codes run together (`ndcp`), so `65/2023`, `65 2023 nd cp`, `ND-CP 65`,
 * `nđ-cp 65/2023`, `5/CT-TTg` and `NĐCP 65` all find `65/2023/NĐ-CP` or `05/CT-TTg`.
 */
export function documentNumberTokens(number: DocumentNumber): string[] {
  const tokens = new Set<string>();
  const serial = number.serial.toLowerCase();
  tokens.add(serial);
  tokens.add(numeric(serial.match(/^\d+/)![0]));
  if (number.year !== null) tokens.add(String(number.year));
  const codes = searchWords(number.symbol);
  for (const code of codes) {
    tokens.add(code);
    const pieces = code.match(/[a-z]+|\d+/g) ?? [];
    if (pieces.length > 1) for (const piece of pieces) tokens.add(numeric(piece));
  }
  if (codes.length > 1) tokens.add(codes.join(""));
  return [...tokens];
}

/** documentNumberTokens as one space-separated string, the value to store in the index's number column. */
export function documentNumberSearchText(number: DocumentNumber): string {
  return documentNumberTokens(number).join(" ");
}

// Names of forms as people type them before a number (`Nghị định 65/2023`), folded, longest first,
// and the code they stand for in a symbol. Laws and ordinances carry no form code, so their names
// are dropped along with the other words that only introduce a number.
const FORM_NAMES: ReadonlyArray<[string, string]> = [
  ["thong tu lien tich", "ttlt"],
  ["nghi quyet lien tich", "nqlt"],
  ["van ban hop nhat", "vbhn"],
  ["nghi dinh", "nd"],
  ["thong tu", "tt"],
  ["quyet dinh", "qd"],
  ["chi thi", "ct"],
  ["thong bao", "tb"],
  ["ke hoach", "kh"],
  ["nghi quyet", "nq"],
  ["huong dan", "hd"],
  ["bao cao", "bc"],
  ["to trinh", "ttr"],
  ["cong dien", "cd"],
  ["ket luan", "kl"],
  ["quy che", "qc"],
  ["quy dinh", "qyd"],
  ["chuong trinh", "ctr"],
  ["de an", "da"],
  ["phuong an", "pa"],
];
const INTRODUCING_WORDS = new Set(["so", "ky", "hieu", "van", "ban", "luat", "phap", "lenh", "cong"]);

/** Most tokens a number query keeps (a number has at most a handful). */
const MAX_NUMBER_TOKENS = 12;

export type DocumentNumberQuery = {
  /** Folded tokens, every one of which must be among a number's tokens for it to match. */
  tokens: string[];
  /** The canonical key when the query holds exactly one complete number, for an exact lookup; else null. */
  key: string | null;
  /** An FTS5 expression with every token as a quoted literal in the number column; null when no token is left. */
  match: string | null;
};

function queryTokens(text: string): string[] {
  let folded = ` ${searchWords(text).join(" ")} `;
  for (const [name, code] of FORM_NAMES) folded = folded.replaceAll(` ${name} `, ` ${code} `);
  const tokens: string[] = [];
  for (const word of folded.trim().split(" ")) {
    if (!word || INTRODUCING_WORDS.has(word)) continue;
    // `2023nd` (a slash forgotten before the codes) is the year and a code; `qh15` stays one code.
    const glued = /^(\d+)([a-z]{2,})$/.exec(word);
    for (const token of glued ? [glued[1]!, glued[2]!] : [word]) {
      const value = numeric(token);
      if (!tokens.includes(value)) tokens.push(value);
    }
  }
  return tokens.slice(0, MAX_NUMBER_TOKENS);
}

/**
 * Turns what a reader typed into number-search conditions: `65/2023`, `65 2023 nd cp`, `ND-CP 65`,
 * `nđ-cp 65/2023`, `Nghị định 65/2023` all become tokens that `65/2023/NĐ-CP`'s
 * documentNumberTokens contain. Word order does not matter; every token must match exactly (no
 * prefixes: `6/2023` does not find `65/2023`). `column` names the FTS5 column holding
 * documentNumberSearchText; a query of ordinary words simply matches no number.
 */
export function buildDocumentNumberQuery(input: string, column = "number"): DocumentNumberQuery {
  if (!/^[a-z_][a-z0-9_]*$/.test(column)) throw new Error(`invalid FTS5 column name ${column}`);
  const text = Array.from(input).slice(0, 200).join("");
  const found = findDocumentNumbers(text);
  const key = found.length === 1 ? found[0]!.number.key : documentNumberKey(text);
  const tokens = queryTokens(text);
  const match = tokens.length > 0 ? `${column} : (${tokens.map((t) => `"${t.replace(/"/g, '""')}"`).join(" ")})` : null;
  return { tokens, key, match };
}

/** Whether a loosely typed query finds a number: the same rule as the FTS5 condition, for use outside SQL. */
export function matchesDocumentNumber(query: string | DocumentNumberQuery, number: DocumentNumber): boolean {
  const { tokens } = typeof query === "string" ? buildDocumentNumberQuery(query) : query;
  if (tokens.length === 0) return false;
  const stored = new Set(documentNumberTokens(number));
  return tokens.every((token) => stored.has(token));
}

// ---------------------------------------------------------------------------------------------
// Numbers in running text, so a number typed in a post can become a link to its record.

export type DocumentNumberInText = {
  /** UTF-16 offsets into the text (what String.slice and ProseMirror's text positions count). */
  start: number;
  end: number;
  /** The text as it stands between start and end. */
  text: string;
  number: DocumentNumber;
};

// In prose the codes are written in capitals (`NĐ-CP`, `QĐ-TTg`), which keeps fractions, dates and
// scores out; dashes may be any of the dash characters Word substitutes.
const TEXT_PART = "[A-ZĐ][A-Za-zĐđ0-9]*";
const TEXT_DASH = "[-\u2010-\u2015\u2212]";
const TEXT_SYMBOL = `${TEXT_PART}(?:${TEXT_DASH}${TEXT_PART})*`;
const IN_TEXT = new RegExp(
  // Not inside a word, a path, a URL or a longer number.
  "(?<![\\p{L}\\p{N}/._\\-\u2010-\u2015])" +
    `(?:\\d{1,6}[a-z]?(?:/\\d{4})?/${TEXT_SYMBOL}|\\d{1,6}${TEXT_DASH}${TEXT_PART}/${TEXT_SYMBOL})` +
    // Not followed by more of a word or by a path going on (`/65/2023/ND-CP/abc`).
    "(?![\\p{L}\\p{N}]|/[\\p{L}\\p{N}])",
  "gu",
);

/**
 * The places in a text that hold a document number (`Nghị định số 65/2023/NĐ-CP`, `Quyết định
 * 1234/QĐ-SHTT`, `Chỉ thị 05-CT/TW`), in order: only the number itself, not "số" before it. Dates
 * (`31/12/2020`), fractions, URLs and lower-case codes are not numbers.
 */
export function findDocumentNumbers(text: string): DocumentNumberInText[] {
  const found: DocumentNumberInText[] = [];
  for (const match of text.matchAll(IN_TEXT)) {
    const number = parseDocumentNumber(match[0]);
    // One capital letter (`3/A`) is a footnote or a list item, not a symbol.
    if (!number || number.symbol.replace(/[^A-Za-zĐđ]/g, "").length < 2) continue;
    found.push({ start: match.index, end: match.index + match[0].length, text: match[0], number });
  }
  return found;
}
