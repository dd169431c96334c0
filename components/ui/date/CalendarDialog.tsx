"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { Modal } from "@/components/editor/Modal";
import {
  addDays,
  addMonths,
  daysInMonth,
  MONTH_NAMES,
  sameDay,
  spokenDay,
  vietnamClock,
  WEEKDAY_LONG,
  WEEKDAY_SHORT,
  weekdayOf,
  type CalendarDate,
} from "@/lib/vi/date-time-input";

const NAV_BUTTON = "inline-flex min-h-11 min-w-11 items-center justify-center rounded-md border border-line px-2";
const pad2 = (n: number) => String(n).padStart(2, "0");

/** The weeks of a month as rows of days (Monday first); days of the months around fill the first and last rows. */
function weeksOf(year: number, month: number): CalendarDate[][] {
  const first = { year, month, day: 1 };
  const lead = (weekdayOf(first) + 6) % 7;
  const start = addDays(first, -lead);
  const count = Math.ceil((lead + daysInMonth(year, month)) / 7) * 7;
  const days = Array.from({ length: count }, (_, i) => addDays(start, i));
  return Array.from({ length: count / 7 }, (_, w) => days.slice(w * 7, w * 7 + 7));
}

/**
 * A month calendar in a modal dialog, after the WAI-ARIA date picker dialog pattern: the days are
 * a grid with one tab stop; arrows move by a day or a week, Home/End to the week's ends, Page Up/
 * Down by a month (with Shift, a year), Enter or Space chooses. With `time`, a 24-hour time field
 * sits under the grid and is applied with the day.
 */
