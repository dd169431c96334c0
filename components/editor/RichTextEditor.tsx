"use client";

import type { Editor, JSONContent } from "@tiptap/core";
import { NodeSelection, TextSelection, type Selection } from "@tiptap/pm/state";
import { EditorContent, useEditor, useEditorState } from "@tiptap/react";
import { useCallback, useEffect, useId, useImperativeHandle, useRef, useState, type Ref } from "react";
import type { MediaDto } from "@/lib/dal/media/store";
import { readingTimeText } from "@/lib/editor/reading-time";
import { figureAttrsFromMedia, uploadImage } from "@/lib/media/client-upload";
import { BODY_PLACEHOLDER, EDITOR_EVENTS, editorExtensions, withoutPendingImages } from "./editor-extensions";
import { FormatBubble } from "./FormatBubble";
import { linkDocumentNumbersIn } from "./link-document-numbers";
import { LinkDialog } from "./LinkDialog";
import { MediaPicker } from "./MediaPicker";
import { SlashMenuStore } from "./slash-commands";
import { SlashMenu } from "./SlashMenu";
import { insertBlock, Toolbar, type ToolbarHandle } from "./Toolbar";
import "./editor.css";

/** What the screen around the editor may ask of it. */
export type BodyEditorHandle = {
  /** Selects the range (a whole node when it spans one), scrolls it to the middle of the screen and focuses the text. */
  goTo: (from: number, to: number) => void;
};

/** The selection for a range named by a check: a node (photo, table) as a node, a text block's text, or the text between. */
function selectionFor(editor: Editor, from: number, to: number): Selection {
  const { doc } = editor.state;
  const size = doc.content.size;
  const a = Math.max(0, Math.min(from, size));
  const b = Math.max(a, Math.min(to, size));
  const node = doc.nodeAt(a);
  if (node && a + node.nodeSize === b) {
    if (node.isTextblock && node.type.name !== "figure") return TextSelection.create(doc, a + 1, b - 1);
    if (NodeSelection.isSelectable(node)) return NodeSelection.create(doc, a);
  }
  return TextSelection.between(doc.resolve(a), doc.resolve(b));
}

const EMPTY_DOC: JSONContent = { type: "doc", content: [{ type: "paragraph" }] };

function figureFrom(media: MediaDto): JSONContent {
  return { type: "figure", attrs: figureAttrsFromMedia(media), content: media.caption ? [{ type: "text", text: media.caption }] : [] };
}

type LinkState = { href: string; needsText: boolean } | null;

/**
 * The post body editor: toolbar, editable area, word and character counts, and a hidden input
 * carrying the document as JSON so a plain form submit sends it. Pasted Word/Docs content is
 * cleaned; pasted or dropped pictures go to the media library and come back as figures.
 */
