// Numbers read the way a Vietnamese newsreader says them. Pure; used by normalize-vi.ts.
//
// The reading rules (northern usage by default, the agency is in Hà Nội):
// - units after "mươi" (20 and up): 1 → "mốt", 4 → "tư", 5 → "lăm" (21 hai mươi mốt, 24 hai mươi tư,
//   25 hai mươi lăm); after "mười" only 5 changes (15 mười lăm, but 11 mười một, 14 mười bốn);
// - a zero tens digit inside a number is "linh" (105 một trăm linh năm; the South says "lẻ");
// - a group after the first is read in full, with its zero hundreds: 2020 hai nghìn không trăm hai
//   mươi, 1005 một nghìn không trăm linh năm; a group that is all zeros is left out (1.000.005 một
//   triệu không trăm linh năm);
// - scales: nghìn (South: ngàn), triệu, tỷ; above a thousand billion the scales repeat (nghìn tỷ).

export type ViDialect = "north" | "south";

const DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"] as const;

const STYLE: Record<ViDialect, { thousand: string; zeroTens: string; fourAfterTens: string }> = {
  north: { thousand: "nghìn", zeroTens: "linh", fourAfterTens: "tư" },
  south: { thousand: "ngàn", zeroTens: "lẻ", fourAfterTens: "bốn" },
};

const digit = (d: number) => DIGITS[d] ?? "";

/** 0–999; `full` when a higher group came before, so zero hundreds and "linh" are said. */
function readTriple(n: number, full: boolean, dialect: ViDialect): string {
  const style = STYLE[dialect];
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor(n / 10) % 10;
  const units = n % 10;
  const words: string[] = [];
  if (hundreds > 0 || full) words.push(digit(hundreds), "trăm");
  if (tens === 0) {
    if (units > 0) {
      if (hundreds > 0 || full) words.push(style.zeroTens);
      words.push(digit(units));
    }
  } else if (tens === 1) {
    words.push("mười");
    if (units === 5) words.push("lăm");
    else if (units > 0) words.push(digit(units));
  } else {
    words.push(digit(tens), "mươi");
    if (units === 1) words.push("mốt");
    else if (units === 4) words.push(style.fourAfterTens);
    else if (units === 5) words.push("lăm");
    else if (units > 0) words.push(digit(units));
  }
  return words.join(" ");
}

/** Up to nine digits: triệu, nghìn and units groups. */
function readBelowBillion(digits: string, full: boolean, dialect: ViDialect): string {
  const padded = digits.padStart(9, "0");
  const groups = [Number(padded.slice(0, 3)), Number(padded.slice(3, 6)), Number(padded.slice(6))];
  const scales = ["triệu", STYLE[dialect].thousand, ""];
  const words: string[] = [];
  let started = full;
  groups.forEach((group, i) => {
    if (group === 0) return;
    words.push(readTriple(group, started, dialect));
    if (scales[i]) words.push(scales[i]!);
    started = true;
  });
  return words.join(" ");
}

/** A whole number given as digits (any length) or a safe integer: 2020 → "hai nghìn không trăm hai mươi". */
export function readInteger(value: string | number, dialect: ViDialect = "north"): string {
  const raw = typeof value === "number" ? String(value) : value;
  if (!/^\d+$/.test(raw)) throw new RangeError(`not a whole number: ${raw}`);
  const digits = raw.replace(/^0+(?=\d)/, "");
  if (/^0+$/.test(digits)) return DIGITS[0];
  if (digits.length > 9) {
    const low = readBelowBillion(digits.slice(-9), true, dialect);
    return `${readInteger(digits.slice(0, -9), dialect)} tỷ${low ? ` ${low}` : ""}`;
  }
  return readBelowBillion(digits, false, dialect);
}

/** Digit by digit, for codes, telephone numbers and numbers written with a leading zero: "0912" → "không chín một hai". */
export function readDigits(digits: string): string {
  return Array.from(digits.replace(/\D/g, ""), (d) => digit(Number(d))).join(" ");
}

/**
 * The part after the decimal comma: one digit, or two without a leading zero, as a number
 * (3,5 → "năm", 3,25 → "hai mươi lăm"); anything else digit by digit (3,05 → "không năm").
 */
export function readFraction(digits: string, dialect: ViDialect = "north"): string {
  if (digits.length === 1 || (digits.length === 2 && digits[0] !== "0")) return readInteger(digits, dialect);
  return readDigits(digits);
}

/** After "thứ": 1 → "nhất", 4 → "tư" (thứ nhất, thứ tư, lần thứ mười ba). */
export function readOrdinal(n: number, dialect: ViDialect = "north"): string {
  if (n === 1) return "nhất";
  if (n === 4) return "tư";
  return readInteger(n, dialect);
}

/** A month after "tháng": April is "tháng tư", the rest are cardinal. */
export function readMonth(n: number, dialect: ViDialect = "north"): string {
  return n === 4 ? "tư" : readInteger(n, dialect);
}

const ROMAN = /^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;
const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };

/** The value of a well-formed Roman numeral (XIII → 13), or null. */
export function romanValue(text: string): number | null {
  if (!text || !ROMAN.test(text)) return null;
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const value = ROMAN_VALUES[text[i]!]!;
    const next = ROMAN_VALUES[text[i + 1] ?? ""] ?? 0;
    total += value < next ? -value : value;
  }
  return total > 0 ? total : null;
}
