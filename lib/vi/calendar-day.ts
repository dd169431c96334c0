// Vietnam has had UTC+7 without daylight saving since 1975 (see lib/vi/date-line.ts).
const VN_OFFSET_MS = 7 * 60 * 60 * 1000;
export const DAY_MS = 24 * 60 * 60 * 1000;

/** The instant a Vietnam calendar day `yyyy-mm-dd` starts, or null for anything that is not a real date. */
export function vietnamDayStart(day: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const utc = Date.UTC(y, mo - 1, d);
  const check = new Date(utc);
  // Date.UTC rolls 31/02 over into March; a date that does not round-trip does not exist.
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return new Date(utc - VN_OFFSET_MS);
}

/** The last millisecond of a Vietnam calendar day, so a range "to this day" includes all of it. */
export function vietnamDayEnd(day: string): Date | null {
  const start = vietnamDayStart(day);
  return start ? new Date(start.getTime() + DAY_MS - 1) : null;
}

/**
 * A day as typed in a date field: `yyyy-mm-dd` (what `<input type="date">` sends) or `dd/mm/yyyy`
 * (what people type where the browser shows a plain text box); returns `yyyy-mm-dd` or null.
 */
export function parseCalendarDay(input: string): string | null {
  const text = input.trim();
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const day = vn ? `${vn[3]}-${vn[2]!.padStart(2, "0")}-${vn[1]!.padStart(2, "0")}` : text;
  return vietnamDayStart(day) ? day : null;
}

/** A calendar day `yyyy-mm-dd` as Vietnamese readers write it: `23/08/2023`. */
export function formatCalendarDay(day: string): string {
  const [year, month, date] = day.split("-");
  return year && month && date ? `${date}/${month}/${year}` : day;
}
