"use client";

import type { Editor, JSONContent } from "@tiptap/core";
import { useEditorState } from "@tiptap/react";
import { forwardRef, useCallback, useEffect, useImperativeHandle, useRef } from "react";

export type ToolbarHandle = { focus: () => void };

type ButtonProps = {
  /** The accessible name, in Vietnamese. */
  label: string;
  /** What is shown, when shorter than the name (a glyph); hidden from screen readers, which read the label. */
  glyph?: React.ReactNode;
  shortcut?: string;
  /** For toggles only (marks, block types, alignment): announced as pressed or not. */
  pressed?: boolean;
  disabled?: boolean;
  onClick: () => void;
};

function ToolButton({ label, glyph, shortcut, pressed, disabled, onClick }: ButtonProps) {
  return (
    <button
      type="button"
      aria-pressed={pressed}
      disabled={disabled}
      title={shortcut ? `${label} (${shortcut})` : label}
      aria-keyshortcuts={shortcut?.replace(/Ctrl/g, "Control").replace(/\s/g, "")}
      // Keeps the text selection in the editor while the mouse is on the toolbar.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
      className="inline-flex min-h-9 min-w-9 items-center justify-center rounded border border-transparent px-1.5 text-ink hover:border-line disabled:opacity-40 aria-pressed:border-ink aria-pressed:bg-ink aria-pressed:text-page"
    >
      {glyph ? (
        <>
          <span aria-hidden="true">{glyph}</span>
          <span className="sr-only">{label}</span>
        </>
      ) : (
        label
      )}
    </button>
  );
}

function Group({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div role="group" aria-label={label} className="flex flex-wrap items-center gap-0.5 border-r border-line pr-1 last:border-r-0">
      {children}
    </div>
  );
}

const ALIGNMENTS = [
  { value: "left", label: "Căn trái", glyph: "Trái", shortcut: "Ctrl+Shift+L" },
  { value: "center", label: "Căn giữa", glyph: "Giữa", shortcut: "Ctrl+Shift+E" },
  { value: "right", label: "Căn phải", glyph: "Phải", shortcut: "Ctrl+Shift+R" },
  { value: "justify", label: "Căn đều hai bên", glyph: "Đều", shortcut: "Ctrl+Shift+J" },
] as const;

/** Inserts a block at the cursor, or just after the photo or gallery the cursor is in (never inside a caption). */
export function insertBlock(editor: Editor, content: JSONContent | JSONContent[]): void {
  const { $from } = editor.state.selection;
  let after: number | null = null;
  for (let depth = $from.depth; depth > 0; depth--) {
    if (["figure", "gallery"].includes($from.node(depth).type.name)) after = $from.after(depth);
  }
  const chain = editor.chain().focus();
  (after === null ? chain.insertContent(content) : chain.insertContentAt(after, content)).run();
}

function snapshot(editor: Editor) {
  const can = editor.can();
  const inFigure = editor.isActive("figure");
  const alignable = can.setTextAlign("center");
  return {
    paragraph: editor.isActive("paragraph"),
    h2: editor.isActive("heading", { level: 2 }),
    h3: editor.isActive("heading", { level: 3 }),
    h4: editor.isActive("heading", { level: 4 }),
    caption: editor.isActive("captionParagraph"),
    inFigure,
    bold: editor.isActive("bold"),
    italic: editor.isActive("italic"),
    underline: editor.isActive("underline"),
    strike: editor.isActive("strike"),
    link: editor.isActive("link"),
    canBold: can.toggleBold(),
    canItalic: can.toggleItalic(),
    canUnderline: can.toggleUnderline(),
    canStrike: can.toggleStrike(),
    canLink: can.setLink({ href: "https://example.com" }) || editor.isActive("link"),
    bulletList: editor.isActive("bulletList"),
    orderedList: editor.isActive("orderedList"),
    blockquote: editor.isActive("blockquote"),
    canList: can.toggleBulletList(),
    canQuote: can.toggleBlockquote(),
    alignable,
    align: alignable ? (ALIGNMENTS.find((a) => a.value !== "left" && editor.isActive({ textAlign: a.value }))?.value ?? "left") : null,
    inTable: editor.isActive("table"),
    canUndo: can.undo(),
    canRedo: can.redo(),
  };
}

/**
 * The formatting toolbar: one tab stop (arrow keys, Home and End move inside it, Escape goes back
 * to the text, Alt+F10 in the text comes here), Vietnamese names, pressed state for toggles.
 */
