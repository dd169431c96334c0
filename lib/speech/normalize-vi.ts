/*
 * Vietnamese text as it should be spoken: what a speech engine is given instead of the written text.
 * Pure and table-driven (abbreviations-vi.ts holds the words, vi-numbers.ts the number reading).
 *
 * How things are read, and why:
 * - Numbers use Vietnamese writing: "." groups thousands (1.234.567), "," is the decimal mark (3,5 →
 *   "ba phẩy năm"). A dot followed by other than three digits is read "chấm" (4.0 → "bốn chấm
 *   không", a version or section number). A number written with a leading zero is read digit by
 *   digit (a code or a telephone number). Reading rules (mốt, tư, lăm, linh, mười/mươi, nghìn,
 *   triệu, tỷ) are in vi-numbers.ts; the northern forms by default, `dialect: "south"` gives
 *   ngàn/lẻ.
 * - Dates: 29/12/2020, 29-12-2020 and 29.12.2020 → "ngày hai mươi chín tháng mười hai năm hai
 *   nghìn không trăm hai mươi" ("ngày" is not repeated after "ngày"); 12/2020 → "tháng mười hai năm
 *   …"; 29/12 only after "ngày"/"mồng"/"mùng" (elsewhere 1/2 is a fraction, "một phần hai");
 *   25-26/12 → "hai mươi lăm đến hai mươi sáu tháng mười hai". April is "tháng tư".
 * - Times: 17:12 and 17h12 → "mười bảy giờ mười hai phút"; 17h and 17h00 → "mười bảy giờ";
 *   SA/CH after a time → sáng/chiều.
 * - Ranges between numbers (2020-2025, 10–15%) → "… đến …".
 * - Ordinals after "thứ": 1 → nhất, 4 → tư (thứ hai, lần thứ nhất); Roman numerals only where a
 *   Vietnamese text uses them (lần thứ V, khóa XV, Đại hội XIII, Chương II, quý IV, thế kỷ XXI,
 *   and "I." opening a block), never a lone capital I or V elsewhere.
 * - Legal document number symbols are read as people cite them: number, "năm" and the year, the
 *   document type unless the words just before already name it, and "của" + the issuing body:
 *   "Nghị định 65/2023/NĐ-CP" → "Nghị định sáu mươi lăm năm hai nghìn không trăm hai mươi ba của
 *   Chính phủ"; "Số 1234/QĐ-SHTT" → "Số một nghìn hai trăm ba mươi tư, quyết định của Cục Sở hữu trí
 *   tuệ"; a term number after the body is "khóa" (QH15 → Quốc hội khóa mười lăm); Party style
 *   52-NQ/TW likewise. A code not in the tables is spelt with Vietnamese letter names.
 * - Abbreviations come from a table (TP. → thành phố, ThS./Th.S → thạc sĩ, KH&CN → khoa học và
 *   công nghệ, UBND, SHTT …); titles written without their dot (TS, GS, PGS, TP) only before a
 *   name, where they cannot be ordinary words.
 * - Web and e-mail addresses are read as their host ("ipvietnam chấm gov chấm vê nờ"), not letter
 *   by letter through the path; the legacy end mark "./." is dropped; "&" is "và"; a spaced dash
 *   between words is a pause (a comma).
 */
import { ABBREVIATIONS_VI, DOCUMENT_TYPES_VI, ISSUERS_VI, LETTER_NAMES_VI } from "./abbreviations-vi";
import { readDigits, readFraction, readInteger, readMonth, readOrdinal, romanValue, type ViDialect } from "./vi-numbers";

export type NormalizeViOptions = { dialect?: ViDialect };

const WORD = "\\p{L}\\p{M}\\p{N}";
const START = `(?<![${WORD}])`;
const END = `(?![${WORD}])`;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const spaced = (s: string) => ` ${s} `;

type Rule = (text: string, dialect: ViDialect) => string;