export function CalendarDialog({
  title,
  initial,
  initialTime,
  onPick,
  onClose,
}: {
  title: string;
  initial: CalendarDate | null;
  /** `HH:mm` for a date-and-time field; absent for a date alone. */
  initialTime?: string;
  onPick: (day: CalendarDate, time?: { hour: number; minute: number }) => void;
  onClose: () => void;
}) {
  const today = vietnamClock(new Date());
  const [focused, setFocused] = useState<CalendarDate>(initial ?? today);
  const [time, setTime] = useState(initialTime ?? "");
  const [timeError, setTimeError] = useState("");
  const grid = useRef<HTMLTableElement>(null);
  const moved = useRef(false);
  const headingId = useId();
  const timeId = useId();

  // Focus follows the active day after a keyboard move (not on first render: the dialog focuses it itself).
  useEffect(() => {
    if (!moved.current) return;
    grid.current?.querySelector<HTMLButtonElement>('button[tabindex="0"]')?.focus();
  }, [focused]);

  function move(next: CalendarDate) {
    moved.current = true;
    setFocused(next);
  }

  function readTime(): { hour: number; minute: number } | null | undefined {
    if (initialTime === undefined) return undefined;
    const m = /^\s*(\d{1,2})\s*[:hg]\s*(\d{2})?\s*$/i.exec(time);
    const hour = m ? Number(m[1]) : NaN;
    const minute = m ? Number(m[2] ?? 0) : NaN;
    if (!(hour <= 23 && minute <= 59)) return null;
    return { hour, minute };
  }

  function pick(day: CalendarDate) {
    const chosen = readTime();
    if (chosen === null) {
      setTimeError("Giờ phải có dạng giờ:phút trong 24 giờ, ví dụ 08:30 hoặc 17:12.");
      document.getElementById(timeId)?.focus();
      return;
    }
    onPick(day, chosen);
  }

  function onGridKey(event: KeyboardEvent) {
    const weekday = (weekdayOf(focused) + 6) % 7;
    const moves: Record<string, () => CalendarDate> = {
      ArrowLeft: () => addDays(focused, -1),
      ArrowRight: () => addDays(focused, 1),
      ArrowUp: () => addDays(focused, -7),
      ArrowDown: () => addDays(focused, 7),
      Home: () => addDays(focused, -weekday),
      End: () => addDays(focused, 6 - weekday),
      PageUp: () => addMonths(focused, event.shiftKey ? -12 : -1),
      PageDown: () => addMonths(focused, event.shiftKey ? 12 : 1),
    };
    const next = moves[event.key];
    if (!next) return;
    event.preventDefault();
    move(next());
  }

  const weeks = weeksOf(focused.year, focused.month);
  return (
    <Modal title={title} onClose={onClose}>
      <div className="flex flex-col gap-3">
        <div className="flex items-center justify-between gap-2">
          <div className="flex gap-1">
            <button type="button" className={NAV_BUTTON} onClick={() => move(addMonths(focused, -12))} aria-label="Năm trước">
              «
            </button>
            <button type="button" className={NAV_BUTTON} onClick={() => move(addMonths(focused, -1))} aria-label="Tháng trước">
              ‹
            </button>
          </div>
          <h3 id={headingId} aria-live="polite" className="text-lg font-semibold">
            {MONTH_NAMES[focused.month - 1]} năm {focused.year}
          </h3>
          <div className="flex gap-1">
            <button type="button" className={NAV_BUTTON} onClick={() => move(addMonths(focused, 1))} aria-label="Tháng sau">
              ›
            </button>
            <button type="button" className={NAV_BUTTON} onClick={() => move(addMonths(focused, 12))} aria-label="Năm sau">
              »
            </button>
          </div>
        </div>
        <table ref={grid} role="grid" aria-labelledby={headingId} onKeyDown={onGridKey} className="w-full border-collapse text-center">
          <thead>
            <tr>
              {WEEKDAY_SHORT.map((short, i) => (
                <th key={short} scope="col" abbr={WEEKDAY_LONG[i]} className="py-1 text-sm font-semibold text-muted">
                  {short}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeks.map((week) => (
              <tr key={`${week[0]!.month}-${week[0]!.day}`}>
                {week.map((day) => {
                  const active = sameDay(day, focused);
                  const chosen = sameDay(day, initial);
                  const outside = day.month !== focused.month;
                  return (
                    <td key={`${day.month}-${day.day}`} role="gridcell" aria-selected={chosen} className="p-0.5">
                      <button
                        type="button"
                        tabIndex={active ? 0 : -1}
                        data-autofocus={active ? "" : undefined}
                        aria-label={spokenDay(day)}
                        aria-current={sameDay(day, today) ? "date" : undefined}
                        onClick={() => pick(day)}
                        className={`inline-flex min-h-10 w-full min-w-10 items-center justify-center rounded-md border ${
                          chosen ? "border-ink bg-ink font-bold text-page" : sameDay(day, today) ? "border-ink" : "border-transparent"
                        } ${outside && !chosen ? "text-muted" : ""} hover:border-line`}
                      >
                        {day.day}
                      </button>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        <p className="text-sm text-muted">Phím mũi tên: đổi ngày; Page Up/Page Down: đổi tháng; Enter: chọn ngày.</p>
        {initialTime !== undefined && (
          <div className="flex flex-col gap-1">
            <label htmlFor={timeId} className="font-semibold">
              Giờ (24 giờ, giờ Việt Nam)
            </label>
            <input
              id={timeId}
              value={time}
              inputMode="numeric"
              autoComplete="off"
              placeholder="08:30"
              aria-invalid={timeError ? true : undefined}
              aria-describedby={timeError ? `${timeId}-error` : undefined}
              onChange={(e) => {
                setTime(e.target.value);
                setTimeError("");
              }}
              onKeyDown={(e) => {
                if (e.key !== "Enter") return;
                e.preventDefault();
                pick(focused);
              }}
              className="min-h-11 w-32 rounded-md border border-line bg-page px-3 text-ink aria-invalid:border-red-700"
            />
            {timeError && (
              <p id={`${timeId}-error`} role="alert" className="text-sm font-semibold text-red-800">
                {timeError}
              </p>
            )}
          </div>
        )}
        <div className="flex flex-wrap gap-2">
          <button type="button" onClick={() => pick(focused)} className="inline-flex min-h-11 items-center rounded-md bg-brand px-4 font-semibold text-brand-ink">
            Chọn {pad2(focused.day)}/{pad2(focused.month)}/{focused.year}
          </button>
          <button type="button" onClick={onClose} className="inline-flex min-h-11 items-center rounded-md border border-line px-4">
            Huỷ
          </button>
        </div>
      </div>
    </Modal>
  );
}
