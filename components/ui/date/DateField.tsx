"use client";

import { useEffect, useId, useRef, useState } from "react";
import { displayDate, parseDateInput, type CalendarDate } from "@/lib/vi/date-time-input";
import { CalendarDialog } from "./CalendarDialog";

/** The day a typed text means, or null. */
function dayOf(text: string): CalendarDate | null {
  const parsed = text.trim() ? parseDateInput(text) : null;
  return parsed?.ok ? parsed.value : null;
}

/**
 * A day for a list's filter (a GET form that works without JavaScript): a text field named
 * `name` showing `31/12/2020` whatever the browser's language, read leniently (`31/12`, `31.12.20`),
 * with a calendar beside it. The page reads the same forms (lib/vi/date-time-input.ts). Before the
 * form is sent, a day typed leniently is written out in full.
 */
export function DateField({ id, name, label, defaultValue, className }: { id: string; name: string; label: string; defaultValue: string; className?: string }) {
  const [text, setText] = useState(() => {
    const day = dayOf(defaultValue);
    return day ? displayDate(day) : defaultValue;
  });
  const [calendarOpen, setCalendarOpen] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();

  useEffect(() => {
    const form = input.current?.form;
    if (!form) return;
    const tidy = () => {
      const day = input.current && dayOf(input.current.value);
      if (day && input.current) input.current.value = displayDate(day);
    };
    form.addEventListener("submit", tidy, true);
    return () => form.removeEventListener("submit", tidy, true);
  }, []);

  const day = dayOf(text);
  return (
    <div className="flex gap-1">
      <input
        ref={input}
        id={id}
        name={name}
        type="text"
        autoComplete="off"
        placeholder="ngày/tháng/năm"
        aria-describedby={hintId}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => day && setText(displayDate(day))}
        className={className}
      />
      <span id={hintId} className="sr-only">
        Dạng ngày/tháng/năm, ví dụ 31/12/2025.
      </span>
      <button
        type="button"
        aria-haspopup="dialog"
        aria-label={`Lịch: chọn ${label.toLowerCase()}`}
        onClick={() => setCalendarOpen(true)}
        className="inline-flex min-h-11 min-w-11 items-center justify-center rounded-md border border-line px-2"
      >
        Lịch
      </button>
      {calendarOpen && (
        <CalendarDialog
          title={`Chọn ${label.toLowerCase()}`}
          initial={day}
          onClose={() => setCalendarOpen(false)}
          onPick={(picked) => {
            setText(displayDate(picked));
            setCalendarOpen(false);
          }}
        />
      )}
    </div>
  );
}