export const Toolbar = forwardRef<
  ToolbarHandle,
  { editor: Editor | null; controls: string; onLink: () => void; onImage: () => void; onGallery: () => void; onLinkNumbers: () => void }
>(function Toolbar({ editor, controls, onLink, onImage, onGallery, onLinkNumbers }, ref) {
  const root = useRef<HTMLDivElement>(null);
  const state = useEditorState({ editor, selector: ({ editor: current }) => (current ? snapshot(current) : null) });

  const buttons = useCallback(() => Array.from(root.current?.querySelectorAll<HTMLButtonElement>("button") ?? []), []);
  const enabled = useCallback(() => buttons().filter((b) => !b.disabled), [buttons]);

  // Roving tab stop: exactly one enabled button is in the tab order, the last one used.
  useEffect(() => {
    const all = buttons();
    const usable = all.filter((b) => !b.disabled);
    const current = usable.find((b) => b.tabIndex === 0) ?? usable[0];
    for (const b of all) b.tabIndex = b === current ? 0 : -1;
  });

  useImperativeHandle(ref, () => ({ focus: () => enabled().find((b) => b.tabIndex === 0)?.focus() }), [enabled]);

  function onKeyDown(event: React.KeyboardEvent) {
    const usable = enabled();
    const index = usable.indexOf(document.activeElement as HTMLButtonElement);
    let next: HTMLButtonElement | undefined;
    if (event.key === "ArrowRight" || event.key === "ArrowDown") next = usable[(index + 1) % usable.length];
    else if (event.key === "ArrowLeft" || event.key === "ArrowUp") next = usable[(index - 1 + usable.length) % usable.length];
    else if (event.key === "Home") next = usable[0];
    else if (event.key === "End") next = usable.at(-1);
    else if (event.key === "Escape") {
      event.preventDefault();
      editor?.commands.focus();
      return;
    }
    if (!next) return;
    event.preventDefault();
    next.focus();
  }

  function onFocus(event: React.FocusEvent) {
    const target = event.target as HTMLElement;
    if (target.tagName !== "BUTTON") return;
    for (const b of buttons()) b.tabIndex = b === target ? 0 : -1;
  }

  const run = (command: (chain: ReturnType<Editor["chain"]>) => ReturnType<Editor["chain"]>) => () => {
    if (editor) command(editor.chain().focus()).run();
  };
  const s = state;
  const off = !editor || !s;

  return (
    <div
      ref={root}
      role="toolbar"
      aria-label="Định dạng nội dung"
      aria-controls={controls}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
      // Sticks just under the screen's action bar (components/admin/editor-screen/EditorLayout.tsx).
      style={{ top: "var(--editor-bar-h, 0px)" }}
      className="sticky z-20 flex flex-wrap items-center gap-1 rounded-t-md border-b border-line bg-surface p-1"
    >
      <Group label="Kiểu đoạn">
        <ToolButton label="Đoạn văn" glyph="¶" shortcut="Ctrl+Alt+0" pressed={s?.paragraph ?? false} disabled={off || s.inFigure} onClick={run((c) => c.setParagraph())} />
        <ToolButton label="Tiêu đề 2" glyph="H2" shortcut="Ctrl+Alt+2" pressed={s?.h2 ?? false} disabled={off || s.inFigure} onClick={run((c) => c.toggleHeading({ level: 2 }))} />
        <ToolButton label="Tiêu đề 3" glyph="H3" shortcut="Ctrl+Alt+3" pressed={s?.h3 ?? false} disabled={off || s.inFigure} onClick={run((c) => c.toggleHeading({ level: 3 }))} />
        <ToolButton label="Tiêu đề 4" glyph="H4" shortcut="Ctrl+Alt+4" pressed={s?.h4 ?? false} disabled={off || s.inFigure} onClick={run((c) => c.toggleHeading({ level: 4 }))} />
        <ToolButton
          label="Chú thích ảnh"
          pressed={s?.caption ?? false}
          disabled={off || s.inFigure}
          onClick={run((c) => (s?.caption ? c.setParagraph() : c.setNode("captionParagraph")))}
        />
      </Group>
      <Group label="Định dạng chữ">
        <ToolButton label="Đậm" glyph={<b>B</b>} shortcut="Ctrl+B" pressed={s?.bold ?? false} disabled={off || !s.canBold} onClick={run((c) => c.toggleBold())} />
        <ToolButton label="Nghiêng" glyph={<i>I</i>} shortcut="Ctrl+I" pressed={s?.italic ?? false} disabled={off || !s.canItalic} onClick={run((c) => c.toggleItalic())} />
        <ToolButton label="Gạch chân" glyph={<u>U</u>} shortcut="Ctrl+U" pressed={s?.underline ?? false} disabled={off || !s.canUnderline} onClick={run((c) => c.toggleUnderline())} />
        <ToolButton label="Gạch ngang" glyph={<s>S</s>} shortcut="Ctrl+Shift+S" pressed={s?.strike ?? false} disabled={off || !s.canStrike} onClick={run((c) => c.toggleStrike())} />
        <ToolButton label="Liên kết" shortcut="Ctrl+K" pressed={s?.link ?? false} disabled={off || !s.canLink} onClick={onLink} />
        <ToolButton label="Liên kết số văn bản" disabled={off} onClick={onLinkNumbers} />
        <ToolButton
          label="Xoá định dạng"
          disabled={off}
          // Inside a caption only the marks go: turning the figure into a paragraph would lose the photo.
          onClick={run((c) => (s?.inFigure ? c.unsetAllMarks() : c.unsetAllMarks().clearNodes().unsetTextAlign()))}
        />
      </Group>
      <Group label="Danh sách và trích dẫn">
        <ToolButton label="Danh sách dấu chấm" glyph="• ≡" shortcut="Ctrl+Shift+8" pressed={s?.bulletList ?? false} disabled={off || !s.canList} onClick={run((c) => c.toggleBulletList())} />
        <ToolButton label="Danh sách đánh số" glyph="1. ≡" shortcut="Ctrl+Shift+7" pressed={s?.orderedList ?? false} disabled={off || !s.canList} onClick={run((c) => c.toggleOrderedList())} />
        <ToolButton label="Trích dẫn" glyph="❝" shortcut="Ctrl+Shift+B" pressed={s?.blockquote ?? false} disabled={off || !s.canQuote} onClick={run((c) => c.toggleBlockquote())} />
      </Group>
      <Group label="Căn lề">
        {ALIGNMENTS.map((a) => (
          <ToolButton
            key={a.value}
            label={a.label}
            glyph={a.glyph}
            shortcut={a.shortcut}
            pressed={s?.align === a.value}
            disabled={off || !s.alignable}
            onClick={run((c) => (a.value === "left" ? c.unsetTextAlign() : c.setTextAlign(a.value)))}
          />
        ))}
      </Group>
      <Group label="Chèn">
        <ToolButton label="Ảnh" disabled={off} onClick={onImage} />
        <ToolButton label="Bộ sưu tập ảnh" glyph="Bộ sưu tập" disabled={off} onClick={onGallery} />
        <ToolButton
          label="Đường kẻ ngang"
          glyph="―"
          disabled={off}
          // setHorizontalRule also leaves a paragraph after the rule to keep typing in.
          onClick={() => editor && (s?.inFigure ? insertBlock(editor, { type: "horizontalRule" }) : editor.chain().focus().setHorizontalRule().run())}
        />
        <ToolButton label="Chèn bảng" glyph="Bảng" disabled={off || s.inTable} onClick={run((c) => c.insertTable({ rows: 3, cols: 3, withHeaderRow: true }))} />
      </Group>
      {s?.inTable && (
        <Group label="Bảng">
          <ToolButton label="Thêm hàng" onClick={run((c) => c.addRowAfter())} />
          <ToolButton label="Xoá hàng" onClick={run((c) => c.deleteRow())} />
          <ToolButton label="Thêm cột" onClick={run((c) => c.addColumnAfter())} />
          <ToolButton label="Xoá cột" onClick={run((c) => c.deleteColumn())} />
          <ToolButton label="Xoá bảng" onClick={run((c) => c.deleteTable())} />
        </Group>
      )}
      <Group label="Lịch sử">
        <ToolButton label="Hoàn tác" glyph="↶" shortcut="Ctrl+Z" disabled={off || !s.canUndo} onClick={run((c) => c.undo())} />
        <ToolButton label="Làm lại" glyph="↷" shortcut="Ctrl+Shift+Z" disabled={off || !s.canRedo} onClick={run((c) => c.redo())} />
      </Group>
    </div>
  );
});
