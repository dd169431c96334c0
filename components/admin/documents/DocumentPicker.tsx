"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import type { PickableDocument } from "@/lib/editor/related-documents";

const SEARCH_DELAY_MS = 250;

/**
 * "Văn bản liên quan": documents picked from the registry, in order. A combobox (WAI-ARIA 1.2,
 * list autocomplete): type a number however it is spelt or words of the summary, arrows move
 * through the answers, Enter adds one, Escape closes the list; each chosen document has its own
 * "Bỏ" button. The answers come from the registry's search (/api/documents/pick).
 */
export function DocumentPicker({ value, onChange, error }: { value: PickableDocument[]; onChange: (next: PickableDocument[]) => void; error?: string }) {
  const id = useId();
  const listId = `${id}-list`;
  const [query, setQuery] = useState("");
  const [answers, setAnswers] = useState<PickableDocument[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [announcement, setAnnouncement] = useState("");
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const q = query.trim();
    if (!q) return;
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      fetch(`/api/documents/pick?q=${encodeURIComponent(q)}`, { credentials: "same-origin", signal: controller.signal })
        .then((response) => (response.ok ? (response.json() as Promise<{ items: PickableDocument[] }>) : { items: [] }))
        .then(({ items }) => {
          setAnswers(items);
          setActive(items.length > 0 ? 0 : -1);
          setOpen(true);
          setAnnouncement(items.length > 0 ? `${items.length} văn bản phù hợp. Dùng phím mũi tên để chọn.` : "Không tìm thấy văn bản phù hợp.");
        })
        .catch(() => undefined);
    }, SEARCH_DELAY_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [query]);

  const chosen = new Set(value.map((d) => d.id));
  const shown = answers.filter((d) => !chosen.has(d.id));

  function add(document: PickableDocument) {
    onChange([...value, document]);
    setAnnouncement(`Đã thêm ${document.type} ${document.number}.`);
    setQuery("");
    setAnswers([]);
    setOpen(false);
    setActive(-1);
    input.current?.focus();
  }

  function remove(document: PickableDocument) {
    onChange(value.filter((d) => d.id !== document.id));
    setAnnouncement(`Đã bỏ ${document.type} ${document.number}.`);
    input.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!open) setOpen(shown.length > 0);
      if (shown.length === 0) return;
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((i) => (i + step + shown.length) % shown.length);
    } else if (event.key === "Enter") {
      // Never submits the writing screen's form from here.
      event.preventDefault();
      const pick = shown[active];
      if (open && pick) add(pick);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    }
  }

  const expanded = open && query.trim() !== "" && shown.length > 0;
  const optionId = (i: number) => `${id}-option-${i}`;
  return (
    <div className="flex flex-col gap-2">
      {value.length > 0 ? (
        <ol className="flex flex-col gap-2" aria-label="Văn bản liên quan đã chọn">
          {value.map((d) => (
            <li key={d.id} className="flex items-start justify-between gap-2 rounded-md border border-line px-3 py-2">
              <span className="min-w-0">
                <span className="font-semibold">
                  {d.type} {d.number}
                </span>
                <span className="block text-sm text-muted">{d.title}</span>
              </span>
              <button type="button" onClick={() => remove(d)} className="min-h-11 shrink-0 rounded-md border border-ink px-3 font-semibold" aria-label={`Bỏ ${d.type} ${d.number}`}>
                Bỏ
              </button>
            </li>
          ))}
        </ol>
      ) : (
        <p className="text-sm text-muted">Chưa chọn văn bản nào.</p>
      )}
      <label htmlFor={`${id}-input`} className="font-semibold">
        Thêm văn bản liên quan
      </label>
      <p id={`${id}-hint`} className="text-sm text-muted">
        Gõ số/ký hiệu (ví dụ 65/2023) hoặc từ trong trích yếu; chọn bằng phím mũi tên và Enter.
      </p>
      <div className="relative">
        <input
          ref={input}
          id={`${id}-input`}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
          aria-invalid={Boolean(error) || undefined}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            if (!event.target.value.trim()) setOpen(false);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => window.setTimeout(() => setOpen(false), 150)}
          className="min-h-11 w-full rounded-md border border-line bg-page px-3 text-ink"
        />
        <ul id={listId} role="listbox" aria-label="Văn bản tìm thấy" hidden={!expanded} className="absolute z-20 mt-1 max-h-72 w-full overflow-auto rounded-md border border-line bg-page shadow-lg">
          {shown.map((d, i) => (
            <li
              key={d.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => add(d)}
              className={`cursor-pointer px-3 py-2 ${i === active ? "bg-brand text-brand-ink" : ""}`}
            >
              <span className="font-semibold">
                {d.type} {d.number}
              </span>
              <span className="block text-sm">{d.title}</span>
            </li>
          ))}
        </ul>
      </div>
      {error && (
        <p id={`${id}-error`} className="text-sm font-semibold text-red-800">
          {error}
        </p>
      )}
      <p className="sr-only" role="status" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