// ---------------------------------------------------------------- addresses

const URL_PATTERN =
  /(?:https?:\/\/|www\.)[^\s<>"“”]+|(?<![\p{L}\p{N}@.])(?:[a-z0-9-]+\.)+(?:vn|com|org|net|gov|edu|int|info)(?![\p{L}\p{N}])(?:\/[^\s<>"“”]*)?/gu;
const EMAIL_PATTERN = /[\p{L}\p{N}._%+-]+@(?:[a-z0-9-]+\.)+[a-z]{2,}/giu;
const HOST_LABELS: Record<string, string> = { vn: "vê nờ" };

function readHost(host: string): string {
  return host
    .toLowerCase()
    .split(".")
    .filter(Boolean)
    .map((label) => HOST_LABELS[label] ?? label)
    .join(" chấm ");
}

const addresses: Rule = (text) =>
  text
    .replace(EMAIL_PATTERN, (email) => {
      const [local = "", domain = ""] = email.split("@");
      return spaced(`${local.replace(/[._-]/g, " ")} a còng ${readHost(domain)}`);
    })
    .replace(URL_PATTERN, (url) => {
      const trailing = /[.,;:!?)]+$/.exec(url)?.[0] ?? "";
      const bare = url.slice(0, url.length - trailing.length);
      const host = bare.replace(/^https?:\/\//, "").replace(/^www\./, "").split(/[/?#]/)[0] ?? "";
      return spaced(readHost(host)) + trailing;
    });

// ---------------------------------------------------------------- document number symbols

const CODE = "\\p{Lu}[\\p{L}]*\\d*";
const SYMBOL = new RegExp(`${START}(\\d{1,5})\\/(?:(\\d{4})\\/)?(${CODE}(?:-${CODE})*)${END}`, "gu");
const PARTY_SYMBOL = new RegExp(`${START}(\\d{1,5})-(${CODE})\\/(${CODE}(?:\\/${CODE})*)${END}`, "gu");

function spell(code: string): string {
  return Array.from(code.toUpperCase(), (ch) => LETTER_NAMES_VI[ch] ?? (/\d/.test(ch) ? readDigits(ch) : ""))
    .filter(Boolean)
    .join(" ");
}

function issuerName(code: string, dialect: ViDialect): string {
  const known = ISSUERS_VI[code];
  if (known) return known;
  const term = /^(\p{Lu}[\p{L}]*?)(\d+)$/u.exec(code);
  if (term && ISSUERS_VI[term[1]!]) return `${ISSUERS_VI[term[1]!]} khóa ${readInteger(term[2]!, dialect)}`;
  const abbreviation = ABBREVIATIONS_VI.find((a) => a.written.includes(code) && !a.before);
  return abbreviation ? abbreviation.spoken : spell(code);
}

/** Whether the words just before the symbol already name its type ("Nghị định số 65/…"). */
function typeAlreadySaid(type: string, before: string): boolean {
  return new RegExp(`${escapeRegExp(type)}\\s+(?:số\\s+)?$`, "iu").test(before.slice(-60));
}

function readSymbol(number: string, year: string | undefined, parts: string[], before: string, dialect: ViDialect): string {
  const [first = "", ...rest] = parts;
  const type = DOCUMENT_TYPES_VI[first];
  const issuers = type ? rest : parts;
  let spoken = readInteger(number, dialect);
  if (year) spoken += ` năm ${readInteger(year, dialect)}`;
  if (type && !typeAlreadySaid(type, before)) spoken += `, ${type}`;
  if (issuers.length > 0) spoken += ` của ${issuers.map((code) => issuerName(code, dialect)).join(", ")}`;
  return spaced(spoken);
}

