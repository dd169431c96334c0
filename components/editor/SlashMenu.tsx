"use client";

import type { Editor } from "@tiptap/core";
import { useEffect, useId, useSyncExternalStore } from "react";
import type { SlashMenuState, SlashMenuStore } from "./slash-commands";

const CLOSED_SNAPSHOT = () => null;
const noop = () => () => {};

/**
 * The `/` menu's list under the caret (fixed to the viewport, drawn inside the editor so it stays in the page's landmarks). Focus stays in the text (as in a combobox): the editable
 * area names the list (aria-controls) and its active option (aria-activedescendant), and a live
 * region says how many options there are and which one is active, for screen readers that do not
 * follow aria-activedescendant inside editable content.
 */
export function SlashMenu({ editor, store }: { editor: Editor | null; store: SlashMenuStore }) {
  const state: SlashMenuState = useSyncExternalStore(store.subscribe, store.getState, store.getState);
  const mounted = useSyncExternalStore(noop, () => true, CLOSED_SNAPSHOT);
  const listId = useId();
  const optionId = (index: number) => `${listId}-option-${index}`;
  const active = state.items[state.active];

  // The active option stays in sight when the list is taller than the screen allows.
  useEffect(() => {
    if (state.open) document.getElementById(optionId(state.active))?.scrollIntoView({ block: "nearest" });
  });

  useEffect(() => {
    const dom = editor?.view.dom;
    if (!dom) return;
    if (state.open && active) {
      dom.setAttribute("aria-controls", listId);
      dom.setAttribute("aria-activedescendant", optionId(state.active));
    } else {
      dom.removeAttribute("aria-controls");
      dom.removeAttribute("aria-activedescendant");
    }
  });

  const announcement = !state.open
    ? ""
    : state.items.length === 0
      ? "Không có mục nào khớp. Esc để đóng."
      : `${active?.label ?? ""}, ${state.active + 1} trên ${state.items.length}. Mũi tên lên xuống để chọn, Enter để chèn, Esc để đóng.`;

  if (!mounted) return null;
  const rect = state.rect;
  const below = rect ? rect.bottom + 4 : 0;
  const height = Math.max(1, state.items.length) * 48 + 8;
  const fitsBelow = typeof window === "undefined" || !rect || below + height < window.innerHeight || rect.top < window.innerHeight / 2;
  return (
    <>
      <p className="sr-only" role="status" aria-live="polite" data-testid="slash-announcement">
        {announcement}
      </p>
      {state.open && rect && (
          <div
            className="slash-menu fixed z-50 max-h-[75vh] w-80 max-w-[calc(100vw-1rem)] overflow-y-auto rounded-md border border-line bg-page p-1 text-ink shadow-xl"
            style={{
              left: Math.max(8, Math.min(rect.left, window.innerWidth - 328)),
              ...(fitsBelow ? { top: below } : { bottom: window.innerHeight - rect.top + 4 }),
            }}
          >
            {state.items.length === 0 ? (
              <p className="px-3 py-2 text-sm text-muted">Không có mục nào khớp “{state.query}”.</p>
            ) : (
              <ul id={listId} role="listbox" aria-label="Chèn vào bài">
                {state.items.map((item, index) => (
                  <li
                    key={item.id}
                    id={optionId(index)}
                    role="option"
                    aria-selected={index === state.active}
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={() => store.choose(index)}
                    className={`flex cursor-pointer flex-col rounded px-3 py-1 ${index === state.active ? "bg-ink text-page" : "hover:bg-surface"}`}
                  >
                    <span className="font-semibold">{item.label}</span>
                    <span className="truncate text-sm">{item.hint}</span>
                  </li>
                ))}
              </ul>
            )}
          </div>
      )}
    </>
  );
}
