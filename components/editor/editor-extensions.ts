import { Extension, type Editor, type Extensions, type JSONContent } from "@tiptap/core";
import { CharacterCount, Placeholder } from "@tiptap/extensions";
import { Fragment, Slice, type Node as PMNode, type Schema } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import type { MediaDto } from "@/lib/dal/media/store";
import { figureAttrsFromMedia, isAcceptedImageType, precheckImage } from "@/lib/media/client-upload";
import { isPendingImageSrc } from "@/lib/richtext/image-sources";
import { cleanPastedHtml } from "@/lib/richtext/paste-clean";
import { richTextExtensions } from "@/lib/richtext/extensions";
import { Figure, type UploadProgress } from "@/lib/richtext/nodes/figure";
import { slashCommandsExtension, type SlashMenuStore } from "./slash-commands";

/**
 * The editor's extensions: the shared set (so the editor and the public page agree), with the
 * figure allowed to hold a picture that is still uploading, plus what only an editor needs:
 * counts, the paste pipeline (Word/Docs cleaning, NFC, pasted and dropped pictures uploaded to the
 * media library) and a few shortcuts.
 */

export type Uploader = (file: Blob, name: string, onProgress?: (fraction: number) => void) => Promise<MediaDto>;

export type EditorHooks = {
  upload: Uploader;
  /** A Vietnamese message for the person editing (an upload failed, a file was not an image). */
  notify: (message: string) => void;
  /** The `/` menu's state, drawn by the React component; no menu without it. */
  slash?: SlashMenuStore;
};

/** What the body shows while empty (also its aria-placeholder). */
export const BODY_PLACEHOLDER = "Viết nội dung bài. Gõ / để chèn ảnh, bộ sưu tập ảnh, bảng, chú thích hoặc đường kẻ; ## tiêu đề, - danh sách, > trích dẫn.";

/** Upload progress by pending address, for the figures that show it (lib/richtext/nodes/figure.ts). */
function createProgress(): UploadProgress & { set: (src: string, fraction: number) => void; clear: (src: string) => void } {
  const values = new Map<string, number>();
  const listeners = new Map<string, Set<(fraction: number) => void>>();
  return {
    subscribe: (src, listener) => {
      const set = listeners.get(src) ?? new Set();
      set.add(listener);
      listeners.set(src, set);
      const known = values.get(src);
      if (known !== undefined) listener(known);
      return () => set.delete(listener);
    },
    set: (src, fraction) => {
      values.set(src, fraction);
      for (const listener of listeners.get(src) ?? []) listener(fraction);
    },
    clear: (src) => {
      values.delete(src);
      listeners.delete(src);
    },
  };
}

/** DOM events (bubbling from the editable area) for shortcuts whose UI lives in the React component. */
export const EDITOR_EVENTS = { openLink: "cms-editor:open-link", focusToolbar: "cms-editor:focus-toolbar" } as const;

const pasteKey = new PluginKey("cmsPaste");

/** Text from any source is stored composed (NFC); Word and old systems often hand over NFD. */
function toNfc(fragment: Fragment, schema: Schema): Fragment {
  const nodes: PMNode[] = [];
  fragment.forEach((node) => {
    if (node.isText) {
      const text = node.text!.normalize("NFC");
      nodes.push(text === node.text ? node : schema.text(text, node.marks));
    } else {
      nodes.push(node.copy(toNfc(node.content, schema)));
    }
  });
  return Fragment.fromArray(nodes);
}

/** HTML copied from a ProseMirror editor (ours) already fits the schema; cleaning it would drop figures and galleries. */
const fromProseMirror = (html: string) => /data-pm-slice=/.test(html);

export function transformPastedHtml(html: string): string {
  return fromProseMirror(html) ? html : cleanPastedHtml(html);
}

export function dataUrlToBlob(src: string): Blob | null {
  const match = /^data:(image\/(?:png|jpeg|gif|webp));base64,(.*)$/is.exec(src);
  if (!match) return null;
  try {
    const binary = atob(match[2]!.replace(/\s+/g, ""));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return new Blob([bytes], { type: match[1] });
  } catch {
    return null;
  }
}

export const EXTENSION_OF: Record<string, string> = { "image/png": "png", "image/jpeg": "jpg", "image/gif": "gif", "image/webp": "webp" };

/** The document as it may be saved: pictures still uploading are left out (and a gallery left empty by that). */
export function withoutPendingImages(json: JSONContent): JSONContent {
  if (!json.content) return json;
  const content: JSONContent[] = [];
  for (const child of json.content) {
    if (child.type === "figure" && isPendingImageSrc(child.attrs?.src)) continue;
    const cleaned = withoutPendingImages(child);
    if (cleaned.type === "gallery" && (cleaned.content?.length ?? 0) === 0) continue;
    content.push(cleaned);
  }
  return { ...json, content: json.type === "doc" && content.length === 0 ? [{ type: "paragraph" }] : content };
}

/**
 * Pasting and dropping: the Word/Docs cleaner, NFC, and pictures uploaded to the library. The state
 * (files behind blob: addresses, uploads in flight) belongs to the editor, not to a plugin view,
 * which ProseMirror may destroy and recreate while uploads are still running.
 */
