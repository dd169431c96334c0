"use client";

import type { Editor, JSONContent } from "@tiptap/core";
import { EditorContent, useEditor, useEditorState } from "@tiptap/react";
import { useEffect, useId, useRef, useState } from "react";
import type { MediaDto } from "@/lib/dal/media/store";
import { figureAttrsFromMedia, uploadImage } from "@/lib/media/client-upload";
import { EDITOR_EVENTS, editorExtensions, withoutPendingImages } from "./editor-extensions";
import { LinkDialog } from "./LinkDialog";
import { MediaPicker } from "./MediaPicker";
import { insertBlock, Toolbar, type ToolbarHandle } from "./Toolbar";
import "./editor.css";

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
}: {
  name: string;
  initialContent: JSONContent | null;
  labelledBy: string;
  onChange?: (json: JSONContent) => void;
}) {
  const [json, setJson] = useState<JSONContent>(() => initialContent ?? EMPTY_DOC);
  const [notice, setNotice] = useState("");
  const [link, setLink] = useState<LinkState>(null);
  const [picker, setPicker] = useState<"image" | "gallery" | null>(null);
  const contentId = useId();
  const toolbar = useRef<ToolbarHandle>(null);
  const wrapper = useRef<HTMLDivElement>(null);
  const onChangeRef = useRef(onChange);

  // Built once per editor: the schema must not change under it.
  const [extensions] = useState(() => editorExtensions({ upload: (file, fileName) => uploadImage(file, fileName), notify: setNotice }));

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
        class: "article-body editor-body",
      },
    },
    onUpdate: ({ editor: current }) => {
      const next = withoutPendingImages(current.getJSON());
      setJson(next);
      onChangeRef.current?.(next);
    },
  });

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
    const focusToolbar = () => toolbar.current?.focus();
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
      <Toolbar ref={toolbar} editor={editor} controls={contentId} onLink={() => openLink()} onImage={() => setPicker("image")} onGallery={() => setPicker("gallery")} />
      {editor ? (
        <EditorContent editor={editor} />
      ) : (
        // Same height as the editor, so the page does not jump when it appears.
        <div className="article-body editor-body text-muted">Đang tải trình soạn thảo…</div>
      )}
      <div className="flex flex-wrap items-center justify-between gap-2 border-t border-line px-3 py-2 text-sm">
        <p id={`${contentId}-help`} className="text-muted">
          Phím tắt: Ctrl+B đậm, Ctrl+I nghiêng, Ctrl+U gạch chân, Ctrl+K liên kết, Alt+F10 đến thanh công cụ. Dán từ Word giữ định dạng chính; ảnh dán vào được tải lên thư viện.
        </p>
        <p data-testid="editor-counts">
          {counts?.words ?? 0} từ · {counts?.characters ?? 0} ký tự
        </p>
      </div>
      <div role="status" aria-live="polite">
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
            editor?.commands.focus();
          }}
        />
      )}
    </div>
  );
}
