/*
 * Dates and times as the admin shows and takes them: `31/12/2020 17:12`, 24-hour, Vietnam time,
 * whatever the browser's language or zone. Pure: the date field, the lists and the tests share it.
 *
 * Typed input is read leniently, as people in the office write times: `31/12/2020 17:12`,
 * `31/12/20 17h12`, `31/12 17h12` (this year), `17h12 ngày 31/12/2020`, `31.12.2020 5:12 CH`,
 * and the `2020-12-31T17:12` a `datetime-local` field sends. The canonical value (what the form
 * sends and the server parses) is the wall-clock `yyyy-mm-ddTHH:mm` (`:ss` when not zero).
 */
import { toVietnamIso } from "@/lib/vi/date-line";

export type WallClock = { year: number; month: number; day: number; hour: number; minute: number; second: number };
export type CalendarDate = { year: number; month: number; day: number };

export type ParsedInput<T> = { ok: true; value: T } | { ok: false; message: string };

export const DATE_TIME_EXAMPLE = "31/12/2025 08:30";
export const DATE_EXAMPLE = "31/12/2025";

export const DATE_TIME_MESSAGES = {
  unreadable: (text: string) => `Không đọc được “${text}”. Hãy nhập ngày/tháng/năm giờ:phút, ví dụ ${DATE_TIME_EXAMPLE}.`,
  unreadableDate: (text: string) => `Không đọc được “${text}”. Hãy nhập ngày/tháng/năm, ví dụ ${DATE_EXAMPLE}.`,
  timeMissing: `Hãy nhập cả giờ, ví dụ ${DATE_TIME_EXAMPLE}.`,
  noSuchDay: (d: CalendarDate) => `Ngày ${pad2(d.day)}/${pad2(d.month)}/${d.year} không có trên lịch.`,
  badTime: (hour: number, minute: number) => `Giờ ${pad2(hour)}:${pad2(minute)} không hợp lệ: giờ từ 00 đến 23, phút từ 00 đến 59.`,
  badYear: "Năm phải có bốn chữ số, từ 1900 đến 2999.",
} as const;

const pad2 = (n: number) => String(n).padStart(2, "0");
// Vietnam has been on UTC+7 without daylight saving since 1975 (see lib/vi/date-line.ts).
const VN_OFFSET_MS = 7 * 60 * 60 * 1000;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isRealDay(d: CalendarDate): boolean {
  return d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= daysInMonth(d.year, d.month);
}

/** The wall clock in Vietnam at `instant`. */
export function vietnamClock(instant: Date): WallClock {
  const iso = toVietnamIso(instant);
  const [year, month, day, hour, minute, second] = [iso.slice(0, 4), iso.slice(5, 7), iso.slice(8, 10), iso.slice(11, 13), iso.slice(14, 16), iso.slice(17, 19)].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return { year, month, day, hour, minute, second };
}

/** `31/12/2020 17:12` (`:05` seconds when asked) in Vietnam time: every date and time the admin shows. */
export function formatVietnamDateTime(instant: Date, options: { seconds?: boolean } = {}): string {
  const c = vietnamClock(instant);
  return `${pad2(c.day)}/${pad2(c.month)}/${c.year} ${pad2(c.hour)}:${pad2(c.minute)}${options.seconds ? `:${pad2(c.second)}` : ""}`;
}

/** The form's canonical value of a wall-clock time: `2020-12-31T17:12` (`:ss` when not zero). */
export function canonicalDateTime(c: WallClock): string {
  return `${c.year}-${pad2(c.month)}-${pad2(c.day)}T${pad2(c.hour)}:${pad2(c.minute)}${c.second ? `:${pad2(c.second)}` : ""}`;
}

export const canonicalDate = (d: CalendarDate) => `${d.year}-${pad2(d.month)}-${pad2(d.day)}`;

/** A canonical value (`2020-12-31T17:12[:ss]`) back to its parts; null when it is not one. */
export function fromCanonicalDateTime(value: string): WallClock | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(value.trim());
  if (!m) return null;
  const c = { year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: +m[4]!, minute: +m[5]!, second: +(m[6] ?? 0) };
  return isRealDay(c) && c.hour < 24 && c.minute < 60 && c.second < 60 ? c : null;
}

/** What the field shows for a canonical value: `31/12/2020 17:12` (`:ss` when not zero); anything else as it is. */
export function displayDateTime(value: string): string {
  const c = fromCanonicalDateTime(value);
  if (!c) return value;
  return `${pad2(c.day)}/${pad2(c.month)}/${c.year} ${pad2(c.hour)}:${pad2(c.minute)}${c.second ? `:${pad2(c.second)}` : ""}`;
}

export const displayDate = (d: CalendarDate) => `${pad2(d.day)}/${pad2(d.month)}/${d.year}`;

/** The instant of a Vietnam wall-clock time. */
export function instantOf(c: WallClock): Date {
  return new Date(Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second) - VN_OFFSET_MS);
}

