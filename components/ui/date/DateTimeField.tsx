"use client";

import { useId, useState } from "react";
import { CONTROL_CLASS } from "@/components/ui/FieldShell";
import {
  canonicalDateTime,
  displayDateTime,
  fromCanonicalDateTime,
  parseDateTimeInput,
  spokenDay,
  vietnamClock,
  type WallClock,
} from "@/lib/vi/date-time-input";
import { CalendarDialog } from "./CalendarDialog";

const pad2 = (n: number) => String(n).padStart(2, "0");

/** What the form sends for what is typed: the canonical time when it reads as one, else the text itself (which the server refuses with its message). */
function sentValue(text: string): string {
  if (text.trim() === "") return "";
  const parsed = parseDateTimeInput(text);
  return parsed.ok ? canonicalDateTime(parsed.value) : text;
}

const spoken = (c: WallClock) => `${spokenDay(c)}, lúc ${pad2(c.hour)}:${pad2(c.minute)} (giờ Việt Nam)`;

/**
 * A date and time the Vietnamese way, whatever the browser's language: a text field showing
 * `31/12/2020 17:12` (24-hour, Vietnam time, said in the hint), read leniently as it is typed
 * (`31/12 17h12`, `17h12 ngày 31/12/2020`…; lib/vi/date-time-input.ts) and spelled out under it, a
 * keyboard-usable calendar beside it, Vietnamese errors. `value` and `onChange` carry the
 * canonical `2020-12-31T17:12` that a hidden input named `name` sends.
 */
export function DateTimeField({
  label,
  name,
  value,
  onChange,
  hint,
  error,
}: {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  /** The server's message for this field. */
  error?: string;
}) {
  const id = useId();
  const [text, setText] = useState(() => displayDateTime(value));
  // A value set from outside (a restored copy) replaces the text; the field's own changes do not.
  const [known, setKnown] = useState(value);
  if (value !== known) {
    setKnown(value);
    if (value !== sentValue(text)) setText(displayDateTime(value));
  }
  const [typingError, setTypingError] = useState("");
  const [calendarOpen, setCalendarOpen] = useState(false);

  const parsed = text.trim() ? parseDateTimeInput(text) : null;
  const shownError = typingError || error;
  const describedBy = [`${id}-hint`, parsed?.ok && `${id}-reading`, shownError && `${id}-error`].filter(Boolean).join(" ");

  function change(next: string) {
    setText(next);
    setTypingError("");
    const sent = sentValue(next);
    setKnown(sent);
    onChange(sent);
  }

  const current = fromCanonicalDateTime(sentValue(text));
  const now = vietnamClock(new Date());
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-semibold">
        {label}
      </label>
      <p id={`${id}-hint`} className="text-sm text-muted">
        {hint ?? "Giờ Việt Nam (GMT+7)."} Dạng ngày/tháng/năm giờ:phút, 24 giờ, ví dụ 31/12/2025 17:12.
      </p>
      <div className="flex flex-wrap gap-2">
        <input
          id={id}
          type="text"
          inputMode="text"
          autoComplete="off"
          spellCheck={false}
          placeholder="ngày/tháng/năm giờ:phút"
          value={text}
          aria-invalid={shownError ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => change(e.target.value)}
          onBlur={() => {
            if (!parsed) return;
            if (parsed.ok) setText(displayDateTime(canonicalDateTime(parsed.value)));
            else setTypingError(parsed.message);
          }}
          className={`${CONTROL_CLASS} w-56 font-mono`}
        />
        <button
          type="button"
          aria-haspopup="dialog"
          aria-label={`Chọn trên lịch: ${label.toLowerCase()}`}
          onClick={() => setCalendarOpen(true)}
          className="inline-flex min-h-11 items-center rounded-md border border-line px-3"
        >
          Chọn trên lịch
        </button>
      </div>
      {parsed?.ok && (
        <p id={`${id}-reading`} className="text-sm" data-testid="date-reading">
          {spoken(parsed.value)}
        </p>
      )}
      {shownError && (
        <p id={`${id}-error`} role="alert" className="text-sm font-semibold text-red-800">
          {shownError}
        </p>
      )}
      <input type="hidden" name={name} value={sentValue(text)} />
      {calendarOpen && (
        <CalendarDialog
          title={`Chọn ${label.toLowerCase()}`}
          initial={current}
          initialTime={current ? `${pad2(current.hour)}:${pad2(current.minute)}` : `${pad2(now.hour)}:${pad2(now.minute)}`}
          onClose={() => setCalendarOpen(false)}
          onPick={(day, time) => {
            change(displayDateTime(canonicalDateTime({ ...day, hour: time?.hour ?? 0, minute: time?.minute ?? 0, second: 0 })));
            setCalendarOpen(false);
          }}
        />
      )}
    </div>
  );
}
