/*
 * English text as it is said aloud, for the agency's English pages. Smaller than normalize-vi.ts:
 * the English pages are few and short, and an English voice already copes with most writing.
 *
 * - Numbers use English writing ("," groups thousands, "." is the decimal point): 1,234,567 → "one
 *   million two hundred thirty-four thousand five hundred sixty-seven", 3.5 → "three point five".
 *   A lone four-digit number from 1100 to 2099 is a year (2020 → "twenty twenty", 2005 → "two
 *   thousand five"); a leading zero makes a code, read digit by digit.
 * - Dates are written day first, as on the Vietnamese pages: 31/12/2020 and 31-12-2020 → "the
 *   thirty-first of December twenty twenty"; 1st, 22nd → "first", "twenty-second".
 * - Times 17:12 → "seventeen twelve", 17:00 → "seventeen hundred", 9:05 → "nine oh five".
 * - Ranges 2020-2025 → "… to …"; 5% → "five percent".
 * - Document symbols 65/2023/ND-CP → "sixty-five of twenty twenty-three, N D C P".
 * - Abbreviations from the table below (Mr., Dr., No. before a number, e.g., etc., IP …).
 */

const ONES = [
  "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
  "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
] as const;
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"] as const;
const SCALES = ["", "thousand", "million", "billion", "trillion"] as const;
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"] as const;

function below100(n: number): string {
  if (n < 20) return ONES[n]!;
  const units = n % 10;
  return TENS[Math.floor(n / 10)]! + (units ? `-${ONES[units]}` : "");
}

function below1000(n: number): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (!hundreds) return below100(rest);
  return `${ONES[hundreds]} hundred${rest ? ` ${below100(rest)}` : ""}`;
}

/** A whole number of up to fifteen digits in words: 1234 → "one thousand two hundred thirty-four". */
export function englishCardinal(value: number): string {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`not a whole number: ${value}`);
  if (value === 0) return ONES[0];
  const words: string[] = [];
  let rest = value;
  for (let scale = 0; rest > 0; scale++) {
    const group = rest % 1000;
    if (group) words.unshift(`${below1000(group)}${SCALES[scale] ? ` ${SCALES[scale]}` : ""}`);
    rest = Math.floor(rest / 1000);
  }
  return words.join(" ");
}

const IRREGULAR_ORDINALS: Record<string, string> = { one: "first", two: "second", three: "third", five: "fifth", eight: "eighth", nine: "ninth", twelve: "twelfth" };

/** 1 → "first", 21 → "twenty-first", 100 → "one hundredth". */
export function englishOrdinal(value: number): string {
  const cardinal = englishCardinal(value);
  return cardinal.replace(/([a-z]+)$/, (last) => IRREGULAR_ORDINALS[last] ?? (last.endsWith("y") ? `${last.slice(0, -1)}ieth` : `${last}th`));
}

/** 2020 → "twenty twenty", 2005 → "two thousand five", 1999 → "nineteen ninety-nine", 1900 → "nineteen hundred". */
export function englishYear(year: number): string {
  if (year >= 2000 && year < 2010) return englishCardinal(year);
  const century = Math.floor(year / 100);
  const rest = year % 100;
  if (year < 1100 || year > 2099) return englishCardinal(year);
  if (rest === 0) return `${below100(century)} hundred`;
  return `${below100(century)} ${rest < 10 ? `oh ${ONES[rest]}` : below100(rest)}`;
}

const readDigits = (digits: string) => Array.from(digits, (d) => ONES[Number(d)]).join(" ");

function readNumber(written: string): string {
  const [whole = "", fraction] = written.replace(/,/g, "").split(".");
  const integer = whole.length > 1 && whole.startsWith("0") ? readDigits(whole) : whole.length > 15 ? readDigits(whole) : englishCardinal(Number(whole));
  return fraction ? `${integer} point ${readDigits(fraction)}` : integer;
}

type Abbreviation = { written: string; spoken: string; beforeNumber?: boolean };