function createUploads(hooks: EditorHooks) {
  const progress = createProgress();
  const files = new Map<string, File>();
  const inFlight = new Set<string>();
  let editor: Editor | null = null;

  const live = () => (editor && !editor.isDestroyed ? editor : null);

  const insertFiles = (list: File[], pos: number): boolean => {
    const current = live();
    if (!current) return false;
    const images: File[] = [];
    for (const file of list) {
      const problem = precheckImage(file) ?? (isAcceptedImageType(file.type) ? null : `“${file.name}”: chỉ chèn được ảnh JPEG, PNG, WebP hoặc GIF.`);
      if (problem) hooks.notify(problem);
      else images.push(file);
    }
    if (images.length === 0) return list.length > 0;
    const nodes = images.map((file) => {
      const src = URL.createObjectURL(file);
      files.set(src, file);
      return { type: "figure", attrs: { src, alt: "" } };
    });
    current.chain().focus().insertContentAt(Math.min(pos, current.state.doc.content.size), nodes).run();
    return true;
  };

  /** After an upload: the stand-in figures get the library's picture, or go away. */
  const settle = (src: string, media: MediaDto | null) => {
    const current = live();
    if (!current) return;
    const { state } = current.view;
    const hits: Array<{ pos: number; node: PMNode }> = [];
    state.doc.descendants((node, pos) => {
      if (node.type.name === "figure" && node.attrs.src === src) hits.push({ pos, node });
      return node.type.name !== "figure";
    });
    if (hits.length === 0) return;
    const tr = state.tr;
    for (const { pos, node } of hits.reverse()) {
      if (media) tr.setNodeMarkup(pos, undefined, { ...node.attrs, ...figureAttrsFromMedia(media, node.attrs.alt as string) });
      else tr.deleteRange(pos, pos + node.nodeSize);
    }
    // Not an undo step of its own: undo takes back the paste, not the upload.
    tr.setMeta("addToHistory", false);
    current.view.dispatch(tr);
  };

  const start = (src: string, alt: string) => {
    inFlight.add(src);
    const blob = src.startsWith("blob:") ? files.get(src) : dataUrlToBlob(src);
    const name = blob instanceof File ? blob.name : `anh-dan-vao.${EXTENSION_OF[blob?.type ?? ""] ?? "png"}`;
    const done = () => {
      inFlight.delete(src);
      progress.clear(src);
      if (src.startsWith("blob:")) {
        files.delete(src);
        URL.revokeObjectURL(src);
      }
    };
    // Started outside the current dispatch; a throwing uploader is just a failed upload.
    Promise.resolve()
      .then(() => {
        if (!blob) throw new Error("Không đọc được ảnh vừa dán.");
        return hooks.upload(blob, name, (fraction) => progress.set(src, fraction));
      })
      .then((media) => settle(src, media))
      .catch((error: unknown) => {
        settle(src, null);
        const reason = error instanceof Error ? error.message : "";
        hooks.notify(`Không tải được ảnh${alt ? ` “${alt}”` : ""} lên thư viện, ảnh đã được bỏ ra khỏi bài. ${reason}`.trim());
      })
      .finally(done);
  };

  const scan = (doc: PMNode) => {
    doc.descendants((node) => {
      if (node.type.name === "figure") {
        const src = node.attrs.src as string;
        if (isPendingImageSrc(src) && !inFlight.has(src)) start(src, node.attrs.alt as string);
        return false;
      }
      return true;
    });
  };

  const plugin = () =>
    new Plugin({
      key: pasteKey,
      props: {
        transformPastedHTML: (html) => transformPastedHtml(html),
        transformPasted: (slice, view) => new Slice(toNfc(slice.content, view.state.schema), slice.openStart, slice.openEnd),
        handlePaste: (view, event) => {
          const data = event.clipboardData;
          const list = Array.from(data?.files ?? []);
          if (list.length === 0) return false;
          // Word also puts a picture of the copied text on the clipboard: text wins whenever there is any.
          const html = data?.getData("text/html") ?? "";
          const text = html ? html.replace(/<[^>]*>/g, "").replace(/&nbsp;|\s/g, "") : (data?.getData("text/plain") ?? "").trim();
          if (text) return false;
          return insertFiles(list, view.state.selection.from);
        },
        handleDrop: (view, event, _slice, moved) => {
          const list = Array.from(event.dataTransfer?.files ?? []);
          if (moved || list.length === 0) return false;
          event.preventDefault();
          const pos = view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos ?? view.state.selection.from;
          return insertFiles(list, pos);
        },
      },
      view: (view) => {
        scan(view.state.doc);
        return {
          update: (next, previous) => {
            if (!next.state.doc.eq(previous.doc)) scan(next.state.doc);
          },
        };
      },
    });

  return {
    progress,
    attach: (current: Editor) => {
      editor = current;
    },
    plugin,
    dispose: () => {
      for (const src of files.keys()) URL.revokeObjectURL(src);
      files.clear();
    },
  };
}

/** The shared schema as the editor holds it: figures may point at a picture that is still uploading. */
export function editorSchemaExtensions(uploadProgress: UploadProgress | null = null): Extensions {
  return richTextExtensions.map((extension) => (extension.name === Figure.name ? Figure.configure({ acceptPendingSources: true, uploadProgress }) : extension));
}

export function editorExtensions(hooks: EditorHooks): Extensions {
  const uploads = createUploads(hooks);
  const EditorOnly = Extension.create({
    name: "cmsEditor",
    addProseMirrorPlugins() {
      uploads.attach(this.editor);
      return [uploads.plugin()];
    },
    onDestroy() {
      uploads.dispose();
    },
    addKeyboardShortcuts() {
      const signal = (name: string) => () => this.editor.view.dom.dispatchEvent(new CustomEvent(name, { bubbles: true }));
      return {
        "Mod-k": signal(EDITOR_EVENTS.openLink),
        // The usual way (as in other editors) to reach the toolbar from the text.
        "Alt-F10": signal(EDITOR_EVENTS.focusToolbar),
      };
    },
  });
  return [
    ...editorSchemaExtensions(uploads.progress),
    CharacterCount,
    Placeholder.configure({ placeholder: BODY_PLACEHOLDER }),
    EditorOnly,
    ...(hooks.slash ? [slashCommandsExtension(hooks.slash)] : []),
  ];
}
