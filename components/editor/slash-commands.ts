import { Extension, type Editor, type Range } from "@tiptap/core";
import { PluginKey } from "@tiptap/pm/state";
import Suggestion, { exitSuggestion, type SuggestionProps } from "@tiptap/suggestion";
import { foldForSearch } from "@/lib/vi/fold";

/**
 * The `/` menu: typed at the start of a line or after a space, it offers blocks to insert, filtered
 * by what follows the slash (without diacritics: `/anh` finds "Ảnh"). Arrow keys move, Enter
 * inserts, Escape closes; the React side (SlashMenu) draws the list from `SlashMenuStore` and the
 * editable area points at the active option (aria-activedescendant), with a live announcement.
 */

/** What a command may ask of the screen around the editor (the pickers are React dialogs). */
export type SlashActions = { openPicker: (kind: "image" | "gallery") => void };

export type SlashCommand = {
  id: string;
  label: string;
  hint: string;
  /** Extra words it is found by. */
  keywords: string;
  run: (editor: Editor, actions: SlashActions) => void;
};

export const SLASH_COMMANDS: readonly SlashCommand[] = [
  { id: "image", label: "Ảnh", hint: "Chọn hoặc tải ảnh lên từ Thư viện ảnh", keywords: "hinh anh photo image", run: (_e, a) => a.openPicker("image") },
  { id: "gallery", label: "Bộ sưu tập ảnh", hint: "Nhiều ảnh cạnh nhau, mỗi ảnh một chú thích", keywords: "gallery nhieu anh album", run: (_e, a) => a.openPicker("gallery") },
  { id: "table", label: "Bảng", hint: "Bảng 3 × 3 có hàng tiêu đề", keywords: "table", run: (e) => e.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run() },
  { id: "caption", label: "Chú thích ảnh", hint: "Dòng chú thích đứng riêng", keywords: "caption chu thich", run: (e) => e.chain().focus().setNode("captionParagraph").run() },
  { id: "divider", label: "Đường kẻ ngang", hint: "Ngăn cách hai phần của bài", keywords: "divider hr ke ngang duong ke", run: (e) => e.chain().focus().setHorizontalRule().run() },
  { id: "h2", label: "Tiêu đề 2", hint: "Hoặc gõ ## và dấu cách", keywords: "heading tieu de h2", run: (e) => e.chain().focus().setHeading({ level: 2 }).run() },
  { id: "h3", label: "Tiêu đề 3", hint: "Hoặc gõ ### và dấu cách", keywords: "heading tieu de h3", run: (e) => e.chain().focus().setHeading({ level: 3 }).run() },
  { id: "bullets", label: "Danh sách dấu chấm", hint: "Hoặc gõ - và dấu cách", keywords: "list danh sach", run: (e) => e.chain().focus().toggleBulletList().run() },
  { id: "numbers", label: "Danh sách đánh số", hint: "Hoặc gõ 1. và dấu cách", keywords: "list danh sach so", run: (e) => e.chain().focus().toggleOrderedList().run() },
  { id: "quote", label: "Trích dẫn", hint: "Hoặc gõ > và dấu cách", keywords: "quote trich dan", run: (e) => e.chain().focus().toggleBlockquote().run() },
];

/** The commands with a word starting with each word typed after the slash, diacritics ignored (`anh` is "Ảnh", not "danh"). */
export function filterSlashCommands(query: string): SlashCommand[] {
  const typed = foldForSearch(query).split(/\s+/).filter(Boolean);
  return SLASH_COMMANDS.filter((c) => {
    const words = foldForSearch(`${c.label} ${c.keywords}`).split(/\s+/);
    return typed.every((t) => words.some((w) => w.startsWith(t)));
  });
}

export type SlashMenuState = {
  open: boolean;
  items: SlashCommand[];
  active: number;
  query: string;
  /** Where the caret is, in viewport coordinates, for placing the list. */
  rect: { left: number; top: number; bottom: number } | null;
};

const CLOSED: SlashMenuState = { open: false, items: [], active: 0, query: "", rect: null };

/** The menu's state outside React (the plugin writes it, SlashMenu reads it with useSyncExternalStore). */
export class SlashMenuStore {
  private state: SlashMenuState = CLOSED;
  private listeners = new Set<() => void>();
  private pick: ((item: SlashCommand) => void) | null = null;
  actions: SlashActions = { openPicker: () => {} };

  /** The screen's callbacks, set once the React component has them. */
  setActions(actions: SlashActions) {
    this.actions = actions;
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  getState = () => this.state;

  private set(next: SlashMenuState) {
    this.state = next;
    for (const listener of this.listeners) listener();
  }

  show(props: SuggestionProps<SlashCommand, SlashCommand>) {
    const rect = props.clientRect?.() ?? null;
    const active = this.state.open && this.state.query === props.query ? Math.min(this.state.active, Math.max(0, props.items.length - 1)) : 0;
    this.pick = (item) => props.command(item);
    this.set({ open: true, items: props.items, active, query: props.query, rect: rect && { left: rect.left, top: rect.top, bottom: rect.bottom } });
  }

  hide() {
    this.pick = null;
    if (this.state.open) this.set(CLOSED);
  }

  move(by: number) {
    const count = this.state.items.length;
    if (count === 0) return;
    this.set({ ...this.state, active: (this.state.active + by + count) % count });
  }

  choose(index = this.state.active) {
    const item = this.state.items[index];
    if (item && this.pick) this.pick(item);
  }
}

export const slashPluginKey = new PluginKey("cmsSlash");

export function slashCommandsExtension(store: SlashMenuStore) {
  return Extension.create({
    name: "cmsSlashCommands",
    addProseMirrorPlugins() {
      return [
        Suggestion<SlashCommand, SlashCommand>({
          editor: this.editor,
          pluginKey: slashPluginKey,
          char: "/",
          // Not inside a photo's caption, where a block cannot go.
          allow: ({ state, range }) => state.doc.resolve(range.from).parent.type.name !== "figure",
          items: ({ query }) => filterSlashCommands(query),
          command: ({ editor, range, props }: { editor: Editor; range: Range; props: SlashCommand }) => {
            editor.chain().focus().deleteRange(range).run();
            props.run(editor, store.actions);
          },
          render: () => ({
            onStart: (props) => store.show(props),
            onUpdate: (props) => store.show(props),
            onExit: () => store.hide(),
            onKeyDown: ({ event, view }) => {
              const { open, items } = store.getState();
              if (!open) return false;
              if (event.key === "ArrowDown") store.move(1);
              else if (event.key === "ArrowUp") store.move(-1);
              else if (event.key === "Enter" && items.length > 0) store.choose();
              else if (event.key === "Escape") {
                exitSuggestion(view, slashPluginKey);
                store.hide();
              } else return false;
              return true;
            },
          }),
        }),
      ];
    },
  });
}