export const ABBREVIATIONS_EN: readonly Abbreviation[] = [
  { written: "Assoc. Prof.", spoken: "Associate Professor" },
  { written: "Prof.", spoken: "Professor" },
  { written: "Dr.", spoken: "Doctor" },
  { written: "Mr.", spoken: "Mister" },
  { written: "Mrs.", spoken: "Missus" },
  { written: "Ms.", spoken: "Miz" },
  { written: "Ph.D.", spoken: "P H D" },
  { written: "PhD", spoken: "P H D" },
  { written: "No.", spoken: "number", beforeNumber: true },
  { written: "Nos.", spoken: "numbers", beforeNumber: true },
  { written: "e.g.", spoken: "for example" },
  { written: "i.e.", spoken: "that is" },
  { written: "etc.", spoken: "et cetera" },
  { written: "vs.", spoken: "versus" },
  { written: "approx.", spoken: "approximately" },
  { written: "Dept.", spoken: "Department" },
  { written: "Govt.", spoken: "Government" },
  { written: "IP", spoken: "I P" },
  { written: "IPVN", spoken: "I P V N" },
  { written: "NOIP", spoken: "N O I P" },
  { written: "R&D", spoken: "R and D" },
  { written: "S&T", spoken: "science and technology" },
  { written: "HCMC", spoken: "Ho Chi Minh City" },
];

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const START = "(?<![\\p{L}\\p{N}])";
const ABBREVIATION_RULES = [...ABBREVIATIONS_EN]
  .sort((a, b) => b.written.length - a.written.length)
  .map((a) => ({
    pattern: new RegExp(`${START}${escapeRegExp(a.written)}${a.written.endsWith(".") ? "" : "(?![\\p{L}\\p{N}&])"}${a.beforeNumber ? "(?=\\s*\\d)" : ""}`, "gu"),
    spoken: ` ${a.spoken} `,
  }));

const SYMBOL = /(?<![\p{L}\p{N}])(\d{1,5})\/(?:(\d{4})\/)?(\p{Lu}[\p{L}]*\d*(?:-\p{Lu}[\p{L}]*\d*)*)(?![\p{L}\p{N}])/gu;
const DATE = /(?<![\p{N}/.,-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?![\p{N}]|[/.-]\d)/gu;
const ORDINAL = /(?<![\p{L}\p{N}])(\d+)(st|nd|rd|th)(?![\p{L}\p{N}])/gu;
const TIME = /(?<![\p{L}\p{N}:.,/])([01]?\d|2[0-3]):([0-5]\d)(?![\p{N}])(?:\s?([ap])\.?m\.?(?![\p{L}]))?/giu;
const RANGE = /(?<![\p{L}\p{N}.,/])(\d+(?:[.,]\d+)*)\s*[-–—]\s*(?=\d)/gu;
const NUMBER = /(?<![\p{L}\p{N}.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+|\d+)(?![\p{N}])(\s?%)?/gu;

const spaced = (s: string) => ` ${s} `;
const letters = (code: string) => Array.from(code.replace(/[^\p{L}\p{N}]/gu, "")).join(" ");

/** English text as it is said aloud; see the comment at the top of this file. */
export function normalizeEnglish(text: string): string {
  let out = text.normalize("NFC").replace(/[\u200b-\u200d\ufeff]/g, "").replace(/[\u00a0\u202f]/g, " ").replace(/\.\/\./g, ".");
  out = ABBREVIATION_RULES.reduce((acc, rule) => acc.replace(rule.pattern, rule.spoken), out);
  out = out.replace(SYMBOL, (_m, n: string, year: string | undefined, code: string) =>
    spaced(`${englishCardinal(Number(n))}${year ? ` of ${englishYear(Number(year))}` : ""}, ${letters(code)}`),
  );
  out = out.replace(DATE, (m, d: string, _sep, mo: string, y: string) => {
    const month = MONTHS[Number(mo) - 1];
    if (!month || Number(d) < 1 || Number(d) > 31) return m;
    return spaced(`the ${englishOrdinal(Number(d))} of ${month} ${englishYear(Number(y))}`);
  });
  out = out.replace(TIME, (_m, h: string, min: string, period: string | undefined) => {
    const minutes = Number(min);
    const spoken = minutes === 0 ? (period ? englishCardinal(Number(h)) : `${englishCardinal(Number(h))} hundred`) : `${englishCardinal(Number(h))} ${minutes < 10 ? `oh ${ONES[minutes]}` : below100(minutes)}`;
    return spaced(period ? `${spoken} ${period.toLowerCase()} m` : spoken);
  });
  out = out.replace(ORDINAL, (_m, n: string) => spaced(englishOrdinal(Number(n))));
  out = out.replace(RANGE, "$1 to ");
  out = out.replace(NUMBER, (_m, written: string, percent: string | undefined) => {
    const plain = /^\d{4}$/.test(written) && Number(written) >= 1100 && Number(written) <= 2099;
    return spaced((plain ? englishYear(Number(written)) : readNumber(written)) + (percent ? " percent" : ""));
  });
  return out
    .replace(/&/g, " and ")
    .replace(/\s+[-–—]+\s+/g, ", ")
    .replace(/[*#•▪_~^|<>]+/g, " ")
    .replace(/[ \t]+/g, " ")
    .replace(/ *\n */g, "\n")
    .replace(/ +([.,;:!?…)\]”])/g, "$1")
    .replace(/([(“[]) +/g, "$1")
    .trim();
}