const documentSymbols: Rule = (text, dialect) =>
  text
    .replace(PARTY_SYMBOL, (_m, number: string, type: string, issuers: string, offset: number, whole: string) =>
      readSymbol(number, undefined, [type, ...issuers.split("/")], whole.slice(0, offset), dialect),
    )
    .replace(SYMBOL, (_m, number: string, year: string | undefined, code: string, offset: number, whole: string) =>
      readSymbol(number, year, code.split("-"), whole.slice(0, offset), dialect),
    );

// ---------------------------------------------------------------- abbreviations

const ABBREVIATION_RULES = ABBREVIATIONS_VI.flatMap((entry) => entry.written.map((written) => ({ written, entry })))
  .sort((a, b) => b.written.length - a.written.length)
  .map(({ written, entry }) => {
    const end = written.endsWith(".") ? "" : `(?![${WORD}&])`;
    const context = entry.before === "name" ? "(?=\\.?\\s*\\p{Lu})" : entry.before === "number" ? "(?=\\s*\\d)" : "";
    return { pattern: new RegExp(`${START}${escapeRegExp(written)}${end}${context}`, "gu"), spoken: spaced(entry.spoken) };
  });

const abbreviations: Rule = (text) => ABBREVIATION_RULES.reduce((out, rule) => out.replace(rule.pattern, rule.spoken), text);

// ---------------------------------------------------------------- dates and times

const validDay = (d: number) => d >= 1 && d <= 31;
const validMonth = (m: number) => m >= 1 && m <= 12;
const afterDayWord = (before: string) => /(?:ngày|mồng|mùng)\s*$/iu.test(before);
const afterMonthWord = (before: string) => /tháng\s*$/iu.test(before);

