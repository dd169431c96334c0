"use client";

import { useActionState, useEffect, useId, useMemo, useRef, useState } from "react";
import { saveMenuAction } from "@/app/admin/menus/actions";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import type { ActionState } from "@/lib/auth/guards";
import type { MenuEditorMenu, MenuTargetOption } from "@/lib/dal/menus";
import { canIndent, dropBefore, indent, moveDown, moveUp, MENU_RULES, outdent, positionOf, removeAt } from "@/lib/menus/tree";
import { AddMenuItem } from "./AddMenuItem";
import { itemProblems, newKey, serialize, visibility, withKeys, type EditorItem } from "./menu-items";
import { MenuItemRow, type RowCommand } from "./MenuItemRow";
import { MenuPreview, shownTree } from "./MenuPreview";

const BUTTON = "inline-flex min-h-11 items-center rounded-md border border-line bg-surface px-4 font-semibold text-ink hover:border-brand";

function describeWhere(items: readonly EditorItem[], index: number): string {
  const { position, count, parent } = positionOf(items, index);
  return parent === null ? `mục ${position} trong ${count}` : `mục con ${position} trong ${count} của “${parent.trim() || "(chưa có tên)"}”`;
}

/**
 * One menu's editor: the list, edited on the screen, previewed as readers would see it, and saved
 * as a whole with the version it started from (a save by someone else in between is refused and
 * the list here is kept). Moves are announced in a live region and keep focus on the button
 * pressed; leaving the page with unsaved changes asks first.
 */