/** Lower case, no "ngày"/"lúc"/"giờ" words, one space: what the patterns below read. */
function normalise(text: string): string {
  return text
    .normalize("NFC")
    .toLowerCase()
    .replace(/\b(ngày|ngay|lúc|luc|vào|vao)\b/gu, " ")
    .replace(/(\d)\s*(giờ|gio|h|g)\s*(?=\d|$|\s)/gu, "$1h")
    .replace(/(\d)\s*(phút|phut|p)\b/gu, "$1")
    .replace(/[,|]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

type Pieces = { date: { year: number | null; month: number; day: number } | null; time: { hour: number; minute: number; second: number; period: "am" | "pm" | null } | null };

const DATE_DMY = /(?:^|\s)(\d{1,2})\s?[/.]\s?(\d{1,2})(?:\s?[/.]\s?(\d{2}|\d{4}))?(?=\s|$)/;
const DATE_ISO = /(?:^|\s)(\d{4})-(\d{1,2})-(\d{1,2})(?=\s|$|t)/;
const TIME = /(?:^|\s)(\d{1,2})\s?[:h]\s?(\d{2})?(?:\s?:\s?(\d{2}))?\s?(sa|ch|am|pm|sáng|chiều|tối)?(?=\s|$)/;

/** Splits typed text into a date and a time, in either order; null when something is left over. */
function pieces(text: string): Pieces | null {
  let rest = ` ${text} `.replace(/(\d{4}-\d{1,2}-\d{1,2})t/, "$1 ");
  let date: Pieces["date"] = null;
  const iso = DATE_ISO.exec(rest);
  const dmy = iso ? null : DATE_DMY.exec(rest);
  if (iso) {
    date = { year: +iso[1]!, month: +iso[2]!, day: +iso[3]! };
    rest = rest.replace(iso[0], " ");
  } else if (dmy) {
    const year = dmy[3] === undefined ? null : dmy[3].length === 2 ? 2000 + +dmy[3] : +dmy[3];
    date = { year, month: +dmy[2]!, day: +dmy[1]! };
    rest = rest.replace(dmy[0], " ");
  }
  let time: Pieces["time"] = null;
  const t = TIME.exec(` ${rest.trim()} `);
  if (t) {
    const word = t[4];
    const period = word === "sa" || word === "am" || word === "sáng" ? "am" : word ? "pm" : null;
    time = { hour: +t[1]!, minute: +(t[2] ?? 0), second: +(t[3] ?? 0), period };
    rest = ` ${rest.trim()} `.replace(t[0], " ");
  }
  return rest.trim() === "" ? { date, time } : null;
}

function resolveHour(time: NonNullable<Pieces["time"]>): number {
  if (time.period === "pm" && time.hour < 12) return time.hour + 12;
  if (time.period === "am" && time.hour === 12) return 0;
  return time.hour;
}

/**
 * A typed date and time, read leniently (see the top of this file); the year may be left out
 * (this year in Vietnam, from `now`). Errors are Vietnamese sentences saying what to type.
 */
export function parseDateTimeInput(input: string, now: Date = new Date()): ParsedInput<WallClock> {
  const text = normalise(input);
  const found = text ? pieces(text) : null;
  if (!found || (!found.date && !found.time)) return { ok: false, message: DATE_TIME_MESSAGES.unreadable(input.trim()) };
  if (!found.date) return { ok: false, message: DATE_TIME_MESSAGES.unreadable(input.trim()) };
  if (!found.time) return { ok: false, message: DATE_TIME_MESSAGES.timeMissing };
  const year = found.date.year ?? vietnamClock(now).year;
  if (year < 1900 || year > 2999) return { ok: false, message: DATE_TIME_MESSAGES.badYear };
  const day = { year, month: found.date.month, day: found.date.day };
  if (!isRealDay(day)) return { ok: false, message: DATE_TIME_MESSAGES.noSuchDay(day) };
  const hour = resolveHour(found.time);
  if (hour > 23 || found.time.minute > 59 || found.time.second > 59 || (found.time.period && found.time.hour > 12)) {
    return { ok: false, message: DATE_TIME_MESSAGES.badTime(found.time.hour, found.time.minute) };
  }
  return { ok: true, value: { ...day, hour, minute: found.time.minute, second: found.time.second } };
}

/** A typed day (`31/12/2020`, `31/12`, `31.12.20`, `2020-12-31`), for the list filters. */
export function parseDateInput(input: string, now: Date = new Date()): ParsedInput<CalendarDate> {
  const text = normalise(input);
  const found = text ? pieces(text) : null;
  if (!found?.date || found.time) return { ok: false, message: DATE_TIME_MESSAGES.unreadableDate(input.trim()) };
  const year = found.date.year ?? vietnamClock(now).year;
  if (year < 1900 || year > 2999) return { ok: false, message: DATE_TIME_MESSAGES.badYear };
  const day = { year, month: found.date.month, day: found.date.day };
  if (!isRealDay(day)) return { ok: false, message: DATE_TIME_MESSAGES.noSuchDay(day) };
  return { ok: true, value: day };
}

/** The weekday of a calendar day, 0 = Sunday … 6 = Saturday. */
export const weekdayOf = (d: CalendarDate) => new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();

/** A day moved by a number of days (the calendar's arrow keys). */
export function addDays(d: CalendarDate, days: number): CalendarDate {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** A day moved by months, kept inside the shorter month (31/01 + 1 month → 28 or 29/02). */
export function addMonths(d: CalendarDate, months: number): CalendarDate {
  const index = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(d.day, daysInMonth(year, month)) };
}

export const sameDay = (a: CalendarDate | null, b: CalendarDate | null) => !!a && !!b && a.year === b.year && a.month === b.month && a.day === b.day;

export const MONTH_NAMES = Array.from({ length: 12 }, (_, i) => `Tháng ${i + 1}`);
/** Monday first, as Vietnamese calendars are printed. */
export const WEEKDAY_SHORT = ["T2", "T3", "T4", "T5", "T6", "T7", "CN"] as const;
export const WEEKDAY_LONG = ["Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật"] as const;

/** `Thứ năm, 31 tháng 12 năm 2020`: a calendar day's accessible name. */
export function spokenDay(d: CalendarDate): string {
  return `${WEEKDAY_LONG[(weekdayOf(d) + 6) % 7]}, ${d.day} tháng ${d.month} năm ${d.year}`;
}
