/*
 * The English date line, `Thu, 31/12/2020 | 17:12`: the Vietnamese line's order and Vietnam time
 * (GMT+7, which the English page states once), an English weekday and a 24-hour clock without a
 * suffix. Formatted by hand for the same reason as the Vietnamese line: Intl gives neither form.
 */
import { vietnamWallClock } from "@/lib/vi/date-line";

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;
const pad2 = (n: number) => String(n).padStart(2, "0");

/** `31/12/2020` in Vietnam time. */
export function formatEnglishDate(instant: Date): string {
  const c = vietnamWallClock(instant);
  return `${pad2(c.day)}/${pad2(c.month)}/${c.year}`;
}

/** `Thu, 31/12/2020 | 17:12` in Vietnam time. */
export function formatEnglishDateLine(instant: Date): string {
  const c = vietnamWallClock(instant);
  return `${WEEKDAYS[c.weekday]}, ${formatEnglishDate(instant)} | ${pad2(c.hour)}:${pad2(c.minute)}`;
}
