import { foldForSearch } from "@/lib/vi/fold";

/*
 * The agency date line, e.g. `Th 5, 31/12/2020 | 17:12 CH`, always in Asia/Ho_Chi_Minh.
 *
 * Vietnam has been on UTC+7 with no daylight saving since 1975, so a fixed offset is exact
 * for every post this CMS will hold, and it keeps the result independent of the ICU time
 * zone data bundled with whichever runtime renders the page (server, edge, browser).
 */
const VN_OFFSET_MS = 7 * 60 * 60 * 1000;

/** 0 = Sunday … 6 = Saturday, as in `Date#getUTCDay`. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;
export type DayPeriod = "SA" | "CH";

export type WallClock = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: Weekday;
};

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

function assertValid(instant: Date): void {
  if (Number.isNaN(instant.getTime())) throw new RangeError("Invalid Date");
}

export function vietnamWallClock(instant: Date): WallClock {
  assertValid(instant);
  const shifted = new Date(instant.getTime() + VN_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    weekday: shifted.getUTCDay() as Weekday,
  };
}

/** `CN` for Sunday, `Th 2` … `Th 7` for Monday … Saturday. */
export function weekdayLabel(weekday: Weekday): string {
  return weekday === 0 ? "CN" : `Th ${weekday + 1}`;
}

/** `dd/mm/yyyy` in Vietnam time. */
export function formatVietnamDate(instant: Date): string {
  const c = vietnamWallClock(instant);
  return `${pad2(c.day)}/${pad2(c.month)}/${c.year}`;
}

/** `Th 5, 31/12/2020 | 17:12 CH`: 24-hour clock, yet the SA/CH suffix is still shown. */
export function formatDateLine(instant: Date): string {
  const c = vietnamWallClock(instant);
  const period: DayPeriod = c.hour < 12 ? "SA" : "CH";
  return `${weekdayLabel(c.weekday)}, ${pad2(c.day)}/${pad2(c.month)}/${c.year} | ${pad2(c.hour)}:${pad2(c.minute)} ${period}`;
}

/** `2020-12-31T17:12:00+07:00`; milliseconds are dropped as no editor-facing time has them. */
export function toVietnamIso(instant: Date): string {
  const c = vietnamWallClock(instant);
  return `${c.year}-${pad2(c.month)}-${pad2(c.day)}T${pad2(c.hour)}:${pad2(c.minute)}:${pad2(c.second)}+07:00`;
}

const WEEKDAY_WORDS: Readonly<Record<string, Weekday>> = {
  "2": 1,
  "3": 2,
  "4": 3,
  "5": 4,
  "6": 5,
  "7": 6,
  hai: 1,
  ba: 2,
  tu: 3,
  nam: 4,
  sau: 5,
  bay: 6, // also `bẩy`, which folds to the same word
};

// Matched against the folded line (lower-case, no diacritics, single spaces), so `Thứ năm`,
// `THỨ 5`, `Th5` and `th 5` all look alike here. An English export's line (`Thu, 31/12/2020 | 17:12`)
// has an English weekday, tried after the Vietnamese forms (`thu` is also how `Thứ` folds).
const ENGLISH_WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;
const DATE_LINE_RE = new RegExp(
  [
    "^",
    "(?:(cn|chu ?nhat|(?:thu|th|t) ?\\.? ?([2-7]|hai|ba|tu|nam|sau|bay)|(sun|mon|tue|wed|thu|fri|sat)[a-z]*)\\b ?[,.\\-–—]? ?)?",
    "(\\d{1,2}) ?[/.\\-] ?(\\d{1,2}) ?[/.\\-] ?(\\d{4})",
    " ?(?:[|,\\-–—] ?)?(?:luc )?",
    "(\\d{1,2}) ?[:h] ?(\\d{2})(?: ?: ?(\\d{2}))?",
    " ?(?:(sa|ch|am|pm)\\.?)?",
    "$",
  ].join(""),
);

export type ParsedDateLine = {
  instant: Date;
  /** Weekday as written in the line, null when the line has none. */
  writtenWeekday: Weekday | null;
  /** Weekday of the date itself. */
  actualWeekday: Weekday;
  period: DayPeriod | null;
  /** False when the suffix contradicts a 24-hour clock value, e.g. `17:12 SA`. */
  periodConsistent: boolean;
};

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Parses a date line as found in exports, keeping the details that an importer wants to
 * warn about. Returns null for anything that is not a real date and time.
 */
export function parseDateLineDetailed(line: string): ParsedDateLine | null {
  const m = DATE_LINE_RE.exec(foldForSearch(line));
  if (!m) return null;
  const [, weekdayToken, weekdayNumber, englishWeekday, dayS, monthS, yearS, hourS, minuteS, secondS, periodS] = m;
  const day = Number(dayS);
  const month = Number(monthS);
  const year = Number(yearS);
  let hour = Number(hourS);
  const minute = Number(minuteS);
  const second = secondS === undefined ? 0 : Number(secondS);

  // Years before 1000 are typos, and Date.UTC would silently map 0–99 onto the 1900s.
  if (year < 1000) return null;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;

  const period: DayPeriod | null =
    periodS === undefined ? null : periodS === "sa" || periodS === "am" ? "SA" : "CH";
  // The agency prints a 24-hour clock *and* the suffix; a suffix only changes the hour when
  // the clock was evidently written 12-hour style.
  let periodConsistent = true;
  if (period === "CH" && hour < 12) hour += 12;
  else if (period === "SA" && hour === 12) hour = 0;
  else if (period === "SA" && hour > 12) periodConsistent = false;

  let writtenWeekday: Weekday | null = null;
  if (englishWeekday !== undefined) writtenWeekday = ENGLISH_WEEKDAYS.indexOf(englishWeekday as (typeof ENGLISH_WEEKDAYS)[number]) as Weekday;
  else if (weekdayToken !== undefined) {
    writtenWeekday = weekdayNumber === undefined ? 0 : (WEEKDAY_WORDS[weekdayNumber] ?? null);
  }

  const instant = new Date(Date.UTC(year, month - 1, day, hour, minute, second) - VN_OFFSET_MS);
  const actualWeekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay() as Weekday;
  return { instant, writtenWeekday, actualWeekday, period, periodConsistent };
}

/** The UTC instant of the Vietnam wall-clock time in a date line, or null if it is not one. */
export function parseDateLine(line: string): Date | null {
  return parseDateLineDetailed(line)?.instant ?? null;
}
