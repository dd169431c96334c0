// @vitest-environment happy-dom
import { Editor } from "@tiptap/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { editorExtensions } from "@/components/editor/editor-extensions";
import { filterSlashCommands, SlashMenuStore } from "@/components/editor/slash-commands";

const editors: Editor[] = [];
afterEach(() => editors.splice(0).forEach((e) => e.destroy()));

function makeEditor() {
  const slash = new SlashMenuStore();
  const element = document.createElement("div");
  document.body.append(element);
  const editor = new Editor({ element, extensions: editorExtensions({ upload: vi.fn(), notify: vi.fn(), slash }), content: { type: "doc", content: [{ type: "paragraph" }] } });
  editors.push(editor);
  return { editor, slash };
}

/** Types as the keyboard would: one character at a time at the cursor. */
function type(editor: Editor, text: string) {
  for (const ch of text) editor.view.dispatch(editor.state.tr.insertText(ch));
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("the / menu", () => {
  it("finds commands without diacritics and by their other words", () => {
    expect(filterSlashCommands("").map((c) => c.id)).toEqual(["image", "gallery", "table", "caption", "divider", "h2", "h3", "bullets", "numbers", "quote"]);
    expect(filterSlashCommands("anh").map((c) => c.id)).toEqual(["image", "gallery", "caption"]);
    expect(filterSlashCommands("BẢNG").map((c) => c.id)).toEqual(["table"]);
    expect(filterSlashCommands("ke").map((c) => c.id)).toEqual(["divider"]);
    expect(filterSlashCommands("xyz")).toEqual([]);
  });

  it("opens on /, filters as typed, says when nothing matches, and inserts the chosen block", async () => {
    const { editor, slash } = makeEditor();
    editor.commands.focus();
    type(editor, "/");
    await settle();
    expect(slash.getState()).toMatchObject({ open: true, query: "", active: 0 });
    expect(slash.getState().items).toHaveLength(10);
    type(editor, "abc");
    await settle();
    expect(slash.getState()).toMatchObject({ open: true, query: "abc", items: [] });
    for (let i = 0; i < 3; i++) editor.commands.deleteRange({ from: editor.state.selection.from - 1, to: editor.state.selection.from });
    type(editor, "ke");
    await settle();
    expect(slash.getState().items.map((c) => c.id)).toEqual(["divider"]);
    slash.choose();
    await settle();
    expect(slash.getState().open).toBe(false);
    expect(editor.getJSON().content?.map((n) => n.type)).toEqual(["horizontalRule", "paragraph"]);
    expect(editor.getText()).not.toContain("/");
  });

  it("hands image and gallery to the screen's picker", async () => {
    const { editor, slash } = makeEditor();
    const openPicker = vi.fn();
    slash.setActions({ openPicker });
    editor.commands.focus();
    type(editor, "/bo suu");
    await settle();
    expect(slash.getState().open).toBe(false); // a space ends the query: spaces are not allowed in it
    editor.commands.setContent({ type: "doc", content: [{ type: "paragraph" }] });
    type(editor, "/gallery");
    await settle();
    slash.choose();
    expect(openPicker).toHaveBeenCalledWith("gallery");
  });
});
