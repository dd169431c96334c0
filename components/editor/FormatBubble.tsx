"use client";

import type { Editor } from "@tiptap/core";
import { TextSelection } from "@tiptap/pm/state";
import { useEditorState } from "@tiptap/react";
import { BubbleMenu } from "@tiptap/react/menus";
import { forwardRef, type KeyboardEvent } from "react";

const BUTTON =
  "inline-flex min-h-10 min-w-10 items-center justify-center rounded px-2 text-page hover:bg-page hover:text-ink aria-pressed:bg-page aria-pressed:text-ink focus-visible:outline-3 focus-visible:outline-offset-1";

/**
 * The formatting bar that floats over selected text (Tiptap's BubbleMenu): bold, italic, link,
 * headings and quote, the things a selection is usually made for. From the keyboard Alt+F10 comes
 * here while text is selected (RichTextEditor), arrows move, Escape goes back to the text; every
 * button also has its shortcut and its twin in the fixed toolbar.
 */
export const FormatBubble = forwardRef<HTMLDivElement, { editor: Editor; onLink: () => void }>(function FormatBubble({ editor, onLink }, ref) {
  const s = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive("bold"),
      italic: e.isActive("italic"),
      link: e.isActive("link"),
      h2: e.isActive("heading", { level: 2 }),
      h3: e.isActive("heading", { level: 3 }),
      quote: e.isActive("blockquote"),
      inFigure: e.isActive("figure"),
    }),
  });

  const run = (command: (chain: ReturnType<Editor["chain"]>) => ReturnType<Editor["chain"]>) => () => command(editor.chain().focus()).run();

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const buttons = Array.from(event.currentTarget.querySelectorAll<HTMLButtonElement>("button:not(:disabled)"));
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (step !== 0) {
      event.preventDefault();
      buttons[(index + step + buttons.length) % buttons.length]?.focus();
    } else if (event.key === "Escape") {
      event.preventDefault();
      editor.commands.focus();
    }
  }

  const button = (label: string, glyph: React.ReactNode, pressed: boolean | undefined, onClick: () => void, shortcut?: string, disabled = false) => (
    <button
      type="button"
      aria-pressed={pressed}
      disabled={disabled}
      title={shortcut ? `${label} (${shortcut})` : label}
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
      className={`${BUTTON} disabled:opacity-40`}
    >
      <span aria-hidden="true">{glyph}</span>
      <span className="sr-only">{label}</span>
    </button>
  );

  return (
    <BubbleMenu
      editor={editor}
      ref={ref}
      options={{ placement: "top", offset: 8, flip: true, shift: { padding: 8 } }}
      // Only over selected text, never over a selected photo or table.
      shouldShow={({ state, view, element }) => {
        const { selection } = state;
        if (selection.empty || !(selection instanceof TextSelection) || !editor.isEditable) return false;
        if (!state.doc.textBetween(selection.from, selection.to).trim()) return false;
        return view.hasFocus() || element.contains(document.activeElement);
      }}
    >
      <div role="toolbar" aria-label="Định dạng đoạn đã chọn" onKeyDown={onKeyDown} className="format-bubble flex items-center gap-0.5 rounded-md border border-ink bg-ink p-1 shadow-lg" data-testid="format-bubble">
        {button("Đậm", <b>B</b>, s.bold, run((c) => c.toggleBold()), "Ctrl+B")}
        {button("Nghiêng", <i>I</i>, s.italic, run((c) => c.toggleItalic()), "Ctrl+I")}
        {button("Liên kết", "Liên kết", s.link, onLink, "Ctrl+K")}
        {button("Tiêu đề 2", "H2", s.h2, run((c) => c.toggleHeading({ level: 2 })), "Ctrl+Alt+2", s.inFigure)}
        {button("Tiêu đề 3", "H3", s.h3, run((c) => c.toggleHeading({ level: 3 })), "Ctrl+Alt+3", s.inFigure)}
        {button("Trích dẫn", "❝", s.quote, run((c) => c.toggleBlockquote()), "Ctrl+Shift+B", s.inFigure)}
      </div>
    </BubbleMenu>
  );
});
