import { Node, mergeAttributes } from "@tiptap/core";
import { NodeSelection } from "@tiptap/pm/state";
import { ARTICLE_IMAGE_SIZES, isAllowedImageSrc, isAllowedSrcset, isPendingImageSrc } from "@/lib/richtext/image-sources";

export type FigureOptions = {
  /**
   * The editor's own copy of the schema sets this, so that a pasted `data:` image or a dropped
   * file (`blob:`) can stand in the document while it uploads. The server never does: a stored
   * document only points at our media or at http(s) pictures.
   */
  acceptPendingSources: boolean;
  /** The editor's upload progress of a pending picture (0–1), shown in place while it uploads. */
  uploadProgress: UploadProgress | null;
};

/** Progress of the uploads in flight, by the pending picture's address. */
export type UploadProgress = { subscribe: (src: string, listener: (fraction: number) => void) => () => void };

export type FigureAttributes = {
  src: string;
  alt: string;
  width: number | null;
  height: number | null;
  /** The media library entry, so the post's image usage (post_media) can be kept in step. */
  mediaId: number | null;
  /** Fallback-format and WebP srcsets, copied from the library on insertion so rendering needs no lookup. */
  srcset: string | null;
  srcsetWebp: string | null;
};

const INVALID = "Ảnh trong bài có thông tin không hợp lệ.";

function fail(): never {
  throw new RangeError(INVALID);
}

const positiveInt = (value: unknown) => typeof value === "number" && Number.isInteger(value) && value > 0 && value < 1e7;

// Figures pasted or imported before dimensions were stored may carry them as strings of digits.
function validateDimension(value: unknown): void {
  if (value === null || positiveInt(value) || (typeof value === "string" && /^\d{1,6}$/.test(value))) return;
  fail();
}

function positiveNumber(value: string | null): number | null {
  if (!value || !/^\d{1,6}$/.test(value)) return null;
  const n = Number(value);
  return n > 0 ? n : null;
}

/** The picture of a figure: the element itself for a bare `<img>`, else the first image inside. */
function imageOf(element: HTMLElement): HTMLImageElement | null {
  return element.tagName === "IMG" ? (element as HTMLImageElement) : element.querySelector("img");
}

/**
 * A photo with its caption. The caption is the node's inline content; rendered as
 * `<figure class="figure"><picture><source type="image/webp" …><img …></picture><figcaption>`,
 * with the responsive sources when the image came from the media library, or a plain `<img>` for
 * older figures (imported legacy photos) that only have an address.
 */