const FULL_DATE = /(?<![\p{N}/.,-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?![\p{N}]|[/.-]\d)/gu;
const DAY_RANGE = /(?<![\p{N}/.,-])(\d{1,2})\s*[-–]\s*(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?(?![\p{N}]|\/\d)/gu;
const DAY_MONTH = /(?<![\p{N}/.,-])(\d{1,2})\/(\d{1,2})(?![\p{N}]|\/\d)/gu;
const MONTH_YEAR = /(?<![\p{N}/.,-])(\d{1,2})\/(\d{4})(?![\p{N}]|\/\d)/gu;
const QUARTER = /(quý)\s+([IV]+|[1-4])(?:\s*\/\s*|\s+năm\s+)(\d{4})(?![\p{N}])/giu;
const MONTH_WORD = /(tháng)\s+(\d{1,2})(?![\p{N}])/giu;

const dates: Rule = (text, dialect) => {
  const day = (d: string) => readInteger(d, dialect);
  const month = (m: string) => readMonth(Number(m), dialect);
  const year = (y: string) => readInteger(y, dialect);
  return text
    .replace(QUARTER, (_m, word: string, q: string, y: string) => `${word} ${readInteger(romanValue(q) ?? Number(q), dialect)} năm ${year(y)}`)
    .replace(FULL_DATE, (m, d: string, _sep, mo: string, y: string, offset: number, whole: string) => {
      if (!validDay(Number(d)) || !validMonth(Number(mo))) return m;
      const lead = afterDayWord(whole.slice(0, offset)) ? "" : "ngày ";
      return spaced(`${lead}${day(d)} tháng ${month(mo)} năm ${year(y)}`);
    })
    .replace(DAY_RANGE, (m, d1: string, d2: string, mo: string, y: string | undefined, offset: number, whole: string) => {
      if (!validDay(Number(d1)) || !validDay(Number(d2)) || !validMonth(Number(mo))) return m;
      const lead = afterDayWord(whole.slice(0, offset)) ? "" : "ngày ";
      return spaced(`${lead}${day(d1)} đến ${day(d2)} tháng ${month(mo)}${y ? ` năm ${year(y)}` : ""}`);
    })
    .replace(DAY_MONTH, (m, d: string, mo: string, offset: number, whole: string) => {
      if (!afterDayWord(whole.slice(0, offset)) || !validDay(Number(d)) || !validMonth(Number(mo))) return m;
      return spaced(`${day(d)} tháng ${month(mo)}`);
    })
    .replace(MONTH_YEAR, (m, mo: string, y: string, offset: number, whole: string) => {
      if (!validMonth(Number(mo))) return m;
      const lead = afterMonthWord(whole.slice(0, offset)) ? "" : "tháng ";
      return spaced(`${lead}${month(mo)} năm ${year(y)}`);
    })
    .replace(MONTH_WORD, (m, word: string, mo: string) => (validMonth(Number(mo)) ? `${word} ${month(mo)}` : m));
};

const TIME = /(?<![\p{L}\p{N}:.,/])([01]?\d|2[0-3])\s?(?::|h)\s?([0-5]\d)(?::([0-5]\d))?(?![\p{N}])(?:\s?phút)?(?:\s?(SA|CH)(?![\p{L}]))?/gu;
const HOUR = /(?<![\p{L}\p{N}:.,/])(\d{1,2})h(?![\p{L}\p{N}])(?:\s?(SA|CH)(?![\p{L}]))?/gu;
const PERIOD: Record<string, string> = { SA: "sáng", CH: "chiều" };

const times: Rule = (text, dialect) =>
  text
    .replace(TIME, (_m, h: string, min: string, s: string | undefined, period: string | undefined) => {
      let spoken = `${readInteger(h, dialect)} giờ`;
      if (Number(min) > 0 || s) spoken += ` ${readInteger(min, dialect)} phút`;
      if (s) spoken += ` ${readInteger(s, dialect)} giây`;
      if (period) spoken += ` ${PERIOD[period]}`;
      return spaced(spoken);
    })
    .replace(HOUR, (_m, h: string, period: string | undefined) => spaced(`${readInteger(h, dialect)} giờ${period ? ` ${PERIOD[period]}` : ""}`));

// ---------------------------------------------------------------- ordinals and Roman numerals

const ORDINAL = /(?<![\p{L}])(thứ)\s+(\d{1,3})(?![\p{N}])/giu;
const ROMAN_CONTEXT = /(?<![\p{L}])(lần thứ|thứ|khóa|khoá|đại hội|chương|phần|mục|phụ lục|quý|kỳ|thế kỷ|đợt|hội nghị trung ương)\s+([IVXLCDM]+)(?![\p{L}\p{N}])/giu;
const ROMAN_LIST_MARKER = /(^|\n)(\s*)([IVXLC]+)\.(?=\s)/gu;

const ordinals: Rule = (text, dialect) =>
  text
    .replace(ORDINAL, (_m, word: string, n: string) => `${word} ${readOrdinal(Number(n), dialect)}`)
    .replace(ROMAN_CONTEXT, (m, word: string, numeral: string) => {
      const value = numeral === numeral.toUpperCase() ? romanValue(numeral) : null;
      if (value === null) return m;
      return `${word} ${/thứ$/iu.test(word) ? readOrdinal(value, dialect) : readInteger(value, dialect)}`;
    })
    .replace(ROMAN_LIST_MARKER, (m, start: string, space: string, numeral: string) => {
      const value = romanValue(numeral);
      return value === null ? m : `${start}${space}${readInteger(value, dialect)}.`;
    });

// ---------------------------------------------------------------- numbers

const RANGE = /(?<![\p{L}\p{N}.,/])(\d+(?:[.,]\d+)*)\s*[-–—]\s*(?=\d)/gu;
const FRACTION = /(?<![\p{L}\p{N}.,/])(\d{1,5})\/(\d{1,4})(?![\p{N}]|\/)/gu;
const NUMBER = /(?<![\p{L}\p{N}.,])(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d+|\d+\.\d+|\d+)(?![\p{N}])(?:(\s?)(%|km²|km2|km|m²|m2|m³|m3|ha|kg|cm|mm|USD|VNĐ|VND|đ)(?![\p{L}\p{N}]))?/gu;
const UNITS: Record<string, string> = {
  "%": "phần trăm",
  km: "ki lô mét",
  "km²": "ki lô mét vuông",
  km2: "ki lô mét vuông",
  "m²": "mét vuông",
  m2: "mét vuông",
  "m³": "mét khối",
  m3: "mét khối",
  ha: "héc ta",
  kg: "ki lô gam",
  cm: "xen ti mét",
  mm: "mi li mét",
  USD: "đô la Mỹ",
  VNĐ: "đồng",
  VND: "đồng",
  đ: "đồng",
};

function readNumber(written: string, dialect: ViDialect): string {
  if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(written) || /^\d+,\d+$/.test(written)) {
    const [whole = "", fraction] = written.split(",");
    const integer = readInteger(whole.replace(/\./g, ""), dialect);
    return fraction ? `${integer} phẩy ${readFraction(fraction, dialect)}` : integer;
  }
  if (written.includes(".")) {
    const [whole = "", fraction = ""] = written.split(".");
    return `${readWhole(whole, dialect)} chấm ${readDigits(fraction)}`;
  }
  return readWhole(written, dialect);
}

/** Digits without separators: a leading zero or more than fifteen digits make it a code, read digit by digit. */
const readWhole = (digits: string, dialect: ViDialect) =>
  (digits.length > 1 && digits.startsWith("0")) || digits.length > 15 ? readDigits(digits) : readInteger(digits, dialect);

const numbers: Rule = (text, dialect) =>
  text
    .replace(RANGE, "$1 đến ")
    .replace(FRACTION, (_m, a: string, b: string) => {
      if (b.length === 4 && Number(a) > 12) return spaced(`${readWhole(a, dialect)} năm ${readInteger(b, dialect)}`);
      const denominator = Number(b) === 4 ? "tư" : readWhole(b, dialect);
      return spaced(b.length <= 2 ? `${readWhole(a, dialect)} phần ${denominator}` : `${readWhole(a, dialect)} trên ${readWhole(b, dialect)}`);
    })
    .replace(NUMBER, (_m, written: string, _space, unit: string | undefined) =>
      spaced(readNumber(written, dialect) + (unit ? ` ${UNITS[unit]}` : "")),
    );

// ---------------------------------------------------------------- punctuation and spacing

const symbols: Rule = (text) =>
  text
    .replace(/\.\/\./g, ".")
    .replace(/&/g, " và ")
    .replace(/(?<=\p{L})\/(?=\p{L})/gu, " ")
    .replace(/\s+[-–—]+\s+/g, ", ")
    .replace(/(?<=\p{L})[-–](?=\p{L})/gu, " ")
    .replace(/[*#•▪_~^|<>]+/g, " ");

const tidy = (text: string) =>
  text
    .replace(/[ \t\u00a0]+/g, " ")
    .replace(/ *\n */g, "\n")
    .replace(/ +([.,;:!?…)\]”])/g, "$1")
    .replace(/([(“[]) +/g, "$1")
    .replace(/,\s*,/g, ",")
    .replace(/^[ ,]+|[ ,]+$/gm, "")
    .trim();

/** Removes what a reader never says and what would confuse the passes: invisible characters, odd spaces. */
const clean = (text: string) => text.normalize("NFC").replace(/[\u200b-\u200d\ufeff]/g, "").replace(/[\u00a0\u2007\u202f]/g, " ");

const RULES: Rule[] = [addresses, documentSymbols, abbreviations, dates, times, ordinals, numbers, symbols];

/** Vietnamese text as it is said aloud; see the comment at the top of this file for each rule. */
export function normalizeVietnamese(text: string, options: NormalizeViOptions = {}): string {
  const dialect = options.dialect ?? "north";
  return tidy(RULES.reduce((out, rule) => rule(out, dialect), clean(text)));
}
