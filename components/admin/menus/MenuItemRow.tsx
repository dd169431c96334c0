"use client";

import { useId } from "react";
import { CONTROL_CLASS } from "@/components/ui/FieldShell";
import { hiddenReason, TARGET_KIND_LABELS, type EditorItem } from "./menu-items";

export type RowCommand = "up" | "down" | "indent" | "outdent" | "remove";

type Props = {
  item: EditorItem;
  index: number;
  /** "mục 2 trong 5", "mục con 1 trong 2 của “Giới thiệu”". */
  where: string;
  parentHidden: boolean;
  can: Record<Exclude<RowCommand, "remove">, boolean>;
  twoLevels: boolean;
  problem?: string;
  dropMark: "before" | "after" | null;
  onLabel: (label: string) => void;
  onCommand: (command: RowCommand) => void;
  drag: {
    onStart: (event: React.DragEvent) => void;
    onOver: (event: React.DragEvent) => void;
    onDrop: (event: React.DragEvent) => void;
    onEnd: () => void;
  };
};

const BUTTON =
  "inline-flex min-h-11 items-center rounded-md border border-line bg-surface px-3 text-sm font-semibold text-ink hover:border-brand aria-disabled:cursor-not-allowed aria-disabled:opacity-50 aria-disabled:hover:border-line";

function targetText(item: EditorItem): string {
  if (item.target.kind === "url") return item.target.url;
  return item.targetTitle || `#${item.target.id}`;
}

/**
 * One entry of the menu editor: its name (edited in place), what it points at and whether readers
 * see it, and the buttons that move it. The buttons are the keyboard's (and a touch screen's) way
 * of reordering; the grip at the left drags with a mouse. A button that cannot act now stays
 * focusable (aria-disabled), so focus never jumps away after a move.
 */
export function MenuItemRow({ item, index, where, parentHidden, can, twoLevels, problem, dropMark, onLabel, onCommand, drag }: Props) {
  const id = useId();
  const hidden = hiddenReason(item, parentHidden);
  const name = item.label.trim() || "(chưa có tên)";
  const button = (command: Exclude<RowCommand, "remove">, text: string) => (
    <button type="button" className={BUTTON} aria-disabled={!can[command]} data-command={command} onClick={() => can[command] && onCommand(command)}>
      {text}
      <span className="sr-only"> “{name}”</span>
    </button>
  );
  return (
    <li
      data-item-key={item.key}
      data-menu-item=""
      onDragOver={drag.onOver}
      onDrop={drag.onDrop}
      className={`relative rounded-md border bg-page p-3 ${item.depth === 1 ? "ml-8 sm:ml-12" : ""} ${hidden ? "border-red-700" : "border-line"} ${
        dropMark === "before" ? "shadow-[0_-4px_0_0_var(--focus)]" : dropMark === "after" ? "shadow-[0_4px_0_0_var(--focus)]" : ""
      }`}
    >
      <div className="flex flex-wrap items-start gap-3">
        {/* For the mouse only: the buttons below do the same from the keyboard. */}
        <div
          draggable
          onDragStart={drag.onStart}
          onDragEnd={drag.onEnd}
          aria-hidden="true"
          title="Kéo để sắp xếp"
          data-drag-handle=""
          className="flex min-h-11 w-8 cursor-grab select-none items-center justify-center rounded-md border border-dashed border-line text-muted active:cursor-grabbing"
        >
          ⠿
        </div>
        <div className="flex min-w-0 flex-1 flex-col gap-1">
          <label htmlFor={`${id}-label`} className="text-sm font-semibold">
            Tên hiển thị{item.depth === 1 ? " (mục con)" : ""} <span className="font-normal text-muted">– {where}</span>
          </label>
          <input
            id={`${id}-label`}
            value={item.label}
            onChange={(event) => onLabel(event.target.value)}
            aria-invalid={problem ? true : undefined}
            aria-describedby={`${id}-target${problem ? ` ${id}-problem` : ""}`}
            className={`${CONTROL_CLASS} w-full`}
            data-item-label={index}
          />
          <p id={`${id}-target`} className="text-sm text-muted [overflow-wrap:anywhere]">
            {TARGET_KIND_LABELS[item.target.kind]}:{" "}
            {item.href ? (
              <a href={item.href} target="_blank" rel="noopener noreferrer" className="underline underline-offset-2">
                {targetText(item)}
                <span className="sr-only"> (mở trong thẻ mới)</span>
              </a>
            ) : (
              targetText(item)
            )}
            {item.external && " (trang ngoài)"}
          </p>
          {hidden && (
            <p className="text-sm font-semibold text-red-800" data-item-flag="">
              ⚠ {hidden}
            </p>
          )}
          {problem && (
            <p id={`${id}-problem`} className="text-sm font-semibold text-red-800">
              {problem}
            </p>
          )}
        </div>
      </div>
      <div className="mt-2 flex flex-wrap gap-2" role="group" aria-label={`Sắp xếp “${name}”`}>
        {button("up", "Lên")}
        {button("down", "Xuống")}
        {twoLevels && button("indent", "Thành mục con")}
        {twoLevels && button("outdent", "Thành mục cấp trên")}
        <button type="button" className={`${BUTTON} text-red-800`} data-command="remove" onClick={() => onCommand("remove")}>
          Xoá
          <span className="sr-only"> “{name}”</span>
        </button>
      </div>
    </li>
  );
}