export const Figure = Node.create<FigureOptions>({
  name: "figure",
  group: "block",
  content: "inline*",
  marks: "bold italic underline link",
  draggable: true,
  isolating: true,

  addOptions() {
    return { acceptPendingSources: false, uploadProgress: null };
  },

  addAttributes() {
    const acceptPending = this.options.acceptPendingSources;
    const sourceOk = (src: unknown) => isAllowedImageSrc(src) || (acceptPending && isPendingImageSrc(src));
    return {
      src: {
        default: null,
        rendered: false,
        validate: (value: unknown) => {
          if (!sourceOk(value)) fail();
        },
        parseHTML: (element: HTMLElement) => imageOf(element)?.getAttribute("src") ?? null,
      },
      alt: {
        default: "",
        rendered: false,
        validate: (value: unknown) => {
          if (typeof value !== "string" || value.length > 1000) fail();
        },
        parseHTML: (element: HTMLElement) => (imageOf(element)?.getAttribute("alt") ?? "").normalize("NFC").slice(0, 1000),
      },
      width: {
        default: null,
        rendered: false,
        validate: validateDimension,
        parseHTML: (element: HTMLElement) => positiveNumber(imageOf(element)?.getAttribute("width") ?? null),
      },
      height: {
        default: null,
        rendered: false,
        validate: validateDimension,
        parseHTML: (element: HTMLElement) => positiveNumber(imageOf(element)?.getAttribute("height") ?? null),
      },
      mediaId: {
        default: null,
        rendered: false,
        validate: (value: unknown) => {
          if (value !== null && !positiveInt(value)) fail();
        },
        parseHTML: (element: HTMLElement) => positiveNumber(element.getAttribute("data-media-id")),
      },
      srcset: {
        default: null,
        rendered: false,
        validate: (value: unknown) => {
          if (value !== null && !isAllowedSrcset(value)) fail();
        },
        parseHTML: (element: HTMLElement) => {
          const srcset = imageOf(element)?.getAttribute("srcset") ?? null;
          return isAllowedSrcset(srcset) ? srcset : null;
        },
      },
      srcsetWebp: {
        default: null,
        rendered: false,
        validate: (value: unknown) => {
          if (value !== null && !isAllowedSrcset(value)) fail();
        },
        parseHTML: (element: HTMLElement) => {
          const srcset = element.querySelector?.('source[type="image/webp"]')?.getAttribute("srcset") ?? null;
          return isAllowedSrcset(srcset) ? srcset : null;
        },
      },
    };
  },

  parseHTML() {
    const acceptPending = this.options.acceptPendingSources;
    const usable = (img: HTMLImageElement | null) => {
      const src = img?.getAttribute("src");
      return isAllowedImageSrc(src) || (acceptPending && isPendingImageSrc(src));
    };
    return [
      {
        tag: "figure",
        // A figure copied without a caption has no <figcaption>: its caption is then empty.
        contentElement: (element) => (element as HTMLElement).querySelector("figcaption") ?? (element as HTMLElement).ownerDocument.createElement("figcaption"),
        getAttrs: (element) => (usable(imageOf(element as HTMLElement)) ? null : false),
      },
      {
        // A bare picture (pasted from Word or a web page) becomes a figure with an empty caption.
        tag: "img[src]",
        getAttrs: (element) => (usable(element as HTMLImageElement) ? null : false),
      },
    ];
  },

  renderHTML({ node, HTMLAttributes }) {
    const attrs = node.attrs as FigureAttributes;
    const img = [
      "img",
      {
        src: attrs.src,
        srcset: attrs.srcset,
        sizes: attrs.srcset || attrs.srcsetWebp ? ARTICLE_IMAGE_SIZES : null,
        width: attrs.width,
        height: attrs.height,
        alt: attrs.alt ?? "",
        loading: "lazy",
        decoding: "async",
      },
    ] as const;
    const picture = attrs.srcsetWebp ? ["picture", {}, ["source", { type: "image/webp", srcset: attrs.srcsetWebp, sizes: ARTICLE_IMAGE_SIZES }], img] : img;
    // data-media-id lets a figure copied inside the editor keep its library link; the public
    // sanitizer drops it.
    const figure = mergeAttributes(HTMLAttributes, { class: "figure", "data-media-id": attrs.mediaId });
    // No empty <figcaption> on the public page for a photo without a caption.
    return node.childCount > 0 ? ["figure", figure, picture, ["figcaption", 0]] : ["figure", figure, picture];
  },

  addKeyboardShortcuts() {
    return {
      // Enter ends the caption and continues below the photo (or below its gallery); splitting a
      // caption would make a second figure without a picture.
      Enter: ({ editor }) => {
        const { $from } = editor.state.selection;
        if ($from.parent.type.name !== this.name) return false;
        let depth = $from.depth;
        if (depth > 1 && $from.node(depth - 1).type.name === "gallery") depth -= 1;
        const after = $from.after(depth);
        return editor.chain().insertContentAt(after, { type: "paragraph" }).setTextSelection(after + 1).scrollIntoView().run();
      },
      // Backspace at the start of a caption selects the photo (a second press deletes it) instead
      // of doing nothing, which is all an isolating node would otherwise allow.
      Backspace: ({ editor }) => {
        const { selection } = editor.state;
        const { $from, empty } = selection;
        if (!empty || $from.parent.type.name !== this.name || $from.parentOffset !== 0) return false;
        const pos = $from.before();
        editor.view.dispatch(editor.state.tr.setSelection(NodeSelection.create(editor.state.doc, pos)));
        return true;
      },
    };
  },

  addNodeView() {
    // Editor only (the server renders with renderHTML): the caption is typed in place, with a
    // hint while empty and a notice and a progress bar while the picture is still uploading.
    const uploadProgress = this.options.uploadProgress;
    return ({ node: initial }) => {
      const dom = document.createElement("figure");
      dom.className = "figure";
      const frame = document.createElement("div");
      frame.className = "figure-frame";
      frame.contentEditable = "false";
      const img = document.createElement("img");
      img.draggable = false;
      const status = document.createElement("span");
      status.className = "figure-status";
      status.setAttribute("role", "status");
      const bar = document.createElement("progress");
      bar.className = "figure-progress";
      bar.max = 100;
      bar.setAttribute("aria-label", "Tiến độ tải ảnh lên");
      frame.append(img, status, bar);
      let unsubscribe: (() => void) | null = null;
      let watched: string | null = null;
      const caption = document.createElement("figcaption");
      caption.setAttribute("data-placeholder", "Nhập chú thích ảnh…");
      dom.append(frame, caption);

      let current = initial;
      const apply = (node: typeof initial) => {
        const attrs = node.attrs as FigureAttributes;
        if (img.getAttribute("src") !== attrs.src) img.setAttribute("src", attrs.src ?? "");
        img.alt = attrs.alt ?? "";
        if (attrs.width && attrs.height) {
          img.width = Number(attrs.width);
          img.height = Number(attrs.height);
        }
        const pending = isPendingImageSrc(attrs.src);
        dom.classList.toggle("is-uploading", pending);
        status.textContent = pending ? "Đang tải ảnh lên…" : "";
        bar.hidden = !pending;
        if (!pending) bar.removeAttribute("value");
        const src = pending ? attrs.src : null;
        if (src !== watched) {
          unsubscribe?.();
          watched = src;
          // The status is announced once; the bar carries the figure (Playwright and screen readers read its value).
          unsubscribe = src && uploadProgress ? uploadProgress.subscribe(src, (fraction) => (bar.value = Math.round(fraction * 100))) : null;
        }
        dom.classList.toggle("is-caption-empty", node.content.size === 0);
      };
      apply(initial);
      return {
        dom,
        contentDOM: caption,
        update: (node) => {
          if (node.type !== current.type) return false;
          current = node;
          apply(node);
          return true;
        },
        // Changes to the picture frame (src swap after upload) are ours, not content edits.
        ignoreMutation: (mutation) => !caption.contains(mutation.target),
        destroy: () => unsubscribe?.(),
      };
    };
  },
});