export function MenuEditor({ menu, categories, pages }: { menu: MenuEditorMenu; categories: MenuTargetOption[]; pages: MenuTargetOption[] }) {
  const rules = MENU_RULES[menu.location];
  const maxDepth = rules.maxDepth;
  const headingId = useId();
  const [items, setItems] = useState<EditorItem[]>(() => withKeys(menu.items));
  // The list as last saved (to undo to, and to tell unsaved changes), and the version a save is based on.
  const [saved, setSaved] = useState<EditorItem[]>(() => withKeys(menu.items));
  const [version, setVersion] = useState(menu.version);
  const [announcement, setAnnouncement] = useState("");
  const [problems, setProblems] = useState<Map<string, string>>(new Map());
  const [dragging, setDragging] = useState<number | null>(null);
  const [dropAt, setDropAt] = useState<{ index: number; mark: "before" | "after" } | null>(null);
  const focusNext = useRef<{ key: string; command: string } | null>(null);
  const discarding = useRef(false);
  const listRef = useRef<HTMLOListElement>(null);

  const dirty = serialize(items) !== serialize(saved);
  // What the form submits is the list of this render; the action reads it from here, not from an older closure.
  const current = useRef(items);
  useEffect(() => {
    current.current = items;
  }, [items]);
  const visible = useMemo(() => visibility(items), [items]);

  const [state, formAction] = useActionState(async (previous: ActionState, formData: FormData): Promise<ActionState> => {
    const submitted = current.current;
    const found = itemProblems(submitted);
    setProblems(found);
    if (found.size > 0) return { message: `Chưa lưu: ${found.size} mục cần sửa (đánh dấu đỏ bên dưới).` };
    const result = await saveMenuAction(previous, formData);
    if (result.ok) {
      setSaved(submitted);
      setVersion(Number(result.values?.version ?? version + 1));
    }
    return result;
  }, {} as ActionState);
  const latestVersion = state.values?.latestVersion;

  // Unsaved work is not lost to a closed tab or a link followed by mistake.
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      if (!discarding.current) event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  // After a move the same button of the same entry keeps focus (or the entry's name, after a removal).
  useEffect(() => {
    const target = focusNext.current;
    if (!target) return;
    focusNext.current = null;
    const row = listRef.current?.querySelector<HTMLElement>(`[data-item-key="${target.key}"]`);
    row?.querySelector<HTMLElement>(`[data-command="${target.command}"]`)?.focus();
  }, [items]);

  const apply = (next: readonly EditorItem[], key: string | null, command: string, message: (items: readonly EditorItem[]) => string) => {
    if (next === items) {
      setAnnouncement(message(items));
      return;
    }
    setItems([...next]);
    if (key) focusNext.current = { key, command };
    setAnnouncement(message(next));
  };

  const onCommand = (index: number, command: RowCommand) => {
    const item = items[index]!;
    const name = `“${item.label.trim() || "(chưa có tên)"}”`;
    const where = (list: readonly EditorItem[]) => describeWhere(list, list.findIndex((it) => it.key === item.key));
    if (command === "remove") {
      const next = removeAt(items, index);
      const neighbour = next[Math.min(index, next.length - 1)];
      setItems([...next]);
      setAnnouncement(`Đã xoá ${name} khỏi danh sách (chưa lưu).`);
      requestAnimationFrame(() => (neighbour ? listRef.current?.querySelector<HTMLElement>(`[data-item-key="${neighbour.key}"] input`) : document.getElementById(`${headingId}-add`))?.focus());
      return;
    }
    const moved = {
      up: () => moveUp(items, index),
      down: () => moveDown(items, index),
      indent: () => indent(items, index, maxDepth),
      outdent: () => outdent(items, index),
    }[command]();
    apply(moved, item.key, command, (list) => (list === items ? `${name} không chuyển được nữa.` : `Đã chuyển ${name}: giờ là ${where(list)}.`));
  };

  const drag = (index: number) => ({
    onStart: (event: React.DragEvent) => {
      setDragging(index);
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", items[index]!.key);
      const row = (event.currentTarget as HTMLElement).closest("li");
      if (row) event.dataTransfer.setDragImage(row, 16, 16);
    },
    onOver: (event: React.DragEvent) => {
      if (dragging === null) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = "move";
      const box = (event.currentTarget as HTMLElement).getBoundingClientRect();
      const mark = event.clientY < box.top + box.height / 2 ? "before" : "after";
      if (dropAt?.index !== index || dropAt.mark !== mark) setDropAt({ index, mark });
    },
    onDrop: (event: React.DragEvent) => {
      event.preventDefault();
      if (dragging === null) return;
      const box = (event.currentTarget as HTMLElement).getBoundingClientRect();
      const before = event.clientY < box.top + box.height / 2 ? index : index + 1;
      const item = items[dragging]!;
      const next = dropBefore(items, dragging, before, maxDepth);
      apply(next, null, "", (list) =>
        list === items ? `Không thả “${item.label}” vào chỗ đó được.` : `Đã chuyển “${item.label}”: giờ là ${describeWhere(list, list.findIndex((it) => it.key === item.key))}.`,
      );
      setDragging(null);
      setDropAt(null);
    },
    onEnd: () => {
      setDragging(null);
      setDropAt(null);
    },
  });

  const dropAtEnd = {
    onDragOver: (event: React.DragEvent) => {
      if (dragging === null) return;
      event.preventDefault();
      setDropAt({ index: items.length, mark: "before" });
    },
    onDrop: (event: React.DragEvent) => {
      event.preventDefault();
      if (dragging === null) return;
      const item = items[dragging]!;
      apply(dropBefore(items, dragging, items.length, maxDepth), null, "", () => `Đã chuyển “${item.label}” xuống cuối danh sách.`);
      setDragging(null);
      setDropAt(null);
    },
  };

  const setLabel = (key: string, label: string) => setItems((list) => list.map((item) => (item.key === key ? { ...item, label } : item)));

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-4 border-t border-line pt-6" data-menu={menu.location}>
      <div>
        <h2 id={headingId} className="text-2xl font-bold">
          {rules.title}
        </h2>
        <p className="mt-1 max-w-3xl text-muted">{rules.description}</p>
      </div>

      <div role="status" aria-live="polite" className="sr-only">
        {announcement}
      </div>

      {items.length === 0 ? (
        <p className="text-muted">Trình đơn này chưa có mục nào.</p>
      ) : (
        <ol ref={listRef} className="flex flex-col gap-2" aria-label={`Các mục của ${rules.title.toLowerCase()}`}>
          {items.map((item, index) => (
            <MenuItemRow
              key={item.key}
              item={item}
              index={index}
              where={describeWhere(items, index)}
              parentHidden={item.depth === 1 && !visible[index] && item.state === "live"}
              twoLevels={maxDepth === 1}
              can={{
                up: moveUp(items, index) !== items,
                down: moveDown(items, index) !== items,
                indent: canIndent(items, index, maxDepth),
                outdent: item.depth === 1,
              }}
              problem={problems.get(item.key)}
              dropMark={dropAt?.index === index ? dropAt.mark : dropAt?.index === index + 1 && dropAt.mark === "before" && index === items.length - 1 ? "after" : null}
              onLabel={(label) => setLabel(item.key, label)}
              onCommand={(command) => onCommand(index, command)}
              drag={drag(index)}
            />
          ))}
          {dragging !== null && (
            <li {...dropAtEnd} aria-hidden="true" className={`rounded-md border-2 border-dashed p-3 text-center text-muted ${dropAt?.index === items.length ? "border-focus" : "border-line"}`}>
              Thả vào đây để đưa xuống cuối danh sách
            </li>
          )}
        </ol>
      )}

      <div id={`${headingId}-add`} tabIndex={-1}>
        <AddMenuItem
          language={menu.language}
          menuTitle={rules.title}
          categories={categories}
          pages={pages}
          onAdd={(item) => {
            if (items.length >= rules.maxItems) return setAnnouncement(`Trình đơn này có tối đa ${rules.maxItems} mục.`);
            const added = { ...item, depth: 0 as const, key: newKey() };
            setItems((list) => [...list, added]);
            setAnnouncement(`Đã thêm “${added.label}” vào cuối danh sách (chưa lưu).`);
          }}
        />
      </div>

      <section aria-labelledby={`${headingId}-preview`} className="flex flex-col gap-2">
        <h3 id={`${headingId}-preview`} className="text-lg font-bold">
          Xem trước {dirty ? "(chưa lưu)" : "(đang hiện trên trang)"}
        </h3>
        <MenuPreview location={menu.location} tree={shownTree(items, visible)} />
      </section>

      <form action={formAction} className="flex flex-col gap-3">
        <input type="hidden" name="location" value={menu.location} />
        <input type="hidden" name="language" value={menu.language} />
        <input type="hidden" name="version" value={String(version)} />
        <input type="hidden" name="items" value={serialize(items)} />
        <FormMessage state={state} />
        <div className="flex flex-wrap gap-3">
          <SubmitButton>{`Lưu ${rules.title.toLowerCase()}`}</SubmitButton>
          {dirty && (
            <button
              type="button"
              className={BUTTON}
              onClick={() => {
                setItems(saved);
                setProblems(new Map());
                setAnnouncement("Đã trả lại danh sách như lần lưu gần nhất.");
              }}
            >
              Hoàn tác thay đổi chưa lưu
            </button>
          )}
        </div>
        {latestVersion !== undefined && !state.ok && Number(latestVersion) !== version && (
          <div className="flex flex-wrap gap-3" role="group" aria-label="Trình đơn đã có bản mới hơn">
            <button
              type="button"
              className={BUTTON}
              onClick={() => {
                discarding.current = true;
                window.location.reload();
              }}
            >
              Xem bản mới nhất (bỏ thay đổi của tôi)
            </button>
            <button
              type="button"
              className={BUTTON}
              onClick={() => {
                setVersion(Number(latestVersion));
                setAnnouncement("Bấm Lưu một lần nữa để thay bản mới nhất bằng danh sách trên màn hình.");
              }}
            >
              Giữ bản của tôi
            </button>
          </div>
        )}
      </form>
    </section>
  );
}