export function RichTextEditor({
  name,
  initialContent,
  labelledBy,
  onChange,
  ref,
}: {
  name: string;
  initialContent: JSONContent | null;
  labelledBy: string;
  onChange?: (json: JSONContent) => void;
  ref?: Ref<BodyEditorHandle>;
}) {
  const [json, setJson] = useState<JSONContent>(() => initialContent ?? EMPTY_DOC);
  const [notice, setNotice] = useState("");
  // What "Liên kết số văn bản" did, announced like the notices but not an error.
  const [info, setInfo] = useState("");
  const [link, setLink] = useState<LinkState>(null);
  const [picker, setPicker] = useState<"image" | "gallery" | null>(null);
  const contentId = useId();
  const toolbar = useRef<ToolbarHandle>(null);
  const wrapper = useRef<HTMLDivElement>(null);
  const bubble = useRef<HTMLDivElement>(null);
  const onChangeRef = useRef(onChange);
  const [slash] = useState(() => new SlashMenuStore());

  // Built once per editor: the schema must not change under it.
  const [extensions] = useState(() =>
    editorExtensions({ upload: (file, fileName, onProgress) => uploadImage(file, fileName, { onProgress }), notify: setNotice, slash }),
  );

  const editor = useEditor({
    extensions,
    content: initialContent ?? EMPTY_DOC,
    immediatelyRender: false,
    editorProps: {
      attributes: {
        id: contentId,
        role: "textbox",
        "aria-multiline": "true",
        "aria-labelledby": labelledBy,
        "aria-describedby": `${contentId}-help`,
        "aria-placeholder": BODY_PLACEHOLDER,
        class: "article-body editor-body",
      },
    },
    onUpdate: ({ editor: current }) => {
      const next = withoutPendingImages(current.getJSON());
      setJson(next);
      onChangeRef.current?.(next);
    },
  });

  // Where the picture goes: the cursor when the picker opened (the dialog takes the focus, and the
  // browser may put the caret elsewhere when it gives it back).
  const pickerAt = useRef<number | null>(null);
  const openPicker = useCallback(
    (kind: "image" | "gallery") => {
      pickerAt.current = editor?.state.selection.from ?? null;
      setPicker(kind);
    },
    [editor],
  );
  useEffect(() => {
    slash.setActions({ openPicker });
  }, [slash, openPicker]);

  // The caret is kept clear of the action bar and the toolbar stuck above the text when the text scrolls.
  useEffect(() => {
    const toolbarElement = wrapper.current?.querySelector<HTMLElement>("[role=toolbar]");
    if (!editor || !toolbarElement) return;
    const apply = () => {
      if (editor.isDestroyed) return;
      const bar = parseFloat(getComputedStyle(document.documentElement).getPropertyValue("--editor-bar-h")) || 0;
      const top = Math.ceil(bar + toolbarElement.getBoundingClientRect().height + 16);
      editor.view.setProps({ scrollMargin: { top, bottom: 32, left: 8, right: 8 }, scrollThreshold: { top, bottom: 32, left: 8, right: 8 } });
    };
    apply();
    const observer = new ResizeObserver(apply);
    observer.observe(toolbarElement);
    observer.observe(document.documentElement);
    return () => observer.disconnect();
  }, [editor]);

  useImperativeHandle(
    ref,
    () => ({
      goTo: (from, to) => {
        if (!editor || editor.isDestroyed) return;
        const selection = selectionFor(editor, from, to);
        editor.view.dispatch(editor.state.tr.setSelection(selection));
        editor.view.focus();
        const target = editor.view.nodeDOM(selection.from) ?? editor.view.domAtPos(selection.from).node;
        const element = target instanceof HTMLElement ? target : target?.parentElement;
        element?.scrollIntoView({ block: "center" });
      },
    }),
    [editor],
  );

  const counts = useEditorState({
    editor,
    selector: ({ editor: current }) =>
      current ? { words: current.storage.characterCount.words() as number, characters: current.storage.characterCount.characters() as number } : { words: 0, characters: 0 },
  });

  function openLink(current: Editor | null = editor) {
    if (!current) return;
    const href = (current.getAttributes("link").href as string | undefined) ?? "";
    setLink({ href, needsText: current.state.selection.empty && !href });
  }
  useEffect(() => {
    onChangeRef.current = onChange;
  });

  useEffect(() => {
    const element = wrapper.current;
    if (!element) return;
    const link = () => openLink();
    // Alt+F10: the bar floating over a selection when it shows, else the toolbar.
    const focusToolbar = () => {
      const floating = bubble.current?.isConnected ? bubble.current.querySelector<HTMLButtonElement>("button:not(:disabled)") : null;
      if (floating) floating.focus();
      else toolbar.current?.focus();
    };
    element.addEventListener(EDITOR_EVENTS.openLink, link);
    element.addEventListener(EDITOR_EVENTS.focusToolbar, focusToolbar);
    return () => {
      element.removeEventListener(EDITOR_EVENTS.openLink, link);
      element.removeEventListener(EDITOR_EVENTS.focusToolbar, focusToolbar);
    };
  });

  function applyLink(href: string, text: string) {
    if (!editor) return;
    if (link?.needsText) {
      editor.chain().focus().insertContent({ type: "text", text, marks: [{ type: "link", attrs: { href } }] }).run();
    } else {
      editor.chain().focus().extendMarkRange("link").setLink({ href }).run();
    }
    setLink(null);
  }

  function removeLink() {
    editor?.chain().focus().extendMarkRange("link").unsetLink().run();
    setLink(null);
  }

  function insertMedia(list: MediaDto[]) {
    if (!editor || list.length === 0) return;
    insertBlock(editor, picker === "gallery" ? { type: "gallery", content: list.map(figureFrom) } : figureFrom(list[0]!));
    setPicker(null);
  }

  return (
    <div ref={wrapper} className="rich-text-editor rounded-md border border-line">
      <Toolbar ref={toolbar} editor={editor} controls={contentId} onLink={() => openLink()} onImage={() => openPicker("image")} onGallery={() => openPicker("gallery")}
        onLinkNumbers={() => {
          if (editor) void linkDocumentNumbersIn(editor).then(setInfo);
        }}
      />
      {editor ? (
        <>
          <EditorContent editor={editor} />
          <FormatBubble ref={bubble} editor={editor} onLink={() => openLink()} />
          <SlashMenu editor={editor} store={slash} />
        </>
      ) : (
        // Same height as the editor, so the page does not jump when it appears.
        <div className="article-body editor-body text-muted">Đang tải trình soạn thảo…</div>
      )}
      <div className="flex flex-wrap items-center justify-between gap-2 border-t border-line px-3 py-2 text-sm">
        <p id={`${contentId}-help`} className="text-muted">
          Gõ / để chèn ảnh, bảng, chú thích; ## tiêu đề, - hoặc 1. danh sách, &gt; trích dẫn. Phím tắt: Ctrl+B đậm, Ctrl+I nghiêng, Ctrl+K liên kết, Alt+F10 đến thanh
          định dạng. Dán từ Word giữ định dạng chính; ảnh dán hoặc kéo thả vào được tải lên thư viện.
        </p>
        <p className="flex gap-2">
          <span data-testid="editor-counts">
            {counts?.words ?? 0} từ · {counts?.characters ?? 0} ký tự
          </span>
          {readingTimeText(counts?.words ?? 0) && <span data-testid="reading-time">· {readingTimeText(counts?.words ?? 0)}</span>}
        </p>
      </div>
      <div role="status" aria-live="polite">
        {info && (
          <p className="flex flex-wrap items-center justify-between gap-2 border-t border-line px-3 py-2" data-testid="editor-info">
            <span>{info}</span>
            <button type="button" onClick={() => setInfo("")} className="inline-flex min-h-10 items-center rounded border border-line px-3">
              Đóng thông báo
            </button>
          </p>
        )}
        {notice && (
          <p className="flex flex-wrap items-center justify-between gap-2 border-t border-red-700 bg-red-50 px-3 py-2 text-red-900">
            <span>{notice}</span>
            <button type="button" onClick={() => setNotice("")} className="inline-flex min-h-10 items-center rounded border border-red-700 px-3">
              Đóng thông báo
            </button>
          </p>
        )}
      </div>
      <input type="hidden" name={name} value={JSON.stringify(json)} />
      {link && <LinkDialog initialHref={link.href} needsText={link.needsText} onApply={applyLink} onRemove={link.href ? removeLink : undefined} onClose={() => setLink(null)} />}
      {picker && (
        <MediaPicker
          multiple={picker === "gallery"}
          onPick={(media) => insertMedia([media])}
          onPickMany={insertMedia}
          onClose={() => {
            setPicker(null);
            const at = pickerAt.current;
            // After the dialog has given the focus back, the caret returns to where it was.
            window.setTimeout(() => editor?.commands.focus(at ?? undefined), 0);
          }}
        />
      )}
    </div>
  );
}
